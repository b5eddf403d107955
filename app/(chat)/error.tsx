"use client";

/** Shown when the page itself fails (e.g. the database is unreachable): a clear message, a retry, the emergency advice. */
export default function ChatError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg p-8 text-center" role="alert">
      <h1 className="text-xl font-semibold">MedChat is having trouble</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        The page could not be loaded. Please try again in a moment. In an emergency, call your local emergency number (911 in the US) now.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-blue-600 px-4 py-2 text-white hover:bg-blue-700">
        Try again
      </button>
    </main>
  );
}
