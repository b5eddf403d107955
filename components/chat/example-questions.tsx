import { Button } from "@/components/ui/button";

/**
 * The example questions an empty conversation offers (lib/chat/example-questions.ts: the
 * admin's settings, CHAT_EXAMPLE_QUESTIONS or the defaults), on the web chat and in the
 * widget panel alike; each is a button, so a tap or Enter asks it.
 */
export function ExampleQuestions({
  questions,
  onAsk,
  compact,
}: {
  questions?: string[];
  onAsk: (text: string) => void;
  compact?: boolean;
}) {
  if (!questions || questions.length === 0) return null;
  return (
    <section aria-label="Example questions" className={`mx-auto max-w-xl ${compact ? "mt-4" : "mt-6"}`}>
      <h2 className="text-sm font-medium">For example</h2>
      <ul className={`mt-2 flex flex-wrap justify-center ${compact ? "gap-1.5" : "gap-2"}`}>
        {questions.map((q) => (
          <li key={q}>
            <Button variant="ghost" className="rounded-full border border-slate-300 text-sm dark:border-slate-600" onClick={() => onAsk(q)}>
              {q}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
