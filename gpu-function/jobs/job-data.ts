// Job data in and out of the service: importing inline JSONL (a 400 naming the field),
// fetching a training/validation file by URL within a size limit, and the setup error
// a job fails with when its data cannot be had.

import fs from "node:fs/promises";
import type { ChatExample, ImportIssue } from "../data/chat-example";
import { importTrainingRows } from "../data/importers";
import { ApiError } from "../http/router";

export class JobSetupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function describeIssue(i: ImportIssue): string {
  return `${i.line !== undefined ? `line ${i.line}` : (i.id ?? "row")}: ${i.reason}`;
}

export function importOrReject(text: string, field: string): { examples: ChatExample[]; issues: ImportIssue[] } {
  let result;
  try {
    result = importTrainingRows(text);
  } catch (err) {
    throw new ApiError(400, `'${field}': ${(err as Error).message}`, { param: field, code: "invalid_training_data" });
  }
  if (result.examples.length === 0) {
    const first = result.issues[0];
    throw new ApiError(400, `'${field}' has no usable examples${first ? ` (${describeIssue(first)})` : ""}`, { param: field, code: "invalid_training_data" });
  }
  return result;
}

export async function fetchText(fetchImpl: typeof fetch, url: string, maxBytes: number, signal: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(60_000)]) });
  } catch (err) {
    throw new JobSetupError("file_fetch_failed", `could not fetch ${url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new JobSetupError("file_fetch_failed", `fetching ${url} answered HTTP ${res.status}`);
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new JobSetupError("file_too_large", `${url} is ${declared} bytes, over the ${maxBytes}-byte limit`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > maxBytes) throw new JobSetupError("file_too_large", `${url} is over the ${maxBytes}-byte limit`);
  return buf.toString("utf8");
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
