// The one tag a site owner pastes into their pages.
export function widgetSnippet(appUrl: string, siteKey: string): string {
  const origin = new URL(appUrl).origin;
  return `<script src="${origin}/widget.js" data-site-key="${siteKey}" async></script>`;
}
