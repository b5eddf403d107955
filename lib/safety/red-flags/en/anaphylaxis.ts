// English red-flag rules: anaphylaxis and adrenaline given.
import type { RedFlagRule } from "../types";

export const ANAPHYLAXIS_RULES: RedFlagRule[] = [
  {
    id: "anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\bthroat (?:is |feels? )?(?:closing|swelling|swollen|tight\w*|closing up)\b/,
      /\b(?:face|lips?|tongue|throat|mouth|eyes) (?:is |are |feels? |getting |started |starting |now )?(?:tingling and |itchy and |tingly and |all |starting to |started to |getting )?(?:swell\w*|swollen|puff\w*|thick)\b/,
      /\bswelling (?:of|in|on) (?:my |his |her |the )?(?:face|lips|tongue|throat)\b/,
      /\bcant swallow\b/,
    ],
  },
  {
    id: "allergic-reaction-systemic",
    category: "anaphylaxis",
    when: [
      /\b(?:allergic reaction|anaphyla\w*|epipen|epi pen|adrenaline pen|sting|stung|peanuts?|nuts?|shellfish|shrimp|prawns?|covered in hives|hives (?:everywhere|all over)|allergic to|allergy|swell\w* up (?:all over|everywhere)|swelling all over)\b/,
    ],
    and: [
      // Swelling only round the sting or bite itself is a local reaction ("red and swollen round the sting").
      // The breath in trouble, not "breathing fine".
      /\b(?:(?:short|out) of breath|breathless\w*|(?:trouble|difficulty|struggling|struggle|hard|harder|cant|cannot|hardly|barely) (?:\w+ ){0,2}breath\w*|breathing (?:is |got |gets |getting |is getting )?(?:hard|harder|difficult|fast|noisy|funny|weird|heavy|laboured|labored))\b/,
      /\b(?:faint\w*|dizzy|light ?-?headed|wheez\w*|swallow|(?:swell\w*|swollen)(?! (?:\w+ ){0,2}(?:round|around|at|near|where|to|past) (?:the |it |my |his |her )?(?:sting|bite|stung|bit|wrist|elbow|ankle|knee|hand|arm|finger|foot|leg|toe))|throat|collaps\w*|vomit\w*|still|hoarse|voice|floppy|limp|pale and|drowsy)\b/,
    ],
    unless: [
      /\b(?:epipen|epi pen|auto ?-?injector) (?:\w+ ){0,2}(?:expir\w*|out of date|renew\w*|refill\w*|prescription)\b/,
      /\bno other symptoms\b|\b(?:a bit of|some|mild|little|small|local) swelling\b/,
    ],
  },
  {
    id: "adrenaline-given",
    category: "anaphylaxis",
    // After any adrenaline for anaphylaxis an ambulance is still needed (biphasic reactions), even if the person feels better.
    when: [
      /\b(?:used|use|gave|given|give|injected|jabbed|had to use|administered) (?:\w+ ){0,2}(?:epipen|epi pen|epi|adrenaline|epinephrine|auto ?-?injector)\b/,
      /\b(?:epipen|epi pen|adrenaline|auto ?-?injector) (?:\w+ ){0,2}(?:used|given|worked|helped)\b/,
    ],
    unless: [
      /\bhow (?:is|are|do|does|to|should|would) (?:[\w-]+ ){0,4}(?:use|used|give|given)\b/,
      /\b(?:expired|practice|trainer|training)\b/,
    ],
  },
];
