// Errors of the partner API in OpenAI's shape: {error:{message,type,param,code}}, so the
// official clients raise their usual typed errors (AuthenticationError, RateLimitError, …).

export type PartnerErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "server_error"
  | "service_unavailable";

const TYPE_BY_STATUS: Record<number, PartnerErrorType> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  405: "invalid_request_error",
  409: "conflict_error",
  413: "invalid_request_error",
  429: "rate_limit_error",
  500: "server_error",
  503: "service_unavailable",
};

export interface OpenAIErrorBody {
  error: { message: string; type: PartnerErrorType; param: string | null; code: string };
}

export class PartnerError extends Error {
  readonly type: PartnerErrorType;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { param?: string | null; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "PartnerError";
    this.type = TYPE_BY_STATUS[status] ?? (status >= 500 ? "server_error" : "invalid_request_error");
  }

  body(): OpenAIErrorBody & Record<string, unknown> {
    return { error: { message: this.message, type: this.type, param: this.options.param ?? null, code: this.code }, ...this.options.extra };
  }

  toResponse(headers: Record<string, string> = {}): Response {
    return Response.json(this.body(), { status: this.status, headers: { ...headers, ...this.options.headers } });
  }
}

// The partner routes' 405 is the app's one (lib/http/method-not-allowed.ts), kept importable from here.
export { methodNotAllowed } from "@/lib/http/method-not-allowed";
