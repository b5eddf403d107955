// Builds the widget loader (components/widget/loader.ts) into public/widget.js and
// fails when it exceeds its size budget (6 KB gzipped). `npm run build` runs it first.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
export const WIDGET_SOURCE = path.join(ROOT, "components/widget/loader.ts");
export const WIDGET_OUTPUT = path.join(ROOT, "public/widget.js");
export const WIDGET_BUDGET_GZIP_BYTES = 6 * 1024;

/** The minified loader, deterministic for the same source. */
export async function bundleWidget(): Promise<string> {
  const result = await build({
    entryPoints: [WIDGET_SOURCE],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    write: false,
    legalComments: "none",
    banner: { js: "/* MedChat widget loader — https://github.com/medchat (educational information, not medical advice) */" },
  });
  return result.outputFiles[0].text;
}

export function gzipSize(text: string): number {
  return zlib.gzipSync(Buffer.from(text), { level: 9 }).byteLength;
}

async function main() {
  const code = await bundleWidget();
  const size = gzipSize(code);
  if (size > WIDGET_BUDGET_GZIP_BYTES) {
    console.error(`[widget] public/widget.js is ${size} bytes gzipped: over the ${WIDGET_BUDGET_GZIP_BYTES}-byte budget.`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(WIDGET_OUTPUT), { recursive: true });
  fs.writeFileSync(WIDGET_OUTPUT, code);
  console.log(`[widget] public/widget.js: ${code.length} bytes, ${size} bytes gzipped (budget ${WIDGET_BUDGET_GZIP_BYTES})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
