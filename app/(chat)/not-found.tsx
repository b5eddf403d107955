import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">Conversation not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">It may have been deleted, or it belongs to another browser.</p>
      <Link href="/" className="mt-4 inline-block rounded-md bg-blue-600 px-4 py-2 text-white hover:bg-blue-700">
        Start a new chat
      </Link>
    </main>
  );
}
