// Anonymous visitor identity: a random id in an httpOnly cookie. It scopes the
// conversation history; it is not an account.
export const VISITOR_COOKIE = "medchat_vid";
const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export function isValidVisitorId(value: string | undefined | null): value is string {
  return typeof value === "string" && VISITOR_ID.test(value);
}

export function newVisitorId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

export function visitorIdFromCookieHeader(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === VISITOR_COOKIE) {
      const value = decodeURIComponent(rest.join("="));
      return isValidVisitorId(value) ? value : undefined;
    }
  }
  return undefined;
}

export function visitorCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: ONE_YEAR_SECONDS, secure };
}

export function visitorSetCookieHeader(id: string, secure: boolean): string {
  return `${VISITOR_COOKIE}=${id}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
