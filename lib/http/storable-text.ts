// Text that Postgres cannot store, found in a parsed JSON body before it reaches a query:
// a NUL character (text/jsonb refuse "\u0000": the query fails and the request ends in a 500)
// and an unpaired UTF-16 surrogate (a "\ud800" escape; the driver would silently store U+FFFD
// instead, so what was sent is lost). Walks strings and object keys, depth- and size-bounded.

export interface UnstorableText {
  /** Where in the body, as zod names a path ("origins.0", "name"); "" for the body itself. */
  path: string;
  problem: "nul" | "lone_surrogate";
}

const MAX_DEPTH = 64;

/**
 * Whether text is well-formed UTF-16 (no unpaired surrogate, which JSON's "\ud800" escape can
 * carry and Postgres text/jsonb cannot store). String.prototype.isWellFormed, without ES2024 lib types.
 */
export function isWellFormedText(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function problemOf(text: string): UnstorableText["problem"] | null {
  if (text.includes("\u0000")) return "nul";
  if (!isWellFormedText(text)) return "lone_surrogate";
  return null;
}

/** The first string (or key) in `value` that Postgres cannot store as sent, or null. */
export function findUnstorableText(value: unknown): UnstorableText | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === "string") {
      const problem = problemOf(v);
      if (problem) return { path, problem };
      continue;
    }
    if (v === null || typeof v !== "object" || depth >= MAX_DEPTH) continue;
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const at = path ? `${path}.${key}` : key;
      const keyProblem = Array.isArray(v) ? null : problemOf(key);
      if (keyProblem) return { path: at, problem: keyProblem };
      stack.push({ value: item, path: at, depth: depth + 1 });
    }
  }
  return null;
}

/** The reason to give the sender, naming the field. */
export function unstorableTextReason({ path, problem }: UnstorableText): string {
  const where = path ? `The field "${path.slice(0, 100)}"` : "The request body";
  return problem === "nul"
    ? `${where} contains a NUL character (\\u0000), which cannot be stored. Remove it and try again.`
    : `${where} contains invalid Unicode (an unpaired surrogate character). Please retype it.`;
}
