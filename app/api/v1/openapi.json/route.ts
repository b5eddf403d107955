import { openApiDocument } from "@/lib/partners/openapi";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "access-control-allow-origin": "*" } });
}
