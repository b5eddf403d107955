// The /api/chat request body (what the web chat and widget send): one zod schema,
// shared with the client through its inferred type.
import { z } from "zod";

export const MAX_CHAT_BODY_BYTES = 64 * 1024;

/** A client-chosen id (conversation, message): what useChat generates, and nothing Postgres cannot store. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "ids may only contain letters, digits, - and _");
const id = idSchema;

/**
 * How the widget panel (/embed) says who is asking: its site, the host page's origin and the
 * panel's own visitor token (a third-party frame gets no app cookie). In a chat message's
 * body as `widget`; on its other requests as headers (lib/widget/identity.ts).
 */
export const widgetIdentitySchema = z.object({
  siteKey: z.string().min(1).max(64),
  hostOrigin: z.string().min(1).max(300),
  visitor: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "widget.visitor must be 16-64 letters, digits, - or _"),
});
export type WidgetIdentity = z.infer<typeof widgetIdentitySchema>;

export const chatRequestSchema = z.object({
  /** Conversation id (useChat's chat id). */
  id,
  /** The newest user message in AI SDK UIMessage form; history is loaded on the server. */
  message: z.object({
    id,
    role: z.literal("user", { message: 'message.role must be "user"' }),
    parts: z
      .array(z.looseObject({ type: z.string() }))
      .min(1, "message.parts must not be empty")
      .max(32),
  }),
  /** The visitor accepted the medical disclaimer (the consent gate). */
  consent: z.boolean().optional(),
  /** Sent by the AI SDK; not needed: a regenerate resends a stored message id, which the pipeline answers again. */
  trigger: z.enum(["submit-message", "regenerate-message"]).default("submit-message"),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .max(35)
    .optional(),
  /** Sent by the widget panel (/embed): its site, the host page's origin and the panel's visitor token. */
  widget: widgetIdentitySchema.optional(),
});

export type ChatRequestBody = z.input<typeof chatRequestSchema>;

export function textOfParts(parts: { type: string; text?: unknown }[]): string {
  return parts
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text as string)
    .join("\n");
}
