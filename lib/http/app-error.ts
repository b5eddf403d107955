// The one error type of the app's routes (as vercel/ai-chatbot's single ChatSDKError): an
// HTTP status, a stable machine-readable code and a user-facing reason, rendered in ONE body
// shape — OpenAI's {error:{message,type,param,code}} — so the web chat, widget, partner API,
// admin and internal routes answer alike and OpenAI clients raise their usual typed errors.
import { ZodError } from "zod";

export type AppErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "server_error"
  | "service_unavailable";

const TYPE_BY_STATUS: Record<number, AppErrorType> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  405: "invalid_request_error",
  408: "invalid_request_error",
  409: "conflict_error",
  413: "invalid_request_error",
  429: "rate_limit_error",
  500: "server_error",
  503: "service_unavailable",
};

export interface AppErrorBody {
  error: { message: string; type: AppErrorType; param: string | null; code: string };
}

export interface AppErrorOptions {
  /** The request field at fault (OpenAI's `param`). */
  param?: string | null;
  headers?: Record<string, string>;
  /** More top-level fields of the body (e.g. the emergency contacts of a refusal). */
  extra?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly type: AppErrorType;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
    this.type = TYPE_BY_STATUS[status] ?? (status >= 500 ? "server_error" : "invalid_request_error");
  }

  body(): AppErrorBody & Record<string, unknown> {
    return { error: { message: this.message, type: this.type, param: this.options.param ?? null, code: this.code }, ...this.options.extra };
  }

  toResponse(headers: HeadersInit = {}): Response {
    const merged = new Headers(headers);
    for (const [name, value] of Object.entries(this.options.headers ?? {})) merged.set(name, value);
    return Response.json(this.body(), { status: this.status, headers: merged });
  }

  /** Any thrown value as an AppError: zod failures become 400 with the fields named; the unknown a 500 that leaks nothing. */
  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    if (error instanceof ZodError)
      return new AppError(400, "invalid_body", zodReason(error), { param: error.issues[0]?.path.join(".") || null });
    console.error("[medchat] unexpected error:", error);
    return new AppError(500, "internal_error", "Something went wrong on our side. Please try again.");
  }
}

/** A route's answer for any thrown value (AppError as is, anything else a logged 500). */
export function errorResponse(error: unknown, headers?: HeadersInit): Response {
  return AppError.from(error).toResponse(headers);
}

export function zodReason(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}
