import Link from "next/link";

/**
 * Any unknown address (a mistyped link to the chat, say). Next.js's built-in page styles itself
 * inline, which the CSP refuses, so it would show as bare text; this one uses the app's styles.
 */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center" data-testid="page-not-found">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">There is no page at this address. The health chat is on the home page.</p>
      <Link href="/" className="mt-4 inline-block rounded-md bg-blue-600 px-4 py-2 text-white hover:bg-blue-700">
        Go to MedChat
      </Link>
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-300">
        In an emergency, call your local emergency number (911 in the US) now.
      </p>
    </main>
  );
}
