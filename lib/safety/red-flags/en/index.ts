// The English rules, category by category (order kept: a message's matches are listed in it).
import type { LanguageRules } from "../types";
import { normalizeForTriage } from "../../text/normalize-en";
import { ANAPHYLAXIS_RULES } from "./anaphylaxis";
import { BLEEDING_RULES } from "./bleeding";
import { BREATHING_RULES } from "./breathing";
import { BURN_RULES } from "./burns";
import { CARDIAC_RULES } from "./cardiac";
import { EN_CONTEXT } from "./context";
import { DIABETIC_RULES } from "./diabetic";
import { HEAD_INJURY_RULES } from "./head-injury";
import { MENINGITIS_RULES } from "./meningitis";
import { OTHER_RULES } from "./other";
import { POISONING_RULES } from "./poisoning";
import { PREGNANCY_RULES } from "./pregnancy";
import { SEIZURE_RULES } from "./seizure";
import { SELF_HARM_RULES } from "./self-harm";
import { STROKE_RULES } from "./stroke";
import { UNCONSCIOUS_RULES } from "./unconscious";
import { OTHER_LANGUAGE_RULES } from "./other-languages";

export const ENGLISH: LanguageRules = {
  language: "en",
  normalize: normalizeForTriage,
  context: EN_CONTEXT,
  rules: [
    ...CARDIAC_RULES,
    ...STROKE_RULES,
    ...BREATHING_RULES,
    ...ANAPHYLAXIS_RULES,
    ...POISONING_RULES,
    ...BLEEDING_RULES,
    ...SELF_HARM_RULES,
    ...SEIZURE_RULES,
    ...UNCONSCIOUS_RULES,
    ...MENINGITIS_RULES,
    ...PREGNANCY_RULES,
    ...BURN_RULES,
    ...HEAD_INJURY_RULES,
    ...DIABETIC_RULES,
    ...OTHER_RULES,
    ...OTHER_LANGUAGE_RULES,
  ],
};
