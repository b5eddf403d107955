// Evaluation sets kept in the repository: the team's consumer questions (eval-sets/README.md).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const ConsumerQuestion = z.object({
  id: z.string(),
  split: z.enum(["dev", "final", "final2", "final3", "final4", "final5", "final6", "final7"]),
  subject: z.string(),
  message: z.string(),
  asks: z.array(z.string()),
  relevant: z.array(z.string()).min(1),
});
export type ConsumerQuestion = z.infer<typeof ConsumerQuestion>;

export const CONSUMER_QUESTIONS_FILE = path.join(process.cwd(), "lib/rag/eval-sets/consumer-questions.jsonl");
/**
 * The blind held-out splits, each written by a helper that never saw the code (eval-sets/README.md)
 * and kept as delivered in its own file, consumer-questions-<split>.jsonl.
 */
export const BLIND_SPLITS = ["final3", "final4", "final5", "final6", "final7"] as const;
export const blindSplitFile = (split: (typeof BLIND_SPLITS)[number]) =>
  path.join(process.cwd(), `lib/rag/eval-sets/consumer-questions-${split}.jsonl`);
export const isBlindSplit = (split: string): split is (typeof BLIND_SPLITS)[number] => (BLIND_SPLITS as readonly string[]).includes(split);

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

/** Every split: the team's file (dev, final, final2) and the blind splits' files. */
export function readAllConsumerQuestions(): ConsumerQuestion[] {
  return [...readConsumerQuestions(), ...BLIND_SPLITS.flatMap((split) => readConsumerQuestions(blindSplitFile(split)))];
}
