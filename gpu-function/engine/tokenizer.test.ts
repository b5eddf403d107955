import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { OutputParser, StopMatcher } from "./output";
import { writeByteTokenizer } from "./test-fixtures";
import { ChatTokenizer, IncrementalDetokenizer } from "./tokenizer";

let dir: string;
let tok: ChatTokenizer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tok-"));
  await writeByteTokenizer(dir);
  tok = await ChatTokenizer.fromDir(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("ChatTokenizer", () => {
  it("renders the model's chat template and encodes special tokens", () => {
    const text = tok.applyChatTemplate([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "Hi" }] },
    ]);
    expect(text).toBe("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
    const ids = tok.encodeChat([{ role: "user", content: "é" }]);
    expect(ids[0]).toBe(tok.tokenId("<|im_start|>"));
    expect(tok.decode(ids)).toBe("user\né\nassistant\n");
    expect(tok.specialIds.has(tok.tokenId("<|im_end|>")!)).toBe(true);
  });

  it("falls back to a plain template when the checkpoint has none", async () => {
    const other = path.join(dir, "plain");
    await writeByteTokenizer(other, null);
    const plain = await ChatTokenizer.fromDir(other);
    expect(plain.usesFallbackTemplate).toBe(true);
    expect(plain.applyChatTemplate([{ role: "user", content: "Hi" }])).toBe("User: Hi\n\nAssistant:");
  });

  it("reads chat_template.jinja, which wins over tokenizer_config.json's template as in transformers", async () => {
    const other = path.join(dir, "jinja");
    await writeByteTokenizer(other);
    await writeFile(
      path.join(other, "chat_template.jinja"),
      "{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}{% if add_generation_prompt %}<assistant>{% endif %}",
    );
    const fromFile = await ChatTokenizer.fromDir(other);
    expect(fromFile.usesFallbackTemplate).toBe(false);
    expect(fromFile.applyChatTemplate([{ role: "user", content: "Hi" }])).toBe("<user>Hi<assistant>");
  });

  it("streams multi-byte characters without splitting them", () => {
    const text = "a é 日本 🩺!";
    const ids = tok.encode(text);
    expect(ids.length).toBe(new TextEncoder().encode(text).length);
    const detok = new IncrementalDetokenizer(tok);
    const pieces = ids.map((id) => detok.push(id));
    expect(pieces.join("") + detok.flush()).toBe(text);
    expect(pieces.every((p) => !p.includes("\uFFFD"))).toBe(true);
    expect(pieces.filter((p) => p === "").length).toBe(ids.length - [...text].length);
  });
});

describe("OutputParser", () => {
  const feed = (parser: OutputParser, pieces: Array<string | number>) => {
    let content = "";
    let reasoning = "";
    for (const p of pieces) {
      const ids = typeof p === "number" ? [p] : tok.encode(p);
      for (const id of ids) {
        const d = parser.push(id);
        content += d.content;
        reasoning += d.reasoning;
      }
    }
    const d = parser.flush();
    return { content: content + d.content, reasoning: reasoning + d.reasoning };
  };

  it("splits harmony analysis and final channels", () => {
    const id = (t: string) => tok.tokenId(t)!;
    const out = feed(new OutputParser(tok), [
      id("<|channel|>"),
      "analysis",
      id("<|message|>"),
      "Think ü.",
      id("<|end|>"),
      id("<|start|>"),
      "assistant",
      id("<|channel|>"),
      "final",
      id("<|message|>"),
      "Answer ü.",
    ]);
    expect(out).toEqual({ content: "Answer ü.", reasoning: "Think ü." });
  });

  it("splits <think> blocks and drops other special tokens", () => {
    const id = (t: string) => tok.tokenId(t)!;
    const out = feed(new OutputParser(tok), [id("<think>"), "hmm", id("</think>"), "yes", id("<|im_start|>")]);
    expect(out).toEqual({ content: "yes", reasoning: "hmm" });
  });
});

describe("StopMatcher", () => {
  it("holds back partial matches and cuts at the first stop sequence", () => {
    const m = new StopMatcher(["END", "\n\n"]);
    expect(m.push("hello E")).toEqual({ emit: "hello ", stopped: false });
    expect(m.push("N")).toEqual({ emit: "", stopped: false });
    expect(m.push("x")).toEqual({ emit: "ENx", stopped: false });
    expect(m.push("tail\n")).toEqual({ emit: "tail", stopped: false });
    expect(m.push("\nmore")).toEqual({ emit: "", stopped: true });
  });
});
