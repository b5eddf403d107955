import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedFrameAncestors, FRAME_NONE } from "./frame-ancestors";

// A real HTTP server standing in for the app's /api/widget/sites/:key.
const sites: Record<string, { enabled: boolean; allowedOrigins: string[] }> = {
  ws_aaaaaaaaaaaaaaaaaaaaaaaa: { enabled: true, allowedOrigins: ["https://clinic.example", "http://localhost:4000"] },
  ws_bbbbbbbbbbbbbbbbbbbbbbbb: { enabled: false, allowedOrigins: ["https://closed.example"] },
  ws_cccccccccccccccccccccccc: { enabled: true, allowedOrigins: ["https://ok.example", "https://x.example; script-src *"] },
};
let server: http.Server;
let origin: string;
let hits = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    const key = req.url?.split("/").pop() ?? "";
    const site = sites[key];
    if (!site) return res.writeHead(404).end("{}");
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(site));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("embedFrameAncestors", () => {
  it("lists an enabled site's origins, and asks the app once within the cache time", async () => {
    const before = hits;
    expect(await embedFrameAncestors("ws_aaaaaaaaaaaaaaaaaaaaaaaa", origin)).toBe("https://clinic.example http://localhost:4000");
    expect(await embedFrameAncestors("ws_aaaaaaaaaaaaaaaaaaaaaaaa", origin)).toBe("https://clinic.example http://localhost:4000");
    expect(hits - before).toBe(1);
  });

  it("refuses framing for disabled, unknown or malformed sites and when the app cannot be reached", async () => {
    expect(await embedFrameAncestors("ws_bbbbbbbbbbbbbbbbbbbbbbbb", origin)).toBe(FRAME_NONE);
    expect(await embedFrameAncestors("ws_dddddddddddddddddddddddd", origin)).toBe(FRAME_NONE);
    expect(await embedFrameAncestors("../../admin", origin)).toBe(FRAME_NONE);
    expect(await embedFrameAncestors(null, origin)).toBe(FRAME_NONE);
    expect(await embedFrameAncestors("ws_eeeeeeeeeeeeeeeeeeeeeeee", "http://127.0.0.1:9")).toBe(FRAME_NONE);
  });

  it("never lets a stored value inject CSP directives", async () => {
    expect(await embedFrameAncestors("ws_cccccccccccccccccccccccc", origin)).toBe("https://ok.example");
  });
});
