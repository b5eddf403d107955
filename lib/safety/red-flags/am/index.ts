// Amharic red flags in the Ge'ez (Ethiopic) script, as phrase lists (see ../phrases.ts). Added after blind round 17
// brought Amharic with no rule to meet: the core red flags in everyday words. Amharic attaches prepositions and
// possessives to the word ("በደረቴ", "ደረቴን"), so phrases match anywhere in a word (no word start).
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

/** Ethiopic sentence and list marks as the punctuation the engine splits on. */
const ethiopicPunctuation = (text: string) =>
  text
    .replace(/[።]/g, ".")
    .replace(/[፣፤፥፦]/g, ",")
    .replace(/፧/g, "?");

export const AMHARIC = phrasePack({
  language: "am",
  readsUnmarkedTurns: false,
  spaced: true,
  wordStart: false,
  reads: "accented",
  normalize: (text) => wordsAndPunctuation(ethiopicPunctuation(text)),
  // No other triage language writes the Ethiopic script.
  letters: /\p{Script=Ethiopic}/u,
  markers: /\p{Script=Ethiopic}/u,
  rules: [
    {
      id: "am-chest-pain",
      category: "cardiac",
      when: [
        "የደረት ህመም",
        "የደረት ሕመም",
        "ደረቴ ~ ያመ",
        "ደረቴ ~ ያማ",
        "ደረቱ ~ ያመ",
        "ደረቷ ~ ያማ",
        "ደረቴ ~ ይወጋ",
        "ደረቱ ~ ይወጋ",
        "ደረቷ ~ ይወጋ",
        "ደረቴ ~ ይጫ",
        "ደረቱ ~ ይጫ",
      ],
      and: ["ላብ", "ግራ እጅ", "ግራ ክንድ", "ግራ ትከሻ", "መንጋጋ", "ትንፋሽ", "መተንፈስ", "ያስመልሰ", "ማስመለስ", "በጣም", "ከባድ"],
    },
    { id: "am-heart-stopped", category: "cardiac", when: ["ልቡ ቆመ", "ልቧ ቆመ", "ልቡ አይመታም", "ልቧ አይመታም"] },
    {
      id: "am-stroke",
      category: "stroke",
      when: [
        "ስትሮክ ያዘ",
        "ስትሮክ መታ",
        "አፉ ~ ተጣ",
        "አፏ ~ ተጣ",
        "ፊቱ ~ ተጣ",
        "ፊቷ ~ ተጣ",
        "መናገር አቃ",
        "መናገር አልቻለም",
        "መናገር አልቻለችም",
        "አንድ ጎኑ ደነዘዘ",
        "አንድ ጎኗ ደነዘዘ",
        "አንድ ጎኑ አይንቀሳቀስም",
        "አንድ ጎኗ አይንቀሳቀስም",
      ],
      unless: ["ገና"],
    },
    {
      id: "am-breathing",
      category: "breathing",
      when: [
        "መተንፈስ አቃ",
        "መተንፈስ አልቻለም",
        "መተንፈስ አልቻለችም",
        "መተንፈስ አልችልም",
        "መተንፈስ አልቻልኩም",
        "አይተነፍስም",
        "አትተነፍስም",
        "ትንፋሹ ቆመ",
        "ትንፋሿ ቆመ",
        "ትንፋሽ አጥሮ",
        "ከንፈሩ ሰማያዊ",
        "ከንፈሯ ሰማያዊ",
        "ታፍኗል",
        "ታንቆ",
      ],
    },
    {
      id: "am-anaphylaxis",
      category: "anaphylaxis",
      when: ["ጉሮሮ ~ አበጠ", "ጉሮሮ ~ አብጧል", "ምላሱ ~ አበጠ", "ምላሷ ~ አበጠ", "ከንፈሩ ~ አበጠ", "ከንፈሯ ~ አበጠ", "ፊቱ ~ አበጠ", "ፊቷ ~ አበጠ", "አብጧል"],
      and: ["አለርጂ", "ለውዝ", "ንብ", "መድሃኒት", "መድኃኒት", "መርፌ", "መተንፈስ", "ትንፋሽ", "መዋጥ"],
    },
    {
      id: "am-unconscious",
      category: "unconscious",
      when: ["ራሱን ሳተ", "ራሷን ሳተች", "ራሱን ስቶ", "ራሷን ስታ", "ራሱን አያውቅም", "ራሷን አታውቅም", "አይነቃም", "አትነቃም", "መልስ አይሰጥም", "መልስ አትሰጥም"],
    },
    { id: "am-seizure", category: "seizure", when: ["የሚጥል ~ ያዘ", "እያንዘፈዘፈ", "ይንዘፈዘፋል", "ትንዘፈዘፋለች", "አረፋ እየደፈቀ", "አረፋ ይደፍቃል"] },
    {
      id: "am-bleeding",
      category: "severe_bleeding",
      when: ["ደሙ አልቆም", "ደም አልቆም", "ደሙ አይቆምም", "ደሙ መቆም አልቻለም", "ብዙ ደም እየፈሰሰ", "ብዙ ደም እየፈሰሳ", "ብዙ ደም ፈሰሰ", "ደም በጣም እየፈሰሰ"],
    },
    {
      id: "am-pregnancy",
      category: "pregnancy_emergency",
      when: ["ነፍሰ ጡር", "እርጉዝ", "ምጥ ላይ", "ከወለደች", "ወልዳ"],
      and: ["ብዙ ደም", "ደም እየፈሰሳ", "ደሙ አልቆም", "ራሷን ሳተች", "ራሷን ልትስት", "ራሷን ስታ", "ትንዘፈዘፋለች"],
    },
    {
      id: "am-suicidal",
      category: "suicidal_self_harm",
      when: [
        "ራሴን ላጠፋ",
        "ራሴን አጠፋለሁ",
        "ራሴን ማጥፋት እፈልጋለሁ",
        "ራሴን ልገድል",
        "ራሴን እገድላለሁ",
        "ራሱን ሊያጠፋ",
        "ራሷን ልታጠፋ",
        "መሞት እፈልጋለሁ",
        "መኖር አልፈልግም",
        "ራሴን ልሰቅል",
      ],
      unless: ["ስታቲስቲክስ", "ምን ያህል ሰዎች", "መከላከል"],
    },
    {
      id: "am-overdose-poisoning",
      category: "overdose_poisoning",
      when: [
        "ብዙ ኪኒን",
        "ብዙ ክኒን",
        "ሁሉንም ኪኒን",
        "ሁሉንም ክኒን",
        "ሙሉ ፓኬት",
        "መርዝ ጠጣ",
        "መርዝ በላ",
        "መርዝ ዋጠ",
        "በረኪና ጠጣ",
        "በረኪና ዋጠ",
        "የአይጥ መርዝ",
        "ኦቨርዶዝ",
        "ባትሪ ዋጠ",
      ],
    },
  ],
  context: {
    negators: ["አይደለም"],
    distantPast: ["ባለፈው ዓመት", "ባለፈው አመት", "ዓመት በፊት", "አመት በፊት", "ዓመታት በፊት", "ከወር በፊት", "ወራት በፊት", "በልጅነቴ"],
    animal: ["ውሻ", "ድመት", "እንስሳ", "ላሜ", "በጌ", "ፍየሌ"],
    fiction: ["ልብወለድ", "ፊልም ላይ", "በፊልሙ", "ድራማ", "ተውኔት"],
    general: ["ምልክቶቹ ምንድን", "ምልክቶች ምንድን", "ምልክቱ ምንድን", "የቤት ስራ", "የቤት ሥራ", "ፈተና", "ለትምህርት"],
    currentEvent: ["አሁን", "እርዱኝ", "እርዱን", "ቶሎ", "አስቸኳይ"],
    contrast: ["ግን"],
  },
});
