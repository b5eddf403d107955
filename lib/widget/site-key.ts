// Widget site keys (`ws_` + random base62): public identifiers in the script tag.
import crypto from "node:crypto";

const SITE_KEY = /^ws_[A-Za-z0-9]{20,40}$/;

export function isSiteKey(value: unknown): value is string {
  return typeof value === "string" && SITE_KEY.test(value);
}

/** A new public site key: `ws_` + 24 random base62 characters. */
export function newSiteKey(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return "ws_" + Array.from(crypto.randomBytes(24), (b) => alphabet[b % alphabet.length]).join("");
}
