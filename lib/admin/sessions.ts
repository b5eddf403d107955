// Admin sessions in the database behind an httpOnly, SameSite=Strict cookie (Secure
// outside localhost), each with its own CSRF token; login throttled per account and
// per address; logout here or everywhere.
import crypto from "node:crypto";
import { and, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { adminSessions, adminUsers, rateLimitWindows } from "@/lib/db/schema";
import { consumeRateLimits, type RateLimitRule } from "@/lib/rate-limit/fixed-window";
import { recordAudit } from "./audit";
import { AdminError } from "./errors";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { findUserByEmail, sha256, type AdminUser } from "./users";

export const ADMIN_COOKIE = "medchat_admin";
export const CSRF_HEADER = "x-csrf-token";
const SESSION_TTL_MS = 12 * 3600 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20 };

export interface AdminSession {
  id: string;
  csrfToken: string;
  user: AdminUser;
}

export function isSecureRequest(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || !["127.0.0.1", "localhost", "::1", "[::1]"].includes(hostname);
}

export function sessionCookie(token: string, url: string, maxAgeSeconds = SESSION_TTL_MS / 1000): string {
  return `${ADMIN_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${isSecureRequest(url) ? "; Secure" : ""}`;
}

export function clearedSessionCookie(url: string): string {
  return sessionCookie("", url, 0);
}

export function tokenFromCookieHeader(header: string | null): string | undefined {
  for (const pair of header?.split(";") ?? []) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === ADMIN_COOKIE) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{32,64}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * The first rule whose failures in the current and the previous window reach its limit, with the
 * seconds until the current window ends. Counting the previous window too means five failures
 * just before a window boundary still lock the sixth attempt just after it (a fixed window alone
 * would let ten guesses through around every boundary).
 */
async function exhaustedRule(db: Db, rules: RateLimitRule[], now = Date.now()): Promise<{ retryAfterSeconds: number } | undefined> {
  for (const rule of rules) {
    const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
    const [row] = await db
      .select({ count: sql<number>`coalesce(sum(${rateLimitWindows.count}), 0)::int` })
      .from(rateLimitWindows)
      .where(and(eq(rateLimitWindows.bucket, rule.bucket), gte(rateLimitWindows.windowStart, new Date(windowStart - rule.windowMs))));
    if (row && row.count >= rule.limit) return { retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000)) };
  }
  return undefined;
}

/** Logs in, or throws 401 (wrong email/password: one message for both) or 429 (throttled). */
export async function login(
  db: Db,
  email: string,
  password: string,
  meta: { ip: string; userAgent?: string | null },
): Promise<{ token: string; session: AdminSession }> {
  const normalized = email.trim().toLowerCase().slice(0, 254);
  // Failed attempts count against the account and the address; past either limit, every
  // attempt is refused until the window ends, so guessing is slow either way.
  const rules = [
    { bucket: `admin-login:account:${sha256(normalized)}`, limit: LOGIN_LIMITS.perAccount, windowMs: LOGIN_WINDOW_MS },
    { bucket: `admin-login:address:${meta.ip}`, limit: LOGIN_LIMITS.perAddress, windowMs: LOGIN_WINDOW_MS },
  ];
  const throttled = await exhaustedRule(db, rules);
  if (throttled) {
    throw new AdminError(
      429,
      "login_throttled",
      `Too many failed sign-in attempts. Try again in ${Math.ceil(throttled.retryAfterSeconds / 60)} minutes.`,
      {
        "retry-after": String(throttled.retryAfterSeconds),
      },
    );
  }
  const user = await findUserByEmail(db, normalized);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabledAt || !user.passwordHash) {
    await consumeRateLimits(db, rules);
    await recordAudit(
      db,
      { id: user?.id ?? null, email: normalized || "(empty)", ip: meta.ip },
      { action: "auth.login_failed", targetType: "admin_user", targetId: user?.id },
    );
    throw new AdminError(401, "invalid_credentials", "The email or password is wrong.");
  }
  const token = crypto.randomBytes(32).toString("base64url");
  const csrfToken = crypto.randomBytes(24).toString("base64url");
  await db.insert(adminSessions).values({
    id: sha256(token),
    userId: user.id,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  await db.delete(adminSessions).where(lt(adminSessions.expiresAt, new Date()));
  await recordAudit(
    db,
    { id: user.id, email: user.email, ip: meta.ip },
    { action: "auth.login", targetType: "admin_user", targetId: user.id },
  );
  return { token, session: { id: sha256(token), csrfToken, user } };
}

export async function sessionFromToken(db: Db, token: string | undefined): Promise<AdminSession | undefined> {
  if (!token) return undefined;
  const rows = await db
    .select({ session: adminSessions, user: adminUsers })
    .from(adminSessions)
    .innerJoin(adminUsers, eq(adminUsers.id, adminSessions.userId))
    .where(and(eq(adminSessions.id, sha256(token)), gt(adminSessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabledAt) return undefined;
  return { id: row.session.id, csrfToken: row.session.csrfToken, user: row.user };
}

export async function logout(db: Db, session: AdminSession, everywhere: boolean, ip: string): Promise<void> {
  await db.delete(adminSessions).where(everywhere ? eq(adminSessions.userId, session.user.id) : eq(adminSessions.id, session.id));
  await recordAudit(
    db,
    { id: session.user.id, email: session.user.email, ip },
    { action: everywhere ? "auth.logout_everywhere" : "auth.logout", targetType: "admin_user", targetId: session.user.id },
  );
}

/** CSRF: a state-changing request must carry the session's token in a header and come from this origin. */
export function checkCsrf(request: Request, session: AdminSession): void {
  const origin = request.headers.get("origin");
  const sameOrigin = !origin || origin === new URL(request.url).origin || origin === forwardedOrigin(request);
  const header = request.headers.get(CSRF_HEADER) ?? "";
  const valid = header.length === session.csrfToken.length && crypto.timingSafeEqual(Buffer.from(header), Buffer.from(session.csrfToken));
  if (!sameOrigin || !valid)
    throw new AdminError(
      403,
      "csrf_failed",
      "This request was refused: it lacks this session's CSRF token or comes from another site. Reload the page and try again.",
    );
}

function forwardedOrigin(request: Request): string | undefined {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return undefined;
  const proto = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")).split(",")[0].trim();
  return `${proto}://${host.split(",")[0].trim()}`;
}
