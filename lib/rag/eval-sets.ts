// Evaluation sets kept in the repository: the team's consumer questions (eval-sets/README.md).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const ConsumerQuestion = z.object({
  id: z.string(),
  split: z.enum(["dev", "final", "final2", "final3", "final4"]),
  subject: z.string(),
  message: z.string(),
  asks: z.array(z.string()),
  relevant: z.array(z.string()).min(1),
});
export type ConsumerQuestion = z.infer<typeof ConsumerQuestion>;

export const CONSUMER_QUESTIONS_FILE = path.join(process.cwd(), "lib/rag/eval-sets/consumer-questions.jsonl");
/** The blind held-out split `final3`, written by a helper that never saw the code (eval-sets/README.md), kept as delivered. */
export const CONSUMER_QUESTIONS_FINAL3_FILE = path.join(process.cwd(), "lib/rag/eval-sets/consumer-questions-final3.jsonl");
/** The second blind held-out split `final4`, by another helper that never saw the code (eval-sets/README.md), kept as delivered. */
export const CONSUMER_QUESTIONS_FINAL4_FILE = path.join(process.cwd(), "lib/rag/eval-sets/consumer-questions-final4.jsonl");

export function readConsumerQuestions(file = CONSUMER_QUESTIONS_FILE): ConsumerQuestion[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = ConsumerQuestion.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** What a person typed: the subject line and the message, as one query. */
export function consumerQueryText(q: Pick<ConsumerQuestion, "subject" | "message">): string {
  return [q.subject.trim(), q.message.trim()].filter(Boolean).join("\n");
}

/** Every split: the team's file (dev, final, final2) and the blind final3 and final4 files. */
export function readAllConsumerQuestions(): ConsumerQuestion[] {
  return [
    ...readConsumerQuestions(),
    ...readConsumerQuestions(CONSUMER_QUESTIONS_FINAL3_FILE),
    ...readConsumerQuestions(CONSUMER_QUESTIONS_FINAL4_FILE),
  ];
}
