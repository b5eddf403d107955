import { describe, expect, it } from "vitest";
import { followUpContext, followUpQuestion, retrieveInConversation } from "./follow-up";
import type { HistoryMessage, Retriever } from "./types";

const history: HistoryMessage[] = [
  { role: "user", text: "My 4 year old has a cold, what can I give her?" },
  { role: "assistant", text: "Rest, fluids and saline drops can ease symptoms. [1]" },
];

/** A conversation of the person's messages, each answered. */
const conversation = (...asked: string[]): HistoryMessage[] =>
  asked.flatMap((text) => [
    { role: "user" as const, text },
    { role: "assistant" as const, text: "An answer. [1]" },
  ]);

describe("followUpContext", () => {
  it("leans a follow-up on the person's previous question", () => {
    for (const text of [
      "how is it treated?",
      "what about honey, is that safe for her?",
      "is it contagious?",
      "and how long does it last",
      "What about at night?",
    ])
      expect(followUpContext(text, history), text).toBe(history[0]!.text);
  });

  it("leans a message naming only food, drink, medicines in general, people or everyday life on the conversation", () => {
    const gout = conversation("what is gout?");
    for (const text of [
      "what foods should I avoid?",
      "can I drink beer",
      "what medication is used?",
      "is exercise important?",
      "should I see a doctor?",
      "how much water should I drink?",
      "can she go to school?",
      "which tablets are best?",
      "how long until I can run again?",
    ])
      expect(followUpContext(text, gout), text).toBe("what is gout?");
  });

  it("keeps the conversation's subject through a chain of follow-ups", () => {
    // The lead's conversation on a fresh npm start: the third message leaned on "foods", not gout.
    expect(followUpContext("and can I still drink beer?", conversation("what is gout?", "what foods should I avoid?"))).toBe(
      "what is gout?",
    );
    expect(
      followUpContext(
        "do they have side effects?",
        conversation("do I have high blood pressure?", "what medicine is used for it?", "is it for life?"),
      ),
    ).toBe("do I have high blood pressure?");
    // A subject that stood on its own later in the conversation is the one followed.
    expect(followUpContext("how is it treated?", conversation("what causes migraines?", "does exercise help?", "what is asthma?"))).toBe(
      "what is asthma?",
    );
  });

  it("follows the subject a 'what about…' switched to, also after a question nothing answered", () => {
    expect(followUpContext("is it hereditary?", conversation("who won the world cup in 2018?", "what about gout?"))).toBe(
      "what about gout?",
    );
  });

  it("leaves a message that names its own subject, a first message and a long story alone", () => {
    expect(followUpContext("What are the symptoms of gout?", history)).toBeNull();
    expect(followUpContext("how can I lower my cholesterol?", conversation("what are the warning signs of a stroke"))).toBeNull();
    expect(followUpContext("is it contagious?", [])).toBeNull();
    expect(followUpContext("is it contagious?", [{ role: "assistant", text: "Hello" }])).toBeNull();
    const story =
      "My dad is 70 and was told he has atrial fibrillation after a check up, he takes warfarin and wants to know if he can still drink coffee";
    expect(followUpContext(story, history)).toBeNull();
  });
});

describe("retrieveInConversation", () => {
  const found = [
    { chunkId: "c1", documentId: "d1", title: "Gout", url: null, text: "Gout is…", headingPath: "Gout", source: "Test", score: 1 },
  ];

  it("searches a follow-up with the conversation's subject, and the message alone when that finds nothing", async () => {
    const calls: Array<string | undefined> = [];
    const retriever = (result: typeof found): Retriever => {
      return async (_query, _signal, options) => {
        calls.push(options?.context);
        return result;
      };
    };
    const gout = conversation("what is gout?");
    expect(await retrieveInConversation(retriever(found), "what foods should I avoid?", gout)).toEqual(found);
    expect(calls).toEqual(["what is gout?"]);
    calls.length = 0;
    expect(await retrieveInConversation(retriever([]), "what foods should I avoid?", gout)).toEqual([]);
    expect(calls).toEqual(["what is gout?", undefined]);
    calls.length = 0;
    await retrieveInConversation(retriever(found), "what is asthma?", gout);
    expect(calls).toEqual([undefined]);
  });
});

describe("followUpQuestion", () => {
  it("asks the last question that asked something again when the follow-up asks nothing of its own", () => {
    const throat = conversation("What can I take for a sore throat?");
    expect(followUpQuestion("and for my dad, he's 80?", throat)).toBe("What can I take for a sore throat?\nand for my dad, he's 80?");
    // A follow-up to that follow-up still asks what can be taken.
    expect(followUpQuestion("and my mum?", conversation("What can I take for a sore throat?", "and for my dad, he's 80?"))).toBe(
      "What can I take for a sore throat?\nand my mum?",
    );
  });

  it("keeps a follow-up that asks something of its own, what something is, or stands on its own", () => {
    const throat = conversation("What can I take for a sore throat?");
    expect(followUpQuestion("how long does it last?", throat)).toBe("how long does it last?");
    expect(followUpQuestion("what foods should I avoid?", conversation("what is gout?"))).toBe("what foods should I avoid?");
    // Nothing before it asked an aspect: the message as it is.
    expect(followUpQuestion("and for my dad?", conversation("what is gout?"))).toBe("and for my dad?");
    expect(followUpQuestion("What is asthma?", throat)).toBe("What is asthma?");
    // Its own question, or a subject of its own: not a repeat.
    expect(followUpQuestion("is it safe for kids?", throat)).toBe("is it safe for kids?");
    expect(followUpQuestion("what about gout?", throat)).toBe("what about gout?");
    expect(followUpQuestion("and for my dad?", [])).toBe("and for my dad?");
  });
});
