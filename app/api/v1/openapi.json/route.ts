import { openApiDocument } from "@/lib/partners/openapi";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// Dynamic so that every method reaches a handler (a static route answers other methods with a bare 405).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" } });
}

// Any origin may read the description; a preflight before a cross-origin GET is answered too.
export function OPTIONS(): Response {
  return new Response(null, {
    status: 204,
    headers: { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, OPTIONS", allow: "GET, HEAD, OPTIONS" },
  });
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
