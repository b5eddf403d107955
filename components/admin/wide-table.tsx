import type { ReactNode } from "react";

/**
 * A table that scrolls sideways inside its panel on a narrow screen instead of widening the
 * whole page; a named, focusable region so keyboard users can scroll it too.
 */
export function WideTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto [&_td]:pr-3 [&_th]:pr-3">
      {children}
    </div>
  );
}
