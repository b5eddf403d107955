import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { normalizeOrigin } from "./origins";
import {
  authorizeWidget,
  createWidgetSite,
  deleteWidgetSite,
  getWidgetSite,
  listWidgetSites,
  updateWidgetSite,
  WidgetSiteError,
} from "./sites";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
});
afterAll(async () => handle?.close());

describe("origins", () => {
  it("normalises what site owners type to browser origins", () => {
    expect(normalizeOrigin("https://Clinic.Example/")).toBe("https://clinic.example");
    expect(normalizeOrigin("clinic.example:8443")).toBe("https://clinic.example:8443");
    expect(normalizeOrigin("http://localhost:4000")).toBe("http://localhost:4000");
  });

  it.each([
    ["javascript:alert(1)"],
    ["https://*.example.com"],
    ["https://clinic.example/page"],
    ["ftp://clinic.example"],
    ["https://u:p@clinic.example"],
    [""],
  ])("refuses %j with a reason", (input) => {
    expect(() => normalizeOrigin(input)).toThrow(/origin|allowed|wildcard|path/i);
  });
});

describe("widget sites", () => {
  it("creates a site with a public key and normalised, de-duplicated origins", async () => {
    const site = await createWidgetSite(handle.db, {
      name: "  Riverside   Clinic ",
      allowedOrigins: ["https://riverside.example/", "riverside.example"],
      talkToPersonUrl: "tel:+15550100",
    });
    expect(site.id).toMatch(/^ws_[A-Za-z0-9]{24}$/);
    expect(site.name).toBe("Riverside Clinic");
    expect(site.allowedOrigins).toEqual(["https://riverside.example"]);
    expect(site.talkToPersonUrl).toBe("tel:+15550100");
    expect((await listWidgetSites(handle.db)).map((s) => s.id)).toContain(site.id);
  });

  it("refuses bad input with a 400 and a reason", async () => {
    await expect(createWidgetSite(handle.db, { name: "x", allowedOrigins: [] })).rejects.toMatchObject({
      status: 400,
      message: /at least one/,
    });
    await expect(createWidgetSite(handle.db, { name: "", allowedOrigins: ["https://a.example"] })).rejects.toMatchObject({ status: 400 });
    await expect(
      createWidgetSite(handle.db, { name: "x", allowedOrigins: ["https://a.example"], talkToPersonUrl: "javascript:alert(1)" }),
    ).rejects.toBeInstanceOf(WidgetSiteError);
  });

  it("authorises only a known, enabled site embedded by one of its origins", async () => {
    const site = await createWidgetSite(handle.db, { name: "Lakeside", allowedOrigins: ["https://lakeside.example"] });
    await expect(authorizeWidget(handle.db, site.id, "https://lakeside.example")).resolves.toMatchObject({
      origin: "https://lakeside.example",
    });
    await expect(authorizeWidget(handle.db, site.id, "https://evil.example")).rejects.toMatchObject({
      status: 403,
      code: "origin_not_allowed",
    });
    await expect(authorizeWidget(handle.db, site.id, undefined)).rejects.toMatchObject({ code: "origin_not_allowed" });
    await expect(authorizeWidget(handle.db, "ws_unknownunknownunknown00", "https://lakeside.example")).rejects.toMatchObject({
      status: 404,
      code: "unknown_site",
    });
    await expect(authorizeWidget(handle.db, "not a key'; drop table", "https://lakeside.example")).rejects.toMatchObject({
      code: "unknown_site",
    });

    const change = await updateWidgetSite(handle.db, site.id, { enabled: false });
    expect(change?.before.enabled).toBe(true);
    expect(change?.after.enabled).toBe(false);
    await expect(authorizeWidget(handle.db, site.id, "https://lakeside.example")).rejects.toMatchObject({
      status: 403,
      code: "site_disabled",
    });

    expect((await deleteWidgetSite(handle.db, site.id))?.id).toBe(site.id);
    expect(await getWidgetSite(handle.db, site.id)).toBeUndefined();
  });
});
