"use client";

import { memo } from "react";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/** Turns the answer's [n] (and [n, m]) citation markers into links to the numbered sources below the answer. */
function linkCitations(text: string, anchorPrefix: string, sourceCount: number): string {
  return text.replace(/\[(\d{1,2}(?:, ?\d{1,2}){0,5})\](?!\()/g, (whole, list: string) => {
    const numbers = list.split(/, ?/).map(Number);
    if (!numbers.every((n) => n >= 1 && n <= sourceCount)) return whole;
    return numbers.map((n) => `[\\[${n}\\]](#${anchorPrefix}${n})`).join("");
  });
}

/**
 * A markdown image in model output is shown as a link, never fetched: loading it would let
 * whoever wrote the text (a prompt injection in a source, say) track readers or carry
 * conversation text out in the URL. The CSP's img-src backs this up.
 */
function ImageAsLink({ src, alt }: { src?: unknown; alt?: string }) {
  const label = alt?.trim() ? `Image: ${alt.trim()}` : "Image link";
  const href = typeof src === "string" && /^https?:\/\//i.test(src) ? src : undefined;
  if (!href) return <span className="image-placeholder">[{label}]</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="image-link" data-testid="markdown-image-link">
      [{label}]
    </a>
  );
}

export const Markdown = memo(function Markdown({
  text,
  anchorPrefix,
  sourceCount,
  sourceTitles,
}: {
  text: string;
  anchorPrefix: string;
  sourceCount: number;
  sourceTitles?: string[];
}) {
  return (
    <div className="markdown break-words leading-relaxed">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        // Model output is untrusted: no raw HTML, and links open safely.
        skipHtml
        components={{
          img: ({ src, alt }) => <ImageAsLink src={src} alt={alt} />,
          a: ({ href, children }) =>
            href?.startsWith(`#${anchorPrefix}`) ? (
              <a
                href={href}
                className="citation align-super text-xs font-semibold text-blue-700 no-underline dark:text-blue-300"
                aria-label={`Source ${href.slice(anchorPrefix.length + 1)}`}
                title={sourceTitles?.[Number(href.slice(anchorPrefix.length + 1)) - 1]}
              >
                {children}
              </a>
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {children}
              </a>
            ),
        }}
      >
        {linkCitations(text, anchorPrefix, sourceCount)}
      </ReactMarkdown>
    </div>
  );
});
