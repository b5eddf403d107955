// Unknown partner API paths answer in OpenAI's error shape, not with the HTML 404 page.
import { PartnerError } from "@/lib/partners/errors";

export const dynamic = "force-dynamic";

function notFound(request: Request): Response {
  const path = new URL(request.url).pathname.slice(0, 200);
  return new PartnerError(404, "not_found", `No such endpoint: ${request.method} ${path}. See /api/v1/openapi.json.`).toResponse();
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
