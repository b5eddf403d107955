// A follow-up question leans on the conversation for its subject: "how is it treated?" after
// "What is gout?", "what about honey, is that safe for her?" after a question about a child's
// cold, "what foods should I avoid?" after "what is gout?". Searched alone it finds nothing or
// another subject (foods → Food poisoning), so it is searched with the conversation's subject as
// its context (the retriever's `context` option: the subject's two most informative terms lend it
// their topic, lib/rag/retrieve.ts), as an asked part borrows its message's topic. The subject is
// the person's last message that stood on its own: a follow-up to a follow-up ("and can I still
// drink beer?" after "what foods should I avoid?") still leans on gout. A message that names a
// subject of its own is searched as it is. Word lists and counts only: no regular expression sees
// the person's text.
import { words } from "@/lib/rag/query-terms";
import { asksWhatItIs, namesOwnTopic } from "./asked-parts";
import { aspectsOfQuestion } from "./unit-relevance";
import type { HistoryMessage, Retriever } from "./types";

/** Longer than this, a message carries its own subject (a new story, not a follow-up). */
const MAX_FOLLOW_UP_WORDS = 20;
/** Longest message read (the pipeline refuses longer ones anyway). */
const MAX_CHARS = 2_000;
/** Words that point back to something said before ("is IT contagious", "is THAT safe for HER"). */
const POINTING_BACK = new Set("it its that this those these they them their he him his she her hers".split(" "));
/** Openings that continue the conversation ("what about…", "and if…", "also, …"). */
const CONTINUING = ["what about", "how about", "what if", "also", "and"].map((c) => c.split(" "));
/**
 * Words that say what a person asks about the conversation's subject, not a subject of their own:
 * food and drink ("what foods should I avoid?", "can I still drink beer?"), everyday life ("can
 * she go to school?", "does exercise help?"), who ("is it safe for kids?", "and for my dad?"),
 * medicines in general ("what creams help?", "which tablets are best?"), seeing someone ("should I
 * see a doctor?") and when or how much ("how long until I can run again?"). A message naming only
 * these, question words and aspect words (namesOwnTopic) leans on the conversation.
 */
const CONVERSATION_WORDS = new Set(
  (
    "food foods eat eats eating ate eaten diet diets meal meals snack snacks drink drinks drinking drank water fluids " +
    "alcohol beer beers wine spirits coffee tea caffeine juice milk sugar salt fruit vegetables meat nuts seeds " +
    "calcium vitamin vitamins supplement supplements fibre fiber protein weight gain lose put special " +
    "exercise exercises exercising sport sports run running walk walking swim swimming gym active activity " +
    "work working job school nursery daycare home travel fly flying drive driving sex kiss kissing ice heat rest " +
    "kid kids child children baby babies toddler teenager teen son daughter dad mum mom mother father parents " +
    "husband wife partner brother sister grandson granddaughter grandma grandpa grandmother grandfather " +
    "friend family adult adults elderly old older age aged year years month months week weeks day days night " +
    "pregnant pregnancy breastfeeding " +
    "tablet tablets cream creams ointment lotion drops spray jab jabs dose doses dosage antibiotic antibiotics painkiller " +
    "painkillers use used using try " +
    "side effect effects doctor doctors see seeing look watch out until again stop start best good better worse " +
    "wait waiting while fine important necessary happen happens need want able allowed ever usually normally first one ones after before " +
    // contractions as words() reads them ("he's 80" → "hes")
    "hes shes its thats theres whats im ive id youre theyre were dont doesnt cant wont isnt"
  ).split(" "),
);

/** Whether a message names a subject of its own, besides question, aspect and conversation words. */
function namesOwnSubject(ws: readonly string[]): boolean {
  return ws.some((w) => !CONVERSATION_WORDS.has(w) && namesOwnTopic(w));
}

const wordsOf = (text: string) => words(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
/** The continuing opening a message starts with ("what about", "and"), if any. */
const continuingOpener = (ws: readonly string[]) => CONTINUING.find((c) => c.every((w, k) => ws[k] === w));

/** How a message relates to the conversation before it. */
function reading(text: string): { leans: boolean; switches: boolean } {
  const ws = wordsOf(text);
  if (ws.length === 0 || ws.length > MAX_FOLLOW_UP_WORDS) return { leans: false, switches: false };
  const continues = continuingOpener(ws) !== undefined;
  const names = namesOwnSubject(ws);
  // "what about gout?", "and the flu?": asked like the message before, but about a subject of its own,
  // which later follow-ups lean on.
  return { leans: continues || ws.some((w) => POINTING_BACK.has(w)) || !names, switches: continues && names };
}

/**
 * The conversation's subject a follow-up leans on — the person's last message that stood on its
 * own or switched to a subject of its own ("what about gout?"; their first message when every
 * later one leaned) — or null when the message stands on its own or has nothing to lean on.
 */
export function followUpContext(text: string, history: readonly HistoryMessage[]): string | null {
  const asked = history.filter((m) => m.role === "user" && m.text.trim().length > 0).map((m) => m.text);
  if (asked.length === 0 || !reading(text).leans) return null;
  return asked.findLast((m, i) => {
    const r = reading(m);
    return i === 0 || !r.leans || r.switches;
  })!;
}

/**
 * What a message asks in its conversation. A follow-up that only continues ("and for my dad, he's 80?",
 * "what about for kids?": a continuing opening, no subject of its own, no aspect — "how long…", "what can
 * I take…" — and not what something is) asks the person's last question that asked something, for what it
 * adds: after "What can I take for a sore throat?" it asks what he can take, so it is searched and its
 * sentences weighed as that question and itself (`${question}\n${text}`). Any other message asks just
 * what it says ("can he still go to school?" has its own question).
 */
export function followUpQuestion(text: string, history: readonly HistoryMessage[]): string {
  const ws = wordsOf(text);
  const elliptical = continuingOpener(ws) !== undefined && !namesOwnSubject(ws);
  if (!elliptical || followUpContext(text, history) === null || asksWhatItIs(text) || aspectsOfQuestion(text).length > 0) return text;
  const asked = history.filter((m) => m.role === "user" && m.text.trim().length > 0).map((m) => m.text);
  const question = asked.findLast((m) => aspectsOfQuestion(m).length > 0);
  return question === undefined ? text : `${question}\n${text}`;
}

/** What a message leans on in its conversation (`followUpContext`: null when it stands on its own) and what it asks (`followUpQuestion`). */
export interface ConversationReading {
  subject: string | null;
  question: string;
}

/** Reads a message in its conversation once, for retrieval and the prompt alike. */
export function readInConversation(text: string, history: readonly HistoryMessage[]): ConversationReading {
  return { subject: followUpContext(text, history), question: followUpQuestion(text, history) };
}

/**
 * The passages for a message in its conversation (every surface: the chat pipeline): a follow-up
 * is searched with what it leans on, as the question it asks (`followUpQuestion`); a message that
 * stands on its own, or a follow-up that finds nothing that way, is searched alone. `reading`: the
 * message already read (`readInConversation`), else it is read here.
 */
export async function retrieveInConversation(
  retriever: Retriever,
  text: string,
  history: readonly HistoryMessage[],
  signal?: AbortSignal,
  reading: ConversationReading = readInConversation(text, history),
): Promise<Awaited<ReturnType<Retriever>>> {
  const chunks = reading.subject ? await retriever(reading.question, signal, { context: reading.subject }) : [];
  return chunks.length > 0 ? chunks : retriever(text, signal);
}
