// Admin users: the first admin from the environment, invitations, roles, disabling.
import crypto from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { adminSessions, adminUsers } from "@/lib/db/schema";
import { recordAudit, type Actor } from "./audit";
import { AdminError } from "./errors";
import { hashPassword, passwordProblem } from "./passwords";

export type AdminUser = typeof adminUsers.$inferSelect;
export type AdminRole = AdminUser["role"];
export const ADMIN_ROLES = ["admin", "reviewer"] as const;
const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "not an email address")
  .transform((e) => e.toLowerCase());

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

/** What the console shows of a user (no hashes). */
export function publicUser(user: AdminUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.disabledAt ? "disabled" : user.passwordHash ? "active" : "invited",
    createdAt: user.createdAt,
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<AdminUser | undefined> {
  const rows = await db
    .select()
    .from(adminUsers)
    .where(sql`lower(${adminUsers.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows[0];
}

export async function listUsers(db: Db): Promise<AdminUser[]> {
  return db.select().from(adminUsers).orderBy(asc(adminUsers.createdAt));
}

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there is no user yet.
 * Returns what happened, for the start-up log.
 */
export async function ensureFirstAdmin(
  db: Db,
  env: Record<string, string | undefined> = process.env,
): Promise<"exists" | "created" | "missing_env" | "invalid_env"> {
  const [{ n }] = await db.select({ n: count() }).from(adminUsers);
  if (n > 0) return "exists";
  const email = emailSchema.safeParse(env.ADMIN_EMAIL ?? "");
  const password = env.ADMIN_PASSWORD ?? "";
  if (!env.ADMIN_EMAIL || !password) return "missing_env";
  if (!email.success || passwordProblem(password)) return "invalid_env";
  const user = {
    id: crypto.randomUUID(),
    email: email.data,
    role: "admin" as const,
    passwordHash: await hashPassword(password),
    name: "Administrator",
  };
  const inserted = await db.insert(adminUsers).values(user).onConflictDoNothing().returning();
  if (inserted[0])
    await recordAudit(
      db,
      { id: null, email: "system (ADMIN_EMAIL)" },
      { action: "user.create_first_admin", targetType: "admin_user", targetId: user.id, after: publicUser(inserted[0]) },
    );
  return "created";
}

export const inviteSchema = z.object({ email: emailSchema, role: z.enum(ADMIN_ROLES), name: z.string().trim().max(120).optional() });

/** Invites a user: returns the one-time token for the invitation link (shown once). */
export async function inviteUser(db: Db, actor: Actor, input: z.input<typeof inviteSchema>): Promise<{ user: AdminUser; token: string }> {
  const parsed = inviteSchema.parse(input);
  if (await findUserByEmail(db, parsed.email)) throw new AdminError(409, "user_exists", `${parsed.email} already has an account.`);
  const token = crypto.randomBytes(32).toString("base64url");
  const [user] = await db
    .insert(adminUsers)
    .values({
      id: crypto.randomUUID(),
      email: parsed.email,
      role: parsed.role,
      name: parsed.name ?? null,
      inviteTokenHash: sha256(token),
      inviteExpiresAt: new Date(Date.now() + INVITE_TTL_MS),
    })
    .returning();
  await recordAudit(db, actor, { action: "user.invite", targetType: "admin_user", targetId: user.id, after: publicUser(user) });
  return { user, token };
}

/** The invitee sets a password with the invitation token; the token then stops working. */
export async function acceptInvite(db: Db, token: string, password: string): Promise<AdminUser> {
  const problem = passwordProblem(password);
  if (problem) throw new AdminError(400, "weak_password", problem);
  const rows = await db
    .select()
    .from(adminUsers)
    .where(eq(adminUsers.inviteTokenHash, sha256(token)))
    .limit(1);
  const user = rows[0];
  if (!user || !user.inviteExpiresAt || user.inviteExpiresAt.getTime() < Date.now() || user.disabledAt) {
    throw new AdminError(400, "invalid_invite", "This invitation link is invalid or has expired. Ask an administrator for a new one.");
  }
  const [after] = await db
    .update(adminUsers)
    .set({ passwordHash: await hashPassword(password), inviteTokenHash: null, inviteExpiresAt: null, updatedAt: new Date() })
    .where(eq(adminUsers.id, user.id))
    .returning();
  await recordAudit(
    db,
    { id: user.id, email: user.email },
    { action: "user.accept_invite", targetType: "admin_user", targetId: user.id, before: publicUser(user), after: publicUser(after) },
  );
  return after;
}

export const userPatchSchema = z.object({ role: z.enum(ADMIN_ROLES).optional(), disabled: z.boolean().optional() });

export async function updateUser(db: Db, actor: Actor, id: string, patch: z.input<typeof userPatchSchema>): Promise<AdminUser> {
  const parsed = userPatchSchema.parse(patch);
  const [before] = await db.select().from(adminUsers).where(eq(adminUsers.id, id)).limit(1);
  if (!before) throw new AdminError(404, "not_found", "No such user.");
  if (id === actor.id && (parsed.disabled || parsed.role === "reviewer"))
    throw new AdminError(400, "self_lockout", "You cannot disable or demote your own account.");
  const [after] = await db
    .update(adminUsers)
    .set({
      ...(parsed.role ? { role: parsed.role } : {}),
      ...(parsed.disabled !== undefined ? { disabledAt: parsed.disabled ? new Date() : null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(adminUsers.id, id))
    .returning();
  if (parsed.disabled) await db.delete(adminSessions).where(eq(adminSessions.userId, id));
  await recordAudit(db, actor, {
    action: "user.update",
    targetType: "admin_user",
    targetId: id,
    before: publicUser(before),
    after: publicUser(after),
  });
  return after;
}

export async function activeAdminCount(db: Db): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(adminUsers)
    .where(and(eq(adminUsers.role, "admin"), sql`${adminUsers.disabledAt} is null`));
  return n;
}
