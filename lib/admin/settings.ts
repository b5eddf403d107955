// Operator settings edited in the console, stored in app_settings and applied over the
// environment: emergency contacts per locale, the "talk to a person" link, retrieval on/off,
// the empty web chat's example questions.
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { appSettings } from "@/lib/db/schema";
import { MAX_EXAMPLE_QUESTION_CHARS, MAX_EXAMPLE_QUESTIONS } from "@/lib/chat/example-questions";
import { recordAudit, type Actor } from "./audit";

const contact = z.object({
  emergencyNumber: z.string().trim().min(1).max(20),
  crisisLine: z.string().trim().min(1).max(40),
  crisisLineName: z.string().trim().min(1).max(80),
});
export const settingsSchema = z.object({
  emergencyContacts: z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "locale like en-GB"), contact).default({}),
  talkToPersonUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === "" || /^(https?:\/\/|mailto:|tel:)/i.test(v), "an http(s), mailto: or tel: link")
    .default(""),
  retrieval: z.enum(["on", "off"]).default("on"),
  /** The empty web chat's example questions; unset → CHAT_EXAMPLE_QUESTIONS or the defaults, [] → none. */
  exampleQuestions: z
    .array(
      z
        .string()
        .trim()
        .min(3)
        .max(MAX_EXAMPLE_QUESTION_CHARS)
        .refine((q) => !q.includes("|"), 'an example question cannot contain "|"'),
    )
    .max(MAX_EXAMPLE_QUESTIONS)
    .optional(),
});
export type AppSettings = z.output<typeof settingsSchema>;
const KEYS = ["emergencyContacts", "talkToPersonUrl", "retrieval", "exampleQuestions"] as const;

export async function readSettings(db: Db): Promise<AppSettings> {
  const rows = await db
    .select()
    .from(appSettings)
    .where(inArray(appSettings.key, [...KEYS]));
  return settingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

export async function writeSettings(db: Db, actor: Actor, input: unknown): Promise<AppSettings> {
  const next = settingsSchema.parse(input);
  const before = await readSettings(db);
  for (const key of KEYS) {
    // An optional setting left unset falls back to its environment variable.
    if (next[key] === undefined) {
      await db.delete(appSettings).where(eq(appSettings.key, key));
      continue;
    }
    await db
      .insert(appSettings)
      .values({ key, value: next[key] })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: next[key], updatedAt: new Date() } });
  }
  await recordAudit(db, actor, { action: "settings.update", targetType: "settings", targetId: "app", before, after: next });
  return next;
}

/** The environment with the console's settings applied (they win over the variables they replace). */
export function envWithSettings(settings: AppSettings, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...env };
  if (Object.keys(settings.emergencyContacts).length) {
    const fromEnv = (() => {
      try {
        return JSON.parse(env.EMERGENCY_CONTACTS || "{}") as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    merged.EMERGENCY_CONTACTS = JSON.stringify({ ...fromEnv, ...settings.emergencyContacts });
  }
  if (settings.talkToPersonUrl) merged.TALK_TO_PERSON_URL = settings.talkToPersonUrl;
  if (settings.retrieval === "off") merged.MEDCHAT_RETRIEVAL = "off";
  if (settings.exampleQuestions) merged.CHAT_EXAMPLE_QUESTIONS = settings.exampleQuestions.join("|") || "none";
  return merged;
}
