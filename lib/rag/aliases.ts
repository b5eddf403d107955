// Synonyms the knowledge base itself states, extracted at ingestion and used to expand
// questions: abbreviations defined in the text ("chronic obstructive pulmonary disease
// (COPD)", "amyotrophic lateral sclerosis (ALS)") and other names of a document's subject
// ("Cushing's syndrome, also called hypercortisolism"; "also known as Phelan-McDermid
// syndrome"; "Other names: …"). Stored per document in term_aliases (migration 0005), so
// they go when the document goes. A person who writes "ALS" or "hypercortisolism" then also
// finds the passages that only use the full name.
import type { SourceDocument } from "./types";

export interface Alias {
  /** What a person may write ("COPD", "hypercortisolism"). */
  alias: string;
  /** What the knowledge base calls it ("chronic obstructive pulmonary disease", "Cushing's syndrome"). */
  expansion: string;
}

/** Words skipped when matching an abbreviation's letters to the words before it. */
const MINOR = new Set(["of", "and", "the", "in", "with", "to", "for", "a", "or", "on"]);
const MAX_ALIASES_PER_DOCUMENT = 40;
/** Longest text scanned per section (bounded work per document). */
const MAX_SCAN_CHARS = 20_000;

/**
 * "… words (ABBR)" where the initials of the last words spell ABBR, e.g. "deep vein thrombosis (DVT)".
 * The regular expressions here are fixed and linear; the text comes from our own importers.
 */
export function abbreviationsIn(text: string): Alias[] {
  const out: Alias[] = [];
  const re = /\(([A-Z][A-Za-z]{1,5}|[A-Z](?:\.[A-Z]){1,4}\.?)\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const abbr = m[1].replace(/\./g, "");
    const letters = abbr.toLowerCase().replace(/[^a-z]/g, "");
    if (letters.length < 2 || letters.length > 6) continue;
    const before = text
      .slice(Math.max(0, m.index - 120), m.index)
      .split(/\s+/)
      .filter(Boolean);
    const wordsUsed: string[] = [];
    let li = letters.length - 1;
    for (let i = before.length - 1; i >= 0 && li >= 0 && wordsUsed.length < letters.length + 4; i--) {
      const w = before[i].replace(/[^A-Za-z'-]/g, "");
      if (!w) break;
      wordsUsed.unshift(w);
      if (MINOR.has(w.toLowerCase())) continue;
      // A hyphenated word may give two letters ("Guillain-Barré" → GB).
      const initials = w.split("-").map((p) => p[0]?.toLowerCase() ?? "");
      for (let k = initials.length - 1; k >= 0 && li >= 0; k--) {
        if (initials[k] === letters[li]) li--;
        else if (k === initials.length - 1) {
          li = -2; // the word does not start with the expected letter
          break;
        }
      }
      if (li === -2) break;
    }
    if (li === -1 && wordsUsed.length >= 2 && !MINOR.has(wordsUsed[0].toLowerCase()))
      out.push({ alias: abbr, expansion: wordsUsed.join(" ") });
  }
  return out;
}

/** Other names of the document's subject: "<subject>, also called X" / "also known as X" / "Other names: X, Y". */
export function otherNamesIn(text: string, subject: string): Alias[] {
  const subjectWords = subject
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = subjectWords.at(-1);
  if (!last) return [];
  const out: Alias[] = [];
  const re = /(also called|also known as|other names?(?: for this condition)?(?: include| are)?:?)\s+([^.;:()\n]{3,160})/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Only when the phrase follows the subject's own name ("Cushing's syndrome, also called …").
    const before = text
      .slice(Math.max(0, m.index - 80), m.index)
      .toLowerCase()
      .replace(/[\s,(]+$/, "");
    if (!/^other/i.test(m[1]) && !before.endsWith(last)) continue;
    for (const item of m[2].split(/,|\bor\b|\band\b/)) {
      const name = item.trim().replace(/^(the|an?)\s+/i, "");
      if (/^(is|are|was|were|which|that|who|can|may|refers?)\b/i.test(name)) break; // the sentence goes on
      const n = name.split(/\s+/).length;
      if (name.length >= 3 && n <= 5 && !subjectWords.every((w) => name.toLowerCase().includes(w)) && /^[A-Za-z]/.test(name)) {
        out.push({ alias: name, expansion: subject });
      }
    }
  }
  return out;
}

/** The aliases a document defines (deduplicated, bounded). */
export function aliasesOf(doc: SourceDocument): Alias[] {
  const subject = doc.title.split(":")[0].trim();
  const seen = new Set<string>();
  const out: Alias[] = [];
  for (const section of doc.sections) {
    const text = `${section.headingPath.join(". ")}. ${section.text}`.slice(0, MAX_SCAN_CHARS);
    for (const a of [...abbreviationsIn(text), ...otherNamesIn(text, subject)]) {
      const key = `${a.alias.toLowerCase()}\u0000${a.expansion.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
      if (out.length >= MAX_ALIASES_PER_DOCUMENT) return out;
    }
  }
  return out;
}
