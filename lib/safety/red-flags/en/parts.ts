// Phrase fragments shared by the English rules (normalised text: lower case, no apostrophes, "can't" → "cant").
// Shared phrase fragments (normalised text: lower case, no apostrophes, "can't" → "cant").
export const W = "(?:\\w+ ){0,3}"; // up to three filler words between two parts of a phrase
export const PERSON = "(?:my|his|her|their|your|the)";
export const SELF = "(?:my ?self|my ?selfe?|my ?slef|himself|herself|themselves|themself)";
export const CHILD =
  "(?:toddler|child|kid|baby|son|daughter|boy|girl|grandson|granddaughter|year old|yr old|yo|month old|months old|little one|infant|twins?)";
export const CHEST_SYMPTOM =
  "(?:pain|pains|hurts?|hurting|ache|aching|pressure|tight|tightness|heavy|heaviness|squeezed|squeezing|crushing|crushed|discomfort|burning)";
export const LIMB = "(?:arm|leg|hand|foot|side|fingers|grip)";
export const BODY_REGION = "(?:face|hands?|palms?|arms?|legs?|chest|back|tummy|belly|stomach|body|neck|feet|foot|thighs?|bum|bottom)";

/** "scared of having a heart attack", "my risk of having a stroke": a worry, not an event. */
export const FEAR_OF_HAVING =
  /\b(?:scared|afraid|worried|fear|frightened|terrified|risk|chance|chances|prevent|avoid|odds|likely) (?:of|about|to be) (?:me |him |her )?(?:having|getting|have)\b|\bwhat if (?:i|he|she|you|someone|my \w+) (?:have|has|get|gets|had|ever)\b/;

/** A child described as otherwise well ("feeds fine", "floppy only when asleep"). */
export const WELL_CHILD =
  /\b(?:feeds?|feeding|eating|drinking|playing|wakes and feeds) (?:\w+ )?(?:fine|well|normally|ok|okay|happily)\b|\bwhen (?:sleeping|asleep|she sleeps|he sleeps)\b/;

/** Presyncope / syncope words, shared by the cardiac and arrhythmia rules. */
export const PRESYNCOPE =
  /\b(?:faint\w*|dizzy|light[ -]?headed|pass(?:ing|ed)? out|black(?:ing|ed)? out|nearly blacked|vision (?:is )?(?:going|went|gone|goes|turning) (?:dark|black|grey|gray|white|funny|blurry)|(?:everything|world) (?:is )?(?:going|went|turning) (?:dark|black|grey|gray|white)|tunnel vision|collaps\w*|about to (?:pass out|faint|collapse)|going to (?:pass out|faint|collapse))\b/;
