// Small helpers to write a long pattern from named parts instead of one long literal.

/** A RegExp from a template whose `${parts}` are alternations or other patterns: rx`\b${CHEST} ${PAIN}\b`. */
export function rx(strings: TemplateStringsArray, ...parts: (string | RegExp)[]): RegExp {
  return new RegExp(String.raw({ raw: strings.raw }, ...parts.map((part) => (typeof part === "string" ? part : part.source))));
}

/** A non-capturing alternation: anyOf("pecho", "torax") → "(?:pecho|torax)". */
export function anyOf(...alternatives: string[]): string {
  return `(?:${alternatives.join("|")})`;
}

/** Zero to `n` filler words, each followed by one space (place it right after a space). */
export function gap(n: number): string {
  return `(?:\\w+ ){0,${n}}`;
}
