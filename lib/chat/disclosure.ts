// The deployment's "talk to a person" link shown beside the AI disclosure on every
// surface (a widget site may set its own). Only http(s), mailto: and tel: links.
export function talkToPersonUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.TALK_TO_PERSON_URL?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return ["https:", "http:", "mailto:", "tel:"].includes(url.protocol) ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
