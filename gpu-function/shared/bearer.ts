// Bearer-token check shared by the gpu-function (its API) and the app (internal routes the
// gpu-function calls). Constant-time over the token's bytes; no Node-only imports.

/** True when `authorization` is `Bearer <token>` for exactly this token. An empty token never matches. */
export function bearerTokenMatches(authorization: string | null | undefined, token: string): boolean {
  if (!token) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  if (!match) return false;
  const encoder = new TextEncoder();
  const given = encoder.encode(match[1]!.trim());
  const expected = encoder.encode(token);
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given[i]! ^ expected[i]!;
  return diff === 0;
}
