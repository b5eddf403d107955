// A partner who calls a route with the wrong method gets OpenAI's error shape and `Allow`,
// not Next.js's empty 405 (which the official clients report as an unexplained failure).
import { describe, expect, it } from "vitest";
import * as completions from "@/app/api/v1/chat/completions/route";
import * as models from "@/app/api/v1/models/route";
import * as usage from "@/app/api/v1/usage/route";

async function expectWrongMethod(response: Response, allow: string) {
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe(allow);
  const body = (await response.json()) as { error: { type: string; code: string; message: string } };
  expect(body.error).toMatchObject({ type: "invalid_request_error", code: "method_not_allowed" });
  return body.error.message;
}

describe("partner routes refuse other methods in OpenAI's shape", () => {
  it("GET /api/v1/chat/completions says to use POST", async () => {
    const message = await expectWrongMethod(completions.GET(new Request("http://127.0.0.1/api/v1/chat/completions")), "POST, OPTIONS");
    expect(message).toBe("GET is not supported on /api/v1/chat/completions; use POST.");
  });

  it("POST /api/v1/models and DELETE /api/v1/usage say to use GET", async () => {
    await expectWrongMethod(models.POST(new Request("http://127.0.0.1/api/v1/models", { method: "POST" })), "GET, OPTIONS");
    await expectWrongMethod(usage.DELETE(new Request("http://127.0.0.1/api/v1/usage", { method: "DELETE" })), "GET, OPTIONS");
  });
});
