import { describe, expect, it } from "vitest";
import { findUnstorableText, unstorableTextReason } from "./storable-text";

describe("findUnstorableText", () => {
  it("finds a NUL or a lone surrogate anywhere in a parsed JSON body, naming the field", () => {
    expect(findUnstorableText(JSON.parse(`{"name":"Clinic\\u0000app"}`))).toEqual({ path: "name", problem: "nul" });
    expect(findUnstorableText(JSON.parse(`{"origins":["https://a.example","https://\\ud800.example"]}`))).toEqual({
      path: "origins.1",
      problem: "lone_surrogate",
    });
    expect(findUnstorableText(JSON.parse(`{"contacts":{"en-US":{"number":"9\\u00001"}}}`))).toEqual({
      path: "contacts.en-US.number",
      problem: "nul",
    });
    expect(findUnstorableText(JSON.parse(`{"a\\u0000":1}`))).toEqual({ path: "a\u0000", problem: "nul" });
    expect(findUnstorableText("\udc00")).toEqual({ path: "", problem: "lone_surrogate" });
  });

  it("passes ordinary text, emoji (paired surrogates), numbers and nulls", () => {
    expect(findUnstorableText({ name: "Clínica 🩺 北京", n: 3, ok: true, none: null, list: ["a", { b: "c" }] })).toBeNull();
  });

  it("stays bounded on a deeply nested body", () => {
    let deep: unknown = "x\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const started = performance.now();
    expect(findUnstorableText(deep)).toBeNull(); // deeper than anything a route's schema accepts
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("gives a reason that names the field and what to do", () => {
    expect(unstorableTextReason({ path: "name", problem: "nul" })).toMatch(/"name" contains a NUL character .*Remove it/);
    expect(unstorableTextReason({ path: "", problem: "lone_surrogate" })).toMatch(/request body contains invalid Unicode/);
  });
});
