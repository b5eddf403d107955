// Example questions an empty web chat offers a first-time visitor (one click asks them).
// The defaults are answered by the starter knowledge base; an operator who replaces it sets
// their own in the admin console's settings or with CHAT_EXAMPLE_QUESTIONS ("|"-separated;
// "none" shows no examples).

export const MAX_EXAMPLE_QUESTIONS = 6;
export const MAX_EXAMPLE_QUESTION_CHARS = 120;

export const DEFAULT_EXAMPLE_QUESTIONS: readonly string[] = [
  "What are the symptoms of type 2 diabetes?",
  "Can I take ibuprofen with blood pressure medicine?",
  "When is a child's fever an emergency?",
  "What helps with hay fever?",
];

export function exampleQuestions(env: Record<string, string | undefined> = process.env): string[] {
  const raw = env.CHAT_EXAMPLE_QUESTIONS;
  if (raw === undefined || raw.trim() === "") return [...DEFAULT_EXAMPLE_QUESTIONS];
  if (raw.trim().toLowerCase() === "none") return [];
  return raw
    .split("|")
    .map((q) => q.trim())
    .filter((q) => q.length > 0 && q.length <= MAX_EXAMPLE_QUESTION_CHARS)
    .slice(0, MAX_EXAMPLE_QUESTIONS);
}
