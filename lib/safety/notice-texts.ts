// The emergency notice in each language triage reads. The numbers come from the locale
// (contacts.ts); only the words change with the language the user wrote in.
import { crisisLineLabel, type EmergencyContacts } from "./contacts";
import type { TriageLanguage } from "./red-flags/types";
import { WORLD_NOTICE_WORDING } from "./notice-texts-world";
import { AFRICA_SOUTH_ASIA_NOTICE } from "./wording-africa-south-asia";
import { forEachLanguage, knowsNumber, LOCAL_NUMBER_WORDING, sayingLocalNumber } from "./local-number";
import type { NoticeLabels, NoticeWording } from "./notice-wording";

export type { NoticeLabels, NoticeWording };

const FIRST_NOTICE_WORDING: Record<"en" | "es" | "fr" | "de" | "pt" | "it" | "nl", NoticeWording> = {
  en: {
    labels: { heading: "Possible emergency", call: "Call", crisisLine: "Crisis line" },
    emergency: (c) =>
      `This could be a medical emergency. Call ${c.emergencyNumber} (or your local emergency number) now, or go to the nearest emergency department.`,
    crisis: (c) => `If you are thinking about suicide or hurting yourself, you are not alone: call or text ${crisisLineLabel(c)} now.`,
    danger: (c) => `If you are in immediate danger, call ${c.emergencyNumber}.`,
    crisisOne: "If you are thinking about suicide or hurting yourself, you are not alone: call that same number now.",
    advice: {
      cardiac: "Chest pain with these signs can be a heart attack.",
      stroke: "These can be signs of a stroke (face drooping, arm weakness, speech difficulty): every minute counts.",
      breathing: "Severe trouble breathing needs help right away.",
      anaphylaxis: "This may be a severe allergic reaction (anaphylaxis). Use an adrenaline auto-injector if one is available.",
      overdose_poisoning: "This may be an overdose or poisoning. Do not wait for symptoms; keep the packaging to show the responders.",
      severe_bleeding: "Press firmly on the wound with a clean cloth and keep pressing.",
      seizure: "A seizure lasting over 5 minutes, or not waking up afterwards, is an emergency. Do not put anything in the mouth.",
      unconscious: "If the person is not breathing normally, start CPR if you can; the dispatcher will guide you.",
      meningitis: "Fever with a stiff neck or a rash that does not fade can be meningitis.",
      pregnancy_emergency: "These signs in pregnancy need urgent assessment; contact your maternity unit or emergency services now.",
      severe_burn: "Cool the burn with cool running water for 20 minutes; for chemicals in the eye, rinse continuously.",
      head_injury: "Vomiting, confusion, drowsiness or a knock-out after a head injury need urgent assessment.",
      diabetic_emergency:
        "This may be a dangerous blood-sugar emergency; if the person is awake and can swallow and sugar is low, give sugar.",
      other: "This can be a time-critical condition that needs urgent medical assessment.",
    },
    crisisAnswer: {
      open: `You are not alone, and support is available right now.`,
      call: (c) =>
        `Please call or text ${c.crisisLine} to talk with someone, or call ${c.emergencyNumber} if you might act on these thoughts or have already taken something.`,
      callOne: (c) =>
        `Please call ${c.emergencyNumber} now to talk with someone, above all if you might act on these thoughts or have already taken something.`,
      close: `If you can, stay with someone you trust and keep pills and other means out of reach. MedChat is an automated assistant and cannot help in a crisis; the people on these lines can.`,
    },
    afterNotice: (c) =>
      `Please follow the emergency advice above: call ${c.emergencyNumber} (or your local emergency number) now. MedChat cannot help with an emergency, and it has no reliable information on this question.`,
    closing: "Do not wait for an online answer.",
  },
  es: {
    labels: { heading: "Posible emergencia", call: "Llamar al", crisisLine: "Línea de crisis" },
    emergency: (c) =>
      `Esto podría ser una emergencia médica. Llame ahora al ${c.emergencyNumber} (o al número de emergencias de su zona) o vaya al servicio de urgencias más cercano.`,
    crisis: (c) => `Si está pensando en el suicidio o en hacerse daño, no está solo: llame o escriba ahora al ${crisisLineLabel(c)}.`,
    danger: (c) => `Si corre peligro inmediato, llame al ${c.emergencyNumber}.`,
    crisisOne: "Si está pensando en el suicidio o en hacerse daño, no está solo: llame ahora a ese mismo número.",
    advice: {
      cardiac: "Un dolor de pecho con estos signos puede ser un infarto.",
      stroke: "Pueden ser signos de un ictus (cara caída, debilidad de un brazo, dificultad para hablar): cada minuto cuenta.",
      breathing: "Una dificultad grave para respirar necesita ayuda inmediata.",
      anaphylaxis: "Puede ser una reacción alérgica grave (anafilaxia). Use un autoinyector de adrenalina si lo tiene.",
      overdose_poisoning: "Puede ser una sobredosis o una intoxicación. No espere a tener síntomas; guarde el envase para enseñarlo.",
      severe_bleeding: "Presione con fuerza la herida con un paño limpio y no deje de presionar.",
      seizure: "Una convulsión de más de 5 minutos, o no despertar después, es una emergencia. No ponga nada en la boca.",
      unconscious: "Si la persona no respira con normalidad, empiece la RCP si sabe; el operador le guiará.",
    },
    crisisAnswer: {
      open: `No está solo y hay ayuda disponible ahora mismo.`,
      call: (c) =>
        `Llame o escriba al ${c.crisisLine} para hablar con alguien, o llame al ${c.emergencyNumber} si cree que podría actuar según estos pensamientos o si ya ha tomado algo.`,
      callOne: (c) =>
        `Llame ahora al ${c.emergencyNumber} para hablar con alguien, sobre todo si cree que podría actuar según estos pensamientos o si ya ha tomado algo.`,
      close: `Si puede, quédese con alguien de confianza y mantenga fuera de su alcance las pastillas y otros medios. MedChat es un asistente automático y no puede ayudar en una crisis; las personas de estas líneas sí pueden.`,
    },
    afterNotice: (c) =>
      `Siga los consejos de emergencia de arriba: llame ahora al ${c.emergencyNumber} (o al número de emergencias de su zona). MedChat no puede ayudar en una emergencia y no tiene información fiable sobre esta pregunta.`,
    closing: "No espere a una respuesta en línea.",
  },
  fr: {
    labels: { heading: "Urgence possible", call: "Appeler le", crisisLine: "Ligne de crise" },
    emergency: (c) =>
      `Il peut s'agir d'une urgence médicale. Appelez maintenant le ${c.emergencyNumber} (ou le numéro d'urgence local) ou rendez-vous aux urgences les plus proches.`,
    crisis: (c) => `Si vous pensez au suicide ou à vous faire du mal, vous n'êtes pas seul : appelez maintenant le ${crisisLineLabel(c)}.`,
    danger: (c) => `En cas de danger immédiat, appelez le ${c.emergencyNumber}.`,
    crisisOne: "Si vous pensez au suicide ou à vous faire du mal, vous n'êtes pas seul : appelez ce même numéro maintenant.",
    advice: {
      cardiac: "Une douleur thoracique avec ces signes peut être une crise cardiaque.",
      stroke: "Ce peuvent être des signes d'AVC (visage qui tombe, bras faible, trouble de la parole) : chaque minute compte.",
      breathing: "Une grande difficulté à respirer demande de l'aide immédiatement.",
      anaphylaxis: "Il peut s'agir d'une réaction allergique grave (anaphylaxie). Utilisez un stylo d'adrénaline si vous en avez un.",
      overdose_poisoning: "Il peut s'agir d'une surdose ou d'une intoxication. N'attendez pas les symptômes ; gardez l'emballage.",
      severe_bleeding: "Appuyez fermement sur la plaie avec un linge propre sans relâcher.",
      seizure: "Une crise de plus de 5 minutes, ou l'absence de réveil ensuite, est une urgence. Ne mettez rien dans la bouche.",
      unconscious: "Si la personne ne respire pas normalement, commencez la RCP si vous le pouvez ; le régulateur vous guidera.",
    },
    crisisAnswer: {
      open: `Vous n'êtes pas seul, et de l'aide est disponible dès maintenant.`,
      call: (c) =>
        `Appelez le ${c.crisisLine} pour parler à quelqu'un, ou appelez le ${c.emergencyNumber} si vous risquez de passer à l'acte ou si vous avez déjà pris quelque chose.`,
      callOne: (c) =>
        `Appelez maintenant le ${c.emergencyNumber} pour parler à quelqu'un, surtout si vous risquez de passer à l'acte ou si vous avez déjà pris quelque chose.`,
      close: `Si vous le pouvez, restez avec une personne de confiance et éloignez les médicaments et autres moyens. MedChat est un assistant automatique et ne peut pas aider en cas de crise ; les personnes de ces lignes le peuvent.`,
    },
    afterNotice: (c) =>
      `Suivez les conseils d'urgence ci-dessus : appelez maintenant le ${c.emergencyNumber} (ou le numéro d'urgence local). MedChat ne peut pas aider en cas d'urgence et n'a pas d'information fiable sur cette question.`,
    closing: "N'attendez pas une réponse en ligne.",
  },
  de: {
    labels: { heading: "Möglicher Notfall", call: "Anrufen:", crisisLine: "Krisentelefon" },
    emergency: (c) =>
      `Das könnte ein medizinischer Notfall sein. Rufen Sie jetzt ${c.emergencyNumber} an (oder Ihre örtliche Notrufnummer) oder gehen Sie in die nächste Notaufnahme.`,
    crisis: (c) => `Wenn Sie an Suizid denken oder sich verletzen wollen, sind Sie nicht allein: Rufen Sie jetzt ${crisisLineLabel(c)} an.`,
    danger: (c) => `Bei akuter Gefahr rufen Sie ${c.emergencyNumber}.`,
    crisisOne: "Wenn Sie an Suizid denken oder sich verletzen wollen, sind Sie nicht allein: Rufen Sie jetzt genau diese Nummer an.",
    advice: {
      cardiac: "Brustschmerzen mit diesen Zeichen können ein Herzinfarkt sein.",
      stroke: "Das können Zeichen eines Schlaganfalls sein (hängender Mundwinkel, schwacher Arm, Sprachstörung): Jede Minute zählt.",
      breathing: "Schwere Atemnot braucht sofort Hilfe.",
      anaphylaxis:
        "Das kann eine schwere allergische Reaktion (Anaphylaxie) sein. Verwenden Sie einen Adrenalin-Autoinjektor, falls vorhanden.",
      overdose_poisoning: "Das kann eine Überdosis oder Vergiftung sein. Warten Sie nicht auf Symptome; bewahren Sie die Verpackung auf.",
      severe_bleeding: "Drücken Sie fest mit einem sauberen Tuch auf die Wunde und lassen Sie nicht los.",
      seizure: "Ein Krampfanfall über 5 Minuten oder fehlendes Aufwachen danach ist ein Notfall. Nichts in den Mund stecken.",
      unconscious: "Wenn die Person nicht normal atmet, beginnen Sie mit der Herzdruckmassage; die Leitstelle leitet Sie an.",
    },
    crisisAnswer: {
      open: `Sie sind nicht allein, und es gibt sofort Hilfe.`,
      call: (c) =>
        `Rufen Sie ${c.crisisLine} an, um mit jemandem zu sprechen, oder rufen Sie ${c.emergencyNumber}, wenn Sie diesen Gedanken folgen könnten oder bereits etwas eingenommen haben.`,
      callOne: (c) =>
        `Rufen Sie jetzt ${c.emergencyNumber} an, um mit jemandem zu sprechen, vor allem wenn Sie diesen Gedanken folgen könnten oder bereits etwas eingenommen haben.`,
      close: `Bleiben Sie wenn möglich bei einem Menschen, dem Sie vertrauen, und halten Sie Tabletten und andere Mittel fern. MedChat ist ein automatischer Assistent und kann in einer Krise nicht helfen; die Menschen an diesen Telefonen können es.`,
    },
    afterNotice: (c) =>
      `Bitte folgen Sie dem Notfallhinweis oben: Rufen Sie jetzt ${c.emergencyNumber} an (oder Ihre örtliche Notrufnummer). MedChat kann in einem Notfall nicht helfen und hat zu dieser Frage keine verlässlichen Informationen.`,
    closing: "Warten Sie nicht auf eine Online-Antwort.",
  },
  pt: {
    labels: { heading: "Possível emergência", call: "Ligar para", crisisLine: "Linha de crise" },
    emergency: (c) =>
      `Isto pode ser uma emergência médica. Ligue agora para o ${c.emergencyNumber} (ou o número de emergência local) ou vá ao pronto-socorro / urgência mais próximo.`,
    crisis: (c) => `Se está a pensar em suicídio ou em se magoar, não está sozinho: ligue agora para o ${crisisLineLabel(c)}.`,
    danger: (c) => `Em perigo imediato, ligue para o ${c.emergencyNumber}.`,
    crisisOne: "Se está a pensar em suicídio ou em se magoar, não está sozinho: ligue agora para esse mesmo número.",
    advice: {
      cardiac: "Dor no peito com estes sinais pode ser um enfarte.",
      stroke: "Podem ser sinais de AVC (boca torta, fraqueza num braço, dificuldade para falar): cada minuto conta.",
      breathing: "Falta de ar grave precisa de ajuda imediata.",
      anaphylaxis: "Pode ser uma reação alérgica grave (anafilaxia). Use uma caneta de adrenalina se tiver.",
      overdose_poisoning: "Pode ser uma overdose ou intoxicação. Não espere por sintomas; guarde a embalagem.",
      severe_bleeding: "Pressione a ferida com força com um pano limpo e não solte.",
      seizure: "Uma convulsão de mais de 5 minutos, ou não acordar depois, é uma emergência. Não coloque nada na boca.",
      unconscious: "Se a pessoa não respira normalmente, comece a RCP se souber; o atendente vai orientar.",
    },
    crisisAnswer: {
      open: `Não está sozinho, e há apoio disponível agora mesmo.`,
      call: (c) =>
        `Ligue para o ${c.crisisLine} para falar com alguém, ou ligue para o ${c.emergencyNumber} se puder agir segundo estes pensamentos ou se já tomou alguma coisa.`,
      callOne: (c) =>
        `Ligue agora para o ${c.emergencyNumber} para falar com alguém, sobretudo se puder agir segundo estes pensamentos ou se já tomou alguma coisa.`,
      close: `Se puder, fique com alguém de confiança e mantenha comprimidos e outros meios fora de alcance. O MedChat é um assistente automático e não pode ajudar numa crise; as pessoas destas linhas podem.`,
    },
    afterNotice: (c) =>
      `Siga o aviso de emergência acima: ligue agora para o ${c.emergencyNumber} (ou o número de emergência local). O MedChat não pode ajudar numa emergência e não tem informação fiável sobre esta pergunta.`,
    closing: "Não espere por uma resposta online.",
  },
  it: {
    labels: { heading: "Possibile emergenza", call: "Chiama il", crisisLine: "Linea di crisi" },
    emergency: (c) =>
      `Potrebbe essere un'emergenza medica. Chiami subito il ${c.emergencyNumber} (o il numero di emergenza locale) o vada al pronto soccorso più vicino.`,
    crisis: (c) => `Se sta pensando al suicidio o a farsi del male, non è solo: chiami subito il ${crisisLineLabel(c)}.`,
    danger: (c) => `In caso di pericolo immediato, chiami il ${c.emergencyNumber}.`,
    crisisOne: "Se sta pensando al suicidio o a farsi del male, non è solo: chiami subito quello stesso numero.",
    advice: {
      cardiac: "Un dolore al petto con questi segni può essere un infarto.",
      stroke: "Possono essere segni di ictus (bocca storta, braccio debole, difficoltà a parlare): ogni minuto conta.",
      breathing: "Una grave difficoltà a respirare richiede aiuto immediato.",
      anaphylaxis: "Può essere una grave reazione allergica (anafilassi). Usi l'autoiniettore di adrenalina se ce l'ha.",
      overdose_poisoning: "Può essere un sovradosaggio o un avvelenamento. Non aspetti i sintomi; conservi la confezione.",
      severe_bleeding: "Prema con forza sulla ferita con un panno pulito e continui a premere.",
      seizure: "Una crisi di oltre 5 minuti, o il mancato risveglio dopo, è un'emergenza. Non metta nulla in bocca.",
      unconscious: "Se la persona non respira normalmente, inizi la RCP se può; l'operatore la guiderà.",
    },
    crisisAnswer: {
      open: `Non è solo, e c'è aiuto disponibile subito.`,
      call: (c) =>
        `Chiami il ${c.crisisLine} per parlare con qualcuno, oppure chiami il ${c.emergencyNumber} se pensa di poter agire su questi pensieri o se ha già preso qualcosa.`,
      callOne: (c) =>
        `Chiami subito il ${c.emergencyNumber} per parlare con qualcuno, soprattutto se pensa di poter agire su questi pensieri o se ha già preso qualcosa.`,
      close: `Se può, resti con una persona di fiducia e tenga lontani farmaci e altri mezzi. MedChat è un assistente automatico e non può aiutare in una crisi; le persone di queste linee sì.`,
    },
    afterNotice: (c) =>
      `Segua le indicazioni di emergenza qui sopra: chiami subito il ${c.emergencyNumber} (o il numero di emergenza locale). MedChat non può aiutare in un'emergenza e non ha informazioni affidabili su questa domanda.`,
    closing: "Non aspetti una risposta online.",
  },
  nl: {
    labels: { heading: "Mogelijk noodgeval", call: "Bel", crisisLine: "Crisislijn" },
    emergency: (c) =>
      `Dit kan een medisch noodgeval zijn. Bel nu ${c.emergencyNumber} (of het lokale alarmnummer) of ga naar de dichtstbijzijnde spoedeisende hulp.`,
    crisis: (c) => `Denk je aan zelfdoding of wil je jezelf iets aandoen? Je staat er niet alleen voor: bel nu ${crisisLineLabel(c)}.`,
    danger: (c) => `Bij direct gevaar bel ${c.emergencyNumber}.`,
    crisisOne: "Denk je aan zelfdoding of wil je jezelf iets aandoen? Je staat er niet alleen voor: bel nu datzelfde nummer.",
    advice: {
      cardiac: "Pijn op de borst met deze klachten kan een hartaanval zijn.",
      stroke: "Dit kunnen tekenen van een beroerte zijn (scheve mond, zwakke arm, spraakproblemen): elke minuut telt.",
      breathing: "Ernstige benauwdheid heeft direct hulp nodig.",
      anaphylaxis: "Dit kan een ernstige allergische reactie (anafylaxie) zijn. Gebruik een adrenaline-autoinjector als die er is.",
      overdose_poisoning: "Dit kan een overdosis of vergiftiging zijn. Wacht niet op klachten; bewaar de verpakking.",
      severe_bleeding: "Druk stevig op de wond met een schone doek en blijf drukken.",
      seizure: "Een aanval van meer dan 5 minuten, of daarna niet wakker worden, is een noodgeval. Stop niets in de mond.",
      unconscious: "Als de persoon niet normaal ademt, begin met reanimatie als je dat kunt; de meldkamer helpt je.",
    },
    crisisAnswer: {
      open: `Je staat er niet alleen voor, en er is nu meteen hulp.`,
      call: (c) =>
        `Bel ${c.crisisLine} om met iemand te praten, of bel ${c.emergencyNumber} als je misschien iets gaat doen of al iets hebt ingenomen.`,
      callOne: (c) =>
        `Bel nu ${c.emergencyNumber} om met iemand te praten, zeker als je misschien iets gaat doen of al iets hebt ingenomen.`,
      close: `Blijf als het kan bij iemand die je vertrouwt en houd pillen en andere middelen buiten bereik. MedChat is een automatische assistent en kan niet helpen in een crisis; de mensen aan deze lijnen wel.`,
    },
    afterNotice: (c) =>
      `Volg het noodadvies hierboven: bel nu ${c.emergencyNumber} (of het lokale alarmnummer). MedChat kan niet helpen bij een noodgeval en heeft geen betrouwbare informatie over deze vraag.`,
    closing: "Wacht niet op een online antwoord.",
  },
};

/** A language's wording that names no number when the contacts have none (an unknown region: local-number.ts). */
function withLocalNumber(language: TriageLanguage, wording: NoticeWording): NoticeWording {
  const local = LOCAL_NUMBER_WORDING[language];
  const spoken = (text: (c: EmergencyContacts) => string) => sayingLocalNumber(text, language);
  const { crisisAnswer } = wording;
  return {
    ...wording,
    emergency: (c) => (knowsNumber(c) ? wording.emergency(c) : local.emergency),
    afterNotice: (c) => (knowsNumber(c) ? wording.afterNotice(c) : local.afterNotice),
    crisis: spoken(wording.crisis),
    danger: spoken(wording.danger),
    crisisAnswer: { ...crisisAnswer, call: spoken(crisisAnswer.call), callOne: spoken(crisisAnswer.callOne) },
  };
}

const ALL_WORDING: Record<TriageLanguage, NoticeWording> = {
  ...FIRST_NOTICE_WORDING,
  ...WORLD_NOTICE_WORDING,
  ...AFRICA_SOUTH_ASIA_NOTICE,
};

export const NOTICE_WORDING = forEachLanguage(ALL_WORDING, withLocalNumber);

/** The notice's words in `language` (English when none is given). */
export function wordingFor(language: TriageLanguage | undefined): NoticeWording {
  return NOTICE_WORDING[language ?? "en"] ?? NOTICE_WORDING.en;
}

/** Whether the locale's crisis line is its emergency number itself (ru-RU, tr-TR: 112): the texts then name the number once. */
export function oneNumber(c: Pick<EmergencyContacts, "crisisLine" | "emergencyNumber">): boolean {
  const dialled = (n: string) => n.replace(/\D/g, "") || n.trim();
  return dialled(c.crisisLine) === dialled(c.emergencyNumber);
}

/**
 * Whether a notice for these categories speaks of the crisis line: suicide or self-harm, and an
 * overdose or poisoning (it may have been taken on purpose; its sentence is conditional). The
 * notice's text and its call buttons (lib/chat/emergency-actions.ts) both follow this one rule.
 */
export function noticeNamesCrisisLine(categories: readonly string[]): boolean {
  return categories.includes("suicidal_self_harm") || categories.includes("overdose_poisoning");
}

/** Sentences as one text: a space between them, except after a full-width full stop (Chinese, Japanese). */
export function joinSentences(sentences: string[]): string {
  return sentences.reduce(
    (text, sentence) => (text === "" ? sentence : /[。！？]$/u.test(text) ? text + sentence : `${text} ${sentence}`),
    "",
  );
}

/** The fixed answer to suicide or self-harm in `language`, naming the emergency number once when it is also the crisis line. */
export function crisisAnswerText(c: EmergencyContacts, language: TriageLanguage | undefined): string {
  const { open, call, callOne, close } = wordingFor(language).crisisAnswer;
  return joinSentences([open, oneNumber(c) ? callOne(c) : call(c), close]);
}
