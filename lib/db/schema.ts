// The one database schema. Migrations in drizzle/ are generated from this file
// (`npm run db:generate`) and applied at start-up (lib/db/migrate.ts).
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  vector,
} from "drizzle-orm/pg-core";

/** Dimension of the retrieval embeddings (the default embedding model's output size). */
export const EMBEDDING_DIM = 256;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// ── chat ────────────────────────────────────────────────────────────────────
export const conversations = pgTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    visitorId: text("visitor_id").notNull(),
    surface: text("surface", { enum: ["web", "widget", "api"] })
      .notNull()
      .default("web"),
    title: text("title").notNull().default("New chat"),
    widgetSiteId: text("widget_site_id"),
    apiKeyId: text("api_key_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_visitor_idx").on(t.visitorId, t.updatedAt)],
);

export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant", "system"] }).notNull(),
    /** AI SDK UIMessage parts, stored as sent/streamed. */
    parts: jsonb("parts").notNull(),
    metadata: jsonb("metadata"),
    /**
     * complete | partial (stream broke mid-answer) | error (no answer) | streaming (being
     * written: stored when the answer starts, checkpointed as it grows) | interrupted (the app
     * stopped mid-answer; found on a later read).
     */
    status: text("status", { enum: ["complete", "partial", "error", "streaming", "interrupted"] })
      .notNull()
      .default("complete"),
    createdAt: createdAt(),
  },
  (t) => [index("messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

export const feedback = pgTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    visitorId: text("visitor_id").notNull(),
    rating: text("rating", { enum: ["up", "down"] }).notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("feedback_message_visitor_idx").on(t.messageId, t.visitorId)],
);

// ── knowledge base ──────────────────────────────────────────────────────────
export const documents = pgTable(
  "documents",
  {
    id: text("id").primaryKey(),
    source: text("source").notNull(),
    url: text("url"),
    title: text("title").notNull(),
    licence: text("licence"),
    checksum: text("checksum").notNull(),
    status: text("status", { enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    metadata: jsonb("metadata"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("documents_source_idx").on(t.source)],
);

export const chunks = pgTable(
  "chunks",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    headingPath: text("heading_path").notNull().default(""),
    text: text("text").notNull(),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIM }),
    tsv: tsvector("tsv")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', coalesce("heading_path", '') || ' ' || "text")`),
    /** The headings alone (document title, section): retrieval prefers chunks whose headings name the query's terms. */
    headingTsv: tsvector("heading_tsv")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', coalesce("heading_path", ''))`),
  },
  (t) => [
    index("chunks_document_idx").on(t.documentId, t.position),
    index("chunks_embedding_hnsw_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
    index("chunks_tsv_gin_idx").using("gin", t.tsv),
  ],
);

/**
 * How many chunks contain each full-text lexeme (of chunks.tsv), for inverse document
 * frequency in retrieval (lib/rag/retrieve.ts). Kept exact by statement triggers on
 * chunks (drizzle/0002_term_stats_triggers.sql); the row with lexeme '' holds the
 * number of chunks. Rows may reach 0 when chunks are deleted; they are left in place.
 */
export const termStats = pgTable("term_stats", {
  lexeme: text("lexeme").primaryKey(),
  chunks: integer("chunks").notNull(),
});

// ── retrieval for consumer questions (issue 10) ─────────────────────────────
/**
 * Synonyms the knowledge base states (lib/rag/aliases.ts): "COPD" for chronic obstructive
 * pulmonary disease, "hypercortisolism" for Cushing's syndrome. Alias and expansion are
 * space-separated English lexemes; rows go with their document (drizzle/0005_retrieval_consumer.sql).
 */
export const termAliases = pgTable(
  "term_aliases",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    expansion: text("expansion").notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.alias, t.expansion] })],
);

// ── partners and widget ─────────────────────────────────────────────────────
export const apiKeys = pgTable("api_keys", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** First characters of the key, shown in the admin page. */
  prefix: text("prefix").notNull(),
  /** SHA-256 (hex) of the full key (a random 256-bit secret, so no slow hash is needed); the key itself is shown once. */
  hash: text("hash").notNull().unique(),
  requestsPerMinute: integer("requests_per_minute").notNull().default(60),
  tokensPerDay: integer("tokens_per_day").notNull().default(200_000),
  createdAt: createdAt(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  // ── partner API (lib/partners, migration 0006) ──
  /** What the key may call: "chat" (chat completions), "models" (the model list). */
  scopes: jsonb("scopes").$type<string[]>().notNull().default(["chat", "models"]),
  /** Browser origins allowed to call with this key (CORS); empty = server-to-server only. */
  allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull().default([]),
  /** Requests of this key running at once (streaming or not). */
  concurrentRequests: integer("concurrent_requests").notNull().default(4),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
});

/**
 * Partner API usage (lib/partners): one row per admitted request. While it runs it holds
 * its worst-case token reservation (charged_tokens = reserved_tokens, status active,
 * lease_expires_at set); when it ends it is settled to the tokens actually used. `surface`
 * lets the admin overview chart usage per surface.
 */
export const usageRecords = pgTable(
  "usage_records",
  {
    id: text("id").primaryKey(),
    surface: text("surface", { enum: ["web", "widget", "api"] })
      .notNull()
      .default("api"),
    apiKeyId: text("api_key_id").references(() => apiKeys.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id"),
    model: text("model"),
    stream: boolean("stream").notNull().default(false),
    /** active (running, holds its reservation) | complete | partial (client went away or the stream broke) | error. */
    status: text("status", { enum: ["active", "complete", "partial", "error"] })
      .notNull()
      .default("active"),
    reservedTokens: integer("reserved_tokens").notNull().default(0),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    /** What counts against tokens per day: the reservation while active, prompt + completion once settled. */
    chargedTokens: integer("charged_tokens").notNull().default(0),
    emergency: boolean("emergency").notNull().default(false),
    errorCode: text("error_code"),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    /** The completed response (chat.completion object), replayed for a repeated Idempotency-Key. */
    response: jsonb("response"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("usage_records_key_created_idx").on(t.apiKeyId, t.createdAt),
    index("usage_records_surface_created_idx").on(t.surface, t.createdAt),
    index("usage_records_active_idx")
      .on(t.apiKeyId)
      .where(sql`${t.status} = 'active'`),
    uniqueIndex("usage_records_idempotency_idx").on(t.apiKeyId, t.idempotencyKey),
  ],
);

export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);

// ── widget sites (lib/widget) ───────────────────────────────────────────────
/** A website allowed to embed the widget. The id is the public site key (`ws_…`) in the script tag. */
export const widgetSites = pgTable("widget_sites", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Origins allowed to embed the widget, e.g. https://clinic.example. */
  allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull(),
  enabled: boolean("enabled").notNull().default(true),
  theme: jsonb("theme"),
  /** The site's "talk to a person" link shown beside the AI disclosure (null: the deployment's default). */
  talkToPersonUrl: text("talk_to_person_url"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// ── training ────────────────────────────────────────────────────────────────
export const trainingRuns = pgTable(
  "training_runs",
  {
    id: text("id").primaryKey(),
    trigger: text("trigger", { enum: ["cron", "manual"] }).notNull(),
    status: text("status", { enum: ["queued", "running", "evaluating", "promoted", "rejected", "failed", "cancelled"] }).notNull(),
    gpuJobId: text("gpu_job_id"),
    adapterName: text("adapter_name"),
    hyperparameters: jsonb("hyperparameters"),
    metrics: jsonb("metrics"),
    baselineMetrics: jsonb("baseline_metrics"),
    error: text("error"),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // ── retraining (lib/training, issue 15) ──
    datasetVersion: text("dataset_version"),
    goldenVersion: text("golden_version"),
    // ── retraining evaluation gate (lib/training, issue 15, 0010) ──
    /** Candidate vs active on the same golden set, one row per metric (lib/training/gate.ts). */
    comparison: jsonb("comparison"),
    decision: text("decision"),
    /** Admin email for "Retrain now"; null for the schedule. */
    startedBy: text("started_by"),
    /** Refreshed while a process drives the run; a stale one means the owner stopped (resume or fail). */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    events: jsonb("events").$type<{ at: string; level: "info" | "warn" | "error"; message: string }[]>().notNull().default([]),
    loss: jsonb("loss").$type<{ step: number; trainLoss: number | null; validLoss?: number }[]>(),
    progress: jsonb("progress").$type<{ step: number; totalSteps: number; trainLoss: number | null }>(),
  },
  (t) => [
    uniqueIndex("training_runs_single_flight_idx")
      .on(sql`(true)`)
      .where(sql`${t.status} IN ('queued', 'running', 'evaluating')`),
  ],
);

/** Uploaded training examples (seed model-card formats, normalised to chat messages), one per question. */
export const trainingUploadedExamples = pgTable(
  "training_uploaded_examples",
  {
    id: text("id").primaryKey(),
    /** Normalised question (lib/training/dataset.ts normalizeQuestion): the dedup key. */
    questionKey: text("question_key").notNull(),
    format: text("format").notNull(),
    filename: text("filename").notNull(),
    line: integer("line"),
    example: jsonb("example")
      .$type<{ messages: { role: "system" | "user" | "assistant"; content: string; reasoning?: string; weight?: 0 | 1 }[] }>()
      .notNull(),
    uploadedBy: text("uploaded_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("training_uploaded_examples_question_idx").on(t.questionKey)],
);

export const adapters = pgTable("adapters", {
  name: text("name").primaryKey(),
  runId: text("run_id").references(() => trainingRuns.id),
  status: text("status", { enum: ["candidate", "active", "retired"] }).notNull(),
  adapterConfig: jsonb("adapter_config").notNull(),
  weights: bytea("weights").notNull(),
  metrics: jsonb("metrics"),
  createdAt: createdAt(),
  promotedAt: timestamp("promoted_at", { withTimezone: true }),
});

// ── admin console (lib/admin) ───────────────────────────────────────────────
export const adminUsers = pgTable(
  "admin_users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name"),
    role: text("role", { enum: ["admin", "reviewer"] }).notNull(),
    /** scrypt (node:crypto) hash; null until an invited user sets a password. */
    passwordHash: text("password_hash"),
    /** SHA-256 of the one-time invitation token. */
    inviteTokenHash: text("invite_token_hash"),
    inviteExpiresAt: timestamp("invite_expires_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("admin_users_email_idx").on(sql`lower(${t.email})`)],
);

export const adminSessions = pgTable(
  "admin_sessions",
  {
    /** SHA-256 of the session cookie's token. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => adminUsers.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("admin_sessions_user_idx").on(t.userId)],
);

/** Every write made in the admin console: who, when, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_target_idx").on(t.targetType, t.targetId)],
);

/** A reviewed answer (approved as is, or corrected) kept as a training example for retraining. */
export const curatedExamples = pgTable(
  "curated_examples",
  {
    id: text("id").primaryKey(),
    messageId: text("message_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    question: text("question").notNull(),
    sources: jsonb("sources").$type<{ n: number; chunkId?: string | null; title: string; url?: string | null; text: string }[]>().notNull(),
    answer: text("answer").notNull(),
    verdict: text("verdict", { enum: ["approved", "corrected"] }).notNull(),
    reviewerId: text("reviewer_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("curated_examples_message_idx").on(t.messageId)],
);

/** Operator settings edited in the console (emergency contacts, talk-to-a-person link, retrieval switches). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
