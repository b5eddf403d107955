// Outbound HTTP(S) for URLs that users supply (training_file_url): only public addresses.
// Every address a host name resolves to is checked at connect time (the check and the
// connection use the same lookup, so DNS rebinding cannot slip a private address in), IP
// literals are checked before connecting, and each redirect hop is checked the same way.
// Private, loopback, link-local, unique-local and other reserved ranges are refused unless
// `allowPrivate` (ALLOW_PRIVATE_FETCH=1) says the deployment fetches from its own network.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export class PublicFetchError extends Error {
  constructor(
    readonly code: "url_not_allowed" | "address_not_allowed" | "fetch_failed" | "too_large" | "too_many_redirects" | "http_status",
    message: string,
  ) {
    super(message);
    this.name = "PublicFetchError";
  }
}

export interface PublicFetchOptions {
  maxBytes: number;
  signal?: AbortSignal;
  /** Allow private/loopback/link-local addresses (a deployment fetching from its own network). */
  allowPrivate?: boolean;
  maxRedirects?: number;
  timeoutMs?: number;
}

/** ALLOW_PRIVATE_FETCH=1 (or "true") lets outbound fetches reach private and loopback addresses. */
export function allowPrivateFetchFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return env.ALLOW_PRIVATE_FETCH === "1" || env.ALLOW_PRIVATE_FETCH === "true";
}

/** Whether an address is a public unicast address (ipaddr.js ranges: everything but "unicast" is refused). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (refused || list.length === 0) {
        const e = new PublicFetchError(
          "address_not_allowed",
          `${hostname} resolves to a private or reserved address, which outbound fetches may not reach`,
        );
        return callback(e as NodeJS.ErrnoException, "", 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublicFetchError("url_not_allowed", "the URL is not valid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new PublicFetchError("url_not_allowed", `only http and https URLs are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new PublicFetchError("url_not_allowed", "URLs with credentials are not fetched");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !allowPrivate && !isPublicAddress(host)) {
    throw new PublicFetchError("address_not_allowed", `${host} is a private or reserved address, which outbound fetches may not reach`);
  }
  return url;
}

/** Why a URL would be refused before any lookup (scheme, credentials, a private IP literal); null when it may be tried. */
export function urlRefusal(raw: string, allowPrivate: boolean): string | null {
  try {
    checkUrl(raw, allowPrivate);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * GETs a user-supplied URL as text within `maxBytes`, following up to `maxRedirects`
 * redirects, each to a checked public address. Errors never quote the response body.
 */
export async function fetchPublicText(raw: string, opts: PublicFetchOptions): Promise<string> {
  const allowPrivate = opts.allowPrivate ?? false;
  const maxRedirects = opts.maxRedirects ?? 3;
  const signal = AbortSignal.any([opts.signal ?? new AbortController().signal, AbortSignal.timeout(opts.timeoutMs ?? 60_000)]);
  let url = checkUrl(raw, allowPrivate);
  for (let hop = 0; ; hop++) {
    const result = await getOnce(url, opts.maxBytes, allowPrivate, signal);
    if ("body" in result) return result.body;
    if (hop >= maxRedirects) throw new PublicFetchError("too_many_redirects", `more than ${maxRedirects} redirects`);
    url = checkUrl(new URL(result.location, url).href, allowPrivate);
  }
}

function getOnce(url: URL, maxBytes: number, allowPrivate: boolean, signal: AbortSignal): Promise<{ body: string } | { location: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.get(
      url,
      { lookup: checkedLookup(allowPrivate), signal, headers: { accept: "application/json, application/x-ndjson, text/plain" } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ location: res.headers.location });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return reject(new PublicFetchError("http_status", `the server answered HTTP ${status}`));
        }
        const declared = Number(res.headers["content-length"] ?? NaN);
        if (declared > maxBytes) {
          res.destroy();
          return reject(new PublicFetchError("too_large", `the file is ${declared} bytes, over the ${maxBytes}-byte limit`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            reject(new PublicFetchError("too_large", `the file is over the ${maxBytes}-byte limit`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (err) => reject(new PublicFetchError("fetch_failed", err.message)));
      },
    );
    req.on("error", (err) => {
      if (err instanceof PublicFetchError) return reject(err);
      const cause = (err as { cause?: unknown }).cause;
      reject(cause instanceof PublicFetchError ? cause : new PublicFetchError("fetch_failed", err.message));
    });
  });
}
