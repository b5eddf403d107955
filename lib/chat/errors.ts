// Model failures become a user-facing stream error with a clear message. Client mistakes
// are AppError (lib/http/app-error.ts), the app's one error type.
import { APICallError, RetryError } from "ai";
import { AppError } from "@/lib/http/app-error";
import { answerWordingFor } from "@/lib/safety/answer-texts";
import type { TriageLanguage } from "@/lib/safety/red-flags/types";
import type { ChatStreamErrorCode } from "./ui-types";

/** @deprecated A client mistake is an AppError; this name is kept so code written against it still type-checks. */
export const ChatRequestError = AppError;
/** @deprecated see ChatRequestError. */
export type ChatRequestError = AppError;

/** The message of a failed answer, in the language of the question (English by default). */
export function userMessageFor(code: ChatStreamErrorCode, emergencyNumber: string, language?: TriageLanguage): string {
  const { errors } = answerWordingFor(language);
  const numbers = { emergencyNumber };
  switch (code) {
    case "model_unavailable":
      return errors.unavailable(numbers);
    case "timeout":
      return errors.timeout(numbers);
    case "stream_interrupted":
      return errors.interrupted;
    case "model_error":
      return errors.failed(numbers);
  }
}

/** Maps a failure of the model call to a stream error code. */
export function classifyModelError(error: unknown, opts: { hadText: boolean; timedOut: boolean }): ChatStreamErrorCode {
  if (opts.timedOut) return "timeout";
  if (opts.hadText) return "stream_interrupted";
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(cause)) {
    if (cause.statusCode === undefined || cause.statusCode >= 500 || cause.statusCode === 429) return "model_unavailable";
    return "model_error";
  }
  const text = String((cause as { message?: unknown })?.message ?? cause);
  if (/fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|socket|network|terminated/i.test(text)) return "model_unavailable";
  return "model_error";
}

/**
 * The connection to the model server broke before it answered (reset, closed, refused) — no status
 * code came back, so nothing was generated and asking again is safe.
 */
export function isDroppedConnection(error: unknown): boolean {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(cause)) return cause.statusCode === undefined;
  const text = String((cause as { message?: unknown })?.message ?? cause);
  return /fetch failed|ECONNRESET|ECONNREFUSED|socket hang up|other side closed/i.test(text);
}

/** The server refused the prompt as too long for the model's context window. */
export function isContextLengthError(error: unknown): boolean {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (!APICallError.isInstance(cause) || cause.statusCode !== 400) return false;
  return /context_length_exceeded|maximum context length|context window|too long/i.test(`${cause.responseBody ?? ""} ${cause.message}`);
}
