// Starter pages retitled after an evaluation set judged them by title: the sets are kept as written,
// and their judgments are read through this map. Retitled in lay words ("I can't sleep" found Obstructive
// sleep apnoea, whose title says "sleep"; "spots", "hit his head", "tick bite", "upset stomach").
const RETITLED: Readonly<Record<string, string>> = {
  Insomnia: "Insomnia (trouble sleeping)",
  Acne: "Acne (spots and pimples)",
  Concussion: "Head injury and concussion",
  "Lyme disease": "Lyme disease (from tick bites)",
  "Indigestion (dyspepsia)": "Indigestion (upset stomach)",
};

/** The starter page's title today, for a title an evaluation set was judged with. */
export function currentStarterTitle(title: string): string {
  return Object.hasOwn(RETITLED, title) ? RETITLED[title]! : title;
}
