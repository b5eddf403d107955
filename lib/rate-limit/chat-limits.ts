// The public chat's abuse limits (web chat and widget): per visitor and per client
// address, so clearing the visitor cookie does not reset them. Each is an env setting;
// 0 turns a limit off.
import type { Db } from "@/lib/db/client";
import { clientAddressOf } from "@/lib/http/client-address";
import { crisisLineLabel, type EmergencyContacts } from "@/lib/safety/contacts";
import { knowsNumber, spokenContacts } from "@/lib/safety/local-number";
import { consumeRateLimits, type RateLimitDecision, type RateLimitRule } from "./fixed-window";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const CHAT_RATE_LIMIT_DEFAULTS = {
  CHAT_RATE_LIMIT_PER_MINUTE: 10,
  CHAT_RATE_LIMIT_PER_DAY: 300,
  CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: 30,
} as const;

type Env = Record<string, string | undefined>;

function setting(env: Env, name: keyof typeof CHAT_RATE_LIMIT_DEFAULTS): number {
  const raw = env[name];
  const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : CHAT_RATE_LIMIT_DEFAULTS[name];
}

export function chatRateLimitRules(visitorId: string, clientAddress: string | null, env: Env): RateLimitRule[] {
  const rules: RateLimitRule[] = [
    { bucket: `chat:visitor:${visitorId}:minute`, limit: setting(env, "CHAT_RATE_LIMIT_PER_MINUTE"), windowMs: MINUTE },
    { bucket: `chat:visitor:${visitorId}:day`, limit: setting(env, "CHAT_RATE_LIMIT_PER_DAY"), windowMs: DAY },
  ];
  if (clientAddress) {
    rules.push({
      bucket: `chat:address:${clientAddress}:minute`,
      limit: setting(env, "CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE"),
      windowMs: MINUTE,
    });
  }
  return rules;
}

export async function checkChatRateLimit(db: Db, request: Request, visitorId: string, env: Env): Promise<RateLimitDecision> {
  return consumeRateLimits(db, chatRateLimitRules(visitorId, clientAddressOf(request, env), env));
}

/** A user-facing reason for a refused request; it still points to emergency help. */
export function rateLimitMessage(decision: RateLimitDecision, contacts: EmergencyContacts): string {
  const wait =
    decision.retryAfterSeconds >= 120 ? `${Math.ceil(decision.retryAfterSeconds / 60)} minutes` : `${decision.retryAfterSeconds} seconds`;
  const what = decision.rule?.windowMs === DAY ? "today's message limit" : "the message limit for now";
  const crisis = knowsNumber(contacts) ? `contact ${crisisLineLabel(contacts)}` : "call that same number";
  return `You have reached ${what}. Please try again in ${wait}. If this is an emergency, call ${spokenContacts(contacts, "en").emergencyNumber} now; if you are thinking about suicide or self-harm, ${crisis}.`;
}
