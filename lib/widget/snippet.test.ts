import { describe, expect, it } from "vitest";
import { guessedAppUrlNote, snippetAppUrl, widgetSnippet } from "./snippet";

describe("the widget tag's app address", () => {
  it("uses --app-url, then APP_URL, and says so when it had to guess from PORT", () => {
    expect(snippetAppUrl("https://medchat.example/", { APP_URL: "http://x:1" })).toEqual({
      url: "https://medchat.example/",
      guessed: false,
    });
    expect(snippetAppUrl(undefined, { APP_URL: "https://chat.clinic.example" })).toEqual({
      url: "https://chat.clinic.example",
      guessed: false,
    });
    expect(snippetAppUrl(undefined, { PORT: "3153" })).toEqual({ url: "http://127.0.0.1:3153", guessed: true });
    expect(snippetAppUrl(undefined, {})).toEqual({ url: "http://127.0.0.1:3000", guessed: true });
  });

  it("prints one script tag at the app's origin, and a note telling how to change a guessed address", () => {
    expect(widgetSnippet("http://127.0.0.1:3153/some/path", "ws_abc")).toBe(
      '<script src="http://127.0.0.1:3153/widget.js" data-site-key="ws_abc" async></script>',
    );
    expect(guessedAppUrlNote("http://127.0.0.1:3000", "ws_abc")).toContain("npm run sites -- snippet ws_abc --app-url");
  });
});
