// The concept rules, the same in every language: each fires when one concept of every
// group is live (not negated, not long past, not framed as a question or fiction: the
// engine's checks) somewhere in the recent turns. Groups are few and each pairs a body
// part or a situation with an acuity sign, so a word alone never fires ("chest pain when I
// cough" has no cardiac sign; "bleeding" without "will not stop" is not severe).
import type { TriageCategory } from "../red-flags/types";
import type { Concept } from "./types";

export interface ConceptRule {
  id: string;
  category: TriageCategory;
  /** One to three groups; the rule fires when every group has a live concept. */
  needs: Concept[][];
  /** Read only turns judged to be in the language (short loanwords and person words are shared across languages). */
  ownLanguageOnly?: boolean;
  /** Concepts that, present anywhere in the turns, stop this rule (an arm hurt in a fall is no heart attack). */
  unless?: Concept[];
}

/** Concepts that, present anywhere in the turns, stop every rule of a category: a bleed that has stopped; chest pain from a cough (unless a concept rule with a cardiac sign fires). */
export const UNLESS_BY_CATEGORY: Partial<Record<TriageCategory, { concept: Concept; ownRulesOnly: boolean }>> = {
  severe_bleeding: { concept: "resolved", ownRulesOnly: false },
  cardiac: { concept: "minorCause", ownRulesOnly: true },
  other: { concept: "reassured", ownRulesOnly: false },
};

export const CONCEPT_RULES: ConceptRule[] = [
  { id: "cardiac-radiating", category: "cardiac", needs: [["chest"], ["chestPain"], ["cardiacSign"]] },
  // Without the word "chest": pain in the jaw and arm, or the left arm, with a cold sweat or nausea.
  { id: "cardiac-jaw-arm", category: "cardiac", needs: [["jawArm"], ["chestPain"], ["autonomic"]], unless: ["localCause"] },
  { id: "stroke-face", category: "stroke", needs: [["face"], ["droop"]] },
  { id: "stroke-speech", category: "stroke", needs: [["slurred"], ["sudden", "face", "armWeak"]] },
  { id: "stroke-arm", category: "stroke", needs: [["armWeak"], ["face", "slurred", "sudden"]] },
  { id: "anaphylaxis-airway", category: "anaphylaxis", needs: [["airway"], ["swelling"], ["allergen"]] },
  { id: "breathing-choking", category: "breathing", needs: [["choking"], ["cantBreathe", "child"]] },
  { id: "bleeding-uncontrolled", category: "severe_bleeding", needs: [["blood"], ["wontStop", "gushing"]] },
  { id: "wound-uncontrolled", category: "severe_bleeding", needs: [["wound"], ["wontStop", "gushing"]] },
  { id: "seizure-unresponsive", category: "seizure", needs: [["shaking"], ["unresponsive", "barelyResponsive"]] },
  { id: "barely-responsive", category: "unconscious", needs: [["barelyResponsive"]] },
  { id: "infant-fever", category: "other", needs: [["infantAge"], ["fever", "infantSick"]] },
  { id: "infant-sick", category: "other", needs: [["infant"], ["infantSick"]] },
  { id: "pregnancy-bleeding", category: "pregnancy_emergency", needs: [["pregnant"], ["blood"], ["heavy", "wontStop", "gushing"]] },
  { id: "poisoning-chemical", category: "overdose_poisoning", needs: [["ingested"], ["chemical"]] },
  { id: "overdose-whole-pack", category: "overdose_poisoning", needs: [["pills"], ["wholePack"], ["ingested"]] },
  { id: "child-swallowed-pills", category: "overdose_poisoning", needs: [["child"], ["swallowed"], ["pills"]] },
  // A whole bottle or pack taken by the writer (no one else named) is self-harm until shown otherwise: the notice names the
  // crisis line too, and the answer is the crisis answer (lib/chat/no-passage.ts), not "follow the advice above".
  {
    id: "self-overdose-whole-pack",
    category: "suicidal_self_harm",
    needs: [["pills"], ["wholePack"], ["ingested"]],
    unless: ["child", "infant", "person"],
  },
  { id: "thunderclap-headache", category: "stroke", needs: [["headache"], ["worstEver", "thunderclap"]] },
  { id: "suicidal-not-wake", category: "suicidal_self_harm", needs: [["notWake"]] },
  { id: "suicidal-farewell", category: "suicidal_self_harm", needs: [["farewell"], ["unreachable"]] },
  { id: "suicidal-end-it", category: "suicidal_self_harm", needs: [["endIt"], ["farewell", "cantGoOn", "meansReady"]] },
  { id: "suicidal-farewell-cant-go-on", category: "suicidal_self_harm", needs: [["farewell"], ["cantGoOn"]] },
  { id: "suicidal-means-ready", category: "suicidal_self_harm", needs: [["meansReady"], ["cantGoOn", "farewell"]] },
  { id: "asthma-not-relieved", category: "breathing", needs: [["inhaler"], ["severeBreath", "cantBreathe"]] },
  { id: "ketoacidosis", category: "diabetic_emergency", needs: [["diabetic"], ["ketotic"]] },
  { id: "hypoglycaemia", category: "diabetic_emergency", needs: [["diabetic"], ["confused", "unresponsive"]] },
  // Shaky or sweaty with a low sugar is a hypo the person treats; one that does not come up with sugar needs help now.
  { id: "hypoglycaemia-not-rising", category: "diabetic_emergency", needs: [["diabetic"], ["notRising"]] },
  { id: "burn-serious", category: "severe_burn", needs: [["burn"], ["burnSevere"]] },
  { id: "collapse-agonal", category: "unconscious", needs: [["collapse", "unresponsive"], ["agonal"]] },
  {
    id: "meningitis-rash",
    category: "meningitis",
    needs: [["rash"], ["nonBlanching"], ["fever", "unresponsive", "confused", "stiffNeck", "infantSick"]],
  },
  { id: "meningitis-neck", category: "meningitis", needs: [["stiffNeck"], ["fever"]] },
  { id: "heat-stroke", category: "other", needs: [["heat"], ["confused", "notSweating", "collapse"]], unless: ["sauna"] },
  // A sauna or hot tub makes skin hot and dry: there it takes confusion or a collapse ("sauna, hot dry skin" is not heat stroke).
  { id: "heat-stroke-sauna", category: "other", needs: [["sauna"], ["confused", "collapse"]] },
  // Hot dry skin that stopped sweating, with confusion or a collapse, is heat stroke even when the heat is not named ("working on the roof all day").
  { id: "heat-stroke-signs", category: "other", needs: [["notSweating"], ["confused", "collapse"]] },
  { id: "hypothermia", category: "other", needs: [["coldExposure"], ["confused", "unresponsive", "collapse"]] },
  { id: "testicular-torsion", category: "other", needs: [["testicle"], ["sudden", "severePain"]] },
  { id: "ectopic-pregnancy", category: "pregnancy_emergency", needs: [["pregnant"], ["oneSide"], ["faint", "blood", "severePain"]] },
  {
    id: "sepsis-signs",
    category: "other",
    needs: [
      ["mottled", "confused"],
      ["fever", "infection"],
    ],
  },
  // Blind round 14: situations told in lay words (lexicons/acute-signs.ts), each a situation paired with a sign.
  {
    id: "suicidal-giving-away",
    category: "suicidal_self_harm",
    needs: [["givingAway"], ["farewell", "unreachable", "cantGoOn", "endIt", "meansReady", "notWake"]],
  },
  { id: "cardiac-crushing", category: "cardiac", needs: [["crushing"], ["autonomic", "jawArm", "cantBreathe", "cardiacSign"]] },
  { id: "aortic-tearing", category: "cardiac", needs: [["tearing"], ["sudden", "severePain", "autonomic", "faint", "collapse"]] },
  { id: "gi-bleed", category: "severe_bleeding", needs: [["giBleed"], ["faint", "autonomic", "collapse"]] },
  {
    id: "carbon-monoxide",
    category: "overdose_poisoning",
    needs: [["coSource"], ["headache", "faint"], ["everyone", "confused", "unresponsive", "barelyResponsive", "collapse"]],
  },
  { id: "pre-eclampsia", category: "pregnancy_emergency", needs: [["pregnant"], ["visualSpots"]] },
  {
    id: "postpartum-bleeding",
    category: "pregnancy_emergency",
    needs: [["postpartum"], ["blood"], ["heavy", "faint", "autonomic", "wontStop", "gushing"]],
  },
  // A belly hard as a board that came on suddenly (a perforation) is an emergency even told without "severe".
  { id: "acute-abdomen", category: "other", needs: [["rigidBelly"], ["severePain", "fever", "faint", "sudden"]] },
  { id: "snake-bite", category: "other", needs: [["snakeBite"], ["swelling", "autonomic", "faint", "collapse", "cantBreathe"]] },
  // A bite by a snake that may be venomous needs care now even while the person feels fine (venom acts late: an Australian
  // brown snake bite shows two marks and nothing else at first); a snake known to be harmless does not.
  { id: "snake-bite-venomous", category: "other", needs: [["snakeBite"], ["bitten"]], unless: ["harmlessSnake"] },
  {
    id: "electric-shock",
    category: "other",
    needs: [["electrocuted"], ["unresponsive", "barelyResponsive", "collapse", "faint", "cantBreathe"]],
  },
  {
    id: "drowning",
    category: "breathing",
    needs: [["drowned"], ["cantBreathe", "unresponsive", "barelyResponsive", "agonal", "collapse", "infantSick", "confused", "drowsy"]],
  },
  { id: "command-voices", category: "suicidal_self_harm", needs: [["commandVoices"]] },
  {
    id: "head-injury-anticoagulant",
    category: "head_injury",
    needs: [["headHit"], ["anticoagulant"], ["autonomic", "confused", "barelyResponsive", "faint", "headache", "drowsy", "vomiting"]],
  },
  // A knock to the head (or a fall from a height) with vomiting and drowsiness, or with confusion ("no me reconoce").
  {
    id: "head-injury-vomit-drowsy",
    category: "head_injury",
    needs: [["headHit"], ["vomiting"], ["drowsy", "confused", "barelyResponsive"]],
  },
  { id: "head-injury-confused", category: "head_injury", needs: [["headHit"], ["confused", "unresponsive", "barelyResponsive"]] },
  {
    id: "head-injury-signs",
    category: "head_injury",
    needs: [
      ["headHit", "collapse"],
      ["unequalPupils", "repeatQuestions", "cantWake"],
    ],
  },
  { id: "dengue-warning", category: "other", needs: [["dengue"], ["dengueWarning"]] },
  // Probes before blind round 15: someone who cannot be woken, and a wish to die told of someone else.
  { id: "cant-wake", category: "unconscious", needs: [["cantWake"]] },
  { id: "wish-to-die", category: "suicidal_self_harm", needs: [["wishToDie"]] },
  // Blind round 15: an older or diabetic person's heart attack felt at the top of the tummy with a cold sweat or nausea;
  // violence going on now; eclampsia (a fit in pregnancy with a headache, swelling or visual signs).
  { id: "cardiac-upper-belly", category: "cardiac", needs: [["upperBelly"], ["autonomic"], ["diabetic", "heartHistory"]] },
  { id: "violence-now", category: "other", needs: [["attacker"], ["dangerNow"]] },
  {
    id: "eclampsia",
    category: "pregnancy_emergency",
    needs: [["pregnant"], ["shaking"], ["headache", "visualSpots", "swelling", "unresponsive", "barelyResponsive", "confused"]],
  },
  // Blind round 17 (lexicons/situations-told.ts): a heart patient suddenly breathless with nausea or pallor; coughing up
  // blood while out of breath; a bone through the skin; a fall from a height with legs that cannot be felt; the cord out;
  // wild mushrooms eaten and then vomiting or drowsiness.
  {
    id: "cardiac-history-breathless",
    category: "cardiac",
    needs: [["heartHistory"], ["breathless", "cantBreathe"], ["autonomic", "sudden"]],
  },
  { id: "coughing-blood-breathless", category: "breathing", needs: [["coughBlood"], ["breathless", "cantBreathe"]] },
  // A throat, tongue or neck swelling up while the breath goes (after a tooth out, a sting, a new drug): whatever the cause.
  { id: "airway-swelling-breathing", category: "breathing", needs: [["airway"], ["swelling"], ["cantBreathe", "severeBreath"]] },
  { id: "open-fracture", category: "severe_bleeding", needs: [["openFracture"]] },
  { id: "spinal-fall", category: "other", needs: [["fallHeight", "headHit"], ["cantFeelLegs"]] },
  { id: "cord-prolapse", category: "pregnancy_emergency", needs: [["cordOut"]] },
  {
    id: "wild-mushrooms",
    category: "overdose_poisoning",
    needs: [["wildFood"], ["vomiting", "drowsy", "confused", "unresponsive", "barelyResponsive", "faint", "collapse"]],
  },
  // Blind round 18's kinds (lexicons/pictures-told.ts): a limb suddenly cold and pale with numbness, pain or after an
  // injury (acute limb ischaemia, a broken elbow cutting off the hand's blood); green vomit in a baby or child (a blocked or
  // twisted bowel); an unborn baby moving less; a spider bite or scorpion sting with signs of its venom; confusion or
  // staggering at altitude; back pain with numbness between the legs or lost bladder control (cauda equina); a blow to a
  // child's belly followed by pallor, sweat or drowsiness (bleeding inside); fast fluid loss with no urine and too weak to
  // stand (severe dehydration).
  {
    id: "limb-ischaemia",
    category: "other",
    needs: [["limbCold"], ["limbPale"], ["limbNumb", "severePain", "sudden"]],
  },
  { id: "bilious-vomit-child", category: "other", needs: [["greenVomit"], ["infant", "infantAge", "child"]] },
  { id: "fewer-kicks", category: "pregnancy_emergency", needs: [["fewerKicks"]] },
  {
    id: "venom-bite-systemic",
    category: "overdose_poisoning",
    needs: [["venomBite"], ["vomiting", "autonomic", "fever", "darkUrine", "cantBreathe", "confused", "drowsy", "faint"]],
  },
  { id: "altitude-illness", category: "other", needs: [["altitude"], ["confused", "cantBreathe", "barelyResponsive"]] },
  { id: "cauda-equina", category: "other", needs: [["backPain"], ["saddleNumb"]] },
  { id: "belly-blow-bleeding", category: "other", needs: [["bellyBlow"], ["autonomic", "drowsy", "faint", "mottled"]] },
  { id: "severe-dehydration", category: "other", needs: [["fluidLoss"], ["noUrine"], ["dehydrated", "faint", "drowsy", "confused"]] },
  { id: "named-with-person", category: "other", needs: [["named"], ["person"]], ownLanguageOnly: true },
];
