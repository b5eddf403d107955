// Which sentences of a source answer the question asked: a relevance weight in 0..1 for each
// quote unit (gpu-function/shared/quote-units.ts) of the sources quote mode sends. The engine
// leans its choice of units on these weights (gpu-function/engine/quote-prior.ts: a source
// opens at its most relevant unit instead of its lead, and each unit gets a small bonus), so
// "How long does a cold last?" quotes "A cold usually lasts about a week to ten days…", not the
// page's lead, and "What can I take for a sore throat?" quotes the sentences on relief.
//
// Two signals, both plain word matching (no regular expression over the text; `words` is a
// linear scan of text already bounded by the caller):
//  - the question's content words found in the unit, each weighted by its IDF among the units
//    of the sources shown, as a share of the rarest word's (a word every unit has, such as the
//    condition's name, tells nothing);
//  - the aspect the question asks about, by its cue words ("how long" → a unit stating a time
//    span, "contagious"/"catch" → one on how it spreads, "what can I take" → one on treatment
//    or relief, "when should I see a doctor" → one on seeking care, …), matched on the unit.
// The engine gets only numbers: no medical or English rule lives there.
import { isListUnit, quoteUnits, startsWithListItem } from "@/gpu-function/shared/quote-units";
import { isFiller, words } from "@/lib/rag/query-terms";
import { asksWhatItIs } from "./asked-parts";

/** Words that carry the question's form, not its content (the aspect cues below read some of them). */
const STOP = new Set(
  (
    "a an the and or but if of to in on at by for with from about as into over after before under than then so " +
    "is are was were be been being am do does did done doing have has had having can will may must shall " +
    "i me my we our you your he him his she her it its they them their this that these those there here " +
    "what which who whom whose when where why how long much many often soon " +
    "not no yes any some all most more very too also only just own same other each every such " +
    "go goes going went gone come comes came take takes took taking put make makes made give given " +
    "usually normally generally typically sometimes"
  ).split(" "),
);

/** A crude English stem (plural, -ing, -ed, -ly): enough to match "spreads"/"spread", "lasts"/"last". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("es") && /(?:ch|sh|x|ss|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith("ly")) w = w.slice(0, -2);
  return w;
}

type Words = readonly string[];

/** Whether `ws` holds the phrase `phrase` (words in a row). */
function hasPhrase(ws: Words, phrase: Words): boolean {
  outer: for (let i = 0; i + phrase.length <= ws.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (ws[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

const phrases = (list: string) => list.split("|").map((p) => p.trim().split(" "));
const anyPhrase = (ws: Words, list: Words[]) => list.some((p) => hasPhrase(ws, p));
const stemSet = (list: string) => new Set(list.split(" ").map(stem));
const anyStem = (stems: ReadonlySet<string>, set: ReadonlySet<string>) => [...stems].some((s) => set.has(s));
/** How strongly a unit says it: the share of `enough` cue words it holds (more cue words, more on the aspect). */
const cueShare = (stems: ReadonlySet<string>, set: ReadonlySet<string>, enough: number) =>
  Math.min(1, [...stems].filter((s) => set.has(s)).length / enough);

const NUMBER_WORDS = new Set(
  (
    "a an one two three four five six seven eight nine ten eleven twelve fourteen twenty thirty few several couple " +
    // Ordinals: "lasts until about the sixteenth to twentieth week" states how long as much as "16 to 20 weeks" does.
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth " +
    "sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth"
  ).split(" "),
);
const TIME_UNITS = new Set("minute minutes hour hours day days week weeks month months year years night nights".split(" "));

/** A time span: a number (or "a few", "several") followed within two words by a time unit ("7 to 10 days", "a week", "a few hours"). */
function statesTimeSpan(ws: Words): boolean {
  for (let i = 0; i < ws.length; i++) {
    if (!TIME_UNITS.has(ws[i]!)) continue;
    for (let k = Math.max(0, i - 3); k < i; k++) if (/^\d+(?:st|nd|rd|th)?$/.test(ws[k]!) || NUMBER_WORDS.has(ws[k]!)) return true;
  }
  return false;
}

/**
 * What a question asks about, by cue words, and how strongly a unit answers it (0..1). The
 * question side reads the words as typed; the unit side its word stems.
 */
interface Aspect {
  name: string;
  asked(ws: Words, stems: ReadonlySet<string>): boolean;
  /** How strongly a unit (its words and stems) answers it; `question`: the question's words and stems. */
  answers(ws: Words, stems: ReadonlySet<string>, question: { ws: Words; stems: ReadonlySet<string> }): number;
  /** The question's cue words for it: a unit that uses the very word asked ("contagious", "triggers") answers it fully. */
  cues?: ReadonlySet<string>;
  /** When a unit holding the very word asked does not answer (the word in another sense), this says whether it does. */
  saysIt?(ws: Words, question: { ws: Words; stems: ReadonlySet<string> }): boolean;
}

const DURATION_VERBS = stemSet("last lasts lasting recover recovery better away heal heals settle settles linger within until gone");
const SPREAD_Q = stemSet("contagious infectious catch catching caught spread spreading transmit transmitted transmission pass passed");
const SPREAD_U = stemSet(
  "spread spreads contagious infectious catch transmit transmitted pass passes contact droplet droplets saliva air touching touch sharing kiss",
);
const TREAT_Q = stemSet(
  "treat treated treatment treatments cure medicine medicines medication medications remedy remedies relieve relief ease soothe rid help",
);
const TREAT_U = stemSet(
  "treat treated treatment treatments relieve relief ease eases soothe help helps medicine medicines medication antibiotic antibiotics antiviral antivirals " +
    "lotion lotions cream creams ointment drops rest fluids liquids gargle gargling lozenges reliever relievers remedies counter therapy " +
    "sips rehydration gel gels mouthwash rinse numbing antiseptic spray sprays patch patches pharmacist",
);
const CARE_Q = stemSet("doctor doctors clinician physician gp er hospital emergency urgent worry worried");
const CARE_U = stemSet("see call contact seek doctor clinician provider urgent emergency hospital");
const CAUSE_Q = stemSet("cause causes caused causing why");
/**
 * What sets off an episode of something a person has ("what triggers cold sores?", "what sets off a migraine?"), which is
 * not what causes the condition: "Triggers include colds, strong sunlight…", not "…caused by the herpes simplex virus".
 */
const TRIGGER_Q = stemSet("trigger triggers triggered triggering");
const TRIGGER_U = stemSet("trigger triggers triggered flare flares worse");
const TRIGGER_PHRASES = phrases("set off|sets off|brings on|bring on|brought on|bring it on|bring them on|sets it off|set it off");
const CAUSE_U = stemSet("cause causes caused trigger triggers due result results because virus bacteria infection");
const CAUSE_WORDS = new Set("cause causes caused causing trigger triggers triggered".split(" "));
/** Words before "cause" that make it the noun ("the cause", "a common trigger"). */
const CAUSE_NOUN_BEFORE = new Set(
  "the a an main common usual exact most other known its their possible underlying no many several different one another".split(" "),
);
/** Words after "cause(s)" that make it the noun or the passive ("causes of", "caused by", "triggers include"). */
const CAUSE_NOUN_AFTER = new Set("of by include includes including is are was were may can remains unknown".split(" "));
/** Pronouns "cause" takes when the condition asked about is what it causes ("viruses can cause it"). */
const OBJECT_PRONOUNS = new Set("it them this these".split(" "));
/** How a sentence names a cause without the word "cause" ("happens when stomach acid flows back", "due to"). */
const CAUSE_PHRASES = phrases(
  "due to|because of|happens when|happen when|occurs when|occur when|comes from|come from|results from|result from|result of|risk factor|risk factors|brought on",
);

/**
 * Whether a unit names what causes the condition asked about: "caused by…", "the cause is…", "triggers include…",
 * "viruses can cause it", "happens when…" — not "…or causes complications", where the condition causes something else.
 */
function namesCause(ws: Words, question: { stems: ReadonlySet<string> }): boolean {
  if (anyPhrase(ws, CAUSE_PHRASES)) return true;
  return ws.some((w, i) => {
    if (!CAUSE_WORDS.has(w)) return false;
    const before = ws[i - 1] ?? "";
    const after = ws[i + 1] ?? "";
    const object = after === "a" || after === "an" || after === "the" ? (ws[i + 2] ?? "") : after;
    return (
      CAUSE_NOUN_BEFORE.has(before) ||
      CAUSE_NOUN_AFTER.has(after) ||
      OBJECT_PRONOUNS.has(object) ||
      (question.stems.has(stem(object)) && !CAUSE_WORDS.has(object))
    );
  });
}
const PEOPLE_Q = stemSet("child children kid kids baby babies infant infants toddler toddlers adult adults elderly pregnant teen teens");
// ("people" is left out: nearly every sentence of a health page has it — "People might have difficulty…" says nothing of who.)
const PEOPLE_U = stemSet(
  "child children kid kids baby babies infant infants adult adults anyone teens age ages aged older younger elderly pregnant women men",
);
// ("clear" is left out: more often "a clear layer" than "clears up", which the GO_AWAY phrases catch.)
// ("come", "back", "better" alone are left out: "…and then back again" of mood swings, "better treatments"; the phrases
// below catch "comes back", "gets better".)
const COURSE_U = stemSet(
  "away own heal heals cure cured recover recovery recovered again reactivate stay stays permanent permanently lifetime lifelong " +
    "improve improves improvement improved resolve resolves resolved outgrow outgrown disappear disappears harmless lifespan milder",
);
/** How a sentence tells the course in phrases ("comes back", "for the rest of their lives", "lasts a lifetime"). */
const COURSE_PHRASES = phrases(
  "come back|comes back|came back|coming back|rest of their|rest of your|rest of his|rest of her|for life|lifetime|lifelong",
);
/** How the course or outlook is asked in single words ("will her heart recover?", "can it be cured?", "does it shorten your life?"). */
const OUTLOOK_Q = stemSet(
  "recover recovery cured curable outgrow shorten lifespan lifetime lifelong prognosis outlook permanent harmless dangerous",
);
const INHERIT_Q = stemSet("inherit inherited inheriting inherits hereditary heredity genetic carrier carriers");
const INHERIT_U = stemSet(
  "inherit inherited inheritance inherits hereditary pass passed passes parent parents father fathers mother mothers son sons " +
    "daughter daughters family families sporadic gene genes mutation mutations dominant recessive linked carrier carriers chromosome",
);
/** Measures a quantity is given in ("2 to 3 liters", "85 decibels", "a fourfold increase", "every 10 years"). */
const MEASURES = new Set(
  (
    "liter liters litre litres ml milliliters millilitres cup cups glass glasses ounce ounces oz gram grams g mg milligrams " +
    "microgram micrograms mcg kg kilogram kilograms pound pounds lb lbs decibel decibels db percent times mmhg unit units " +
    "tablespoon tablespoons teaspoon teaspoons serving servings drink drinks steps calories"
  ).split(" "),
);
const PREVENT_Q = stemSet("prevent prevention avoid vaccine vaccinated protect");
/** "how do I stop getting it?", "how can we keep from getting it again?" */
const PREVENT_ASKED = phrases("stop getting|keep from getting|stop catching|stop it coming back|stop them coming back|stop it happening");
const PREVENT_U = stemSet("prevent prevents avoid vaccine vaccines wash washing protect protects hygiene");
const SYMPTOM_Q = stemSet("symptom symptoms sign signs");
const SYMPTOM_U = stemSet("symptom symptoms sign signs");
const FREQUENCY_U = stemSet("common rare percent million people cases");

const HOW_LONG = phrases("how long|how many days|how many weeks|how many months|how many hours|how soon|how quickly|how fast");
const GO_AWAY = phrases(
  "go away|goes away|going away|on its own|on their own|by itself|by themselves|come back|get it again|get them again|clear up|" +
    "get better|gets better|getting better|grow out|grows out|will it stop|stop after|live normally|live without|back to normal|be ok|be okay|be cured",
);
const WHAT_DO = phrases(
  "what can i|what should i|what to do|what can we|what should we|what can you|feel better|help with|good for|get rid|how do i treat|how to treat",
);
/** "What can my husband do…", "what should her mum do": what to do, asked for someone else (up to two words between). */
const asksWhatToDo = (ws: Words) =>
  ws.some((w, i) => w === "what" && ["can", "could", "should"].includes(ws[i + 1] ?? "") && ws.slice(i + 2, i + 6).includes("do"));
/** The course asked in other words than going away: "or is it for life?", "will he be able to stop the medicine one day?". */
const COURSE_ASKED = phrases(
  "for life|rest of his life|rest of her life|rest of my life|rest of their lives|stop the medicine|stop taking|ever stop",
);
const WHO_GETS = phrases("who gets|who can get|can children|can kids|can babies|can adults|more likely|burns more|who is");
const HOW_GET = phrases(
  "how do you get|how do people get|how does one get|how did i get|how do kids get|how do i get|get it from|get them from",
);
const SEE_DOCTOR = phrases(
  "see a doctor|see the doctor|call a doctor|call the doctor|to the doctor|see a gp|go to the|seek care|see someone|see anyone|" +
    "see somebody|get it checked|get checked|at what point",
);
const HOW_COMMON = phrases("how common|how many people");
const HOW_MUCH = phrases("how much|how many|how often|how loud|how high|how low|how far|how big|how strong|what dose");
const IN_FAMILIES = phrases("run in|runs in|running in|in the family|in families|pass it on|pass it to|passed down|pass on|passed on");

const POSSESSIVES = new Set("my our your his her their".split(" "));
/** Words "who" can follow as a relative pronoun ("everyone who gets it", "people who have it"): then it asks no one. */
const ANTECEDENTS = new Set(
  "everyone everybody anyone anybody someone somebody people person those patients children kids adults women men one".split(" "),
);
/** Verbs after a person word that ask whether that person gets it ("can kids get…", "can babies have…"). */
const GETS = new Set("get gets catch have has develop develops".split(" "));

/**
 * Whether the question asks who gets it ("can children get it?", "is it common in babies?"): a person word
 * that is not just whom the message is about — "my child has a fever" tells who, it does not ask about
 * children — unless that person is the one who would get it ("can my baby get chickenpox?").
 */
const asksWho = (asked: Words) => {
  // "does everyone who gets it get sick?": "who" after whom it names asks no one.
  const ws = asked.map((w, i) => (w === "who" && ANTECEDENTS.has(asked[i - 1] ?? "") ? "" : w));
  return (
    anyPhrase(ws, WHO_GETS) ||
    // "Who usually gets fibromyalgia?", "who is most likely to get it?"
    ws.some((w, i) => w === "who" && ws.slice(i + 1, i + 5).some((n) => GETS.has(n))) ||
    ws.some((w, i) => {
      if (!PEOPLE_Q.has(stem(w))) return false;
      const next = ws.slice(i + 1, i + 3);
      // "Can children get it?", "is it common in babies?" ask who; "visiting with the baby" and "do kids grow out of it?" do
      // not, nor "my child has a fever" (whom the message is about), unless that person would get it ("can my baby get…").
      if (POSSESSIVES.has(ws[i - 1] ?? "")) return next.some((n) => n === "get" || n === "catch");
      return next.some((n) => GETS.has(n)) || ws[i - 1] === "in";
    })
  );
};

/** "Can I get scabies from my dog?", "did I catch it from him": how it is passed on. */
const getsFrom = (ws: Words) =>
  ws.some((w, i) => {
    if (w !== "get" && w !== "catch") return false;
    const after = ws.slice(i + 1, i + 5);
    // "which babies get really sick from it?" asks who gets ill, not how it is passed on.
    return after.includes("from") && !after.some((a) => GETTING_ILL.has(a));
  });
/** Words after "get" that make it "become" ("get sick", "get worse", "get rid of"), not "catch". */
const GETTING_ILL = new Set("sick ill worse better rid over".split(" "));
/** "How do I get rid of…", "how do you get over…": asks what to do, not how one catches it. */
const asksHowGet = (ws: Words) => anyPhrase(ws, HOW_GET) && !ws.some((w, i) => w === "get" && GETTING_ILL.has(ws[i + 1] ?? ""));

/** A quantity: a number (or "a few", "several") followed within three words by a measure or a time unit, or an "-fold" change. */
function statesQuantity(ws: Words): boolean {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (w.length > 4 && w.endsWith("fold")) return true;
    if (!MEASURES.has(w) && !TIME_UNITS.has(w)) continue;
    for (let k = Math.max(0, i - 3); k < i; k++) if (/^\d/.test(ws[k]!) || NUMBER_WORDS.has(ws[k]!)) return true;
  }
  return false;
}

/** Words of the cue phrases: they say what is asked, not what about ("clear" of "clear up" is no content word). */
const PHRASE_WORDS = new Set(
  [
    HOW_LONG,
    GO_AWAY,
    WHAT_DO,
    WHO_GETS,
    HOW_GET,
    SEE_DOCTOR,
    HOW_COMMON,
    HOW_MUCH,
    IN_FAMILIES,
    COURSE_ASKED,
    PREVENT_ASKED,
    TRIGGER_PHRASES,
  ].flat(2),
);

const ASPECTS: Aspect[] = [
  {
    name: "duration",
    asked: (ws) => anyPhrase(ws, HOW_LONG) || hasPhrase(ws, ["when", "will"]),
    answers: (ws, st) => 0.6 * Number(statesTimeSpan(ws)) + 0.4 * Number(anyStem(st, DURATION_VERBS) || anyPhrase(ws, GO_AWAY)),
  },
  {
    name: "spread",
    asked: (ws, st) => anyStem(st, SPREAD_Q) || asksHowGet(ws) || getsFrom(ws),
    cues: SPREAD_Q,
    answers: (_ws, st) => cueShare(st, SPREAD_U, 2),
  },
  {
    name: "treatment",
    // "can it go away by itself without treatment?" asks the course, not the treatment.
    asked: (ws) => ws.some((w, i) => TREAT_Q.has(stem(w)) && ws[i - 1] !== "without") || anyPhrase(ws, WHAT_DO) || asksWhatToDo(ws),
    cues: TREAT_Q,
    answers: (_ws, st) => cueShare(st, TREAT_U, 3),
  },
  {
    name: "care",
    asked: (ws, st) => anyStem(st, CARE_Q) || anyPhrase(ws, SEE_DOCTOR),
    answers: (_ws, st) => cueShare(st, CARE_U, 2),
  },
  {
    name: "cause",
    asked: (_ws, st) => anyStem(st, CAUSE_Q),
    cues: CAUSE_Q,
    saysIt: namesCause,
    // A unit that names a cause answers; one with cause-like words only ("…or causes complications") half.
    answers: (ws, st, q) => (namesCause(ws, q) ? 1 : 0.5 * cueShare(st, CAUSE_U, 2)),
  },
  {
    name: "trigger",
    asked: (ws, st) => anyStem(st, TRIGGER_Q) || anyPhrase(ws, TRIGGER_PHRASES),
    cues: TRIGGER_Q,
    // What sets it off; a unit naming the condition's cause ("caused by the herpes virus") answers it half.
    answers: (ws, st, q) => Math.max(cueShare(st, TRIGGER_U, 2), Number(anyPhrase(ws, TRIGGER_PHRASES)), namesCause(ws, q) ? 0.5 : 0),
  },
  {
    name: "people",
    asked: (ws) => asksWho(ws),
    answers: (_ws, st) => cueShare(st, PEOPLE_U, 2),
  },
  {
    name: "course",
    asked: (ws, st) => anyPhrase(ws, GO_AWAY) || anyStem(st, OUTLOOK_Q) || anyPhrase(ws, COURSE_ASKED),
    cues: OUTLOOK_Q,
    answers: (ws, st) => (anyPhrase(ws, GO_AWAY) || anyPhrase(ws, COURSE_PHRASES) ? 1 : cueShare(st, COURSE_U, 2)),
  },
  {
    name: "inheritance",
    asked: (ws, st) => anyStem(st, INHERIT_Q) || anyPhrase(ws, IN_FAMILIES),
    cues: INHERIT_Q,
    answers: (_ws, st) => cueShare(st, INHERIT_U, 3),
  },
  {
    name: "amount",
    // "how many days" asks a duration and "how many people" how common: those aspects answer them.
    asked: (ws) => anyPhrase(ws, HOW_MUCH) && !anyPhrase(ws, HOW_LONG) && !anyPhrase(ws, HOW_COMMON),
    answers: (ws) => Number(statesQuantity(ws)),
  },
  {
    name: "prevention",
    asked: (ws, st) => anyStem(st, PREVENT_Q) || anyPhrase(ws, PREVENT_ASKED),
    cues: PREVENT_Q,
    answers: (_ws, st) => cueShare(st, PREVENT_U, 2),
  },
  {
    name: "symptoms",
    asked: (_ws, st) => anyStem(st, SYMPTOM_Q),
    answers: (ws, st) => Number(anyStem(st, SYMPTOM_U) || ws.length > 25),
  },
  {
    name: "frequency",
    asked: (ws) => anyPhrase(ws, HOW_COMMON),
    answers: (ws, st) => Number(ws.some((w) => /^\d/.test(w)) || anyStem(st, FREQUENCY_U)),
  },
];

/** The aspects a question asks about (names, for tests and logs). */
export function aspectsOfQuestion(question: string): string[] {
  const ws = words(question);
  const st = new Set(ws.map(stem));
  return ASPECTS.filter((a) => a.asked(ws, st)).map((a) => a.name);
}

/** The question's content stems: not stop words, not conversational filler, not the aspect cues' form words. */
function contentStems(ws: Words): Set<string> {
  return new Set(ws.filter((w) => !STOP.has(w) && !isFiller(w) && !PHRASE_WORDS.has(w) && w.length > 1).map(stem));
}

/**
 * A question that asks no aspect ("tingling feet, type 2 diabetes, should I worry") is weighed by its
 * words alone, which single out a sentence less surely: its weights count this much (so the engine
 * opens elsewhere than a source's lead only for a unit far more on the question's words than the lead).
 */
const WORDS_ONLY_SHARE = 0.5;

/** Below this (before scaling the best to 1) nothing tells the units apart: a common word or two, no aspect. */
const MIN_RELEVANCE = 0.1;

/** An aspect match weighs this share of a unit's relevance (the rest: the question's words it holds). */
const ASPECT_SHARE = 0.7;

/**
 * A unit on the aspect in other words than the question's weighs this share of one that uses the very word
 * asked: "Triggers include colds, sunlight…" answers "What triggers cold sores?" before "…caused by the herpes virus".
 */
const OTHER_WORDS_SHARE = 0.85;

/**
 * A unit answering none of the asked aspects, in a source where others do, counts the question's words at this share:
 * "my toddler has diarrhea, what should I do?" found the one unit naming "diarrhea" (the stomach-bug page's symptom list,
 * spelling it "diarrhoea (diarrhea)"), not the sentences on what to do; a word that names what the question is about is no
 * answer to it. (In a source where no unit answers the aspect, the words still tell its units apart as before.)
 */
const OFF_ASPECT_WORDS_SHARE = 0.5;

/**
 * The words a unit says a thing in itself: a list's introducing line ("Prevention of Cold sores:"), not its items — "use
 * sunscreen lip balm if sunlight triggers cold sores" does not make the prevention list the answer to "What triggers cold
 * sores?" — and a sentence's own words.
 */
function ownStems(text: string, stems: ReadonlySet<string>): ReadonlySet<string> {
  if (!isListUnit(text)) return stems;
  if (startsWithListItem(text)) return new Set();
  const lead = text.slice(0, text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length);
  return new Set(words(lead).map(stem));
}

/**
 * Relevance (0..1) of each quote unit of each source to `questionFor(n)` (the question, or the
 * asked part a source answers; n is 1-based): the best unit 1 when the question asks an aspect,
 * `WORDS_ONLY_SHARE` when only its words tell the units apart. [] for a source when nothing tells
 * its units apart (no content word or aspect of the question found), and for one that answers
 * what something is ("What is gout?": its lead is the answer): the engine then reads it as before.
 */
export function unitRelevance(sources: readonly string[], questionFor: (n: number) => string): number[][] {
  const units = sources.map((text) =>
    quoteUnits(text).map((u) => {
      const ws = words(u.text);
      const stems = new Set(ws.map(stem));
      return { ws, stems, own: ownStems(u.text, stems) };
    }),
  );
  const all = units.flat();
  if (all.length === 0) return sources.map(() => []);
  const df = new Map<string, number>();
  for (const u of all) for (const s of u.stems) df.set(s, (df.get(s) ?? 0) + 1);
  // 0 for a word every unit has (the condition's name tells no unit apart), most for a word one unit has.
  const idf = (s: string) => Math.log((all.length + 1) / ((df.get(s) ?? 0) + 0.5));
  const rarest = Math.log((all.length + 1) / 1.5);
  const aspectAsked: boolean[] = [];
  const scored = units.map((list, i) => {
    const question = questionFor(i + 1);
    if (asksWhatItIs(question)) return list.map(() => ({ lexical: 0, aspect: 0, asked: false }));
    const ws = words(question);
    const st = new Set(ws.map(stem));
    const asked = ASPECTS.filter((a) => a.asked(ws, st));
    aspectAsked[i] = asked.length > 0;
    const q = { ws, stems: st };
    // Only the question's words some source holds count (a word no unit has tells no unit apart).
    const content = [...contentStems(ws)].filter((s) => df.has(s));
    const mass = content.length * rarest;
    return list.map((u) => {
      const lexical = mass > 0 ? content.reduce((n, s) => n + (u.stems.has(s) ? idf(s) : 0), 0) / mass : 0;
      if (asked.length === 0) return { lexical, aspect: 0, asked: false };
      // A question that asks two aspects at once ("how long is it contagious?") is answered by a unit on both:
      // the aspects' mean, so "is contagious from a day before the rash until…" outweighs "is a very contagious illness".
      const scores = asked.map((a) => {
        const said = a.cues !== undefined && [...st].some((s) => a.cues!.has(s) && u.own.has(s)) && (a.saysIt?.(u.ws, q) ?? true);
        return said ? 1 : OTHER_WORDS_SHARE * a.answers(u.ws, u.stems, q);
      });
      return { lexical, aspect: scores.reduce((n, x) => n + x, 0) / scores.length, asked: true };
    });
  });
  // A unit that answers none of the asked aspects counts its words at a share where some unit of its source answers one,
  // and in a lower-ranked source when any source does (words alone do not take the answer away from the top source).
  const onAspect = scored.map((list) => list.some((u) => u.aspect > 0));
  const anyOnAspect = onAspect.some(Boolean);
  const raw = scored.map((list, i) => {
    const offAspect = onAspect[i] || (i > 0 && anyOnAspect) ? OFF_ASPECT_WORDS_SHARE : 1;
    return list.map((u) =>
      !u.asked ? WORDS_ONLY_SHARE * u.lexical : ASPECT_SHARE * u.aspect + (1 - ASPECT_SHARE) * u.lexical * (u.aspect > 0 ? 1 : offAspect),
    );
  });
  const best = Math.max(...raw.flat());
  if (!(best >= MIN_RELEVANCE * WORDS_ONLY_SHARE)) return sources.map(() => []);
  // Scaled so the best unit weighs 1 when an aspect decided, WORDS_ONLY_SHARE when words alone did.
  const scale = raw.some((list, i) => list.some((r) => r === best) && aspectAsked[i]) ? 1 / best : WORDS_ONLY_SHARE / best;
  return raw.map((list) => (list.every((r) => r === 0) ? [] : list.map((r) => Math.round(r * scale * 1000) / 1000)));
}

/**
 * `unitRelevance` for sources that may answer several asked parts: `questionsFor(n)` lists the
 * questions source n answers (the asked parts naming it, or the whole message), and each unit weighs
 * the most it weighs for any of them — "can I still kiss my girlfriend, or will she catch it?" asks
 * two things of one page, and "Canker sores aren't contagious." answers the second. A source one of
 * whose parts asks what something is keeps that part's reading (no weights: its lead answers).
 */
export function partsRelevance(sources: readonly string[], questionsFor: (n: number) => readonly string[]): number[][] {
  const asked = sources.map((_, i) => questionsFor(i + 1));
  const rounds = Math.max(1, ...asked.map((qs) => qs.length));
  const whatItIs = asked.map((qs) => qs.some(asksWhatItIs));
  let merged: number[][] = sources.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const weights = unitRelevance(sources, (n) => {
      const qs = asked[n - 1]!;
      return qs[Math.min(r, qs.length - 1)] ?? "";
    });
    merged = merged.map((acc, i) => {
      const w = weights[i] ?? [];
      if (whatItIs[i]) return r === 0 ? w : acc;
      if (acc.length === 0) return w;
      return w.length === 0 ? acc : acc.map((a, j) => Math.max(a, w[j] ?? 0));
    });
  }
  return merged;
}

/**
 * Which sources speak of a follow-up's subject (the conversation's message it leans on,
 * follow-up.ts): those that hold one of the subject's content words that some but not every
 * source holds. "what foods should I avoid?" after "what is gout?" asks about gout: the Gout page
 * answers it, Food poisoning's "Avoid unpasteurised milk…" only shares its words. All true when
 * the subject tells no source apart (no such word, or no source holds one).
 */
export function speaksOfSubject(sources: readonly string[], subject: string): boolean[] {
  const held = sources.map((text) => new Set(words(text).map(stem)));
  const telling = [...contentStems(words(subject))].filter((s) => {
    const n = held.filter((h) => h.has(s)).length;
    return n > 0 && n < sources.length;
  });
  const speaks = held.map((h) => telling.some((s) => h.has(s)));
  return speaks.some(Boolean) ? speaks : sources.map(() => true);
}
