// The knowledge base is written and indexed in English (lib/rag: Postgres's English
// configuration, the starter pages, MedQuAD). A question in another language finds nothing
// there — or, worse, an English page through a look-alike word — so after triage (which reads
// every language first) a question clearly written in Spanish, French, German, Portuguese,
// Italian or Dutch gets a fixed answer in that language: the knowledge base answers in English,
// please ask in English, and where to get help meanwhile. No retrieval, no model.
//
// "Clearly" is decided by function words ("el", "de", "tengo"; "je", "j'ai"; "ich", "habe"),
// not by a character n-gram guess alone: franc names a non-English language for about one
// English consumer question in ten ("should I be worried about chest pain when I run" → Dutch),
// and an English speaker must never be told to write in English.
import type { EmergencyContacts } from "@/lib/safety/contacts";
import { spokenContacts } from "@/lib/safety/local-number";
import { guessLanguage } from "@/lib/safety/language";
import type { TriageLanguage } from "@/lib/safety/red-flags/types";

type Numbers = Pick<EmergencyContacts, "emergencyNumber">;

/** Languages with an English-only answer: the Latin-script languages triage reads most. */
export type EnglishOnlyLanguage = "es" | "fr" | "de" | "pt" | "it" | "nl";

/** Words that are common in one language's questions and rare in English text (lower case, accents kept). */
const FUNCTION_WORDS: Record<EnglishOnlyLanguage, ReadonlySet<string>> = {
  es: new Set(
    "el los las del que qué y en por para con mi mis tengo tiene es está estoy están duele duelen cómo como cuál puedo hace desde días dolor muy pero sin hay mucho tomar una un la de mañana noche hijo hija bebé".split(
      " ",
    ),
  ),
  pt: new Set(
    "os das dos da que não com para por meu minha tenho tem estou está dor muito uma de em no na é como posso faz dias filho filha bebê ele ela".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les des du de je j ai mal est et pour avec une un mon ma mes que qui pas depuis jours ce c quoi comment peux puis au aux mon fils fille bébé".split(
      " ",
    ),
  ),
  de: new Set(
    "der das und ich habe hat mit nicht ist ein eine einen mein meine seit wie kann tagen bin schmerzen mir auf für zu den dem es sehr oder kind gegen hilft bei wenn warum welche soll".split(
      " ",
    ),
  ),
  it: new Set(
    "il lo la gli le di che non ho ha è con un una mio mia da del della sono posso giorni dolore mal cosa figlio figlia".split(" "),
  ),
  nl: new Set("de het een en ik heb met niet mijn van wat hoe kan dagen pijn ook voor op al zijn kind".split(" ")),
};

/** English words that rarely occur in the other languages' questions. */
const ENGLISH_WORDS = new Set(
  "the i my is are what how have has had and of to for with when can do does should it this that be on from after about your you been get why which will would there not its im".split(
    " ",
  ),
);

const ISO_TO_LANGUAGE: Partial<Record<TriageLanguage, EnglishOnlyLanguage>> = {
  es: "es",
  fr: "fr",
  de: "de",
  pt: "pt",
  it: "it",
  nl: "nl",
};

/** Lower-case letter runs (accents kept; "j'ai" → "j", "ai"); bounded by the caller's message limit. */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * The language the message is clearly written in, when it is one of EnglishOnlyLanguage and not
 * English: at least two of that language's function words, more than any other language's, and
 * English's own function words far behind. Otherwise null (English, too short, mixed, unclear).
 */
export function nonEnglishLanguageOf(text: string): EnglishOnlyLanguage | null {
  const ws = tokens(text.slice(0, 4_000));
  if (ws.length === 0) return null;
  const english = ws.filter((w) => ENGLISH_WORDS.has(w)).length;
  const scores = (Object.keys(FUNCTION_WORDS) as EnglishOnlyLanguage[]).map(
    (language) => [language, ws.filter((w) => FUNCTION_WORDS[language].has(w)).length] as const,
  );
  const best = Math.max(...scores.map(([, n]) => n));
  if (best < 2 || best < 2 * english + 2) return null;
  const leaders = scores.filter(([, n]) => n === best).map(([language]) => language);
  if (leaders.length === 1) return leaders[0];
  // Shared words ("de", "que", "la"): the character n-grams decide between the leaders.
  const guess = ISO_TO_LANGUAGE[guessLanguage(text) ?? "en"];
  return guess && leaders.includes(guess) ? guess : null;
}

/** The answer to a question in another language: the knowledge base answers in English. Same register as answer-texts.ts. */
export const ENGLISH_ONLY_WORDING: Record<EnglishOnlyLanguage, (c: Numbers) => string> = {
  es: (c) =>
    "La base de conocimientos de MedChat está en inglés, así que solo puedo responder, citando sus fuentes, a preguntas escritas en inglés. " +
    "Si puede, escriba su pregunta en inglés y le responderé con las fuentes. " +
    "Para hablar de su caso en español, pregunte a un médico, enfermero o farmacéutico, o consulte MedlinePlus en español (https://medlineplus.gov/spanish/). " +
    `Si es urgente, llame al ${c.emergencyNumber}.`,
  fr: (c) =>
    "La base de connaissances de MedChat est en anglais : je ne peux répondre, en citant ses sources, qu'aux questions écrites en anglais. " +
    "Si vous le pouvez, posez votre question en anglais et je vous répondrai avec les sources. " +
    "Pour parler de votre situation en français, adressez-vous à un médecin, à un infirmier ou à un pharmacien. " +
    `Si c'est urgent, appelez le ${c.emergencyNumber}.`,
  de: (c) =>
    "Die Wissensbasis von MedChat ist auf Englisch: Ich kann nur Fragen auf Englisch beantworten, mit Quellenangaben. " +
    "Wenn Sie können, stellen Sie Ihre Frage bitte auf Englisch, dann antworte ich mit den Quellen. " +
    "Um Ihre Situation auf Deutsch zu besprechen, wenden Sie sich an eine Ärztin oder einen Arzt, an Pflegepersonal oder an eine Apotheke. " +
    `Wenn es dringend ist, rufen Sie ${c.emergencyNumber} an.`,
  pt: (c) =>
    "A base de conhecimento do MedChat está em inglês, por isso só consigo responder, citando as fontes, a perguntas escritas em inglês. " +
    "Se puder, escreva a sua pergunta em inglês e eu respondo com as fontes. " +
    "Para falar da sua situação em português, pergunte a um médico, enfermeiro ou farmacêutico. " +
    `Se for urgente, ligue para o ${c.emergencyNumber}.`,
  it: (c) =>
    "La base di conoscenze di MedChat è in inglese, quindi posso rispondere, citando le fonti, solo a domande scritte in inglese. " +
    "Se può, scriva la domanda in inglese e le risponderò con le fonti. " +
    "Per parlare della sua situazione in italiano, si rivolga a un medico, a un infermiere o a un farmacista. " +
    `Se è urgente, chiami il ${c.emergencyNumber}.`,
  nl: (c) =>
    "De kennisbank van MedChat is in het Engels, dus ik kan alleen vragen in het Engels beantwoorden, met bronnen. " +
    "Stel uw vraag als het kan in het Engels, dan antwoord ik met de bronnen. " +
    "Om uw situatie in het Nederlands te bespreken, kunt u terecht bij een arts, verpleegkundige of apotheker. " +
    `Als het dringend is, bel dan ${c.emergencyNumber}.`,
};

export function englishOnlyAnswer(contacts: Numbers, language: EnglishOnlyLanguage): string {
  return ENGLISH_ONLY_WORDING[language](spokenContacts(contacts, language));
}
