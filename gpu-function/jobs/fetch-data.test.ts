// training_file_url is outbound traffic a caller chooses: it must not reach the server's own
// network (SSRF), and what a fetched URL answered must never come back through job events.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPublicText, isPublicAddress, PublicFetchError } from "../shared/public-fetch";
import type { FineTuningJob } from "./job";
import { FineTuningService } from "./service";

const scripted = fileURLToPath(new URL("./testing/scripted-worker.ts", import.meta.url));
const root = fs.mkdtempSync(path.join(os.tmpdir(), "ft-fetch-"));
const SECRET_FIELD = "aws_secret_access_key";
const requests: string[] = [];
let files: http.Server;
let port: number;
const services: FineTuningService[] = [];

beforeAll(async () => {
  files = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url === "/metadata") return res.end(`{"${SECRET_FIELD}":"AKIA-EXAMPLE","Token":"t0ps3cret"}\n`);
    if (req.url === "/not-json") return res.end("<html>internal admin console: SECRET-BANNER</html>");
    if (req.url?.startsWith("/hop")) return res.writeHead(302, { location: "/hop" }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => files.listen(0, "127.0.0.1", r));
  port = (files.address() as AddressInfo).port;
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await new Promise((r) => files.close(r));
  fs.rmSync(root, { recursive: true, force: true });
});

function service(allowPrivateFetch: boolean): FineTuningService {
  process.env.SCRIPTED_WORKER = "succeed";
  const s = new FineTuningService({
    resolveBaseModel: (m) => (m === "tiny-base" ? { id: "tiny-base", dir: root } : undefined),
    jobsDir: fs.mkdtempSync(path.join(root, "jobs-")),
    workerFile: scripted,
    allowPrivateFetch,
    log: () => {},
  });
  services.push(s);
  return s;
}

async function finished(s: FineTuningService, id: string): Promise<FineTuningJob> {
  const end = Date.now() + 20_000;
  while (!["succeeded", "failed", "cancelled"].includes(s.get(id).status)) {
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(s.get(id))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return s.get(id);
}

describe("outbound fetches of user-supplied URLs", () => {
  it("classifies private, loopback, link-local and reserved addresses as not public", () => {
    for (const a of [
      "127.0.0.1",
      "10.0.0.8",
      "172.16.4.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "100.64.0.1",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ["8.8.8.8", "151.101.1.69", "2606:4700::1111"]) expect(isPublicAddress(a), a).toBe(true);
  });

  it("refuses a host name that resolves to loopback without sending it a request", async () => {
    const before = requests.length;
    const err = await fetchPublicText(`http://localhost:${port}/metadata`, { maxBytes: 1 << 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublicFetchError);
    expect((err as PublicFetchError).code).toBe("address_not_allowed");
    expect(requests.length).toBe(before);
  });

  it("follows only a bounded number of redirects", async () => {
    const err = await fetchPublicText(`http://127.0.0.1:${port}/hop`, { maxBytes: 1 << 20, allowPrivate: true }).catch((e: unknown) => e);
    expect((err as PublicFetchError).code).toBe("too_many_redirects");
  });

  it("fails a job whose training file URL resolves to loopback, before fetching it", async () => {
    const s = service(false);
    const before = requests.length;
    const job = await s.create({ model: "tiny-base", training_file_url: `http://localhost:${port}/metadata` });
    const done = await finished(s, job.id);
    expect(done.status).toBe("failed");
    expect(done.error?.code).toBe("url_not_allowed");
    expect(requests.length).toBe(before);
  });

  it("never echoes what a fetched URL answered (field names, content) in job errors or events", async () => {
    const s = service(true); // even where private fetches are allowed
    for (const file of ["/metadata", "/not-json"]) {
      const job = await s.create({ model: "tiny-base", training_file_url: `http://127.0.0.1:${port}${file}` });
      const done = await finished(s, job.id);
      expect(done.status).toBe("failed");
      const everything = JSON.stringify([done, s.store.listEvents(job.id, 1000).data]);
      for (const leaked of [SECRET_FIELD, "Token", "t0ps3cret", "AKIA", "SECRET-BANNER", "admin console"])
        expect(everything, file).not.toContain(leaked);
    }
  });
});
