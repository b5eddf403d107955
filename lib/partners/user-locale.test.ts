// The user's locale a partner passes for the emergency notice: `locale`, `metadata.locale`
// (what the official OpenAI client sends without casts) or the Accept-Language header.
import { describe, expect, it } from "vitest";
import { chatCompletionRequestSchema, userLocaleOf } from "./wire";

const ask = { model: "medchat", messages: [{ role: "user", content: "hi" }] };

describe("userLocaleOf", () => {
  it("prefers the locale field, then metadata.locale, then Accept-Language", () => {
    const withBoth = chatCompletionRequestSchema.parse({ ...ask, locale: "en-GB", metadata: { locale: "fr-FR" } });
    expect(userLocaleOf(withBoth, "th-TH,th;q=0.9")).toBe("en-GB");
    const metadataOnly = chatCompletionRequestSchema.parse({ ...ask, metadata: { locale: "th-TH", session: "x" } });
    expect(userLocaleOf(metadataOnly, "de-DE")).toBe("th-TH");
    const headerOnly = chatCompletionRequestSchema.parse(ask);
    expect(userLocaleOf(headerOnly, "pt-BR,pt;q=0.9,en;q=0.5")).toBe("pt-BR");
    expect(userLocaleOf(headerOnly, null)).toBeUndefined();
  });

  it("ignores values that are not BCP 47 tags instead of passing them on", () => {
    const bad = chatCompletionRequestSchema.parse({ ...ask, metadata: { locale: "en US; drop" } });
    expect(userLocaleOf(bad, "*")).toBeUndefined();
    expect(userLocaleOf(bad, "x".repeat(5000))).toBeUndefined();
    expect(userLocaleOf(bad, "es-MX;q=1")).toBe("es-MX");
  });

  it("refuses metadata that is not a map of strings", () => {
    expect(chatCompletionRequestSchema.safeParse({ ...ask, metadata: { locale: 5 } }).success).toBe(false);
  });
});
