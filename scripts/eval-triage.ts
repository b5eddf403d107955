// npm run eval:triage [-- --write docs/triage-eval.md]
// Precision and recall of emergency triage per language (lib/safety/triage-sets/) and
// overall, with every miss and false alarm listed.
import fs from "node:fs";
import os from "node:os";
import { scoreAll, type SetScore } from "../lib/safety/eval/score";

const { perLanguage, overall, earlierEnglish, rounds } = scoreAll();

function row(s: SetScore): string {
  return `| ${s.name} | ${s.size} | ${s.tp + s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} |`;
}

const header = "| set | messages | emergencies | precision | recall | tp | fp | fn | tn |\n|---|---|---|---|---|---|---|---|---|";
const table = [header, ...perLanguage.map(row), row(overall)].join("\n");
const earlier = [header, ...earlierEnglish.map(row)].join("\n");
const round2 = [header, ...rounds.map(row)].join("\n");
console.log(table + "\n\nBlind rounds alone (2, 3, 5, 6, 7):\n" + round2 + "\n\nEarlier English sets:\n" + earlier + "\n");
for (const s of [...perLanguage, ...earlierEnglish]) {
  if (s.misses.length) console.log(`missed in ${s.name}:\n  ${s.misses.join("\n  ")}`);
  if (s.falseAlarms.length) console.log(`false alarms in ${s.name}:\n  ${s.falseAlarms.join("\n  ")}`);
}

const writeAt = process.argv.indexOf("--write");
if (writeAt !== -1) {
  const file = process.argv[writeAt + 1] ?? "docs/triage-eval.md";
  const doc = `# Emergency triage: precision and recall per language

Written by \`npm run eval:triage -- --write ${file}\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPUs).
Sets: \`lib/safety/triage-sets/\` (see its README for how they were made); a message counts as
flagged when triage shows the emergency notice. "conversations" scores the last turn of
multi-turn cases, read with the earlier turns in the triage window; "round6/mixed" holds
code-switched messages. The twelve languages added in round 6 (zh ja ko ar hi ru uk pl tr
vi id sv) have rounds 6 and 7 only.

${table}

## Read this first: numbers on text the rules had not seen

Every set below was tuned on after it was scored, so the pooled numbers above are
coverage, not an estimate for new text. The estimate is each blind round's score
**before** the fixes it prompted:

- round 2: recall en 0.857, es 0.613, fr 0.571, de 0.769, pt 0.571, it 0.769;
- round 3: en 0.429, es 0.750, fr 0.833, de 0.667, pt 0.667, it 0.833;
- round 5: en 1.0, es 0.500, fr 1.0, de 0.750, pt 0.750, it 1.0, nl 1.0;
- round 6 (the first multilingual round, \`round6/README.md\`): en 1.0, es 1.0, fr 0.650,
  de 0.550 (one false alarm), pt 0.650, it 0.550, nl 0.550 (one false alarm), mixed 0.500,
  and 0.0 for all twelve new languages (no rules yet);
- round 7 (written after round 6's fixes, \`round7/README.md\`): en 1.0, es 0.857, fr 0.571,
  de 0.429, pt 0.714, it 0.571, nl 0.429, zh 0.571, ja 0.143, ko 0.143, ar 0.286 (one false
  alarm), hi 0.286, ru 0.286, uk 0.286, pl 0.143, tr 0.286, vi 0.286 (one false alarm),
  id 0.286 (one false alarm), sv 0.143 — 54 of 133 emergencies overall (0.41).

So for a language whose rules were written in one afternoon, expect roughly a third to a
half of new emergency phrasings to be missed; English (tuned over many rounds) holds up.

Each blind round alone, now (after its fixes):

${round2}

The English rules were first tuned on earlier English sets (the held-out one was written by
someone who never saw the rules; its one false alarm before issue 9 — the school-leaflet
meningitis question — was then fixed by letting "what does … mean" span ten words, so it is
no longer perfectly clean):

${earlier}

${[...perLanguage, ...earlierEnglish].map((s) => [s.misses.length ? `Missed in ${s.name}:\n\n${s.misses.map((m) => `- ${m}`).join("\n")}\n` : "", s.falseAlarms.length ? `False alarms in ${s.name}:\n\n${s.falseAlarms.map((m) => `- ${m}`).join("\n")}\n` : ""].join("")).join("")}`;
  fs.writeFileSync(file, doc);
  console.log(`wrote ${file}`);
}
