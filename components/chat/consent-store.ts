// The visitor's consent, remembered in localStorage per disclaimer version (a new
// disclaimer text asks again). The server checks the flag on every request anyway.
const KEY = "medchat-consent";
const listeners = new Set<() => void>();

export function subscribeConsent(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function readConsent(version: string): boolean {
  try {
    return localStorage.getItem(KEY) === version;
  } catch {
    return false;
  }
}

export function saveConsent(version: string): void {
  try {
    localStorage.setItem(KEY, version);
  } catch {
    // Storage unavailable: consent lasts for this page (the store still notifies).
  }
  memoryConsent = version;
  for (const listener of listeners) listener();
}

let memoryConsent: string | null = null;

export function hasConsent(version: string): boolean {
  return memoryConsent === version || readConsent(version);
}
