// The last-resort error texts speak the answer's language, like its footer: the notice on an
// answer cut off by the app stopping (interrupted.ts, on a real in-memory PGlite row), and the text
// of the UI stream when the answer fails in a way nothing else names (ui-stream.ts onError, read
// from the real AI SDK stream).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { createConversation } from "@/lib/db/conversations";
import { insertMessage, listMessages } from "@/lib/db/messages";
import { migrateDb } from "@/lib/db/migrate";
import { ANSWER_WORDING, answerLanguageOfFooter } from "@/lib/safety/answer-texts";
import { TRIAGE_LANGUAGES, type TriageLanguage } from "@/lib/safety/red-flags/types";
import { triage } from "@/lib/safety/triage";
import { settleInterruptedAnswers } from "./interrupted";
import type { ChatEvent } from "./types";
import { chatEventsToUIMessageStream } from "./ui-stream";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
});

afterAll(async () => {
  await handle?.close();
});

describe("the answer's language from its footer", () => {
  it("every language's footer is recognised, whatever the number in it", () => {
    for (const language of TRIAGE_LANGUAGES) {
      for (const emergencyNumber of ["911", "112", "000"]) {
        expect(answerLanguageOfFooter(ANSWER_WORDING[language].disclaimer({ emergencyNumber })), language).toBe(language);
      }
    }
    expect(answerLanguageOfFooter("Some other text.")).toBeUndefined();
  });

  it("every language has its own last-resort text", () => {
    for (const language of TRIAGE_LANGUAGES.filter((l) => l !== "en")) {
      expect(ANSWER_WORDING[language].errors.unexpected, language).not.toBe(ANSWER_WORDING.en.errors.unexpected);
      expect(ANSWER_WORDING[language].errors.unexpected, language).not.toMatch(/something went wrong/i);
    }
  });
});

describe("an answer cut off by the app stopping", () => {
  it.each([
    ["es", "112"],
    ["de", "112"],
    ["ja", "119"],
    ["en", "911"],
  ] as [TriageLanguage, string][])("is marked interrupted in its own language (%s)", async (language, emergencyNumber) => {
    const db = handle.db;
    const conversationId = `conv-interrupted-${language}`;
    await createConversation(db, { id: conversationId, visitorId: "visitor_interruptedinterrupted", title: "t" });
    await insertMessage(db, { id: `${conversationId}-q`, conversationId, role: "user", parts: [{ type: "text", text: "?" }] });
    const started = new Date(Date.now() - 10 * 60_000);
    await insertMessage(db, {
      id: `${conversationId}-a`,
      conversationId,
      role: "assistant",
      parts: [
        { type: "text", text: "…", state: "streaming" },
        { type: "data-disclaimer", data: { text: ANSWER_WORDING[language].disclaimer({ emergencyNumber }) } },
      ],
      metadata: { status: "streaming", heartbeatAt: started.toISOString() },
      status: "streaming",
      createdAt: started,
    });
    await settleInterruptedAnswers(db, await listMessages(db, conversationId));
    const answer = (await listMessages(db, conversationId)).find((m) => m.role === "assistant")!;
    expect(answer.status).toBe("interrupted");
    const parts = answer.parts as { type: string; data?: { code?: string; message?: string } }[];
    expect(parts.map((p) => p.type)).toEqual(["text", "data-error", "data-disclaimer"]);
    expect(parts[1].data).toEqual({ code: "stream_interrupted", message: ANSWER_WORDING[language].errors.interrupted });
  });
});

/** The error text of a UI stream whose events end in an exception after `first`. */
async function streamErrorText(first: ChatEvent[]): Promise<string> {
  async function* events(): AsyncGenerator<ChatEvent> {
    yield* first;
    throw new Error("database connection lost");
  }
  const reader = chatEventsToUIMessageStream(events()).getReader();
  const original = console.error;
  console.error = () => {};
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error("the stream ended without an error chunk");
      if (value.type === "error") return value.errorText;
    }
  } finally {
    console.error = original;
  }
}

describe("an answer that fails in a way nothing else names", () => {
  it.each([
    ["¿Cuánto tiempo dura la gripe normalmente?", "es"],
    ["Wie lange dauert eine Grippe normalerweise?", "de"],
    ["How long does the flu usually last?", "en"],
  ] as [string, TriageLanguage][])("says so in the question's language: %s", async (question, language) => {
    const start: ChatEvent = { type: "start", conversationId: "c", messageId: "m", triage: triage(question) };
    expect(await streamErrorText([start])).toBe(ANSWER_WORDING[language].errors.unexpected);
  });

  it("in English when it fails before the answer started", async () => {
    expect(await streamErrorText([])).toBe(ANSWER_WORDING.en.errors.unexpected);
  });
});
