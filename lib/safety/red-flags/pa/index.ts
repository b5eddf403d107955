// Punjabi red flags in Gurmukhi and in the romanised Punjabi people type in chat ("chhati vich dard", "saah nahi aa
// reha"), as phrase lists (see ../phrases.ts). Added after blind round 17 brought Punjabi with no rule to meet: the core red
// flags in everyday words. Shahmukhi Punjabi is close to Urdu in writing and is read by the Urdu rules. Typing leaves out
// the nasal and doubling marks and the nukta (ਨਹੀਂ / ਨਹੀ, ਬੁੱਲ੍ਹ / ਬੁਲ, ਖ਼ੂਨ / ਖੂਨ), so they are dropped before matching.
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

/** Gurmukhi as typed in haste: bindi, tippi, addak, nukta and a subjoined ਹ dropped. */
function foldGurmukhi(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\u0a4d\u0a39/g, "")
    .replace(/[\u0a02\u0a70\u0a71\u0a3c]/g, "")
    .normalize("NFC");
}

export const PUNJABI = phrasePack({
  language: "pa",
  readsUnmarkedTurns: false,
  spaced: true,
  wordStart: true,
  reads: "accented",
  normalize: (text) => foldGurmukhi(wordsAndPunctuation(text)),
  letters: /\p{Script=Gurmukhi}/u,
  // The script, or romanised Punjabi words that Hindi and Urdu do not write.
  markers:
    /\p{Script=Gurmukhi}|(?<![a-z])(?:mainu|mennu|ohnu|onu|sanu|tuhanu|tainu|vich|reha|rehi|hoya|hoyi|kiven|kive|karo ji|ki kariye|bapu|bebe|pra|praji|veerji|gharwali|ghar wali|saah)(?![a-z])/u,
  rules: [
    {
      id: "pa-chest-pain",
      category: "cardiac",
      when: [
        "ਛਾਤੀ ਵਿੱਚ ਦਰਦ",
        "ਛਾਤੀ ਵਿਚ ਦਰਦ",
        "ਛਾਤੀ ਚ ਦਰਦ",
        "ਛਾਤੀ ~ ਦਰਦ",
        "ਛਾਤੀ ਵਿੱਚ ਦਬਾਅ",
        "ਛਾਤੀ ਤੇ ਭਾਰ",
        "ਸੀਨੇ ~ ਦਰਦ",
        "chhati vich dard",
        "chati vich dard",
        "chhati ~ dard",
        "chati ~ dard",
        "seene ~ dard",
      ],
      and: [
        "ਖੱਬੀ ਬਾਂਹ",
        "ਖੱਬੇ ਹੱਥ",
        "ਬਾਂਹ",
        "ਜਬਾੜ",
        "ਪਸੀਨਾ",
        "ਪਸੀਨੇ",
        "ਸਾਹ",
        "ਉਲਟੀ",
        "ਬਹੁਤ ਤੇਜ਼",
        "ਬਹੁਤ ਜ਼ਿਆਦਾ",
        "ਘਬਰਾਹਟ",
        "paseena",
        "pasina",
        "saah",
        "khabbi baanh",
        "khabbi baah",
        "ulti",
        "bahut tez",
      ],
    },
    { id: "pa-heart-attack", category: "cardiac", when: ["ਦਿਲ ਦਾ ਦੌਰਾ", "ਹਾਰਟ ਅਟੈਕ", "dil da daura"] },
    {
      id: "pa-stroke",
      category: "stroke",
      when: [
        "ਅਧਰੰਗ",
        "ਮੂੰਹ ਟੇਢਾ",
        "ਮੂੰਹ ਵਿੰਗਾ",
        "ਚਿਹਰਾ ਟੇਢਾ",
        "ਚਿਹਰਾ ਵਿੰਗਾ",
        "ਮੂੰਹ ਇੱਕ ਪਾਸੇ",
        "ਬੋਲ ਨਹੀਂ ਹੋ ਰਿਹਾ",
        "ਬੋਲ ਨਹੀਂ ਸਕਦ",
        "ਬੋਲੀ ਥਥਲਾ",
        "ਬਾਂਹ ਨਹੀਂ ਚੁੱਕ",
        "ਹੱਥ ਨਹੀਂ ਚੁੱਕ",
        "ਇੱਕ ਪਾਸਾ ਸੁੰਨ",
        "adhrang",
        "munh tedha",
        "munh vinga",
        "bol nahi ho reha",
      ],
      unless: ["ਅਜੇ", "ਹਾਲੇ", "abhi tak"],
    },
    {
      id: "pa-breathing",
      category: "breathing",
      when: [
        "ਸਾਹ ਨਹੀਂ ਆ ਰਿਹਾ",
        "ਸਾਹ ਨਹੀਂ ਆਉਂਦਾ",
        "ਸਾਹ ਨਹੀਂ ਲੈ",
        "ਸਾਹ ਨਹੀਂ ਲਿਆ ਜਾ",
        "ਸਾਹ ਰੁਕ",
        "ਸਾਹ ਬੰਦ",
        "ਸਾਹ ਬਹੁਤ ਹੌਲੀ",
        "ਸਾਹ ਹੌਲੀ",
        "ਦਮ ਘੁੱਟ",
        "ਬੁੱਲ੍ਹ ਨੀਲੇ",
        "ਨੀਲਾ ਪੈ",
        "ਨੀਲੀ ਪੈ",
        "saah nahi aa",
        "saah nahi aunda",
        "saah nahi lai",
        "saah ruk",
        "saah band",
        "saah bahut hauli",
        "dum ghut",
      ],
    },
    {
      id: "pa-anaphylaxis",
      category: "anaphylaxis",
      when: ["ਗਲਾ ਸੁੱਜ", "ਜੀਭ ਸੁੱਜ", "ਬੁੱਲ੍ਹ ਸੁੱਜ", "ਮੂੰਹ ਸੁੱਜ", "ਗਲਾ ਬੰਦ"],
      and: ["ਐਲਰਜੀ", "ਮੂੰਗਫਲੀ", "ਮੱਖੀ", "ਡੰਗ", "ਦਵਾਈ", "ਟੀਕਾ", "ਸਾਹ", "ਨਿਗਲ"],
    },
    {
      id: "pa-unconscious",
      category: "unconscious",
      when: ["ਬੇਹੋਸ਼", "ਹੋਸ਼ ਨਹੀਂ", "ਹੋਸ਼ ਵਿੱਚ ਨਹੀਂ", "ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਿਹਾ", "ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਹੀ", "ਉੱਠ ਨਹੀਂ ਰਿਹਾ", "ਉੱਠ ਨਹੀਂ ਰਹੀ", "behosh", "hosh nahi"],
    },
    {
      id: "pa-seizure",
      category: "seizure",
      when: ["ਦੌਰਾ ਪੈ ਰਿਹਾ", "ਮਿਰਗੀ ਦਾ ਦੌਰਾ", "ਝਟਕੇ ਲੱਗ", "ਝਟਕੇ ਆ ਰਹੇ", "ਮੂੰਹ ਚੋਂ ਝੱਗ", "ਮੂੰਹ ਵਿੱਚੋਂ ਝੱਗ", "mirgi da daura", "jhatke lag"],
    },
    {
      id: "pa-bleeding",
      category: "severe_bleeding",
      when: ["ਖੂਨ ਨਹੀਂ ਰੁਕ", "ਖੂਨ ਬੰਦ ਨਹੀਂ", "ਬਹੁਤ ਖੂਨ ਵਗ", "ਬਹੁਤ ਜ਼ਿਆਦਾ ਖੂਨ", "khoon nahi ruk", "khoon band nahi", "bahut khoon vag"],
    },
    {
      id: "pa-pregnancy",
      category: "pregnancy_emergency",
      when: ["ਗਰਭਵਤੀ", "ਗਰਭ", "ਬੱਚਾ ਹੋਏ", "ਬੱਚਾ ਹੋਇਆ", "ਜਣੇਪ", "ਡਿਲੀਵਰੀ"],
      and: ["ਬਹੁਤ ਖੂਨ", "ਖੂਨ ਨਹੀਂ ਰੁਕ", "ਬੇਹੋਸ਼", "ਦੌਰਾ ਪੈ"],
    },
    {
      id: "pa-suicidal",
      category: "suicidal_self_harm",
      when: [
        "ਖੁਦਕੁਸ਼ੀ",
        "ਆਤਮਹੱਤਿਆ",
        "ਆਤਮ ਹੱਤਿਆ",
        "ਆਪਣੇ ਆਪ ਨੂੰ ਮਾਰ",
        "ਮਰਨਾ ਚਾਹੁੰਦਾ",
        "ਮਰਨਾ ਚਾਹੁੰਦੀ",
        "ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦਾ",
        "ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦੀ",
        "ਫਾਹਾ ਲੈ",
        "ਫਾਹਾ ਲਾ",
        "marna chahunda",
        "marna chahundi",
        "jeena nahi chahunda",
        "apne aap nu maar",
      ],
      unless: ["ਦਰ#", "ਅੰਕੜੇ", "ਕਿੰਨੇ ਲੋਕ", "ਰੋਕਥਾਮ"],
    },
    {
      id: "pa-overdose-poisoning",
      category: "overdose_poisoning",
      when: [
        "ਬਹੁਤ ਸਾਰੀਆਂ ਗੋਲੀਆਂ",
        "ਸਾਰੀਆਂ ਗੋਲੀਆਂ",
        "ਪੂਰਾ ਪੱਤਾ",
        "ਜ਼ਹਿਰ ਖਾ",
        "ਜ਼ਹਿਰ ਪੀ",
        "ਜ਼ਹਿਰੀਲੀ ਦਵਾਈ",
        "ਕੀੜੇਮਾਰ ਦਵਾਈ",
        "ਸਪਰੇਅ ਪੀ",
        "ਚੂਹੇ ਮਾਰ",
        "ਓਵਰਡੋਜ਼",
        "zehar kha",
        "zehar pee",
        "spray pee",
      ],
    },
    {
      // Heroin ("chitta", "smack") injected or smoked, then collapse, slow breathing or blue lips: an opioid overdose.
      id: "pa-opioid-overdose",
      category: "overdose_poisoning",
      when: ["ਚਿੱਟੇ", "ਚਿੱਟਾ", "ਹੈਰੋਇਨ", "ਸਮੈਕ", "ਨਸ਼ੇ ਦਾ ਟੀਕਾ", "chitta", "chitte", "smack"],
      and: ["ਸਾਹ ਹੌਲੀ", "ਸਾਹ ਬਹੁਤ ਹੌਲੀ", "ਡਿੱਗ ਪਿਆ", "ਡਿੱਗ ਪਈ", "ਬੇਹੋਸ਼", "ਨੀਲੇ", "ਉੱਠ ਨਹੀਂ", "saah hauli", "behosh", "neele"],
    },
  ],
  context: {
    negators: ["ਨਹੀਂ", "ਨਾ", "ਬਿਨਾਂ", "nahi"],
    distantPast: ["ਪਿਛਲੇ ਸਾਲ", "ਸਾਲ ਪਹਿਲਾਂ", "ਸਾਲਾਂ ਪਹਿਲਾਂ", "ਮਹੀਨੇ ਪਹਿਲਾਂ", "ਬਚਪਨ ਵਿੱਚ", "pichhle saal", "saal pehlan"],
    animal: ["ਕੁੱਤਾ", "ਕੁੱਤੇ", "ਬਿੱਲੀ", "ਮੱਝ", "ਗਾਂ", "ਜਾਨਵਰ", "kutta", "billi"],
    fiction: ["ਫਿਲਮ", "ਕਹਾਣੀ", "ਨਾਵਲ", "ਡਰਾਮਾ", "ਸੀਰੀਅਲ", "kahani"],
    general: ["ਲੱਛਣ ਕੀ", "ਦੇ ਲੱਛਣ", "ਸਕੂਲ", "ਹੋਮਵਰਕ", "ਪ੍ਰੀਖਿਆ", "ਇਮਤਿਹਾਨ", "ਆਮ ਤੌਰ ਤੇ"],
    currentEvent: ["ਹੁਣ", "ਹੁਣੇ", "ਜਲਦੀ", "ਮਦਦ", "ਛੇਤੀ", "hun", "jaldi"],
    contrast: ["ਪਰ", "ਪਰੰਤੂ"],
  },
});
