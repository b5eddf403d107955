// Connection-level answers both servers (the gpu-function and the app's Node server) give the
// same way, in OpenAI's error shape:
// - a request Node's HTTP parser refuses (bad request line, oversized headers, a bad
//   Content-Length) gets a JSON body that says why, not Node's bare empty 400;
// - a response sent before the request's body was read (401, 404, 413…) closes the
//   connection shortly after, so a client that trickles the rest of its body cannot hold the
//   socket open (a long-generation server runs with requestTimeout 0).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** How long a closed-for-writing connection may still deliver the client's unread body before it is dropped. */
export const UNREAD_BODY_GRACE_MS = 1_000;

interface ParserError extends Error {
  code?: string;
}

function parserRefusal(err: ParserError): { status: number; reason: string; message: string; code: string } {
  switch (err.code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 431,
        reason: "Request Header Fields Too Large",
        message: "The request headers are too large",
        code: "headers_too_large",
      };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, reason: "Request Timeout", message: "The request did not arrive in time", code: "request_timeout" };
    case "HPE_UNEXPECTED_CONTENT_LENGTH":
    case "HPE_INVALID_CONTENT_LENGTH":
      return { status: 400, reason: "Bad Request", message: "The request's Content-Length is invalid", code: "invalid_request" };
    case "HPE_INVALID_TRANSFER_ENCODING":
    case "HPE_INVALID_CHUNK_SIZE":
      return { status: 400, reason: "Bad Request", message: "The request's chunked body is malformed", code: "invalid_request" };
    default:
      return { status: 400, reason: "Bad Request", message: "The request is not valid HTTP/1.1", code: "invalid_request" };
  }
}

/**
 * A `clientError` listener: answers what the HTTP parser refused with a JSON error and closes.
 * Does nothing when the socket is gone or a response is already on it (Node's default rules).
 */
export function answerClientError(err: Error, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if ((err as ParserError).code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const refusal = parserRefusal(err as ParserError);
  const body = JSON.stringify({ error: { message: refusal.message, type: "invalid_request_error", param: null, code: refusal.code } });
  socket.end(
    `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), UNREAD_BODY_GRACE_MS).unref();
}

/**
 * Call before answering a request whose body may not have been read: when it was not, the
 * response says `connection: close`, and once it is sent the socket is ended and, after a
 * short grace for the client to read it, destroyed — whatever the client is still sending.
 */
export function closeAfterUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  if (!res.headersSent) res.setHeader("connection", "close");
  res.once("finish", () => {
    if (req.complete) return;
    const socket = req.socket;
    socket.end();
    setTimeout(() => socket.destroy(), UNREAD_BODY_GRACE_MS).unref();
  });
}
