// Consumer-style variants of MedQuAD questions for training retrieval models: real people
// write in the first person, tell a story first, use lay words and brand-free everyday
// names, misspell, ask two things at once and thank you at the end. A variant keeps the
// question's topic (focus) and intent (question type), so the MedQuAD answer stays relevant.
// Deterministic for a seed. Written from general knowledge of how such messages look; it
// never reads any evaluation collection.
import { Rng } from "../rng";

export interface QuestionSource {
  question: string;
  focus: string;
  /** MedQuAD question type: information, symptoms, treatment, causes, … */
  qtype: string;
}

/** Clinical term → words people use (applied to the focus and the question). */
const LAY_TERMS: [RegExp, string[]][] = [
  [/\bhypertension\b/i, ["high blood pressure", "high bp"]],
  [/\bhypotension\b/i, ["low blood pressure"]],
  [/\bmyocardial infarction\b/i, ["heart attack"]],
  [/\bcerebrovascular accident\b|\bstroke\b/i, ["stroke", "mini stroke"]],
  [/\bdiabetes mellitus\b|\bdiabetes\b/i, ["diabetes", "sugar", "high sugar"]],
  [/\bhyperglycemia\b/i, ["high blood sugar"]],
  [/\bhypoglycemia\b/i, ["low blood sugar"]],
  [/\bhyperlipidemia\b|\bhypercholesterolemia\b/i, ["high cholesterol"]],
  [/\bneoplasm\b|\bcarcinoma\b|\bmalignan\w*/i, ["cancer", "tumor"]],
  [/\bdyspnea\b/i, ["shortness of breath", "trouble breathing"]],
  [/\bpruritus\b/i, ["itching", "itchy skin"]],
  [/\bcephalalgia\b|\bheadaches?\b/i, ["headaches", "bad headaches"]],
  [/\bgastroesophageal reflux\b|\bGERD\b/i, ["acid reflux", "heartburn"]],
  [/\bosteoarthritis\b/i, ["arthritis", "joint pain"]],
  [/\bnephrolithiasis\b|\bkidney stones?\b/i, ["kidney stones"]],
  [/\bpneumonia\b/i, ["chest infection", "pneumonia"]],
  [/\binfluenza\b/i, ["flu"]],
  [/\bvaricella\b/i, ["chickenpox"]],
  [/\bpertussis\b/i, ["whooping cough"]],
  [/\bobesity\b/i, ["being overweight", "obesity"]],
  [/\binsomnia\b/i, ["trouble sleeping", "can't sleep"]],
  [/\bmajor depressive disorder\b|\bdepression\b/i, ["depression", "feeling depressed"]],
  [/\bseizures?\b|\bepilepsy\b/i, ["seizures", "fits"]],
  [/\bdementia\b|\balzheimer'?s disease\b/i, ["memory loss", "dementia"]],
  [/\burinary tract infection\b/i, ["uti", "bladder infection"]],
  [/\bconjunctivitis\b/i, ["pink eye"]],
  [/\botitis media\b/i, ["ear infection"]],
  [/\bdermatitis\b|\beczema\b/i, ["rash", "eczema"]],
  [/\banemia\b/i, ["low iron", "anemia"]],
  [/\bthrombosis\b/i, ["blood clot"]],
  [/\bhypothyroidism\b/i, ["underactive thyroid", "low thyroid"]],
  [/\bhyperthyroidism\b/i, ["overactive thyroid"]],
  [/\bmigraine\b/i, ["migraines", "migraine headaches"]],
  [/\basthma\b/i, ["asthma", "wheezing"]],
  [/\bsyndrome\b/i, ["syndrome", "condition"]],
];

const WHO = [
  "my mother",
  "my dad",
  "my husband",
  "my wife",
  "my son",
  "my daughter",
  "my grandmother",
  "my brother",
  "my friend",
  "my 7 year old",
  "my sister",
];
const STORY_SELF = [
  "I'm a {age} year old {sex} and",
  "Hi, I am {age} and",
  "Hello. I'm {age}, {sex}, and",
  "I was recently told by my doctor that",
  "For the past few weeks",
  "Last month at my checkup",
];
const OPENERS = ["Hi,", "Hello,", "Good morning.", "Dear doctor,", "Hi there.", "", "", ""];
const CLOSERS = [
  "Thank you.",
  "Thanks in advance!",
  "Any help would be appreciated.",
  "Please help.",
  "I'm really worried.",
  "Thank you for your time.",
  "",
  "",
];

/** Intent templates per MedQuAD question type; {f} is the (lay) topic. */
const INTENTS: Record<string, string[]> = {
  information: [
    "what is {f} exactly?",
    "can you explain what {f} is?",
    "what does {f} mean?",
    "is {f} serious?",
    "I don't really understand what {f} is",
  ],
  symptoms: [
    "what are the signs of {f}?",
    "how do I know if I have {f}?",
    "what symptoms does {f} cause?",
    "could my symptoms be {f}?",
    "what does {f} feel like?",
  ],
  treatment: [
    "how is {f} treated?",
    "is there a cure for {f}?",
    "what can I do about {f}?",
    "what medicine helps with {f}?",
    "how do you get rid of {f}?",
  ],
  causes: ["what causes {f}?", "why do people get {f}?", "how did I get {f}?", "what could have caused {f}?"],
  susceptibility: ["who gets {f}?", "am I at risk for {f}?", "is {f} something I could get too?"],
  "exams and tests": ["how do they test for {f}?", "what test shows {f}?", "how is {f} diagnosed?"],
  prevention: ["how can I prevent {f}?", "is there a way to avoid {f}?", "what can I do so I don't get {f}?"],
  outlook: ["what is the outlook for {f}?", "will {f} go away?", "can you live a normal life with {f}?", "how long does {f} last?"],
  inheritance: ["is {f} inherited?", "can I pass {f} to my kids?", "does {f} run in families?"],
  frequency: ["how common is {f}?", "how many people have {f}?"],
  genetic_changes: ["what gene causes {f}?", "is {f} genetic?"],
  complications: ["what problems can {f} lead to?", "can {f} cause other problems?"],
  research: ["is there any new research on {f}?", "are there clinical trials for {f}?"],
  considerations: ["what should I know about {f}?", "what should I watch out for with {f}?"],
  stages: ["what are the stages of {f}?", "what stage is {f} usually found at?"],
  support_groups: ["where can I find support for {f}?"],
};
const EXTRA_QUESTIONS = [
  "Should I see a specialist?",
  "Is it contagious?",
  "Could it be related to my diet?",
  "Is this an emergency?",
  "Will it get worse?",
  "What should I ask my doctor?",
];
const SYMPTOM_STORIES = [
  "I've been tired all the time",
  "I keep getting headaches",
  "my legs have been swelling",
  "I have had a cough that won't go away",
  "I've lost some weight without trying",
  "my skin has been really itchy",
  "I get dizzy when I stand up",
  "I've had stomach pain on and off",
];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)];
}

/** The focus as people say it: lay words for clinical terms, parentheses and qualifiers dropped. */
export function layTopic(focus: string, rng: Rng): string {
  let f = focus
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/,.*$/, "")
    .trim();
  for (const [pattern, lay] of LAY_TERMS) {
    if (pattern.test(f) && rng.next() < 0.7) {
      f = f.replace(pattern, pick(rng, lay));
      break;
    }
  }
  return rng.next() < 0.7 ? f.toLowerCase() : f;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: "s",
  e: "r",
  i: "o",
  o: "p",
  n: "m",
  s: "a",
  t: "r",
  r: "t",
  l: "k",
  c: "x",
  m: "n",
  u: "y",
  h: "g",
  d: "f",
  p: "o",
};

/** One typo in a word of ≥ 5 letters: swapped, dropped, doubled or neighbouring letter. */
export function typo(word: string, rng: Rng): string {
  if (word.length < 5 || !/^[a-z]+$/i.test(word)) return word;
  const i = 1 + Math.floor(rng.next() * (word.length - 2));
  const kind = Math.floor(rng.next() * 4);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 2) return word.slice(0, i) + word[i] + word.slice(i);
  const c = word[i].toLowerCase();
  return word.slice(0, i) + (KEYBOARD_NEIGHBOURS[c] ?? c) + word.slice(i + 1);
}

function addTypos(text: string, rng: Rng, rate: number): string {
  return text
    .split(" ")
    .map((w) => (rng.next() < rate ? typo(w, rng) : w))
    .join(" ");
}

function fill(template: string, rng: Rng): string {
  return template
    .replace("{age}", String(18 + Math.floor(rng.next() * 65)))
    .replace("{sex}", pick(rng, ["woman", "man", "female", "male"]));
}

/**
 * A consumer-style message asking what `source` asks. Styles, chosen at random: a short
 * lay rewrite, a first-person story + question, a question about a relative, a symptom
 * story, two questions at once; then filler, casing and typos as people type them.
 */
export function consumerVariant(source: QuestionSource, rng: Rng): string {
  const topic = layTopic(source.focus, rng);
  const intents = INTENTS[source.qtype] ?? INTENTS.information;
  const ask = pick(rng, intents).replace("{f}", topic);
  const style = rng.next();
  let text: string;
  if (style < 0.2) text = ask;
  else if (style < 0.45)
    text = `${fill(pick(rng, STORY_SELF), rng)} ${rng.next() < 0.5 ? `I was diagnosed with ${topic}.` : `my doctor mentioned ${topic}.`} ${ask}`;
  else if (style < 0.65) text = `${pick(rng, WHO)} ${rng.next() < 0.5 ? "has" : "was just diagnosed with"} ${topic}. ${ask}`;
  else if (style < 0.8) text = `${pick(rng, SYMPTOM_STORIES)} and I read about ${topic} online. ${ask}`;
  else text = `${ask} ${pick(rng, EXTRA_QUESTIONS)}`;
  text = `${pick(rng, OPENERS)} ${text} ${pick(rng, CLOSERS)}`.replace(/\s+/g, " ").trim();
  if (rng.next() < 0.3) text = text.toLowerCase();
  if (rng.next() < 0.25) text = text.replace(/[?.!]/g, "");
  return addTypos(text, rng, rng.next() < 0.5 ? 0.08 : 0);
}

/** `n` variants per question with a per-question seed, so adding questions does not change the others. */
export function consumerVariants(source: QuestionSource, n: number, seed: number): string[] {
  let h = seed >>> 0;
  for (let i = 0; i < source.question.length; i++) h = Math.imul(h ^ source.question.charCodeAt(i), 0x01000193) >>> 0;
  const rng = new Rng(h);
  return Array.from({ length: n }, () => consumerVariant(source, rng));
}
