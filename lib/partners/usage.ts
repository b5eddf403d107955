// A key's usage over a time range (GET /api/v1/usage), summed from usage_records, and
// the handlers of the small read-only partner routes (models, usage).
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { usageRecords } from "@/lib/db/schema";
import { openDb, withPartnerErrors } from "./chat-handler";
import { checkOrigin } from "./cors";
import { PartnerError } from "./errors";
import { authenticateApiKey } from "./keys";
import { PARTNER_MODEL_ID } from "./wire";

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 366;

export interface UsageSummary {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  emergencies: number;
  by_status: { complete: number; partial: number; error: number; active: number };
  daily: { date: string; requests: number; prompt_tokens: number; completion_tokens: number; emergencies: number }[];
}

export async function usageSummary(db: Db, apiKeyId: string, from: Date, to: Date): Promise<UsageSummary> {
  const where = and(eq(usageRecords.apiKeyId, apiKeyId), gte(usageRecords.createdAt, from), lt(usageRecords.createdAt, to));
  const day = sql<string>`to_char(${usageRecords.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      date: day,
      status: usageRecords.status,
      requests: sql<number>`count(*)`.mapWith(Number),
      prompt: sql<number>`coalesce(sum(${usageRecords.promptTokens}), 0)`.mapWith(Number),
      completion: sql<number>`coalesce(sum(${usageRecords.completionTokens}), 0)`.mapWith(Number),
      emergencies: sql<number>`count(*) filter (where ${usageRecords.emergency})`.mapWith(Number),
    })
    .from(usageRecords)
    .where(where)
    .groupBy(day, usageRecords.status)
    .orderBy(day);
  const summary: UsageSummary = {
    requests: 0,
    prompt_tokens: 0,
    completion_tokens: 0,
    total_tokens: 0,
    emergencies: 0,
    by_status: { complete: 0, partial: 0, error: 0, active: 0 },
    daily: [],
  };
  for (const r of rows) {
    summary.requests += r.requests;
    summary.prompt_tokens += r.prompt;
    summary.completion_tokens += r.completion;
    summary.emergencies += r.emergencies;
    summary.by_status[r.status] += r.requests;
    let d = summary.daily.at(-1);
    if (d?.date !== r.date) summary.daily.push((d = { date: r.date, requests: 0, prompt_tokens: 0, completion_tokens: 0, emergencies: 0 }));
    d.requests += r.requests;
    d.prompt_tokens += r.prompt;
    d.completion_tokens += r.completion;
    d.emergencies += r.emergencies;
  }
  summary.total_tokens = summary.prompt_tokens + summary.completion_tokens;
  return summary;
}

/** An ISO 8601 date/time or Unix seconds; null when absent. */
export function parseTimeParam(name: string, value: string | null): Date | null {
  if (value === null || value === "") return null;
  const v = value.trim().slice(0, 41);
  const date =
    v.length > 40
      ? null
      : /^\d{1,12}$/.test(v)
        ? new Date(Number(v) * 1000)
        : /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)
          ? new Date(v)
          : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new PartnerError(
      400,
      "invalid_time",
      `${name} must be an ISO 8601 date (2026-12-01 or 2026-12-01T08:00:00Z) or Unix seconds; got "${v.slice(0, 40)}".`,
      { param: name },
    );
  }
  return date;
}

export function handleUsage(request: Request, getDb: () => Promise<Db>): Promise<Response> {
  return withPartnerErrors(request, async (cors) => {
    const db = await openDb(getDb);
    const key = await authenticateApiKey(db, request.headers.get("authorization"), null);
    checkOrigin(key, request.headers.get("origin"));
    const params = new URL(request.url).searchParams;
    const now = Date.now();
    const to = parseTimeParam("to", params.get("to")) ?? new Date(now);
    const from = parseTimeParam("from", params.get("from")) ?? new Date(Math.floor(now / DAY) * DAY);
    if (from.getTime() >= to.getTime()) throw new PartnerError(400, "invalid_time_range", "from must be before to.", { param: "from" });
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
      throw new PartnerError(400, "invalid_time_range", `The range may span at most ${MAX_RANGE_DAYS} days.`, { param: "from" });
    }
    const summary = await usageSummary(db, key.id, from, to);
    return Response.json(
      {
        object: "usage",
        key: { id: key.id, name: key.name, prefix: key.prefix },
        from: from.toISOString(),
        to: to.toISOString(),
        limits: {
          requests_per_minute: key.requestsPerMinute,
          tokens_per_day: key.tokensPerDay,
          concurrent_requests: key.concurrentRequests,
        },
        ...summary,
      },
      { headers: cors },
    );
  });
}

/** 2026-12-01: when the partner API's model id was first published. */
const MODEL_CREATED = 1_796_083_200;

export function modelObject() {
  return { id: PARTNER_MODEL_ID, object: "model" as const, created: MODEL_CREATED, owned_by: "medchat" };
}

export function handleModels(request: Request, getDb: () => Promise<Db>, id?: string): Promise<Response> {
  return withPartnerErrors(request, async (cors) => {
    const db = await openDb(getDb);
    const key = await authenticateApiKey(db, request.headers.get("authorization"), "models");
    checkOrigin(key, request.headers.get("origin"));
    if (id === undefined) return Response.json({ object: "list", data: [modelObject()] }, { headers: cors });
    if (id !== PARTNER_MODEL_ID)
      throw new PartnerError(404, "model_not_found", `The model "${id.slice(0, 100)}" does not exist; use "${PARTNER_MODEL_ID}".`, {
        param: "model",
      });
    return Response.json(modelObject(), { headers: cors });
  });
}
