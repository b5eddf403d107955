// OpenAPI 3.1 description of the partner API (served at /api/v1/openapi.json). The
// request body schema is generated from the zod schema the server validates with.
import { z } from "zod";
import { TRIAGE_CATEGORIES } from "@/lib/safety/triage";
import { chatCompletionRequestSchema, PARTNER_MODEL_ID } from "./wire";

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const RATE_HEADERS = Object.fromEntries(
  ["limit", "remaining", "reset"].flatMap((what) =>
    ["requests", "tokens"].map((kind) => [
      `x-ratelimit-${what}-${kind}`,
      {
        description: `${what} of ${kind === "requests" ? "requests per minute" : "tokens per UTC day"}${what === "reset" ? ' (duration such as "42s" or "6h3m0s")' : ""}`,
        schema: { type: "string" },
      },
    ]),
  ),
);

export function openApiDocument(serverUrl = "/api/v1") {
  const requestSchema = z.toJSONSchema(chatCompletionRequestSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  delete (requestSchema as { $schema?: string }).$schema;
  return {
    openapi: "3.1.0",
    info: {
      title: "MedChat partner API",
      version: "1.0.0",
      description:
        "OpenAI-compatible chat completions over MedChat's medical chat pipeline (emergency triage, retrieval with citations, server-added disclaimer). Every answer is AI-generated educational information, not medical advice: a partner must tell its users they are talking to an AI and show the returned `disclaimer` and any `emergency` notice.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/chat/completions": {
        post: {
          operationId: "createChatCompletion",
          summary: "Answer the last user message (streaming with `stream: true`)",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              schema: { type: "string", maxLength: 255 },
              description:
                "Replays the stored response of a completed request with the same key and body instead of answering (and billing) again.",
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: requestSchema } } },
          responses: {
            "200": {
              description:
                "A chat.completion (JSON) or, with stream: true, chat.completion.chunk events (text/event-stream) ending with data: [DONE]. The first chunk carries `emergency` when triage fired; the last carries `citations`, `disclaimer` and `usage`.",
              headers: RATE_HEADERS,
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/ChatCompletion" } },
                "text/event-stream": {
                  schema: {
                    type: "string",
                    description:
                      'Server-sent events: data: <ChatCompletionChunk JSON>, a mid-stream failure as data: {"error":…}, then data: [DONE]',
                  },
                },
              },
            },
            "400": errorResponse("Invalid body (reason in error.message, field in error.param)"),
            "401": errorResponse("Missing, unknown, revoked or expired key"),
            "403": errorResponse("The key lacks the chat scope, or the browser origin is not allowed"),
            "404": errorResponse("Unknown model"),
            "409": errorResponse("A request with this Idempotency-Key is still running"),
            "413": errorResponse("Body or message too large, or the request can never fit the key's tokens per day"),
            "422": errorResponse("Idempotency-Key reused with a different body"),
            "429": {
              ...errorResponse("A limit was reached (requests per minute, tokens per day, requests at once); see Retry-After"),
              headers: { "retry-after": { schema: { type: "integer" } }, ...RATE_HEADERS },
            },
            "500": errorResponse("Server or model error"),
            "503": errorResponse("The model service or the database is unavailable"),
          },
        },
      },
      "/models": {
        get: {
          operationId: "listModels",
          summary: "The models a key may call",
          responses: {
            "200": {
              description: "A list",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { object: { const: "list" }, data: { type: "array", items: { $ref: "#/components/schemas/Model" } } },
                    required: ["object", "data"],
                  },
                },
              },
            },
            "401": errorResponse("Bad key"),
            "403": errorResponse("The key lacks the models scope"),
          },
        },
      },
      "/models/{model}": {
        get: {
          operationId: "retrieveModel",
          parameters: [{ name: "model", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The model", content: { "application/json": { schema: { $ref: "#/components/schemas/Model" } } } },
            "404": errorResponse("Unknown model"),
          },
        },
      },
      "/usage": {
        get: {
          operationId: "getUsage",
          summary: "The calling key's usage between from (default: start of today, UTC) and to (default: now)",
          parameters: [
            {
              name: "from",
              in: "query",
              required: false,
              schema: { type: "string" },
              description: "ISO 8601 date/time or Unix seconds (inclusive)",
            },
            {
              name: "to",
              in: "query",
              required: false,
              schema: { type: "string" },
              description: "ISO 8601 date/time or Unix seconds (exclusive)",
            },
          ],
          responses: {
            "200": { description: "Usage", content: { "application/json": { schema: { $ref: "#/components/schemas/Usage" } } } },
            "400": errorResponse("Bad time range"),
            "401": errorResponse("Bad key"),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A MedChat key: mk_live_…" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["message", "type", "param", "code"],
              properties: {
                message: { type: "string" },
                type: { type: "string" },
                param: { type: ["string", "null"] },
                code: { type: "string" },
              },
            },
          },
        },
        Citation: {
          type: "object",
          required: ["n", "title", "url", "snippet"],
          properties: {
            n: { type: "integer", description: "The [n] the answer cites" },
            title: { type: "string", description: 'The page and the section quoted, as the web chat lists it: "Asthma — What it is"' },
            url: { type: ["string", "null"] },
            snippet: { type: "string" },
            document_id: { type: "string" },
          },
        },
        Emergency: {
          type: ["object", "null"],
          description:
            "Present when emergency triage fired on the user's message (read with their recent turns). Show it before the answer, prominently, with its `actions` as call buttons.",
          required: [
            "text",
            "language",
            "locale",
            "categories",
            "labels",
            "emergency_number",
            "crisis_line",
            "crisis_line_name",
            "actions",
          ],
          properties: {
            text: { type: "string", description: "The notice, in `language`: what to do now, with the emergency number." },
            language: { type: "string", description: "ISO 639-1 language of `text` and `labels` (the language the user wrote in)." },
            locale: {
              type: "string",
              description: "BCP 47 locale whose emergency number and crisis line are given (the request's `locale`).",
            },
            categories: {
              type: "array",
              items: { enum: [...TRIAGE_CATEGORIES] },
              description: "The red-flag categories that fired.",
            },
            labels: {
              type: "object",
              required: ["heading", "call", "crisis_line"],
              description: "Short texts in `language` for a heading and the call buttons.",
              properties: { heading: { type: "string" }, call: { type: "string" }, crisis_line: { type: "string" } },
            },
            emergency_number: { type: "string", description: "The local emergency number (911, 112, 999…)." },
            crisis_line: { type: "string", description: "The local suicide and crisis line." },
            crisis_line_name: { type: "string" },
            actions: {
              type: "array",
              description:
                "The calls to offer, in order: always the emergency number; also the crisis line when `suicidal_self_harm` or `overdose_poisoning` fired (the notice names it).",
              items: {
                type: "object",
                required: ["kind", "label", "number", "href"],
                properties: {
                  kind: { enum: ["emergency", "crisis_line"] },
                  label: { type: "string", description: 'Button text in `language`, e.g. "Call 911".' },
                  number: { type: "string" },
                  href: { type: "string", description: "tel: link" },
                },
              },
            },
          },
        },
        UsageTokens: {
          type: "object",
          properties: { prompt_tokens: { type: "integer" }, completion_tokens: { type: "integer" }, total_tokens: { type: "integer" } },
        },
        ChatCompletion: {
          type: "object",
          required: ["id", "object", "created", "model", "choices", "usage", "citations", "disclaimer"],
          properties: {
            id: { type: "string" },
            object: { const: "chat.completion" },
            created: { type: "integer" },
            model: { const: PARTNER_MODEL_ID },
            choices: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  index: { type: "integer" },
                  message: {
                    type: "object",
                    properties: { role: { const: "assistant" }, content: { type: "string" }, reasoning_content: { type: "string" } },
                  },
                  finish_reason: { enum: ["stop", "length"] },
                },
              },
            },
            usage: { $ref: "#/components/schemas/UsageTokens" },
            citations: { type: "array", items: { $ref: "#/components/schemas/Citation" } },
            disclaimer: { type: "string", description: "Must be shown with the answer" },
            emergency: { $ref: "#/components/schemas/Emergency" },
          },
        },
        Model: {
          type: "object",
          properties: { id: { type: "string" }, object: { const: "model" }, created: { type: "integer" }, owned_by: { type: "string" } },
        },
        Usage: {
          type: "object",
          properties: {
            object: { const: "usage" },
            from: { type: "string", format: "date-time" },
            to: { type: "string", format: "date-time" },
            requests: { type: "integer" },
            prompt_tokens: { type: "integer" },
            completion_tokens: { type: "integer" },
            total_tokens: { type: "integer" },
            emergencies: { type: "integer" },
            by_status: { type: "object", additionalProperties: { type: "integer" } },
            daily: { type: "array", items: { type: "object" } },
          },
        },
      },
    },
  };
}
