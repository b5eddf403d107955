// The widget loader: the one script a site owner adds with
//   <script src="{app}/widget.js" data-site-key="ws_…" async></script>
// Plain TypeScript, no framework, built to public/widget.js (scripts/build-widget.ts,
// ≤ 6 KB gzipped). It draws only a launcher button (in a shadow root, so the host's
// styles and ours never mix) and loads the chat panel — an iframe to {app}/embed — on
// first interaction or when the browser is idle. Messages between the two check the
// exact origin both ways. Public API: window.MedChat.open/close/toggle/reset/on.
import {
  PANEL_STORE_KEYS,
  PANEL_STORE_MAX_CHARS,
  WIDGET_EVENTS,
  type PanelStoreKey,
  type WidgetEvent,
  type WidgetInbound,
} from "./protocol";

type Handler = (detail?: unknown) => void;
type QueuedCall = [string, ...unknown[]];
interface MedChatApi {
  open(): void;
  close(): void;
  toggle(): void;
  reset(): void;
  on(event: WidgetEvent, fn: Handler): void;
  off(event: WidgetEvent, fn: Handler): void;
  isOpen(): boolean;
  version: string;
  /** The queue again after load: the README's `MedChat.q.push([...])` runs the call at once. */
  q: { push(...calls: QueuedCall[]): number };
}
declare global {
  interface Window {
    MedChat?: MedChatApi | { q?: QueuedCall[] } | QueuedCall[];
  }
}

const PANEL_ID = "medchat-widget-panel";
const CSS = `
:host{all:initial}
.l{position:fixed;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;
box-shadow:0 4px 14px rgba(0,0,0,.3);background:var(--c);color:#fff;display:flex;align-items:center;justify-content:center;transition:transform .15s}
.l:hover{transform:scale(1.06)}.l:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}
.l svg{width:28px;height:28px}
.p{position:fixed;bottom:88px;z-index:2147483001;width:400px;height:min(640px,calc(100vh - 110px));border-radius:14px;overflow:hidden;
box-shadow:0 10px 40px rgba(0,0,0,.35);background:#fff;display:none}
.p.o{display:block;animation:f .18s ease-out}
.p iframe{border:0;width:100%;height:100%;display:block}
.r{right:20px}.lf{left:20px}
@keyframes f{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
@media (max-width:640px){.p{inset:0;width:100%;height:100%;border-radius:0;bottom:0}.p.o~.l{display:none}}
@media (prefers-reduced-motion:reduce){.l,.p.o{transition:none;animation:none}}
@media (prefers-color-scheme:dark){.p{background:#0f172a}}
`;
const CHAT_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.4A8 8 0 1 1 21 12z"/></svg>';
const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';

function safeColour(value: string | undefined): string {
  // Only plain colour tokens reach the stylesheet: #hex or a CSS colour name.
  return value && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$/.test(value) ? value : "#0f766e";
}

function hostPrefersDark(): boolean {
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  if (scheme === "dark") return true;
  if (scheme === "light") return false;
  return matchMedia("(prefers-color-scheme: dark)").matches;
}

function start(script: HTMLScriptElement): void {
  const appOrigin = new URL(script.src).origin;
  const data = script.dataset;
  const siteKey = data.siteKey ?? "";
  const title = (data.title || "Health questions").slice(0, 60);
  const handlers = new Map<string, Set<Handler>>();
  const outbox: WidgetInbound[] = [];
  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  let open = false;
  // The panel's few remembered values, kept in this page's storage for it (see protocol.ts).
  const storeKey = `medchat-widget:${siteKey}`;
  const readStore = (): Record<string, string> => {
    try {
      const stored = JSON.parse(localStorage.getItem(storeKey) || "{}") as Record<string, unknown>;
      return Object.fromEntries(PANEL_STORE_KEYS.flatMap((k) => (typeof stored[k] === "string" ? [[k, stored[k] as string]] : [])));
    } catch {
      return {};
    }
  };
  const save = (key: unknown, value: unknown) => {
    if (!PANEL_STORE_KEYS.includes(key as PanelStoreKey)) return;
    const values = readStore();
    if (typeof value === "string" && value.length <= PANEL_STORE_MAX_CHARS) values[key as PanelStoreKey] = value;
    else delete values[key as PanelStoreKey];
    try {
      localStorage.setItem(storeKey, JSON.stringify(values));
    } catch {
      // The host page's storage is unavailable too: the panel forgets on reload.
    }
  };

  const host = document.createElement("div");
  host.setAttribute("data-medchat-widget", "");
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = CSS;
  const side = data.position === "bottom-left" ? "lf" : "r";
  const panel = document.createElement("div");
  panel.className = `p ${side}`;
  panel.id = PANEL_ID;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", `${title} (AI assistant)`);
  const launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = `l ${side}`;
  launcher.style.setProperty("--c", safeColour(data.color));
  launcher.setAttribute("aria-controls", PANEL_ID);
  launcher.setAttribute("aria-expanded", "false");
  root.append(style, panel, launcher);

  const label = () => {
    launcher.innerHTML = open ? CLOSE_ICON : CHAT_ICON;
    launcher.setAttribute("aria-label", open ? `Close ${title}` : `Open ${title} — chat with an AI assistant`);
    launcher.setAttribute("aria-expanded", String(open));
  };
  label();

  const emit = (event: string, detail?: unknown) => handlers.get(event)?.forEach((fn) => fn(detail));
  const post = (message: WidgetInbound) => {
    if (frame?.contentWindow && ready) frame.contentWindow.postMessage(message, appOrigin);
    else outbox.push(message);
  };

  /** The browser's focus to the loaded panel's frame (from this page), and the panel's to its consent button or message box. */
  const focusFrame = () => {
    frame!.focus();
    post({ type: "medchat:focus" });
  };

  const loadPanel = () => {
    if (frame) return;
    const params = new URLSearchParams({ site: siteKey, origin: location.origin, theme: hostPrefersDark() ? "dark" : "light", title });
    if (data.greeting) params.set("greeting", data.greeting.slice(0, 300));
    frame = document.createElement("iframe");
    frame.src = `${appOrigin}/embed?${params}`;
    frame.title = `${title} — AI health information chat`;
    frame.setAttribute("allow", "clipboard-write");
    panel.append(frame);
  };

  const run = ([name, ...args]: QueuedCall) => {
    const method = (api as unknown as Record<string, unknown>)[name];
    if (typeof method === "function" && name !== "version" && name !== "q") (method as (...a: unknown[]) => void)(...args);
  };
  const api: MedChatApi = {
    version: "1",
    q: {
      push: (...calls) => {
        for (const call of calls) if (Array.isArray(call)) run(call);
        return 0;
      },
    },
    isOpen: () => open,
    open() {
      if (open) return;
      loadPanel();
      open = true;
      panel.classList.add("o");
      label();
      // Keyboard focus moves into the panel only once its document is there ("medchat:ready"
      // below does it for a panel still loading). Chromium loses track of a cross-site frame
      // focused before its page commits: the frame's page believes it has focus while the
      // browser keeps sending keys to the host page, so a keyboard user's Enter on the consent
      // button (or the text they type) went nowhere. Until then the launcher keeps focus.
      if (ready) focusFrame();
      emit("open");
    },
    close() {
      if (!open) return;
      open = false;
      panel.classList.remove("o");
      label();
      launcher.focus();
      emit("close");
    },
    toggle: () => (open ? api.close() : api.open()),
    reset() {
      post({ type: "medchat:reset" });
    },
    on(event, fn) {
      if (!WIDGET_EVENTS.includes(event) || typeof fn !== "function") return;
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(fn);
      if (event === "ready" && ready) fn();
    },
    off(event, fn) {
      handlers.get(event)?.delete(fn);
    },
  };

  launcher.addEventListener("click", api.toggle);
  launcher.addEventListener("pointerenter", loadPanel, { once: true });
  launcher.addEventListener("focus", loadPanel, { once: true });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && open) api.close();
  });

  window.addEventListener("message", (event) => {
    // Only our own panel, from our own origin, is listened to.
    if (event.origin !== appOrigin || !frame || event.source !== frame.contentWindow) return;
    const message = event.data as { type?: unknown; role?: unknown; text?: unknown; key?: unknown; value?: unknown };
    switch (message?.type) {
      case "medchat:ready":
        ready = true;
        frame.contentWindow!.postMessage({ type: "medchat:store", values: readStore() } satisfies WidgetInbound, appOrigin);
        for (const m of outbox.splice(0)) frame.contentWindow!.postMessage(m, appOrigin);
        // The panel finished loading after it was opened: move focus into it now.
        if (open) focusFrame();
        emit("ready");
        break;
      case "medchat:close":
        api.close();
        break;
      case "medchat:save":
        save(message.key, message.value);
        break;
      case "medchat:message":
        emit("message", { role: String(message.role), text: typeof message.text === "string" ? message.text : "" });
        break;
    }
  });

  // Calls queued before the loader ran: window.MedChat = {q: [["open"], ["on", "ready", fn]]} or an array.
  const previous = window.MedChat;
  const queued: QueuedCall[] = Array.isArray(previous) ? previous : ((previous as { q?: QueuedCall[] } | undefined)?.q ?? []);
  window.MedChat = api;
  document.body.append(host);
  for (const call of queued) run(call);

  if (data.open === "true") api.open();
  else if ("requestIdleCallback" in window) requestIdleCallback(loadPanel, { timeout: 4000 });
  else setTimeout(loadPanel, 2500);
}

const current = document.currentScript as HTMLScriptElement | null;
const script = current ?? document.querySelector<HTMLScriptElement>("script[data-site-key][src*='widget.js']");
if (script && !(window.MedChat && "version" in (window.MedChat as object))) {
  if (document.body) start(script);
  else document.addEventListener("DOMContentLoaded", () => start(script));
}
