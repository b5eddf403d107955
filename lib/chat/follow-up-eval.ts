// The follow-up conversations (eval-sets/follow-up-conversations.jsonl, README there) run turn by
// turn through the chat's own conversation step (retrieveInConversation) with the chat retriever's
// options, full text (deterministic). Used by `npm run eval:follow-ups` and follow-up-eval.test.ts.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { retrieveHybrid } from "@/lib/rag/retrieve";
import { retrieveInConversation } from "./follow-up";
import { MAX_SOURCES } from "./prompt";
import type { HistoryMessage, Retriever } from "./types";
import { currentStarterTitle } from "@/lib/rag/starter-retitled";

export interface ConversationTurn {
  q: string;
  /** Titles (starter) or MedQuAD focus names whose passages answer the turn; [] = nothing should be found. */
  expect: string[];
  kind: string;
}
export interface Conversation {
  id: string;
  kb: "starter" | "medquad";
  /** "final": written after the first change and measured, never tuned on (README); absent = dev. */
  split?: "final";
  turns: ConversationTurn[];
}

export interface TurnOutcome {
  id: string;
  split: "dev" | "final";
  kind: string;
  q: string;
  /** A right page is among the top passages (the sources the chat shows); for a turn with none, nothing was found. */
  inTop: boolean;
  /** … and first. */
  first: boolean;
  /** The first passage's heading path, then the other passages' titles. */
  found: string[];
}

const CONVERSATIONS_FILE = path.join(process.cwd(), "lib/chat/eval-sets/follow-up-conversations.jsonl");

export function readConversations(): Conversation[] {
  return fs
    .readFileSync(CONVERSATIONS_FILE, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Conversation);
}

/** The chat retriever's options (retriever.ts), full text only. */
const chatRetriever =
  (db: Db): Retriever =>
  (query, _signal, asked) =>
    retrieveHybrid(db, null, query, { mode: "text", k: MAX_SOURCES, maxPerDocument: 2, context: asked?.context });

/** A MedQuAD title is "<Focus>: <question type>"; a starter title is the page's. */
const pageOf = (title: string, kb: Conversation["kb"]) => (kb === "medquad" ? title.slice(0, title.lastIndexOf(":")) : title).toLowerCase();

/** Every turn of the conversations on knowledge base `kb`, held in order over `db`. */
export async function runConversations(db: Db, kb: Conversation["kb"], conversations = readConversations()): Promise<TurnOutcome[]> {
  const retriever = chatRetriever(db);
  const outcomes: TurnOutcome[] = [];
  for (const c of conversations.filter((x) => x.kb === kb)) {
    const history: HistoryMessage[] = [];
    for (const [i, turn] of c.turns.entries()) {
      const chunks = await retrieveInConversation(retriever, turn.q, history);
      const right = new Set(turn.expect.map((t) => (kb === "starter" ? currentStarterTitle(t) : t).toLowerCase()));
      const pages = chunks.map((ch) => pageOf(ch.title, kb));
      outcomes.push({
        id: `${c.id}#${i + 1}`,
        split: c.split ?? "dev",
        kind: turn.kind,
        q: turn.q,
        inTop: right.size === 0 ? pages.length === 0 : pages.some((p) => right.has(p)),
        first: right.size === 0 ? pages.length === 0 : right.has(pages[0] ?? ""),
        found: chunks.map((ch, k) => (k === 0 ? ch.headingPath : ch.title)),
      });
      // The answer the person read: the first passage (quote mode opens with it), or the chat's "nothing found".
      history.push(
        { role: "user", text: turn.q },
        { role: "assistant", text: chunks[0]?.text ?? "I could not find this in the knowledge base." },
      );
    }
  }
  return outcomes;
}
