// Concept co-occurrence triage: language-independent rules over concepts ("chest" AND
// "pain-or-pressure" AND "radiating-or-cold-sweat"), each language supplying only the
// words of each concept. A new phrasing is caught when its words belong to the concepts,
// however they are arranged — unlike a phrase list, which needs the phrase itself.

export const CONCEPTS = [
  /** Chest / heart region. */
  "chest",
  /** Pain, pressure, tightness, squeezing. */
  "chestPain",
  /** What makes chest pain cardiac: radiating to arm or jaw, cold sweat, crushing weight. */
  "cardiacSign",
  /** Face, mouth, corner of the mouth, one side of the face. */
  "face",
  /** Drooping, crooked, hanging, twisted. */
  "droop",
  /** Slurred or garbled speech (the whole sign: "slurring", "lallt", "ろれつが回らない"). */
  "slurred",
  /** Cannot lift or move an arm, arm suddenly weak or numb. */
  "armWeak",
  /** Suddenly, all at once. */
  "sudden",
  /** Throat, tongue, lips (the airway an allergic reaction closes). */
  "airway",
  /** Swelling, closing, tightening. */
  "swelling",
  /** What sets off anaphylaxis: a food eaten (nuts, shellfish), a sting, an allergy. */
  "allergen",
  /** Something stuck in the throat, choking. */
  "choking",
  /** Cannot breathe, no air. */
  "cantBreathe",
  /** Blood, bleeding. */
  "blood",
  /** A wound: cut, sliced, stabbed, gash (bleeding described without the word "blood"). */
  "wound",
  /** It has stopped: a resolved bleed ("the nosebleed stopped, is it normal?") is not severe bleeding. */
  "resolved",
  /** A cough, a cold or the flu: chest pain from coughing is not a cardiac red flag on its own. */
  "minorCause",
  /** Will not stop (bleeding). */
  "wontStop",
  /** Gushing, spurting, pouring. */
  "gushing",
  /** A lot, heavily (with pregnancy bleeding). */
  "heavy",
  /** Shaking, jerking, convulsing all over. */
  "shaking",
  /** Not responding, not answering, will not wake up. */
  "unresponsive",
  /** Responds only barely: hardly answering, half conscious, drifting in and out (fires alone: a reduced level of consciousness). */
  "barelyResponsive",
  /** A young infant's age: newborn, weeks old, one month. */
  "infantAge",
  /** A baby. */
  "infant",
  /** A sick infant's signs: floppy, limp, not feeding, hard to wake. */
  "infantSick",
  /** Reassuring signs about an infant ("feeds fine", "playing normally"): the infant rules stand down. */
  "reassured",
  /** Fever, burning up. */
  "fever",
  /** Pregnant, weeks/months of pregnancy. */
  "pregnant",
  /** A child or toddler. */
  "child",
  /** Drank, swallowed, ate (something that should not be). */
  "ingested",
  /** A household chemical: bleach, detergent, drain cleaner, pesticide. */
  "chemical",
  /** Pills, tablets, sleeping pills, medication. */
  "pills",
  /** A whole pack / box / bottle / strip, all of them. */
  "wholePack",
  /** An indirect wish to die: not wanting to wake up, to sleep forever, to not exist. */
  "notWake",
  /** An emergency named as such, often an English loanword ("heart attack", "seizure", "overdose"). */
  "named",
  /** A person the message is about: a relative, a friend, "I". */
  "person",
  /** Ending it: "end it all", "终わりにする", "dzisiaj to zakończę" (with a farewell, the means or "can't go on": suicide-intent.ts). */
  "endIt",
  /** Cannot go on: "can't take it anymore", "j'en peux plus", "もう無理". */
  "cantGoOn",
  /** The means made ready: a rope, pills saved up, a bridge to jump from. */
  "meansReady",
  /** Swallowed (the verb of swallowing, not "took": a dose is taken): with a child and pills (swallowed-thunderclap.ts). */
  "swallowed",
  /** A headache. */
  "headache",
  /** The worst of one's life. */
  "worstEver",
  /** Coming on like a thunderclap, a blow, an explosion. */
  "thunderclap",
  /** A farewell: a goodbye message, "tell mom I love her", "this is my last message", giving things away. */
  "farewell",
  /** Then unreachable: phone switched off, not answering, cannot be found. */
  "unreachable",
  /** An asthma reliever: inhaler, puffer, nebuliser, asthma itself. */
  "inhaler",
  /** Severe breathlessness signs: cannot speak in full sentences, blue lips, ribs sucking in. */
  "severeBreath",
  /** Diabetes, insulin, low blood sugar. */
  "diabetic",
  /** A low blood sugar that does not come up with treatment: "won't come up", "still dropping", "juice isn't helping". */
  "notRising",
  /** Confused, disoriented, not making sense, talking nonsense (about a person's state, not "confused about"). */
  "confused",
  /** A burn or scald: burned, boiling water, hot oil, fire, electric shock. */
  "burn",
  /** What makes a burn serious: large area, face, blisters all over, skin peeling off, electrical, chemical. */
  "burnSevere",
  /** Collapsed, fell down, found on the floor, passed out. */
  "collapse",
  /** Agonal breathing: snoring, gasping, gurgling, rattling, barely breathing. */
  "agonal",
  /** A rash, spots, blotches. */
  "rash",
  /** A rash that does not fade, or not under pressure (the glass test); fires only with a sign of illness (fever, drowsy, stiff neck). */
  "nonBlanching",
  /** A stiff neck, cannot bend the head forward. */
  "stiffNeck",
  /** Heat exposure: in the sun, heat wave, hot car. */
  "heat",
  /** Heat chosen for a while: a sauna, a hot tub, a steam room. Hot dry skin is expected there; only confusion or a collapse makes it heat stroke. */
  "sauna",
  /** Stopped sweating, hot dry skin. */
  "notSweating",
  /** Cold exposure: in the snow, outside all night in the cold, ice cold, cold water. */
  "coldExposure",
  /** Testicle, scrotum. */
  "testicle",
  /** Severe pain: excruciating, unbearable, worst ever, with vomiting. */
  "severePain",
  /** Pain on one side of the lower belly. */
  "oneSide",
  /** Faint, fainting, dizzy to the point of passing out. */
  "faint",
  /** Mottled or blotchy skin, shivering fits with a low blood pressure: signs of sepsis. */
  "mottled",
  /** An infection: a urinary infection, a wound that got infected, pneumonia. */
  "infection",
  /** Where a heart attack is felt without the chest: the left arm, the jaw with an arm, between the shoulder blades (a woman's heart attack is often told so). */
  "jawArm",
  /** The body's alarm with it: a cold sweat, clammy, nausea, grey. */
  "autonomic",
  /** A local cause for an arm or jaw pain: a fall, a fracture, a jab, the dentist. */
  "localCause",
  /** Signs of diabetic ketoacidosis: fruity or acetone breath, deep fast breathing, ketones, a meter that reads HI. */
  "ketotic",
  /** Belongings or a pet given away ("gave my dog to my sister", "rozdałem wszystko"): with a farewell, a place or the means, a decision to die. */
  "givingAway",
  /** A crushing weight: "an elephant sitting on him", "a heavy stone on the chest" (a heart attack told without "pain"). */
  "crushing",
  /** A tearing, ripping pain ("come uno strappo", "引き裂かれるような"): with a sudden onset or a cold sweat, an aortic dissection. */
  "tearing",
  /** Black tarry stools or coffee-ground vomit: a bleed in the gut (with faintness or pallor). */
  "giBleed",
  /** A source of carbon monoxide indoors: a gas heater, a boiler, a brazier, a generator. */
  "coSource",
  /** Several people of the household at once ("all of us", "todos tenemos"). */
  "everyone",
  /** Seeing spots or flashing lights, blurred vision (in pregnancy: pre-eclampsia). */
  "visualSpots",
  /** Since or after giving birth. */
  "postpartum",
  /** A belly hard as a board or a rock. */
  "rigidBelly",
  /** A snake bite (a viper, an adder). */
  "snakeBite",
  /** An electric shock: electrocuted, mains, high voltage, a railway line. */
  "electrocuted",
  /** Pulled out of the water, nearly drowned. */
  "drowned",
  /** Voices telling someone to jump or to kill themselves (command hallucinations). */
  "commandVoices",
  /** A blow to the head: hit or banged the head, a fall onto it, no helmet. */
  "headHit",
  /** A blood thinner: warfarin, apixaban, "anticoagulante". */
  "anticoagulant",
  /** One pupil bigger than the other. */
  "unequalPupils",
  /** Asking the same questions over and over (amnesia after a head injury). */
  "repeatQuestions",
  /** Dengue fever. */
  "dengue",
  /** Dengue's warning signs: cold hands and feet, bleeding gums or nose, lethargy, repeated vomiting, belly pain. */
  "dengueWarning",
  /** Cannot be woken ("can't wake him", "no consigo despertarlo"): unconscious, fires alone (lexicons/cant-wake.ts). */
  "cantWake",
  /** A wish or plan to die told of someone else or as a stated plan ("he doesn't want to live anymore", "quiere matarse"): fires alone (lexicons/wish-to-die.ts). */
  "wishToDie",
  /** Unusually sleepy, hard to keep awake (after a knock to the head: lexicons/head-injury-signs.ts). */
  "drowsy",
  /** Vomiting, throwing up (after a knock to the head). */
  "vomiting",
  /** The top of the tummy, the pit of the stomach (a heart attack in an older or diabetic person is often felt there). */
  "upperBelly",
  /** Someone hurting or threatening a person: "hitting my mom", "says he'll kill me", "has a knife". */
  "attacker",
  /** It is happening now and close: "right now", "banging on the door", "screaming". */
  "dangerNow",
  /** Known heart disease: stents, a bypass, an earlier heart attack, heart failure (blind round 17: lexicons/situations-told.ts). */
  "heartHistory",
  /** Out of breath, short of breath (less than "cannot breathe"). */
  "breathless",
  /** Coughing up blood. */
  "coughBlood",
  /** A bone through the skin (an open fracture). */
  "openFracture",
  /** A fall from a height: a roof, a ladder, scaffolding, some metres. */
  "fallHeight",
  /** Cannot feel or move the legs (after a fall: a spinal injury). */
  "cantFeelLegs",
  /** The umbilical cord out or hanging down before the baby (cord prolapse). */
  "cordOut",
  /** Wild or picked mushrooms eaten (fires only with a sign: vomiting, drowsiness, confusion). */
  "wildFood",
  /** A limb that is cold or icy (acute limb ischaemia with `limbPale`: lexicons/pictures-told.ts). */
  "limbCold",
  /** A limb gone pale, white or blotchy-blue. */
  "limbPale",
  /** A limb that cannot be felt or moved, or is numb or "asleep". */
  "limbNumb",
  /** Vomit that is green (bile) or like grass (in a baby or child: a blocked or twisted bowel). */
  "greenVomit",
  /** An unborn baby moving less or not at all ("hardly any kicks"). */
  "fewerKicks",
  /** A spider bite or a scorpion sting (fires only with a sign of poisoning by its venom). */
  "venomBite",
  /** Urine dark like cola or tea (with a venomous bite: the blood breaking down). */
  "darkUrine",
  /** High altitude: a mountain hut, a trek, a summit (fires only with confusion, staggering or breathlessness at rest). */
  "altitude",
  /** Numbness between the legs or round the bottom ("saddle"), or bladder or bowel control lost or passing no urine, with back pain. */
  "saddleNumb",
  /** Back pain. */
  "backPain",
  /** A blow to the belly: a bike's handlebar, a kick, a fall onto it. */
  "bellyBlow",
  /** No urine for many hours. */
  "noUrine",
  /** Water lost fast: watery diarrhoea like rice water, vomiting everything. */
  "fluidLoss",
  /** Too weak to stand, sunken eyes: a body that has lost too much water. */
  "dehydrated",
  /** Bitten just now, on the body ("bit me on the ankle", "bitten on the hand", "two little marks"). */
  "bitten",
  /** A snake known to be harmless: a python, a corn snake, a grass snake, "not venomous". */
  "harmlessSnake",
  /** Statistics and rates: a question about numbers is not a present event ("what is the suicide rate"). */
  "statistics",
] as const;

export type Concept = (typeof CONCEPTS)[number];

/** One language's words for each concept, in the phrase syntax of ../red-flags/phrases.ts. */
export type ConceptLexicon = Partial<Record<Concept, string[]>>;
