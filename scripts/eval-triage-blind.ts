// npm run eval:triage:blind -- lib/safety/triage-sets/round12/messages.jsonl [name]
// Scores triage on a blind round written as JSON lines (see lib/safety/eval/score.ts
// BlindMessage): precision and recall per language and overall, misses and false alarms listed.
import path from "node:path";
import { loadBlindRound, scoreBlindRound } from "../lib/safety/eval/score";

const file = process.argv[2] ?? "lib/safety/triage-sets/round12/messages.jsonl";
const name = process.argv[3] ?? path.basename(path.dirname(file));
const rows = scoreBlindRound(name, loadBlindRound(path.relative(path.join(import.meta.dirname, "../lib/safety"), path.resolve(file))));
const header = "| set | messages | emergencies | precision | recall | tp | fp | fn | tn |\n|---|---|---|---|---|---|---|---|---|";
console.log(
  [
    header,
    ...rows.map(
      (s) =>
        `| ${s.name} | ${s.size} | ${s.tp + s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} |`,
    ),
  ].join("\n"),
);
for (const s of rows.slice(0, -1)) {
  for (const m of s.misses) console.log(`- missed (${s.name}): ${m}`);
  for (const m of s.falseAlarms) console.log(`- false alarm (${s.name}): ${m}`);
}
