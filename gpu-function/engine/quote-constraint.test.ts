import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { maskLogits } from "./constraints";
import { argmax, GREEDY } from "./sampler";
import { QuoteConstraint, QuoteTables } from "./quote-constraint";
import { DEFAULT_QUOTE_PRIOR, leansOnStatement, NO_QUOTE_PRIOR, pointsBack } from "./quote-prior";
import { Scheduler } from "./scheduler";
import { BYTE_VOCAB, ScriptedModel, writeByteTokenizer } from "./test-fixtures";
import { ChatTokenizer } from "./tokenizer";

let dir: string;
let tok: ChatTokenizer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "quote-"));
  await writeByteTokenizer(dir, "{% for m in messages %}{{ m.content }}{% endfor %}<|start|>assistant{# <|channel|> #}");
  tok = await ChatTokenizer.fromDir(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SOURCES = [
  { id: "a", text: "Insulin is made by the pancreas. It lowers blood sugar after meals." },
  { id: "b", text: "Insulin is made by the pancreas. Exercise lowers blood sugar too." },
];

describe("QuoteConstraint", () => {
  it("lets a reasoning model think freely, then constrains only its final answer", async () => {
    const id = (t: string) => tok.tokenId(t)!;
    // gpt-oss style: analysis channel with invented text, then the final channel, where the
    // script tries to write an invented sentence; the mask keeps it to source units.
    const script = [
      id("<|channel|>"),
      ...tok.encode("analysis"),
      id("<|message|>"),
      ...tok.encode("Made-up thought."),
      id("<|end|>"),
      id("<|start|>"),
      ...tok.encode("assistant"),
      id("<|channel|>"),
      ...tok.encode("final"),
      id("<|message|>"),
      ...tok.encode("Insulin cures everything."),
    ];
    const promptTokens = tok.encodeChat([{ role: "user", content: "q" }]);
    const model = new ScriptedModel((ctx) => script[ctx.length - promptTokens.length] ?? id("<|im_end|>"), 512, id("<|im_end|>"));
    const scheduler = new Scheduler(model, tok, { maxBatch: 2, maxQueue: 2 });
    const constraint = new QuoteConstraint(new QuoteTables(tok, SOURCES), {
      eosTokenIds: [id("<|im_end|>")],
      reasoningOpeners: tok.reasoningOpenerIds(),
    });
    const r = await scheduler.submit({ promptTokens, lora: null, sampling: GREEDY, maxTokens: 200, stop: [], constraint });
    expect(r.reasoning).toBe("Made-up thought.");
    // "Insulin " matches both sources' first sentence; the script's " c" is not allowed, so the
    // unit's remaining text (shared by both sources) is appended and the model picks a marker.
    expect(r.content).toMatch(/^Insulin is made by the pancreas\. \[[12]\]/);
    expect(constraint.quotes.map((q) => q.text)[0]).toBe("Insulin is made by the pancreas.");
    expect(r.content).toBe(constraint.answer);
    // The same sentence from the other source is not quoted again.
    expect(r.content.match(/Insulin is made/g)).toHaveLength(1);
  });

  it("offers the end of the answer only between units, and forces it when nothing fits", () => {
    const eos = tok.tokenId("<|im_end|>")!;
    const c = new QuoteConstraint(new QuoteTables(tok, SOURCES), { eosTokenIds: [eos], prior: NO_QUOTE_PRIOR });
    expect(c.allowedTokens(1000)).not.toContain(eos);
    expect(c.allowedTokens(5)).toEqual([eos]); // no unit is 5 byte-tokens long
    const first = c.allowedTokens(1000);
    expect(new Set(first)).toEqual(new Set(tok.encode("IE"))); // "Insulin…", "It…", "Exercise…"
    expect(c.allowedBias()).toBeNull(); // no prior: the model alone chooses
    const forced = c.accept(tok.encode("E")[0]!);
    expect(tok.decode([tok.encode("E")[0]!, ...forced])).toBe("Exercise lowers blood sugar too. [2]");
    expect(c.allowedTokens(1000)).toContain(eos);
    expect(c.allowedTokens(1000)).toContain(tok.encode(" ")[0]!);
  });

  it("never repeats a sentence it already quoted inside a list (two overlapping passages of one page), nor the list after the sentence", () => {
    const eos = tok.tokenId("<|im_end|>")!;
    // Overlapping chunks of a page, joined: the list's last item comes again as a line of its own.
    const text =
      "Steps to take:\n- Get into a warm room.\n- Do not rub the frozen skin at all.\n…\n- Do not rub the frozen skin at all.\nRubbing the skin makes the damage worse.";
    const tables = new QuoteTables(tok, [{ id: "a", text }]);
    const item = "- Do not rub the frozen skin at all.";
    // A model that wants the list, then the item again, then the last sentence: the item is not offered twice.
    const listFirst = decode(new QuoteConstraint(tables, { eosTokenIds: [eos], prior: NO_QUOTE_PRIOR }), { S: 10, "-": 5, R: 1 }, -20);
    expect(listFirst).toBe(`Steps to take:\n- Get into a warm room.\n${item} [1]\n\nRubbing the skin makes the damage worse. [1]`);
    // The other way round: after the item, the list that holds it is not offered.
    const itemFirst = decode(new QuoteConstraint(tables, { eosTokenIds: [eos], prior: NO_QUOTE_PRIOR }), { "-": 10, S: 5, R: 1 }, -20);
    expect(itemFirst).not.toContain("Steps to take");
    expect(itemFirst.match(/Do not rub/g)).toHaveLength(1);
    // A list and the same items run together in a line repeat each other too (compared by their words).
    const runTogether =
      "- everyone over age 60\n- people with a family history of it.\nBlack people over 40, everyone over age 60, people with a family history of it.";
    const both = decode(
      new QuoteConstraint(new QuoteTables(tok, [{ id: "a", text: runTogether }]), { eosTokenIds: [eos], prior: NO_QUOTE_PRIOR }),
      { "-": 10, B: 5 },
      -20,
    );
    expect(both).toBe("- everyone over age 60\n- people with a family history of it. [1]");
    // A short sentence inside a longer one is no repetition: both stay quotable.
    const xray = new QuoteTables(tok, [{ id: "a", text: "A chest x ray. A chest x ray takes a picture of the heart and lungs." }]);
    expect(xray.units.map((u) => u.overlaps)).toEqual([[], []]);
  });
});

// Sources whose units all start with different letters, so the first byte of a unit picks it.
const ASTHMA = [
  "Asthma is a long-term disease that narrows and inflames the airways of the lungs.",
  "Breathing can become hard during an attack, with wheezing and a tight chest.",
  "Coughing at night or early in the morning is common in many people.",
  "Doctors check lung function with a simple breathing test called spirometry.",
  "Every person with asthma should have a written action plan from a clinician.",
];
const FEVER = [
  "Fever in adults is usually caused by a viral or bacterial infection.",
  "Gentle rest and fluids help most people recover within a few days at home.",
  "High fevers that last more than three days need a visit to a doctor.",
];
const RANKED = [
  { id: "asthma", text: ASTHMA.join(" ") },
  { id: "fever", text: FEVER.join(" ") },
];
const quoted = (units: string[], n: number) => units.map((u) => `${u} [${n}]`).join(" ");

/**
 * Greedy decoding through the constraint (mask + prior, as the scheduler does) with a
 * context-free model: `prefer` gives the logit of a character's byte token (default 0) and
 * `eosLogit` that of the end of the answer.
 */
function decode(c: QuoteConstraint, prefer: Record<string, number> = {}, eosLogit = 0): string {
  const eos = tok.tokenId("<|im_end|>")!;
  const logits = new Float32Array(BYTE_VOCAB);
  for (const [ch, v] of Object.entries(prefer)) logits[tok.encode(ch)[0]!] = v;
  logits[eos] = eosLogit;
  const out: number[] = [];
  for (let step = 0; step < 1000; step++) {
    const allowed = c.allowedTokens(1000);
    const t = allowed.length === 1 ? allowed[0]! : argmax(maskLogits(logits, allowed, undefined, c.allowedBias?.()));
    if (t === eos) return tok.decode(out);
    out.push(t, ...c.accept(t));
  }
  throw new Error("no end");
}

describe("QuoteConstraint prior (retrieval rank, reading order, minimum length)", () => {
  const eosTokenIds = () => [tok.tokenId("<|im_end|>")!];

  it("with no preference of its own, a model quotes the top source's lead in reading order and says enough before it ends", () => {
    // The model always wants to end: it may only once the answer has 2 units and 40 words (14 + 13 + 13).
    const c = new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: eosTokenIds() });
    expect(decode(c, {}, 10)).toBe(quoted(ASTHMA.slice(0, 3), 1));
    // Indifferent about ending, it reads the whole top source in order and stays in it.
    const d = new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: eosTokenIds() });
    expect(decode(d, {}, 0)).toBe(quoted(ASTHMA, 1));
  });

  it("starts from a lower-ranked source only when the model prefers it by more than the switch cost", () => {
    const { firstSourceCost, rankCost, openingCost } = DEFAULT_QUOTE_PRIOR;
    const cost = firstSourceCost + rankCost + openingCost; // source 2 (its lead, but not the top source's)
    const weak = new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: eosTokenIds() });
    expect(decode(weak, { F: cost - 1 }, 10).startsWith(`${ASTHMA[0]} [1]`)).toBe(true);
    const strong = new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: eosTokenIds() });
    // Once in source 2 it stays there and reads on in order ("Gentle…", not back to "Asthma…").
    expect(decode(strong, { F: cost + 1 }, 10)).toBe(quoted(FEVER, 2));
  });

  it("continues with the next sentence of the source unless the model clearly wants a later one", () => {
    const { orderCost, openingCost } = DEFAULT_QUOTE_PRIOR;
    const make = () => new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: eosTokenIds() });
    expect(decode(make(), { C: orderCost - 0.5 }, 10)).toBe(quoted(ASTHMA.slice(0, 3), 1));
    // Opening the answer with a later sentence costs the opening cost on top: the lead comes first,
    // and after it skipping ahead costs the order cost alone.
    expect(decode(make(), { C: orderCost + 0.5 }, 10).startsWith(`${ASTHMA[0]} [1] ${ASTHMA[2]} [1]`)).toBe(true);
    expect(decode(make(), { C: orderCost + openingCost + 0.5 }, 10).startsWith(`${ASTHMA[2]} [1] ${ASTHMA[3]} [1]`)).toBe(true);
  });

  it("does not open the answer with a sentence that points back, unless the model is sure", () => {
    const { orderCost, openingCost, danglingCost } = DEFAULT_QUOTE_PRIOR;
    const text =
      "Statins are medicines used to lower cholesterol in the blood. They lower bad cholesterol and raise good cholesterol levels.";
    const units = [
      "Statins are medicines used to lower cholesterol in the blood.",
      "They lower bad cholesterol and raise good cholesterol levels.",
    ];
    const make = () => new QuoteConstraint(new QuoteTables(tok, [{ id: "statins", text }]), { eosTokenIds: eosTokenIds() });
    // Preferring "They…" by more than the order cost alone is not enough to open with it…
    expect(decode(make(), { T: orderCost + openingCost + 0.5 }, 10)).toBe(quoted(units, 1));
    // …after the lead it is an ordinary next sentence, and a sure model may still open with it.
    expect(decode(make(), { T: orderCost + openingCost + danglingCost + 0.5 }, 10)).toBe(quoted([units[1]!, units[0]!], 1));
    expect(pointsBack("They lower it.")).toBe(true);
    expect(pointsBack("Theyre")).toBe(false);
    expect(pointsBack("Thyroid problems are common.")).toBe(false);
  });

  it("ends when the current source has nothing more, instead of padding the answer from another source", () => {
    const single = () =>
      new QuoteConstraint(new QuoteTables(tok, [{ id: "a", text: ASTHMA[0]! }, RANKED[1]!]), { eosTokenIds: eosTokenIds() });
    expect(decode(single(), {}, 10)).toBe(quoted(ASTHMA.slice(0, 1), 1));
    // Going on in another source costs switchCost (+ rank): with byte tokens the choice is the " " after the marker vs the end.
    const { switchCost, rankCost } = DEFAULT_QUOTE_PRIOR;
    expect(decode(single(), { " ": switchCost + rankCost - 0.5 }, 0)).toBe(quoted(ASTHMA.slice(0, 1), 1));
    expect(decode(single(), { " ": switchCost + rankCost + 0.5 }, 0)).toBe(`${quoted(ASTHMA.slice(0, 1), 1)} ${quoted(FEVER, 2)}`);
    // The budget counts too: when no further unit fits, the answer may end after one.
    const tight = new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: eosTokenIds() });
    const eos = tok.tokenId("<|im_end|>")!;
    tight.accept(tight.allowedTokens(1000).find((t) => tok.decode([t]) === "A")!);
    expect(tight.allowedTokens(1000)).not.toContain(eos);
    expect(tight.allowedTokens(20)).toEqual([eos]);
  });

  it("writes a list that has no introducing sentence on its own paragraph, after a sentence as after a list", () => {
    const lead = "Kidney stones are hard deposits made of minerals and salts that form inside the kidneys.";
    const list = "- drink plenty of fluids through the day\n- reduce salt\n- eat plenty of fruit and vegetables";
    const after = "Most small stones pass on their own with fluids and pain relief.";
    const c = new QuoteConstraint(new QuoteTables(tok, [{ id: "stones", text: `${lead}\n\n${list}\n\n${after}` }]), {
      eosTokenIds: eosTokenIds(),
    });
    const answer = decode(c, {}, 0);
    // Not "…kidneys. [1] - drink…", which renders the first item inside the paragraph.
    expect(answer).toBe(`${lead} [1]\n\n${list} [1]\n\n${after} [1]`);
    expect(answer).toBe(c.answer);
  });

  it("with relevance weights, a source opens at its clearly most relevant unit and reads on from there", () => {
    const { relevanceGain, orderCost, openingCost, focusMargin } = DEFAULT_QUOTE_PRIOR;
    // "How do doctors check for asthma?": the fourth sentence answers it.
    const weighted = (relevance: number[]) => [{ ...RANKED[0]!, relevance }, RANKED[1]!];
    const make = (relevance: number[]) => new QuoteConstraint(new QuoteTables(tok, weighted(relevance)), { eosTokenIds: eosTokenIds() });
    // (Then, to say 40 words, back to the lead and on: the answer opens with what was asked.)
    expect(decode(make([0.2, 0.1, 0.1, 1, 0.3]), {}, 10)).toBe(
      quoted(
        [3, 4, 0, 1].map((i) => ASTHMA[i]!),
        1,
      ),
    );
    // Not clearly more relevant than the lead (less than the margin): the lead opens, as without weights.
    expect(decode(make([0.8, 0.1, 0.1, 0.8 + focusMargin / 2, 0.3]), {}, 10)).toBe(quoted(ASTHMA.slice(0, 3), 1));
    // Still a lean, never a mask: a model sure of the lead (by more than the order and opening costs and the weights' difference) opens with it.
    const sure = orderCost + openingCost + relevanceGain * (1 - 0.2) + 0.5;
    expect(decode(make([0.2, 0.1, 0.1, 1, 0.3]), { A: sure }, 10).startsWith(`${ASTHMA[0]} [1]`)).toBe(true);
    // Flat weights change nothing.
    expect(decode(make([0.5, 0.5, 0.5, 0.5, 0.5]), {}, 10)).toBe(quoted(ASTHMA.slice(0, 3), 1));
  });

  it("opens in a lower-ranked source when its weights clearly say it answers and the top source's do not", () => {
    const { sourceMargin } = DEFAULT_QUOTE_PRIOR;
    const make = (top: number, second: number) =>
      new QuoteConstraint(
        new QuoteTables(tok, [
          { ...RANKED[0]!, relevance: ASTHMA.map(() => top) },
          { ...RANKED[1]!, relevance: FEVER.map((_, i) => (i === 1 ? second : 0)) },
        ]),
        { eosTokenIds: eosTokenIds() },
      );
    // Source 2's second sentence is sourceMargin more relevant than anything of source 1: the answer opens with it and reads on in source 2.
    expect(decode(make(0.2, 0.2 + sourceMargin), {}, 10).startsWith(`${FEVER[1]} [2]`)).toBe(true);
    // Less than the margin: the top source, as without weights.
    expect(decode(make(0.2, 0.2 + sourceMargin - 0.1), {}, 10)).toBe(quoted(ASTHMA.slice(0, 3), 1));
    // Multi-part answers keep each part's own source (the app names it).
    const parts = new QuoteConstraint(
      new QuoteTables(tok, [
        { ...RANKED[0]!, relevance: ASTHMA.map(() => 0) },
        { ...RANKED[1]!, relevance: FEVER.map(() => 1) },
      ]),
      { eosTokenIds: eosTokenIds(), parts: [{ sources: [1] }, { sources: [2] }] },
    );
    expect(decode(parts, {}, 10).startsWith(`${ASTHMA[0]} [1]`)).toBe(true);
  });

  it("never opens a source at a relevant sentence that leans on the one before it", () => {
    const text =
      "Heart murmurs are extra sounds heard during a heartbeat. This will help your doctor diagnose the cause of the murmur. " +
      "Doctors use a stethoscope to listen to heart sounds and hear heart murmurs.";
    const c = new QuoteConstraint(new QuoteTables(tok, [{ id: "m", text, relevance: [0.1, 1, 0.8] }]), { eosTokenIds: eosTokenIds() });
    expect(decode(c, {}, 10).startsWith("Doctors use a stethoscope")).toBe(true);
    expect(leansOnStatement("This will help.")).toBe(true);
    expect(leansOnStatement("However, most recover.")).toBe(true);
    expect(leansOnStatement("They normally go away on their own.")).toBe(false);
    expect(leansOnStatement("As a result, the veins get bigger.")).toBe(true);
    expect(leansOnStatement("Other medicines can help with the pain.")).toBe(true);
    expect(leansOnStatement("Ask a pharmacist which medicine suits you.")).toBe(false);
  });

  it("refuses relevance weights that are not one per unit of their source", () => {
    expect(() => new QuoteTables(tok, [{ ...RANKED[0]!, relevance: [1, 0] }])).toThrow(/5 quote units but 2 relevance weights/);
    expect(() => new QuoteTables(tok, [{ ...RANKED[0]!, relevance: [] }])).not.toThrow();
  });

  it("ignores relevance weights without the prior", () => {
    const c = new QuoteConstraint(new QuoteTables(tok, [{ ...RANKED[0]!, relevance: [0, 0, 0, 1, 0] }]), {
      eosTokenIds: eosTokenIds(),
      prior: NO_QUOTE_PRIOR,
    });
    expect(c.allowedTokens(1000)).toBeDefined();
    expect(c.allowedBias()).toBeNull();
  });

  it("without the prior, the model alone chooses the source, the order and when to stop", () => {
    const c = new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: eosTokenIds(), prior: NO_QUOTE_PRIOR });
    expect(decode(c, { F: 0.5 }, 10)).toBe(quoted(FEVER.slice(0, 1), 2));
  });

  it("is applied by the scheduler, batched with an unconstrained sequence that it leaves alone", async () => {
    const eos = tok.tokenId("<|im_end|>")!;
    const promptTokens = tok.encodeChat([{ role: "user", content: "q" }]);
    // A model with no opinion on the sources: it always wants to end (or, unconstrained, writes "x").
    const model = new ScriptedModel((ctx) => (ctx.length - promptTokens.length < 3 ? tok.encode("x")[0]! : eos), 512, eos);
    const scheduler = new Scheduler(model, tok, { maxBatch: 2, maxQueue: 2 });
    const constraint = new QuoteConstraint(new QuoteTables(tok, RANKED), { eosTokenIds: [eos] });
    const [quotedAnswer, free] = await Promise.all([
      scheduler.submit({ promptTokens, lora: null, sampling: GREEDY, maxTokens: 300, stop: [], constraint }),
      scheduler.submit({ promptTokens, lora: null, sampling: GREEDY, maxTokens: 300, stop: [] }),
    ]);
    expect(quotedAnswer.content).toBe(quoted(ASTHMA.slice(0, 3), 1));
    expect(free.content).toBe("xxx");
    expect(model.calls.some((c) => c.rows === 2)).toBe(true);
  });
});

describe("QuoteConstraint prior for a question that asks several things (grounding.parts)", () => {
  const eosTokenIds = () => [tok.tokenId("<|im_end|>")!];
  const make = (parts?: Array<{ sources: number[] }>, sources = RANKED) =>
    new QuoteConstraint(new QuoteTables(tok, sources), { eosTokenIds: eosTokenIds(), parts });

  it("answers each part from its own source in turn, in the order asked, before it may end", () => {
    // A model that always wants to end: part 1 gets its lead (14 + 13 words ≥ 25), then part 2's source.
    expect(decode(make([{ sources: [1] }, { sources: [2] }]), {}, 10)).toBe(
      `${quoted(ASTHMA.slice(0, 2), 1)} ${quoted(FEVER.slice(0, 2), 2)}`,
    );
    // Parts asked the other way round: the second-ranked source first.
    expect(decode(make([{ sources: [2] }, { sources: [1] }]), {}, 10)).toBe(
      `${quoted(FEVER.slice(0, 2), 2)} ${quoted(ASTHMA.slice(0, 2), 1)}`,
    );
    // The same single-part question quotes only the top source.
    expect(decode(make(), {}, 10)).toBe(quoted(ASTHMA.slice(0, 3), 1));
  });

  it("moves on once a part is answered unless the model clearly wants more of it", () => {
    const { switchCost } = DEFAULT_QUOTE_PRIOR;
    // "C…" is the asthma passage's next sentence after part 1 is answered: staying costs the switch cost.
    // (The model wants it only once part 1's two sentences are written.)
    const wantsMore =
      (by: number) =>
      (sofar: string): Record<string, number> =>
        sofar.includes("chest. [1]") ? { C: by } : {};
    const weak = decodeTraced(make([{ sources: [1] }, { sources: [2] }]), wantsMore(switchCost - 0.5), 10);
    expect(weak).toBe(`${quoted(ASTHMA.slice(0, 2), 1)} ${quoted(FEVER.slice(0, 2), 2)}`);
    const strong = decodeTraced(make([{ sources: [1] }, { sources: [2] }]), wantsMore(switchCost + 0.5), 10);
    expect(strong).toBe(`${quoted(ASTHMA.slice(0, 3), 1)} ${quoted(FEVER.slice(0, 2), 2)}`);
  });

  it("opens each part with its source's lead, as an answer opens, unless the model is sure of a later sentence", () => {
    const { orderCost, openingCost } = DEFAULT_QUOTE_PRIOR;
    // "H…" is the fever passage's third sentence; the model wants it once part 1 is answered.
    const wantsLater =
      (by: number) =>
      (sofar: string): Record<string, number> =>
        sofar.includes("chest. [1]") ? { H: by } : {};
    const weak = decodeTraced(make([{ sources: [1] }, { sources: [2] }]), wantsLater(orderCost + 0.5), 10);
    expect(weak.startsWith(`${quoted(ASTHMA.slice(0, 2), 1)} ${FEVER[0]} [2]`), weak).toBe(true);
    const strong = decodeTraced(make([{ sources: [1] }, { sources: [2] }]), wantsLater(orderCost + openingCost + 0.5), 10);
    expect(strong.startsWith(`${quoted(ASTHMA.slice(0, 2), 1)} ${FEVER[2]} [2]`), strong).toBe(true);
  });

  it("counts a part answered when its source has nothing left, and a quote where it belongs", () => {
    // Part 1's source is one short sentence (8 words < 25): the answer still moves on to part 2.
    const short = [{ id: "a", text: ASTHMA[0]! }, RANKED[1]!];
    expect(decode(make([{ sources: [1] }, { sources: [2] }], short), {}, 10)).toBe(
      `${quoted(ASTHMA.slice(0, 1), 1)} ${quoted(FEVER.slice(0, 2), 2)}`,
    );
    // A model sure to start with part 2's source (past the first-source cost): that quote counts for part 2,
    // and the answer then goes back to part 1 instead of ending.
    const { firstSourceCost, rankCost, openingCost } = DEFAULT_QUOTE_PRIOR;
    const answer = decode(make([{ sources: [1] }, { sources: [2] }]), { F: firstSourceCost + rankCost + openingCost + 1 }, 10);
    expect(answer.startsWith(`${FEVER[0]} [2]`)).toBe(true);
    expect(answer).toContain(`${ASTHMA[0]} [1]`);
  });

  it("with one part (or none) behaves exactly as the single-part prior", () => {
    const preferences: Array<[Record<string, number>, number]> = [
      [{}, 10],
      [{}, 0],
      [{ F: 7 }, 10],
      [{ C: 3.5 }, 10],
      [{ " ": 9 }, 0],
    ];
    for (const [prefer, eos] of preferences) {
      const single = make();
      const onePart = make([{ sources: [1] }]);
      const trace = (c: QuoteConstraint) => {
        const steps: string[] = [];
        const answer = decodeTraced(c, () => prefer, eos, steps);
        return { answer, steps };
      };
      expect(trace(onePart)).toEqual(trace(single));
    }
  });

  it("refuses parts that name a source the request does not have", () => {
    expect(() => make([{ sources: [1] }, { sources: [3] }])).toThrow(/sources 1\.\.2/);
    expect(() => make([{ sources: [1] }, { sources: [] }])).toThrow(/sources 1\.\.2/);
  });
});

/** `decode` with preferences that depend on the answer so far, which also records every step's allowed tokens and biases (to compare two constraints step by step). */
function decodeTraced(
  c: QuoteConstraint,
  prefer: (answerSoFar: string) => Record<string, number>,
  eosLogit: number,
  steps: string[] = [],
): string {
  const eos = tok.tokenId("<|im_end|>")!;
  const out: number[] = [];
  for (let step = 0; step < 1000; step++) {
    const logits = new Float32Array(BYTE_VOCAB);
    for (const [ch, v] of Object.entries(prefer(tok.decode(out)))) logits[tok.encode(ch)[0]!] = v;
    logits[eos] = eosLogit;
    const allowed = c.allowedTokens(1000);
    const bias = c.allowedBias?.() ?? null;
    steps.push(`${allowed.join(",")}|${bias?.join(",") ?? "-"}`);
    const t = allowed.length === 1 ? allowed[0]! : argmax(maskLogits(logits, allowed, undefined, bias));
    if (t === eos) return tok.decode(out);
    out.push(t, ...c.accept(t));
  }
  throw new Error("no end");
}
