// Splits normalised text into clauses so that a negation ("no chest pain") or a distant-past
// marker ("last year") stays local to its clause. Language-neutral apart from the
// contrastive words ("but", "pero"), which each language passes in.

const ENGLISH_CONTRAST = /\s(?:but|however|although|though)\s/;

/** A clause plus the offsets where a comma or colon stood (a pause that ends a negation's scope). */
export interface Clause {
  text: string;
  pauses: number[];
}

/** Splits normalised text into clauses at sentence ends (not decimal points: "38.5", "2.1") and contrastive "but"/"however"/"although"; commas are dropped but remembered as pauses. */
export function splitClausesWithPauses(normalized: string, contrast: RegExp = ENGLISH_CONTRAST): Clause[] {
  const clauses: Clause[] = [];
  const boundary = new RegExp(`(?:(?<!\\d)\\.|\\.(?!\\d)|[!?;\\n])+|${contrast.source}`);
  for (const raw of normalized.split(boundary)) {
    let text = "";
    const pauses: number[] = [];
    for (const token of raw.replace(/[,:]/g, " , ").split(/\s+/)) {
      if (token === "") continue;
      if (token === ",") {
        if (text.length > 0) pauses.push(text.length + 1);
        continue;
      }
      text += (text ? " " : "") + token;
    }
    if (text.length > 0) clauses.push({ text, pauses });
  }
  return clauses;
}

/** Splits normalised text into clauses (see splitClausesWithPauses). */
export function splitClauses(normalized: string): string[] {
  return splitClausesWithPauses(normalized).map((clause) => clause.text);
}
