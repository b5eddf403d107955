// The answer to a method a route does not take: 405 in the app's one error shape (AppError's,
// OpenAI's) with `Allow` and the reason. Next.js would answer an empty 405, which a client
// shows as an unexplained failure. A route exports it under every method it does not handle:
//   const wrongMethod = methodNotAllowed(["GET"]);
//   export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
import { AppError } from "./app-error";

export function methodNotAllowed(allowed: readonly string[]): (request: Request) => Response {
  const allow = [...allowed, "OPTIONS"].join(", ");
  return (request) => {
    const path = new URL(request.url).pathname.slice(0, 200);
    return new AppError(405, "method_not_allowed", `${request.method} is not supported on ${path}; use ${allowed.join(" or ")}.`, {
      headers: { allow },
    }).toResponse();
  };
}
