/**
 * Says plainly, for the whole conversation, that the visitor is chatting with an AI
 * (EU AI Act art. 50; California AB 3030), with the operator's "talk to a person" link.
 */
export function AiDisclosure({ talkToPersonUrl, compact = false }: { talkToPersonUrl?: string | null; compact?: boolean }) {
  return (
    <p
      data-testid="ai-disclosure"
      className={`border-b border-slate-200 bg-slate-50 px-4 py-1.5 text-center text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200 ${compact ? "" : "sm:text-sm"}`}
    >
      You are chatting with an AI assistant, not a person.
      {talkToPersonUrl && (
        <>
          {" "}
          <a
            href={talkToPersonUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-blue-700 underline dark:text-blue-300"
          >
            Talk to a person
          </a>
        </>
      )}
    </p>
  );
}
