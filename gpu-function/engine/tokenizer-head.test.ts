// encodeHead: the first N ids of a long text from a prefix of it — the same ids as encoding the
// whole text and cutting, on the repository's embedder tokenizer (byte-level BPE) and a tiny BERT
// (WordPiece, [CLS] … [SEP]), over texts of every shape a knowledge base holds.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeTinyBert } from "../models/bert-tiny";
import { ChatTokenizer } from "./tokenizer";

// Real prose with headings, lists, numbers, punctuation, tables and non-ASCII text: the repository's docs.
const DOCS = ["README.md", "docs/retrieval-eval.md", "lib/rag/eval-sets/README.md"].map((f) => readFileSync(f, "utf8")).join("\n\n");
const PASSAGES = Array.from({ length: 40 }, (_, i) => DOCS.slice(i * 1711, i * 1711 + 300 + ((i * 397) % 2500)));
const ODD = [
  "",
  "short text",
  "x".repeat(5000),
  `${"word ".repeat(300)}end`,
  `Title\n\n${"Sentence one, with (brackets) and 12.5 mg;\n".repeat(40)}`,
  `Émigré café naïve ${"Müller's Œuvre — “quoted” ".repeat(60)}`,
  `${"a\u00a0b ".repeat(200)}`,
];

let bertDir: string;
let tokenizers: [string, ChatTokenizer][];
beforeAll(async () => {
  bertDir = await mkdtemp(path.join(tmpdir(), "tok-head-"));
  await writeTinyBert(bertDir);
  tokenizers = [
    ["embedder BPE", await ChatTokenizer.fromDir("models/embedder")],
    ["tiny BERT WordPiece", await ChatTokenizer.fromDir(bertDir)],
  ];
});
afterAll(() => rm(bertDir, { recursive: true, force: true }));

describe("ChatTokenizer.encodeHead", () => {
  it("gives the whole text's first N ids, with and without special tokens", () => {
    let cutShort = 0;
    for (const [name, tok] of tokenizers)
      for (const text of [...PASSAGES, ...ODD])
        for (const n of [1, 96, 300])
          for (const special of [true, false]) {
            const whole = tok.encode(text, special);
            if (whole.length > n) cutShort++;
            expect(tok.encodeHead(text, n, special), `${name}, ${n} tokens of ${JSON.stringify(text.slice(0, 40))}`).toEqual(
              whole.slice(0, n),
            );
          }
    // The prefix path ran: most of these texts are longer than the head asked for.
    expect(cutShort).toBeGreaterThan(200);
  });
});
