// The client's address for per-address limits: the TCP peer (stamped by the server guard),
// or — behind TRUSTED_PROXIES proxies that each append the address they saw to
// X-Forwarded-For — the entry that many hops back. Entries further left were written by the
// client itself and are never trusted. IPv6 clients are keyed by their /64 network, which a
// single subscriber usually holds whole (rotating within it must not reset a limit).
import ipaddr from "ipaddr.js";
import { peerAddressOf } from "./server-guard";

type Env = Record<string, string | undefined>;

/** TRUSTED_PROXIES: how many proxies in front of the app append to X-Forwarded-For (default 0: none, use the socket). */
export function trustedProxies(env: Env = process.env): number {
  const n = Number(env.TRUSTED_PROXIES ?? "0");
  return Number.isInteger(n) && n >= 0 && n <= 16 ? n : 0;
}

/** The address as counted: IPv4 (also when IPv4-mapped), or an IPv6 /64 network; null when it is no IP address. */
export function addressKey(raw: string): string | null {
  const text = raw.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(text)) return null;
  let address = ipaddr.parse(text);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  if (address.kind() === "ipv4") return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(":")}::/64`;
}

/** The client address of a request (see above); null when it cannot be known (no socket peer and no trusted proxy). */
export function clientAddressOf(request: Request, env: Env = process.env): string | null {
  const hops = trustedProxies(env);
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Without the server guard (a serverless platform) the nearest proxy is the platform itself.
  const peer = peerAddressOf(request);
  const chain = peer ? [...forwarded, peer] : forwarded;
  const fromRight = peer ? hops : hops - 1;
  if (fromRight < 0 || chain.length === 0) return null;
  const entry = chain[Math.max(0, chain.length - 1 - fromRight)];
  return addressKey(entry);
}
