// Follow-up evaluation: multi-turn conversations (lib/chat/eval-sets/follow-up-conversations.jsonl,
// README there) run turn by turn through the chat's own conversation step (retrieveInConversation,
// lib/chat/follow-up.ts) with the chat retriever's options (full text: deterministic). A turn is
// right when a passage among the top ones (the sources the chat shows) is from a page judged to
// answer it — or, for a turn judged to have none, when nothing is found. Reported by kind of turn.
//   npm run eval:follow-ups [-- --db-dir <MedQuAD eval knowledge base>] [--verbose]
// The starter conversations run over the starter knowledge base (in memory); the MedQuAD ones over
// the eval knowledge base `eval:retrieval --kb-docs 4000` built (copy it: COMMON.md), when given.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabaseForCli } from "@/lib/db/cli";
import type { Db } from "@/lib/db/client";
import { retrieveInConversation } from "@/lib/chat/follow-up";
import { MAX_SOURCES } from "@/lib/chat/prompt";
import type { HistoryMessage, Retriever } from "@/lib/chat/types";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { retrieveHybrid } from "@/lib/rag/retrieve";
import { ensureStarterKnowledgeBase } from "@/lib/rag/starter";

interface Turn {
  q: string;
  /** Titles (starter) or MedQuAD focus names whose passages answer the turn; [] = nothing should be found. */
  expect: string[];
  kind: string;
}
interface Conversation {
  id: string;
  kb: "starter" | "medquad";
  /** "final": written after the first change and measured, never tuned on (README); absent = dev. */
  split?: "final";
  turns: Turn[];
}

const { values } = parseArgs({
  options: { "db-dir": { type: "string" }, verbose: { type: "boolean", default: false } },
});

const CONVERSATIONS_FILE = path.join(process.cwd(), "lib/chat/eval-sets/follow-up-conversations.jsonl");
const conversations: Conversation[] = fs
  .readFileSync(CONVERSATIONS_FILE, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Conversation);

/** The chat retriever's options (lib/chat/retriever.ts), full text only. */
const chatRetriever =
  (db: Db): Retriever =>
  (query, _signal, asked) =>
    retrieveHybrid(db, null, query, { mode: "text", k: MAX_SOURCES, maxPerDocument: 2, context: asked?.context });

/** A MedQuAD title is "<Focus>: <question type>"; a starter title is the page's. */
const pageOf = (title: string, kb: Conversation["kb"]) => (kb === "medquad" ? title.slice(0, title.lastIndexOf(":")) : title).toLowerCase();

interface Outcome {
  id: string;
  split: string;
  kind: string;
  inTop: boolean;
  first: boolean;
}

async function run(db: Db, kb: Conversation["kb"]): Promise<Outcome[]> {
  const retriever = chatRetriever(db);
  const outcomes: Outcome[] = [];
  for (const c of conversations.filter((x) => x.kb === kb)) {
    const history: HistoryMessage[] = [];
    for (const [i, turn] of c.turns.entries()) {
      const chunks = await retrieveInConversation(retriever, turn.q, history);
      const right = new Set(turn.expect.map((t) => t.toLowerCase()));
      const pages = chunks.map((ch) => pageOf(ch.title, kb));
      const inTop = right.size === 0 ? pages.length === 0 : pages.some((p) => right.has(p));
      const first = right.size === 0 ? pages.length === 0 : right.has(pages[0] ?? "");
      outcomes.push({ id: `${c.id}#${i + 1}`, split: c.split ?? "dev", kind: turn.kind, inTop, first });
      if (values.verbose)
        console.log(
          `${inTop ? "ok " : "BAD"} ${c.id}#${i + 1} [${turn.kind}] ${turn.q} → ${chunks.map((ch, k) => (k === 0 ? ch.headingPath : ch.title)).join(" | ") || "(none)"}`,
        );
      // The answer the person read: the first passage (quote mode opens with it), or the chat's "nothing found".
      history.push(
        { role: "user", text: turn.q },
        { role: "assistant", text: chunks[0]?.text ?? "I could not find this in the knowledge base." },
      );
    }
  }
  return outcomes;
}

function report(name: string, outcomes: Outcome[]) {
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  const line = (label: string, os: Outcome[]) =>
    `| ${label} | ${os.length} | ${os.filter((o) => o.inTop).length} (${pct(os, "inTop")}) | ${os.filter((o) => o.first).length} (${pct(os, "first")}) |`;
  const pct = (os: Outcome[], k: "inTop" | "first") => `${((100 * os.filter((o) => o[k]).length) / Math.max(1, os.length)).toFixed(0)} %`;
  console.log(`\n${name}\n\n| turns | n | right page in the top ${MAX_SOURCES} | right page first |\n|---|---:|---:|---:|`);
  for (const k of kinds)
    console.log(
      line(
        k,
        outcomes.filter((o) => o.kind === k),
      ),
    );
  console.log(
    line(
      "follow-ups (all but first)",
      outcomes.filter((o) => o.kind !== "first"),
    ),
  );
  console.log(line("**all**", outcomes));
  for (const split of ["dev", "final"]) {
    const os = outcomes.filter((o) => o.split === split);
    console.log(
      line(
        `${split}: follow-ups`,
        os.filter((o) => o.kind !== "first"),
      ),
    );
    console.log(line(`${split}: all`, os));
  }
  const wrong = outcomes.filter((o) => !o.inTop).map((o) => o.id);
  if (wrong.length) console.log(`\nnot in the top ${MAX_SOURCES}: ${wrong.join(" ")}`);
}

const starter = await openDatabaseForCli("npm run eval:follow-ups", { url: "memory://" });
const built = await ensureStarterKnowledgeBase(starter.db, createHashingEmbedder());
if (built.failed.length > 0) throw new Error(`starter knowledge base: ${built.failed.length} pages failed`);
report("Starter knowledge base", await run(starter.db, "starter"));
await starter.close();

if (values["db-dir"]) {
  const medquad = await openDatabaseForCli("npm run eval:follow-ups", { dataDir: values["db-dir"] });
  report(`MedQuAD eval knowledge base (${values["db-dir"]})`, await run(medquad.db, "medquad"));
  await medquad.close();
} else console.log("\n(MedQuAD conversations skipped: pass --db-dir with the eval knowledge base)");
