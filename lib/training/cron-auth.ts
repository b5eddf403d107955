import { createHash, timingSafeEqual } from "node:crypto";

/** `Authorization: Bearer $CRON_SECRET` (as Vercel Cron sends it); refused when CRON_SECRET is unset. */
export function hasCronSecret(request: Request, secret = process.env.CRON_SECRET ?? ""): boolean {
  if (!secret) return false;
  const header = request.headers.get("authorization") ?? "";
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(header), digest(`Bearer ${secret}`));
}
