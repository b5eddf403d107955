// Uploaded training files in the formats the seed model cards were trained on —
// medical-o1 reasoning SFT (Question/Complex_CoT/Response), Pubmed-Bio-Thinking
// (developer/user/analysis/final), Medical Meadow flashcards (instruction/input/output) and
// OpenAI chat JSONL — read by the gpu-function's own importers (one reader for both sides),
// validated row by row (line numbers in every reason), deduplicated by their question
// against what is stored, and kept in Postgres (training_uploaded_examples).
import { createHash } from "node:crypto";
import { asc } from "drizzle-orm";
import { ImportFormatError, RowError, type ChatExample } from "@/gpu-function/shared/training-rows/chat-example";
import { importRows, ROW_FORMATS, trainingRowToExample, type RowFormat } from "@/gpu-function/shared/training-rows";
import type { Db } from "@/lib/db";
import { curatedExamples, trainingUploadedExamples } from "@/lib/db/schema";
import { normalizeQuestion, type TrainingExample } from "./dataset";
import { findUnstorableText, unstorableTextReason } from "@/lib/http/storable-text";

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const MAX_UPLOAD_RECORDS = 20_000;
/** Rejected rows listed in the answer (the count is always complete). */
const MAX_REJECTED_LISTED = 200;
/** Stored uploaded examples read into one dataset. */
const MAX_STORED_EXAMPLES = 50_000;

export type UploadFormat = RowFormat;
export const UPLOAD_FORMATS = ROW_FORMATS;

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadInput {
  format?: UploadFormat | "auto";
  filename: string;
  content: string;
}

export interface UploadReport {
  /** The format given, or the one the rows' fields identify ("mixed" when they differ). */
  format: UploadFormat | "mixed";
  accepted: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
  rejectedTotal: number;
}

const lastOf = (e: ChatExample, role: "user" | "assistant") => [...e.messages].reverse().find((m) => m.role === role)?.content ?? "";
const idFor = (key: string) => `up_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

export async function uploadTrainingExamples(db: Db, input: UploadInput, uploadedBy: string | null): Promise<UploadReport> {
  if (Buffer.byteLength(input.content, "utf8") > MAX_UPLOAD_BYTES)
    throw new UploadError(413, "upload_too_large", `Training files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB per upload.`);
  if (!input.content.trim()) throw new UploadError(400, "empty_upload", `${input.filename} is empty.`);
  const format = input.format ?? "auto";
  const parsed: { line: number; format: RowFormat; example: ChatExample }[] = [];
  let records = 0;
  let result;
  try {
    result = importRows(input.content, (row, line) => {
      if (++records > MAX_UPLOAD_RECORDS)
        throw new UploadError(413, "too_many_records", `Training files are limited to ${MAX_UPLOAD_RECORDS} records per upload.`);
      // Postgres cannot store a NUL or an unpaired surrogate escape: the row is refused with the field (was a 500).
      const unstorable = findUnstorableText(row);
      if (unstorable) throw new RowError(unstorableTextReason(unstorable));
      const mapped = trainingRowToExample(row, format);
      const question = lastOf(mapped.example, "user");
      if (question.length > 20_000) throw new RowError("the question is longer than 20000 characters");
      parsed.push({ line, ...mapped });
      return mapped.example;
    });
  } catch (error) {
    if (error instanceof UploadError) throw error;
    if (error instanceof ImportFormatError) throw new UploadError(400, "invalid_upload", `${input.filename}: ${error.message}`);
    throw error;
  }
  // importRows validated each example after mapping it: keep only the rows it accepted.
  const accepted = new Set(result.examples);
  const valid = parsed.filter((p) => accepted.has(p.example));
  const rejected = result.issues.map((i) => ({ line: i.line ?? 0, reason: i.reason }));
  if (valid.length === 0) {
    const first = rejected
      .slice(0, 5)
      .map((r) => `line ${r.line}: ${r.reason}`)
      .join("; ");
    throw new UploadError(400, "invalid_upload", `${input.filename} has no usable training rows (${rejected.length} rejected; ${first}).`);
  }
  const formats = new Set(valid.map((v) => v.format));
  const reportFormat: UploadReport["format"] = format !== "auto" ? format : formats.size === 1 ? [...formats][0] : "mixed";

  // Dedup: within the file, against stored uploads (unique index) and curated examples.
  const seen = new Set<string>();
  const fresh: ((typeof valid)[number] & { key: string })[] = [];
  let duplicates = 0;
  for (const v of valid) {
    const key = normalizeQuestion(lastOf(v.example, "user"));
    if (seen.has(key)) duplicates++;
    else {
      seen.add(key);
      fresh.push({ ...v, key });
    }
  }
  const curatedKeys = new Set((await db.select({ q: curatedExamples.question }).from(curatedExamples)).map((r) => normalizeQuestion(r.q)));
  let inserted = 0;
  for (let i = 0; i < fresh.length; i += 500) {
    const batch = fresh.slice(i, i + 500).filter((f) => !curatedKeys.has(f.key));
    duplicates += fresh.slice(i, i + 500).length - batch.length;
    if (batch.length === 0) continue;
    const rows = await db
      .insert(trainingUploadedExamples)
      .values(
        batch.map((b) => ({
          id: idFor(b.key),
          questionKey: b.key,
          format: b.format,
          filename: input.filename.slice(0, 200),
          line: b.line,
          example: { messages: b.example.messages },
          uploadedBy,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: trainingUploadedExamples.id });
    inserted += rows.length;
    duplicates += batch.length - rows.length;
  }
  return {
    format: reportFormat,
    accepted: inserted,
    duplicates,
    rejected: rejected.slice(0, MAX_REJECTED_LISTED),
    rejectedTotal: rejected.length,
  };
}

export async function uploadedTrainingExamples(db: Db): Promise<TrainingExample[]> {
  const rows = await db
    .select()
    .from(trainingUploadedExamples)
    .orderBy(asc(trainingUploadedExamples.createdAt), asc(trainingUploadedExamples.id))
    .limit(MAX_STORED_EXAMPLES);
  return rows.map((r) => ({
    question: lastOf(r.example, "user"),
    sources: [],
    answer: lastOf(r.example, "assistant") || (r.example.messages.at(-1)?.content ?? ""),
    origin: `upload:${r.id}`,
    messages: r.example.messages,
  }));
}
