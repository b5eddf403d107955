// Emergency triage speed: milliseconds per message over every labelled message (the per-
// language sets and the rounds), and the worst time on hostile 4,000-character inputs, for
// this checkout and — as the peer in the same run — the triage code of another git revision
// (default: 9b035ce, before the round-11 concepts and gap-tolerant phrases). Runs alternate
// between the two so machine load falls on both alike.
// Usage: npm run bench:triage -- [--peer <git rev>] [--rounds 3]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { LANGUAGE_SETS, languageSet, loadMessages } from "../lib/safety/eval/score";
import { triage } from "../lib/safety/triage";
import { upperMedian } from "./stats";

const { values } = parseArgs({ options: { peer: { type: "string", default: "9b035ce" }, rounds: { type: "string", default: "3" } } });
const rounds = Number(values.rounds);

type Triage = (text: string, locale?: string) => { emergency: boolean };

async function peerTriage(rev: string): Promise<Triage> {
  if (!/^[0-9A-Za-z._/-]{1,64}$/.test(rev)) throw new Error(`not a git revision: ${rev}`);
  // Inside node_modules/.cache, so the peer's imports resolve to this checkout's packages.
  const cache = path.join(import.meta.dirname, "../node_modules/.cache");
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, "triage-peer-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const archive = execFileSync("git", ["archive", rev, "lib/safety"], { maxBuffer: 64 << 20 });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  const mod = (await import(pathToFileURL(path.join(dir, "lib/safety/triage.ts")).href)) as { triage: Triage };
  return mod.triage;
}

const roundFiles = fs
  .readdirSync(path.join(import.meta.dirname, "../lib/safety/triage-sets"))
  .filter((dir) => /^round(9|10|11)$/.test(dir))
  .flatMap((dir) =>
    fs
      .readdirSync(path.join(import.meta.dirname, "../lib/safety/triage-sets", dir))
      .filter((f) => f.endsWith(".json"))
      .map((f) => `triage-sets/${dir}/${f}`),
  );
const texts = [...LANGUAGE_SETS.flatMap((language) => languageSet(language)), ...roundFiles.flatMap(loadMessages)].map((m) => m.text);
const hostile = [
  "cant lift ".repeat(400),
  "a ".repeat(2000),
  "skin peeling ".repeat(307),
  "胸".repeat(4000),
  "ไม่".repeat(1333),
  "no ".repeat(1333),
  "😭".repeat(2000),
].map((t) => t.slice(0, 4000));

function time(fn: Triage): { perMessage: number; hostileWorst: number } {
  const started = performance.now();
  for (const text of texts) fn(text);
  const perMessage = (performance.now() - started) / texts.length;
  let hostileWorst = 0;
  for (const text of hostile) {
    const t = performance.now();
    fn(text);
    hostileWorst = Math.max(hostileWorst, performance.now() - t);
  }
  return { perMessage, hostileWorst };
}

const peer = await peerTriage(values.peer);
// Warm-up: compile every pattern once in both.
time(triage);
time(peer);
const ours: number[] = [];
const theirs: number[] = [];
let worstOurs = 0;
let worstTheirs = 0;
for (let r = 0; r < rounds; r++) {
  const a = time(triage);
  const b = time(peer);
  ours.push(a.perMessage);
  theirs.push(b.perMessage);
  worstOurs = Math.max(worstOurs, a.hostileWorst);
  worstTheirs = Math.max(worstTheirs, b.hostileWorst);
}
console.log(
  `messages: ${texts.length}, rounds: ${rounds}, load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log(`this checkout: ${upperMedian(ours).toFixed(2)} ms/message, worst hostile 4,000-char input ${worstOurs.toFixed(0)} ms`);
console.log(
  `peer ${values.peer}: ${upperMedian(theirs).toFixed(2)} ms/message, worst hostile 4,000-char input ${worstTheirs.toFixed(0)} ms`,
);
console.log(`ratio (this / peer): ${(upperMedian(ours) / upperMedian(theirs)).toFixed(2)}`);
