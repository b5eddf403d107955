// The one tag a site owner pastes into their pages.
export function widgetSnippet(appUrl: string, siteKey: string): string {
  const origin = new URL(appUrl).origin;
  return `<script src="${origin}/widget.js" data-site-key="${siteKey}" async></script>`;
}

/**
 * Where the tag points: --app-url, else APP_URL, else the local address npm start uses with this
 * PORT. `guessed` is true for the last: a CLI run without npm start's PORT would print port 3000
 * for an app on another port, so the CLI says which address it assumed and how to change it.
 */
export function snippetAppUrl(flag: string | undefined, env: Record<string, string | undefined>): { url: string; guessed: boolean } {
  if (flag) return { url: flag, guessed: false };
  if (env.APP_URL) return { url: env.APP_URL, guessed: false };
  return { url: `http://${env.MEDCHAT_HOST || "127.0.0.1"}:${env.PORT || "3000"}`, guessed: true };
}

export function guessedAppUrlNote(url: string, siteKey: string): string {
  return (
    `(The tag assumes MedChat is served at ${url}. If it is served elsewhere — another PORT, or a public address — ` +
    `print the tag again with: npm run sites -- snippet ${siteKey} --app-url https://your-medchat.example)`
  );
}
