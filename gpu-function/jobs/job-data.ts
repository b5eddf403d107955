// Job data in and out of the service: importing inline JSONL (a 400 naming the field),
// fetching a training/validation file by URL within a size limit, and the setup error
// a job fails with when its data cannot be had.

import fs from "node:fs/promises";
import type { ChatExample, ImportIssue } from "../data/chat-example";
import { importTrainingRows } from "../data/importers";
import { ApiError } from "../http/router";
import { fetchPublicText, PublicFetchError } from "../shared/public-fetch";

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
    throw new ApiError(400, `'${field}' has no usable examples${first ? ` (${describeIssue(first)})` : ""}`, {
      param: field,
      code: "invalid_training_data",
    });
  }
  return result;
}

/**
 * Fetches a training/validation file from a user-supplied URL: public addresses only (unless
 * allowed), within a size limit. Failures name the URL and what went wrong, never the content.
 */
export async function fetchText(url: string, opts: { maxBytes: number; signal: AbortSignal; allowPrivate: boolean }): Promise<string> {
  try {
    return await fetchPublicText(url, { maxBytes: opts.maxBytes, signal: opts.signal, allowPrivate: opts.allowPrivate, timeoutMs: 60_000 });
  } catch (err) {
    if (err instanceof PublicFetchError) {
      const code =
        err.code === "too_large"
          ? "file_too_large"
          : err.code === "address_not_allowed" || err.code === "url_not_allowed"
            ? "url_not_allowed"
            : "file_fetch_failed";
      throw new JobSetupError(code, `could not fetch ${url}: ${err.message}`);
    }
    throw new JobSetupError("file_fetch_failed", `could not fetch ${url}: ${(err as Error).message}`);
  }
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
