// HTML through html-to-text: headings are re-emitted as Markdown headings so the page
// gets the same section structure as a Markdown file; navigation and scripts are dropped.
import { convert, type FormatCallback, type SelectorDefinition } from "html-to-text";
import type { SourceDocument } from "../types";
import { markdownSections } from "./markdown";
import { ImportError, fileDocument, titleFromPath, type ImportContext } from "./types";

const markdownHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  const level = Number(/^h([1-6])$/i.exec(elem.name ?? "")?.[1] ?? 2);
  builder.openBlock({ leadingLineBreaks: formatOptions.leadingLineBreaks ?? 2 });
  builder.addLiteral(`${"#".repeat(level)} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: formatOptions.trailingLineBreaks ?? 1 });
};

const selectors: SelectorDefinition[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ selector: `h${n}`, format: "markdownHeading" })),
  { selector: "a", options: { ignoreHref: true } },
  { selector: "img", format: "skip" },
  ...["nav", "script", "style", "noscript", "footer", "header", "form", "button", "svg"].map((selector) => ({
    selector,
    format: "skip",
  })),
];

function decodeEntities(s: string): string {
  return convert(s, { wordwrap: false }).trim();
}

export function importHtml(html: string, ctx: ImportContext): SourceDocument {
  if (!/<[a-z!]/i.test(html)) throw new ImportError("not HTML: no tags found");
  const text = convert(html, { wordwrap: false, formatters: { markdownHeading }, selectors, baseElements: { selectors: ["body"] } });
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ?? null;
  const { title, sections } = markdownSections(text, titleTag ? decodeEntities(titleTag) : "");
  const finalTitle = title || titleFromPath(ctx.relPath);
  for (const s of sections) if (!s.headingPath[0]) s.headingPath[0] = finalTitle;
  if (sections.length === 0) throw new ImportError("no text content in <body>");
  return fileDocument(ctx, { title: finalTitle, sections, url: canonical && /^https?:\/\//.test(canonical) ? canonical : null });
}
