// Swedish red flags as phrase lists (see ../phrases.ts), on folded text (å ä ö → a a o).
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const SWEDISH = phrasePack({
  language: "sv",
  spaced: true,
  wordStart: true,
  letters: /[å]/u,
  normalize: wordsAndPunctuation,
  markers: /(?<![a-z])(?:jag|och|inte|har|mitt|mina|det|ar|pa|av|med|kan|vill|ett|han|hon|mig|sig|nu|som|ska|hjalp|min)(?![a-z])/u,
  rules: [
    {
      id: "sv-chest-pain",
      category: "cardiac",
      when: ["ont i brostet", "jatteont i brostet", "smarta i brostet", "brostsmarta", "brostsmartor", "tryck over brostet", "tryck i brostet", "tryck mot brostet", "kramper i brostet", "hugger i brostet", "brannande i brostet", "tar sig för brostet", "ont i hjartat"],
      and: ["arm", "kaken", "kallsvett", "svett", "andas", "andfadd", "illamaende", "blek", "jatte", "valdigt", "svart", "plotsligt", "minuter", "stralar"],
    },
    { id: "sv-heart-attack", category: "cardiac", when: ["har en hjartinfarkt", "far en hjartinfarkt", "fatt en hjartinfarkt", "tror det ar hjartinfarkt", "hjartstopp", "hjartat har stannat"] },
    {
      id: "sv-stroke",
      category: "stroke",
      when: ["mun hanger", "munnen hanger", "hanger pa ena sidan", "ansiktet hanger", "sned i ansiktet", "sluddrar", "sluddrig", "kan inte prata", "pratar konstigt", "kan inte lyfta armen", "kan inte rora armen", "armen ar kraftlos", "forlamad i ena", "har fatt en stroke", "far en stroke", "tror det ar stroke", "har stroke nu"],
    },
    {
      id: "sv-breathing",
      category: "breathing",
      when: ["kan inte andas", "far ingen luft", "far inte luft", "svart att andas", "kvavs", "satt i halsen", "fatt nat i halsen", "blaa lappar", "bla lappar", "lapparna ar bla", "andas inte"],
    },
    {
      id: "sv-anaphylaxis",
      category: "anaphylaxis",
      when: ["halsen svullnar", "svullen i halsen", "halsen sluter sig", "tungan svullnar", "svullen tunga", "lapparna svullnar", "anafylaxi", "anafylaktisk", "epipen"],
    },
    {
      id: "sv-bleeding",
      category: "severe_bleeding",
      when: ["bloder jattemycket", "bloder valdigt mycket", "bloder mycket och slutar inte", "slutar inte blöda", "slutar inte att blöda", "blodet sprutar", "kraftig blodning", "massor av blod", "knivhuggen", "blivit knivhuggen", "bloder ~ slutar inte"],
      unless: ["gravid"],
    },
    {
      id: "sv-overdose",
      category: "overdose_poisoning",
      when: ["en hel burk", "en hel karta", "hela burken", "manga tabletter", "massa tabletter", "overdos", "avloppsrens", "propplosare", "druckit klorin", "druckit tandvätska", "druckit gift", "forgiftad", "forgiftning", "svalt ett batteri", "svalde ett batteri", "koloxid"],
      unless: ["hur manga", "per dag", "maxdos"],
    },
    {
      id: "sv-suicidal",
      category: "suicidal_self_harm",
      when: ["ta livet av mig", "vill do#", "vill inte leva", "orkar inte leva", "sjalvmord", "skara mig", "skar mig sjalv", "skurit mig", "skada mig sjalv", "avsluta mitt liv", "vill inte finnas"],
    },
    { id: "sv-seizure", category: "seizure", when: ["krampar", "kramper", "epileptiskt anfall nu", "fradga", "skakar i hela kroppen"] },
    {
      id: "sv-unconscious",
      category: "unconscious",
      when: ["medvetslos", "svimmade", "svimmat", "gar inte att vacka", "vaknar inte", "reagerar inte", "svarar inte pa tilltal"],
    },
    {
      id: "sv-infant",
      category: "other",
      when: ["bebis", "baby", "nyfodd", "spadbarn", "veckor gammal", "manader gammal", "veckor"],
      and: ["feber", "slo", "slapp", "ater inte", "vill inte ata", "dricker inte", "bla", "andas", "kramp"],
    },
    {
      id: "sv-pregnancy",
      category: "pregnancy_emergency",
      when: ["gravid"],
      and: ["bloder", "blodning", "blod", "vattnet har gatt", "svar smarta", "kramp"],
    },
    {
      id: "sv-burn",
      category: "severe_burn",
      when: ["brande mig", "brant mig", "brannskada", "skallad", "skallade", "kokande vatten", "kokande olja", "frat"],
      and: ["blasor", "stora", "hela", "ansiktet", "ogat", "ogonen", "huden lossnar"],
    },
    {
      id: "sv-head",
      category: "head_injury",
      when: ["slog i huvudet", "slagit i huvudet", "slog huvudet", "ramlade pa huvudet", "foll pa huvudet", "huvudskada"],
      and: ["krak", "spyr", "forvirrad", "dasig", "somnig", "medvetslos", "kramp", "bloder"],
    },
    {
      id: "sv-meningitis",
      category: "meningitis",
      when: ["nackstyv", "stel nacke", "lila prickar", "lila flackar", "prickar som inte forsvinner"],
      and: ["feber", "huvudvark", "krak", "prickar", "nack"],
    },
    {"id": "sv-collapse", "category": "unconscious", "when": ["foll ihop", "segnade ihop", "kollapsade", "ramlade ihop"], "and": ["andas konstigt", "andas inte", "rosslar", "reagerar inte", "medvetslos", "vaknar inte"]},
    {"id": "sv-many-pills", "category": "overdose_poisoning", "when": ["@N tabletter", "@N sömntabletter", "@N piller", "@N st"], "and": ["somntablett", "tabletter", "tog", "svalde", "yr"], "unless": ["hur manga", "per dag"]},
    {"id": "sv-face-numb", "category": "stroke", "when": ["halva ansiktet", "ena sidan av ansiktet"], "and": ["domnat", "bortdomnad", "kan inte le", "hanger", "forlamad"]},
    {"id": "sv-suicide-indirect", "category": "suicidal_self_harm", "when": ["om jag forsvann", "om jag dog skulle ingen", "ingen skulle marka", "tabletterna ligger framme", "skrivit ett avskedsbrev", "vill forsvinna", "vill inte vakna", "orkar inte mer"]},
    {"id": "sv-infant-weeks", "category": "other", "when": ["bebis", "baby", "veckor gammal", "spadbarn"], "and": ["38", "39", "40", "feber", "sover hela tiden", "slo", "slapp"]},
    {"id": "sv-sting", "category": "anaphylaxis", "when": ["stucken av en geting", "stucken av ett bi", "getingstick", "bistick"], "and": ["svulln", "svimfardig", "svimmar", "andas"]},
  ],
  context: {
    negators: ["inte", "ingen", "inget", "utan", "aldrig"],
    distantPast: ["ar sedan", "ar sen", "forra aret", "i fjol", "som barn"],
    animal: ["hund", "katt", "husdjur", "veterinar"],
    fiction: ["roman", "berattelse", "novell", "film", "serie", "manus", "huvudpersonen", "karaktar"],
    general: ["vilka ar symtomen", "vilka symtom", "vad gor man om", "om nagon", "ar det arftligt", "arftligt", "student", "hur manga", "per dag", "vad ar"],
    currentEvent: ["nu", "hjalp", "akut", "just nu"],
    contrast: ["men", "fast", "dock"],
  },
});
