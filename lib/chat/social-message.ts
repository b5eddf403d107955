// A message that only greets, thanks or says goodbye ("hi", "hello there!", "thanks so much",
// "ok great, bye") asks nothing of the knowledge base: searched, it finds nothing, and the
// person who typed "hi" was told "I couldn't find this in the MedChat knowledge base". It gets a
// fixed reply instead — who is answering (an AI, from vetted pages) and what to ask — with no
// retrieval and no model. A message with anything else in it ("hi, my knee hurts", "thanks, how
// long does it last?") is a question and is answered as one. Word lists only: no regular
// expression sees the person's text. English: a message in another language gets the
// English-only answer (english-only.ts) before this is read.
import { words } from "@/lib/rag/query-terms";

export type SocialKind = "greeting" | "thanks" | "farewell";

/** Longer than this, a message says more than hello (a story, a question). */
const MAX_WORDS = 8;
/** Longest message read. */
const MAX_CHARS = 200;

const KIND_WORDS: Record<SocialKind, ReadonlySet<string>> = {
  greeting: new Set("hi hii hiya hello helo hallo hey heya yo howdy greetings morning afternoon evening".split(" ")),
  thanks: new Set("thanks thank thankyou thanx thnx thx ty tysm cheers appreciate appreciated grateful".split(" ")),
  farewell: new Set("bye goodbye byebye cya later goodnight night".split(" ")),
};

/** Words that may come with a greeting, thanks or goodbye without asking anything. */
const COURTESY = new Set(
  (
    "there all everyone medchat bot good great nice ok okay k kk alright fine cool awesome perfect lovely brilliant super " +
    "you u so very much lot lots a again for the that this it was is helpful helps helped help info information answer " +
    "and oh ah well yes yeah yep sure really got understood see have day see soon now i i'm im we well"
  ).split(" "),
);

/** What the message does, when all it does is greet, thank or say goodbye; else null. */
export function socialKind(text: string): SocialKind | null {
  if (text.length > MAX_CHARS) return null;
  const ws = words(text);
  if (ws.length === 0 || ws.length > MAX_WORDS) return null;
  const kinds = (Object.keys(KIND_WORDS) as SocialKind[]).filter((k) => ws.some((w) => KIND_WORDS[k].has(w)));
  if (kinds.length === 0) return null;
  if (!ws.every((w) => COURTESY.has(w) || kinds.some((k) => KIND_WORDS[k].has(w)))) return null;
  // "thanks, bye": the goodbye; "hi, thanks": the thanks.
  return kinds.includes("farewell") ? "farewell" : kinds.includes("thanks") ? "thanks" : "greeting";
}

/** The fixed reply to a greeting, thanks or goodbye (English). */
export function socialReply(kind: SocialKind): string {
  switch (kind) {
    case "greeting":
      return (
        "Hello! I'm MedChat, an AI assistant. I answer general health questions by quoting a knowledge base of " +
        'health information pages, with links to the pages I quote. What would you like to know? For example: "How long ' +
        'does a cold last?" or "What are the symptoms of type 2 diabetes?"'
      );
    case "thanks":
      return (
        "You're welcome. If you have another health question, just ask. For advice about your own situation, " +
        "a doctor, nurse or pharmacist is the right person to talk to."
      );
    case "farewell":
      return "Take care. If you feel worse or are worried, contact a doctor, nurse or pharmacist.";
  }
}
