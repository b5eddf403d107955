// Training files the retraining spec uploads through the console: question/answer pairs in a
// fixed, regular style that the tiny random e2e model cannot predict before training (its
// perplexity is near the vocabulary size) and learns quickly — so a candidate trained on
// them is genuinely better on the golden examples drawn from the same files. Generated here,
// never copied from a dataset. `attempt` (Playwright's retry index) makes a retry's files new
// examples rather than duplicates of the first attempt's (which the dataset would skip); attempt 0
// is the original text.

const CONDITIONS = [
  "a cold",
  "the flu",
  "a sore throat",
  "a mild fever",
  "a headache",
  "hay fever",
  "a cough",
  "an upset stomach",
  "a sprained ankle",
  "a small burn",
  "a nosebleed",
  "a bee sting",
  "mild sunburn",
  "a blister",
  "an earache",
  "a stiff neck",
  "back pain",
  "heartburn",
  "a cold sore",
  "dry skin",
  "a paper cut",
  "hiccups",
  "jet lag",
  "a bruise",
  "motion sickness",
  "pink eye",
  "a stuffy nose",
  "a toothache",
  "muscle cramps",
  "an itchy rash",
];

const WHO = ["an adult", "a child", "an older person"];

/** Attempt 0: the question as is; a retry: the same question asked "again (n)", so it is a new example. */
const asked = (question: string, attempt: number) =>
  attempt === 0 ? question : `${question.replace(/\?$/, "")}, asked again (${attempt})?`;

/** OpenAI chat JSONL: one self-care answer per condition and person, plus one malformed line. */
export function selfCareChatJsonl(attempt = 0): { text: string; examples: number } {
  const lines: string[] = [];
  for (const condition of CONDITIONS)
    for (const who of WHO.slice(0, 2))
      lines.push(
        JSON.stringify({
          messages: [
            { role: "user", content: asked(`What can ${who} do at home for ${condition}?`, attempt) },
            {
              role: "assistant",
              content: `For ${condition}, ${who} can rest, drink water and watch how it changes. See a clinician if it gets worse or lasts more than a week.`,
            },
          ],
        }),
      );
  const examples = lines.length;
  lines.splice(3, 0, '{"messages": "this line is not a conversation"}');
  return { text: lines.join("\n") + "\n", examples };
}

/** Medical Meadow flashcards (instruction/input/output): a second style, for the second run. */
export function flashcardsJsonl(attempt = 0): { text: string; examples: number } {
  const lines = CONDITIONS.flatMap((condition) =>
    ["first", "second"].map((day) =>
      JSON.stringify({
        instruction: "Answer this flashcard question about self-care.",
        input: asked(`Which sign on the ${day} day of ${condition} means it is time to call a doctor?`, attempt),
        output: `Call a doctor about ${condition} on the ${day} day if there is trouble breathing, a high fever or pain that keeps growing.`,
      }),
    ),
  );
  return { text: lines.join("\n") + "\n", examples: lines.length };
}
