// Web origins as a site owner types them ("https://clinic.example/", "clinic.example:8443")
// normalised to what browsers send in Origin headers and CSP frame-ancestors expects.
export class OriginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OriginError";
  }
}

const MAX_ORIGIN_LENGTH = 253 + 16;

/** `scheme://host[:port]` of an http(s) URL or bare host; throws OriginError with a reason otherwise. */
export function normalizeOrigin(input: string): string {
  const raw = input.trim();
  if (!raw) throw new OriginError("An origin must not be empty.");
  if (raw.length > MAX_ORIGIN_LENGTH) throw new OriginError(`An origin is at most ${MAX_ORIGIN_LENGTH} characters.`);
  if (raw.includes("*")) throw new OriginError(`"${raw}": wildcards are not allowed; list each origin.`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new OriginError(`"${raw}" is not a valid origin (expected e.g. https://clinic.example).`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new OriginError(`"${raw}": only http and https origins can embed the widget.`);
  if (url.username || url.password) throw new OriginError(`"${raw}": an origin has no user name or password.`);
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new OriginError(`"${raw}": an origin has no path, query or fragment (use ${url.origin}).`);
  }
  return url.origin;
}

/** Normalised, de-duplicated origins; at least one. */
export function normalizeOrigins(inputs: readonly string[]): string[] {
  const origins = [...new Set(inputs.map(normalizeOrigin))];
  if (origins.length === 0) throw new OriginError("A site needs at least one allowed origin.");
  if (origins.length > 20) throw new OriginError("A site may list at most 20 origins.");
  return origins;
}

/** The origin of an Origin header or a full URL (a referrer), or undefined when absent or not http(s). */
export function originOf(value: string | null | undefined): string | undefined {
  if (!value || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
