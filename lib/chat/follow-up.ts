// A follow-up question leans on the conversation for its subject: "how is it treated?" after
// "What is gout?", "what about honey, is that safe for her?" after a question about a child's
// cold. Searched alone it finds nothing or another subject (honey → low blood sugar), so it is
// searched with the person's previous question as its context (the retriever's `context`
// option: the message's two most informative terms lend it their topic, lib/rag/retrieve.ts),
// as an asked part borrows its message's topic. A message that stands on its own is searched
// as it is. Word lists and counts only: no regular expression sees the person's text.
import { words } from "@/lib/rag/query-terms";
import { namesOwnTopic } from "./asked-parts";
import type { HistoryMessage, Retriever } from "./types";

/** Longer than this, a message carries its own subject (a new story, not a follow-up). */
const MAX_FOLLOW_UP_WORDS = 20;
/** Words that point back to something said before ("is IT contagious", "is THAT safe for HER"). */
const POINTING_BACK = new Set("it its that this those these they them their he him his she her hers".split(" "));
/** Openings that continue the conversation ("what about…", "and if…", "also, …"). */
const CONTINUING = ["what about", "how about", "what if", "also", "and"].map((c) => c.split(" "));

/** The previous question a follow-up leans on, or null when the message stands on its own. */
export function followUpContext(text: string, history: readonly HistoryMessage[]): string | null {
  const previous = history.findLast((m) => m.role === "user" && m.text.trim().length > 0);
  if (!previous) return null;
  const ws = words(text.length > 2_000 ? text.slice(0, 2_000) : text);
  if (ws.length === 0 || ws.length > MAX_FOLLOW_UP_WORDS) return null;
  const continues = CONTINUING.some((c) => c.every((w, k) => ws[k] === w));
  const leans = !namesOwnTopic(text) || continues || ws.some((w) => POINTING_BACK.has(w));
  return leans ? previous.text : null;
}

/**
 * The passages for a message in its conversation (every surface: the chat pipeline): a follow-up
 * is searched with what it leans on; a message that stands on its own, or a follow-up that finds
 * nothing that way, is searched alone.
 */
export async function retrieveInConversation(
  retriever: Retriever,
  text: string,
  history: readonly HistoryMessage[],
  signal?: AbortSignal,
): Promise<Awaited<ReturnType<Retriever>>> {
  const context = followUpContext(text, history);
  const chunks = context ? await retriever(text, signal, { context }) : [];
  return chunks.length > 0 ? chunks : retriever(text, signal);
}
