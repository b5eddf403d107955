// Postgres array literals for bound parameters (text[] / float8[] / boolean[] / int[]): one
// parameter per array instead of one per element, and the same form for PGlite and pg.
export const pgTextArray = (xs: string[]): string => `{${xs.map((x) => `"${x.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
export const pgFloatArray = (xs: number[]): string => `{${xs.map((x) => (Number.isFinite(x) ? x : 0)).join(",")}}`;
export const pgBoolArray = (xs: boolean[]): string => `{${xs.join(",")}}`;
export const pgIntArray = (xs: number[]): string => `{${xs.map((x) => (Number.isInteger(x) ? x : 0)).join(",")}}`;
/** A text[] column as read back: an array (PGlite) or its literal form ('{a,"b c"}', some drivers). */
export const parsePgTextArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, "")
        .split(",")
        .filter(Boolean)
        .map((s) => s.replace(/^"|"$/g, ""));
