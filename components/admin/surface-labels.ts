// How the console names a chat surface everywhere (the overview's charts, the conversations
// filter, list and review): the stored codes "web", "widget", "api" read as the product's words.
import type { ChatSurface } from "@/lib/chat/types";

export const SURFACE_LABELS: Record<ChatSurface, string> = { web: "Web chat", widget: "Widget", api: "Partner API" };

export const SURFACES = Object.keys(SURFACE_LABELS) as ChatSurface[];

/** The label of a stored surface code (an unknown code as it is). */
export const surfaceLabel = (surface: string) => SURFACE_LABELS[surface as ChatSurface] ?? surface;
