// The loader stays within its budget and the committed public/widget.js is its current build.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleWidget, gzipSize, WIDGET_BUDGET_GZIP_BYTES, WIDGET_OUTPUT } from "@/scripts/build-widget";

describe("widget loader", () => {
  it("is at most 6 KB gzipped and public/widget.js is up to date (npm run build:widget)", async () => {
    const code = await bundleWidget();
    expect(gzipSize(code)).toBeLessThanOrEqual(WIDGET_BUDGET_GZIP_BYTES);
    expect(fs.readFileSync(WIDGET_OUTPUT, "utf8")).toBe(code);
  });
});
