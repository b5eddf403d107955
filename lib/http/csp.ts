// The pages' Content-Security-Policy, built in one place. Scripts run only from this origin
// or with the per-request nonce (Next.js puts it on its own inline scripts when it finds it in
// the request's CSP header); images only from this origin or data: URLs of our own, so model
// output can never make the browser fetch a remote URL; no plugins, no foreign framing.

export interface CspOptions {
  /** Per-request nonce (base64) for inline scripts and styles. */
  nonce: string;
  /** Who may frame the page: [] → 'none' (app pages); the widget's /embed passes its site's origins. */
  frameAncestors?: string[];
  /** next dev needs eval for React's debugging features; never in production. */
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, frameAncestors = [], development = false }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'none'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": frameAncestors.length > 0 ? frameAncestors : ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newCspNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
