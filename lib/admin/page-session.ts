// The signed-in admin for a console page render; unauthenticated visitors are sent to
// the sign-in page and reviewers away from admin-only pages.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { ADMIN_COOKIE, sessionFromToken, type AdminSession } from "./sessions";

export async function requireAdminSession(role: "admin" | "reviewer" = "admin"): Promise<AdminSession> {
  const token = (await cookies()).get(ADMIN_COOKIE)?.value;
  const session = token && /^[A-Za-z0-9_-]{32,64}$/.test(token) ? await sessionFromToken(await getDb(), token) : undefined;
  if (!session) redirect("/admin/login");
  if (role === "admin" && session.user.role !== "admin") redirect("/admin/conversations");
  return session;
}
