// The Spanish rules (Spain and Latin America).
import type { LanguageRules } from "../types";
import { ES_BODY_RULES } from "./body";
import { ES_CONTEXT, normalizeSpanish } from "./context";
import { ES_HARM_RULES } from "./harm";
import { ES_OTHER_RULES } from "./other";
import { SPANISH_MORE } from "./more";
import { compilePhraseRules } from "../phrases";

export const SPANISH: LanguageRules = {
  language: "es",
  normalize: normalizeSpanish,
  context: ES_CONTEXT,
  rules: [
    ...ES_BODY_RULES,
    ...ES_HARM_RULES,
    ...ES_OTHER_RULES,
    ...compilePhraseRules(SPANISH_MORE, { spaced: true, wordStart: true, normalize: normalizeSpanish }),
  ],
};
