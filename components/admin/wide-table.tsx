import type { ReactNode } from "react";

/**
 * A table that scrolls sideways inside its panel on a narrow screen instead of widening the
 * whole page; a named, focusable region so keyboard users can scroll it too.
 */
export function WideTable({ label, busy = false, children }: { label: string; busy?: boolean; children: ReactNode }) {
  // `busy`: its rows are about to be replaced (a filter changed): dimmed, and aria-busy for screen readers.
  return (
    <div
      role="region"
      aria-label={label}
      aria-busy={busy}
      tabIndex={0}
      className={`overflow-x-auto transition-opacity [&_td]:pr-3 [&_th]:pr-3 ${busy ? "opacity-50" : ""}`}
    >
      {children}
    </div>
  );
}
