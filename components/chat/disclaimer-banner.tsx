/** Persistent banner: always visible above the conversation. */
export function DisclaimerBanner({ text }: { text: string }) {
  return (
    <div
      role="note"
      aria-label="Medical disclaimer"
      data-testid="disclaimer-banner"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100 sm:text-sm"
    >
      {text}
    </div>
  );
}
