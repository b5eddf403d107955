import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gpuFunctionConfig } from "./model";
import { socialKind, socialReply } from "./social-message";
import { createDb } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { listMessages } from "@/lib/db/messages";
import { closedPortUrl } from "./fake-gpu-function.test-helper";
import { runChatTurn } from "./pipeline";

/** Every question of a jsonl set (its `q`, `message` or turns' `q`). */
function questionsOf(file: string): string[] {
  return readFileSync(new URL(file, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .flatMap((l) => {
      const row = JSON.parse(l) as { q?: string; message?: string; turns?: Array<{ q: string }> };
      return [row.q, row.message, ...(row.turns ?? []).map((t) => t.q)].filter((q): q is string => typeof q === "string");
    });
}

describe("socialKind", () => {
  it("reads a message that only greets, thanks or says goodbye", () => {
    for (const m of ["hi", "Hello!", "hey there", "hi medchat", "Good morning", "hello?"]) expect(socialKind(m), m).toBe("greeting");
    for (const m of ["thanks!", "Thank you so much", "ok thanks", "thx", "great, that was really helpful, thank you", "cheers"])
      expect(socialKind(m), m).toBe("thanks");
    for (const m of ["bye", "ok bye", "thanks, bye!", "goodnight"]) expect(socialKind(m), m).toBe("farewell");
  });

  it("leaves every message that says anything more to be answered as a question", () => {
    for (const m of ["hi, my knee hurts after running", "thanks, how long does it last?", "hello I have a cold", "ok", "help", "yes"])
      expect(socialKind(m), m).toBeNull();
    const sets = [
      "../rag/eval-sets/starter-first-questions.jsonl",
      "../rag/eval-sets/starter-first-questions-2.jsonl",
      "../rag/eval-sets/consumer-questions.jsonl",
      "./eval-sets/follow-up-conversations.jsonl",
    ];
    const questions = sets.flatMap(questionsOf);
    expect(questions.length).toBeGreaterThan(300);
    expect(questions.filter((q) => socialKind(q) !== null)).toEqual([]);
  });
});

describe("the chat's reply to a greeting or thanks", () => {
  it("is fixed, says it is an AI, and needs neither the knowledge base nor the model", async () => {
    const handle = await createDb({ url: "memory://" });
    await migrateDb(handle);
    try {
      let searched = 0;
      const gpu = gpuFunctionConfig({ GPU_FUNCTION_URL: await closedPortUrl(), GPU_FUNCTION_TOKEN: "t0ken", CHAT_MODEL: "fake-model" });
      const deps = { db: handle.db, gpu, env: {}, retriever: async () => (searched++, []) };
      const turn = (id: string, text: string) =>
        runChatTurn(
          { surface: "web", visitorId: "visitor_social00000000", conversationId: "conv-social", userMessage: { id, text }, consent: true },
          deps,
        );
      const hello = await turn("u1", "hi!");
      const text = (events: Awaited<ReturnType<typeof turn>>) => events.map((e) => (e.type === "text-delta" ? e.text : "")).join("");
      expect(text(hello)).toBe(socialReply("greeting"));
      expect(text(hello)).toMatch(/AI assistant/);
      expect(hello.some((e) => e.type === "error")).toBe(false);
      expect(text(await turn("u2", "thanks so much"))).toBe(socialReply("thanks"));
      expect(searched).toBe(0);
      // From a Spanish-speaking browser: "hi" is English, and so is the footer under the English reply.
      const fromMexico = await runChatTurn(
        {
          surface: "web",
          visitorId: "visitor_social00000001",
          conversationId: "conv-social-mx",
          userMessage: { id: "mx1", text: "hi" },
          consent: true,
          locale: "es-MX",
        },
        deps,
      );
      expect(text(fromMexico)).toBe(socialReply("greeting"));
      const footer = fromMexico.find((e) => e.type === "disclaimer");
      expect(footer && footer.type === "disclaimer" ? footer.text : "").toMatch(/^MedChat gives general educational information/);
      expect(searched).toBe(0);
      const stored = await listMessages(handle.db, "conv-social");
      expect(stored.map((m) => [m.role, m.status])).toEqual([
        ["user", "complete"],
        ["assistant", "complete"],
        ["user", "complete"],
        ["assistant", "complete"],
      ]);
    } finally {
      await handle.close();
    }
  });
});
