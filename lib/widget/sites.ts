// Widget sites: which websites may embed the chat widget, from which origins, and with
// which "talk to a person" link. Used by the sites CLI, the admin console, /embed and
// /api/chat, so every caller applies the same rules.
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { widgetSites } from "@/lib/db/schema";
import { normalizeOrigin, normalizeOrigins, OriginError } from "./origins";
import { isSiteKey, newSiteKey } from "./site-key";

export { isSiteKey } from "./site-key";

export type WidgetSite = typeof widgetSites.$inferSelect;

export class WidgetSiteError extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly code: "invalid_site" | "unknown_site" | "site_disabled" | "origin_not_allowed",
    message: string,
  ) {
    super(message);
    this.name = "WidgetSiteError";
  }
}

const MAX_NAME = 120;

function checkName(name: string): string {
  const trimmed = name.replace(/\s+/g, " ").trim();
  if (!trimmed) throw new WidgetSiteError(400, "invalid_site", "A site needs a name.");
  if (trimmed.length > MAX_NAME) throw new WidgetSiteError(400, "invalid_site", `A site name is at most ${MAX_NAME} characters.`);
  return trimmed;
}

function checkLink(url: string | null | undefined): string | null {
  if (url === undefined || url === null || url.trim() === "") return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol === "https:" || parsed.protocol === "http:" || parsed.protocol === "mailto:" || parsed.protocol === "tel:")
      return parsed.toString();
  } catch {
    // fall through
  }
  throw new WidgetSiteError(400, "invalid_site", `"${url}" is not a usable link (http(s), mailto: or tel:).`);
}

function origins(inputs: readonly string[]): string[] {
  try {
    return normalizeOrigins(inputs);
  } catch (error) {
    if (error instanceof OriginError) throw new WidgetSiteError(400, "invalid_site", error.message);
    throw error;
  }
}

export interface WidgetSiteInput {
  name: string;
  allowedOrigins: readonly string[];
  talkToPersonUrl?: string | null;
  enabled?: boolean;
}

export async function createWidgetSite(db: Db, input: WidgetSiteInput): Promise<WidgetSite> {
  const rows = await db
    .insert(widgetSites)
    .values({
      id: newSiteKey(),
      name: checkName(input.name),
      allowedOrigins: origins(input.allowedOrigins),
      talkToPersonUrl: checkLink(input.talkToPersonUrl),
      enabled: input.enabled ?? true,
    })
    .returning();
  return rows[0];
}

export async function listWidgetSites(db: Db): Promise<WidgetSite[]> {
  return db.select().from(widgetSites).orderBy(desc(widgetSites.createdAt));
}

export async function getWidgetSite(db: Db, siteKey: string): Promise<WidgetSite | undefined> {
  if (!isSiteKey(siteKey)) return undefined;
  const rows = await db.select().from(widgetSites).where(eq(widgetSites.id, siteKey)).limit(1);
  return rows[0];
}

export type WidgetSitePatch = Partial<WidgetSiteInput>;

/** Updates a site; returns the row before and after (for the admin audit log), or undefined when unknown. */
export async function updateWidgetSite(
  db: Db,
  siteKey: string,
  patch: WidgetSitePatch,
): Promise<{ before: WidgetSite; after: WidgetSite } | undefined> {
  const before = await getWidgetSite(db, siteKey);
  if (!before) return undefined;
  const values: Partial<typeof widgetSites.$inferInsert> = { updatedAt: sql`now()` as unknown as Date };
  if (patch.name !== undefined) values.name = checkName(patch.name);
  if (patch.allowedOrigins !== undefined) values.allowedOrigins = origins(patch.allowedOrigins);
  if (patch.talkToPersonUrl !== undefined) values.talkToPersonUrl = checkLink(patch.talkToPersonUrl);
  if (patch.enabled !== undefined) values.enabled = patch.enabled;
  const rows = await db.update(widgetSites).set(values).where(eq(widgetSites.id, siteKey)).returning();
  return { before, after: rows[0] };
}

export async function deleteWidgetSite(db: Db, siteKey: string): Promise<WidgetSite | undefined> {
  if (!isSiteKey(siteKey)) return undefined;
  const rows = await db.delete(widgetSites).where(eq(widgetSites.id, siteKey)).returning();
  return rows[0];
}

/**
 * The site a widget request may chat for: known, enabled, and embedded by one of its
 * origins. Throws WidgetSiteError (403/404) with a reason a site owner can act on.
 */
export async function authorizeWidget(
  db: Db,
  siteKey: string,
  hostOrigin: string | undefined,
): Promise<{ site: WidgetSite; origin: string }> {
  const site = await getWidgetSite(db, siteKey);
  if (!site)
    throw new WidgetSiteError(
      404,
      "unknown_site",
      "This chat widget is not registered. The site owner needs a site key from MedChat (npm run sites -- create).",
    );
  if (!site.enabled) throw new WidgetSiteError(403, "site_disabled", "This chat widget has been turned off by its operator.");
  let origin: string | undefined;
  try {
    origin = hostOrigin ? normalizeOrigin(hostOrigin) : undefined;
  } catch {
    origin = undefined;
  }
  if (!origin || !site.allowedOrigins.includes(origin)) {
    throw new WidgetSiteError(
      403,
      "origin_not_allowed",
      `This chat widget is not allowed on ${origin ?? "this page"}. The site owner can add the origin to the site's allowed origins.`,
    );
  }
  return { site, origin };
}
