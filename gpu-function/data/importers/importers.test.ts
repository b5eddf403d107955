// Each importer on a small hand-written sample in its real shape, including bad rows
// that must be reported with their line and skipped.
import { describe, expect, it } from "vitest";
import { importMedicalMeadow } from "./medical-meadow";
import { importMedicalO1 } from "./medical-o1";
import { importOpenAiChat } from "./openai-chat";
import { importPubmedBioThinking } from "./pubmed-bio-thinking";
import { importTrainingRows } from "./index";
import { parseRows } from "./rows";
import { ImportFormatError } from "../chat-example";

const jsonl = (...rows: unknown[]) => rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");

describe("parseRows", () => {
  it("reads JSONL with line numbers, skipping blank lines and reporting broken JSON", () => {
    const { rows, issues } = parseRows('{"a":1}\n\n{"a":2}\n{"a":\n');
    expect(rows).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(4);
    expect(issues[0].reason).toMatch(/invalid JSON/);
  });

  it("splits a pretty-printed JSON array into elements with the line each starts on", () => {
    const text = '[\n  {"q": "a, [b]"},\n  {"q": "c \\" }"},\n  {"q": oops},\n  {"q": "d"}\n]\n';
    const { rows, issues } = parseRows(text);
    expect(rows).toEqual([
      { line: 2, value: { q: "a, [b]" } },
      { line: 3, value: { q: 'c " }' } },
      { line: 5, value: { q: "d" } },
    ]);
    expect(issues.map((i) => i.line)).toEqual([4]);
  });

  it("rejects an unterminated array as a whole", () => {
    expect(() => parseRows('[{"q": 1},')).toThrow(ImportFormatError);
  });
});

describe("OpenAI chat JSONL", () => {
  it("maps roles, text parts, weights and reasoning fields; reports bad rows by line", () => {
    const text = jsonl(
      {
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "What lowers fever?" },
          { role: "assistant", content: "Rest and fluids help." },
        ],
      },
      {
        messages: [
          { role: "developer", content: "Cite." },
          {
            role: "user",
            content: [
              { type: "text", text: "Hi " },
              { type: "text", text: "there" },
            ],
          },
          { role: "assistant", content: "Hello.", reasoning_content: "Greet back." },
        ],
      },
      {
        messages: [
          { role: "user", content: "Q" },
          { role: "assistant", content: "<think>short plan</think>Final words." },
        ],
      },
      {
        messages: [
          { role: "user", content: "Q1" },
          { role: "assistant", content: "draft", weight: 0 },
          { role: "user", content: "Q2" },
          { role: "assistant", content: "kept", weight: 1 },
        ],
      },
      { messages: [{ role: "user", content: "only a question" }] },
      {
        messages: [
          { role: "tool", content: "{}" },
          { role: "assistant", content: "x" },
        ],
      },
      { prompt: "legacy", completion: "format" },
      "not json at all",
    );
    const { examples, issues } = importOpenAiChat(text);
    expect(examples).toHaveLength(4);
    expect(examples[0].messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(examples[1].messages[0]).toEqual({ role: "system", content: "Cite." });
    expect(examples[1].messages[1].content).toBe("Hi there");
    expect(examples[1].messages[2]).toEqual({ role: "assistant", content: "Hello.", reasoning: "Greet back." });
    expect(examples[2].messages[1]).toEqual({ role: "assistant", content: "Final words.", reasoning: "short plan" });
    expect(examples[3].messages[1].weight).toBe(0);
    expect(issues.map((i) => i.line)).toEqual([5, 6, 7, 8]);
    expect(issues[0].reason).toMatch(/no assistant message/);
    expect(issues[1].reason).toMatch(/unsupported role "tool"/);
    expect(issues[2].reason).toMatch(/missing field "messages"/);
    expect(issues[3].reason).toMatch(/invalid JSON/);
  });
});

describe("medical-o1-reasoning-SFT rows", () => {
  it("keeps Complex_CoT as the reasoning channel (JSON array as shipped)", () => {
    const text = JSON.stringify(
      [
        {
          Question: "A patient has a sore throat and fever. Next step?",
          Complex_CoT: "Consider strep; a rapid test decides.",
          Response: "Do a rapid antigen test.",
        },
        { Question: "Why is the sky blue?", Response: "Rayleigh scattering." },
        { Question: "Missing the answer", Complex_CoT: "hmm" },
        { Question: 42, Response: "numbers are not questions" },
      ],
      null,
      2,
    );
    const { examples, issues } = importMedicalO1(text, { systemPrompt: "You are a careful medical assistant." });
    expect(examples).toHaveLength(2);
    expect(examples[0].messages).toEqual([
      { role: "system", content: "You are a careful medical assistant." },
      { role: "user", content: "A patient has a sore throat and fever. Next step?" },
      { role: "assistant", content: "Do a rapid antigen test.", reasoning: "Consider strep; a rapid test decides." },
    ]);
    expect(examples[1].messages[2].reasoning).toBeUndefined();
    expect(issues).toEqual([
      { line: 11, reason: 'missing field "Response"' },
      { line: 15, reason: 'field "Question" must be a string, got number' },
    ]);
  });
});

describe("medical_meadow flashcards", () => {
  it("uses the instruction as system prompt and input as the question", () => {
    const text = jsonl(
      { instruction: "Answer this question truthfully", input: "What does insulin do?", output: "It lets cells take up glucose." },
      { instruction: "Name one symptom of anaemia.", input: "", output: "Tiredness." },
      { instruction: "Answer this question truthfully", input: "Empty answer?", output: "  " },
    );
    const { examples, issues } = importMedicalMeadow(text);
    expect(examples[0].messages).toEqual([
      { role: "system", content: "Answer this question truthfully" },
      { role: "user", content: "What does insulin do?" },
      { role: "assistant", content: "It lets cells take up glucose." },
    ]);
    expect(examples[1].messages).toEqual([
      { role: "user", content: "Name one symptom of anaemia." },
      { role: "assistant", content: "Tiredness." },
    ]);
    expect(issues).toEqual([{ line: 3, reason: 'field "output" is empty' }]);
  });
});

describe("Pubmed-Bio-Thinking rows", () => {
  it("maps developer/user/analysis/final to system/user/reasoning/answer", () => {
    const row = {
      paper_id: "PMC0000001",
      reasoning_language: "English",
      developer: "Only use the provided paper.",
      user: "Which group improved more in the trial?",
      analysis: "Step 1: find the results table. Step 2: compare the two arms.",
      final: "The treated group improved more (invented sample).",
      messages: [{ role: "system", content: "ignored copy", thinking: null }],
    };
    const { examples, issues } = importPubmedBioThinking(jsonl(row, { ...row, final: null }));
    expect(examples).toHaveLength(1);
    expect(examples[0]).toEqual({
      id: "PMC0000001",
      messages: [
        { role: "system", content: "Only use the provided paper." },
        { role: "user", content: "Which group improved more in the trial?" },
        {
          role: "assistant",
          content: "The treated group improved more (invented sample).",
          reasoning: "Step 1: find the results table. Step 2: compare the two arms.",
        },
      ],
    });
    expect(issues).toEqual([{ line: 2, reason: 'missing field "final"' }]);
  });
});

describe("importTrainingRows (auto-detect per row)", () => {
  it("accepts mixed formats and names the expected fields for unknown rows", () => {
    const text = jsonl(
      {
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: "b" },
        ],
      },
      { Question: "q", Complex_CoT: "c", Response: "r" },
      { instruction: "i", input: "q", output: "o" },
      { developer: "d", user: "u", analysis: "a", final: "f", messages: [] },
      { text: "raw pretraining text" },
    );
    const { examples, issues } = importTrainingRows(text);
    expect(examples).toHaveLength(4);
    expect(examples[3].messages[2]).toEqual({ role: "assistant", content: "f", reasoning: "a" });
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(5);
    expect(issues[0].reason).toMatch(/unrecognised row \(fields: text\)/);
  });
});
