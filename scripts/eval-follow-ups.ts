// Follow-up evaluation: multi-turn conversations (lib/chat/eval-sets/follow-up-conversations.jsonl,
// README there) run turn by turn through the chat's own conversation step (lib/chat/follow-up-eval.ts)
// with the chat retriever's options (full text: deterministic). A turn is
// right when a passage among the top ones (the sources the chat shows) is from a page judged to
// answer it — or, for a turn judged to have none, when nothing is found. Reported by kind of turn.
//   npm run eval:follow-ups [-- --db-dir <MedQuAD eval knowledge base>] [--verbose]
// The starter conversations run over the starter knowledge base (in memory); the MedQuAD ones over
// the eval knowledge base `eval:retrieval --kb-docs 4000` built (copy it: COMMON.md), when given.
import { parseArgs } from "node:util";
import { openDatabaseForCli } from "@/lib/db/cli";
import type { Db } from "@/lib/db/client";
import { runConversations, type Conversation, type TurnOutcome } from "@/lib/chat/follow-up-eval";
import { MAX_SOURCES } from "@/lib/chat/prompt";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { ensureStarterKnowledgeBase } from "@/lib/rag/starter";

const { values } = parseArgs({
  options: { "db-dir": { type: "string" }, verbose: { type: "boolean", default: false } },
});

async function run(db: Db, kb: Conversation["kb"]): Promise<TurnOutcome[]> {
  const outcomes = await runConversations(db, kb);
  if (values.verbose)
    for (const o of outcomes) console.log(`${o.inTop ? "ok " : "BAD"} ${o.id} [${o.kind}] ${o.q} → ${o.found.join(" | ") || "(none)"}`);
  return outcomes;
}

function report(name: string, outcomes: TurnOutcome[]) {
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  const line = (label: string, os: TurnOutcome[]) =>
    `| ${label} | ${os.length} | ${os.filter((o) => o.inTop).length} (${pct(os, "inTop")}) | ${os.filter((o) => o.first).length} (${pct(os, "first")}) |`;
  const pct = (os: TurnOutcome[], k: "inTop" | "first") =>
    `${((100 * os.filter((o) => o[k]).length) / Math.max(1, os.length)).toFixed(0)} %`;
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
