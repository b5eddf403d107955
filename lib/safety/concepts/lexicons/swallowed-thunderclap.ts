// Two situations told without the words the other rules wait for. A small child who
// swallowed tablets ("połknęła tabletki babci", "проглотил бабушкины таблетки"): any adult
// medicine is an emergency for a toddler, however many (the swallowing verb only, not "took":
// "my son took his antibiotics" is a dose). And a thunderclap headache: the worst of one's
// life, or coming on like a thunderclap ("veio tipo um trovão"), a sign of a brain bleed.
// Merged into each language's lexicon by index.ts; the rules are in ../rules.ts.
import type { TriageLanguage } from "../../red-flags/types";
import type { ConceptLexicon } from "../types";

export const SWALLOWED_THUNDERCLAP: Record<TriageLanguage, Pick<ConceptLexicon, "swallowed" | "headache" | "worstEver" | "thunderclap">> = {
  en: {
    swallowed: ["swallowed", "got into", "chewed up"],
    headache: ["headache", "head pain", "pain in my head", "pain in his head", "pain in her head"],
    worstEver: ["worst headache", "worst pain of my life", "worst of my life", "worst ive ever had", "worst i ever had", "worst ever"],
    thunderclap: ["thunderclap", "like a thunder", "like being hit", "like a bomb", "like an explosion"],
  },
  es: {
    swallowed: ["se trago", "trago", "se comio", "se metio a la boca"],
    headache: ["dolor de cabeza", "me duele la cabeza", "le duele la cabeza", "cefalea"],
    worstEver: ["peor de mi vida", "peor de su vida", "nunca habia tenido"],
    thunderclap: ["como un trueno", "como un rayo", "como un golpe", "como una explosion", "como un martillazo"],
  },
  fr: {
    swallowed: ["avale"],
    headache: ["mal de tete", "mal a la tete", "maux de tete", "cephalee"],
    worstEver: ["pire de ma vie", "pire de sa vie", "jamais eu aussi mal"],
    thunderclap: ["coup de tonnerre", "coup de poignard", "comme une explosion", "comme un coup de massue"],
  },
  de: {
    swallowed: ["verschluckt", "geschluckt", "runtergeschluckt"],
    headache: ["kopfschmerz", "kopfweh", "schmerzen im kopf"],
    worstEver: [
      "schlimmste meines lebens",
      "schlimmsten meines lebens",
      "schlimmste seines lebens",
      "schlimmste ihres lebens",
      "noch nie so",
    ],
    thunderclap: ["donnerschlag", "wie ein schlag", "wie eine explosion", "wie ein blitz"],
  },
  pt: {
    swallowed: ["engoliu", "engoli"],
    headache: ["dor de cabeca", "dor na cabeca", "cefaleia"],
    worstEver: ["pior da minha vida", "pior da vida", "pior da sua vida", "nunca senti"],
    thunderclap: ["tipo um trovao", "como um trovao", "tipo uma explosao", "como uma explosao", "tipo uma pancada", "como uma pancada"],
  },
  it: {
    swallowed: ["ingoiato", "inghiottito", "mandato giu"],
    headache: ["mal di testa", "cefalea", "dolore alla testa"],
    worstEver: ["peggiore della mia vita", "peggiore della sua vita", "mai avuto un"],
    thunderclap: ["come un tuono", "come un fulmine", "come un colpo", "come un esplosione"],
  },
  nl: {
    swallowed: ["ingeslikt", "doorgeslikt", "opgegeten"],
    headache: ["hoofdpijn", "pijn in mijn hoofd", "pijn in zijn hoofd", "pijn in haar hoofd"],
    worstEver: ["ergste van mijn leven", "ergste ooit", "ergste van zijn leven", "ergste van haar leven"],
    thunderclap: ["donderslag", "als een klap", "als een explosie", "als een mokerslag"],
  },
  sv: {
    swallowed: ["svalt", "svalde", "satt i sig"],
    headache: ["huvudvark", "ont i huvudet"],
    worstEver: ["varsta i mitt liv", "varsta nagonsin", "varsta i hans liv", "varsta i hennes liv"],
    thunderclap: ["askknall", "som ett slag", "som en explosion"],
  },
  pl: {
    swallowed: ["polknal", "polknela", "polkneli", "zjadl", "zjadla"],
    headache: ["bol glowy", "boli mnie glowa", "boli go glowa", "boli ja glowa"],
    worstEver: ["najgorszy w zyciu", "najgorszy w moim zyciu", "nigdy takiego"],
    thunderclap: ["jak uderzenie", "jak piorun", "jak grom", "jak wybuch"],
  },
  ru: {
    swallowed: ["проглотил", "проглотила", "наглотал", "наелся таблет", "наелась таблет"],
    headache: ["головная боль", "болит голова", "боль в голове"],
    worstEver: ["худшая в жизни", "сильнейшая в жизни", "никогда такой не было", "самая сильная в жизни"],
    thunderclap: ["как удар", "как взрыв", "как гром", "как молния"],
  },
  uk: {
    swallowed: ["проковтнув", "проковтнула", "наковтався", "наковталася"],
    headache: ["головний біль", "болить голова", "біль у голові"],
    worstEver: ["найгірший у житті", "найсильніший у житті", "ніколи такого не було"],
    thunderclap: ["як удар", "як вибух", "як грім", "як блискавка"],
  },
  tr: {
    swallowed: ["yutmus", "yuttu", "agzina atmis"],
    headache: ["bas agrisi", "basim agriyor", "basi agriyor", "kafam agriyor"],
    worstEver: ["hayatimin en kotu", "hayatimda boyle", "hic bu kadar"],
    thunderclap: ["yildirim gibi", "gok gurultusu gibi", "patlama gibi", "darbe gibi"],
  },
  id: {
    swallowed: ["menelan", "ketelan", "nelen", "tertelan"],
    headache: ["sakit kepala", "kepala sakit", "pusing hebat"],
    worstEver: ["paling parah seumur hidup", "terparah seumur hidup", "belum pernah sesakit"],
    thunderclap: ["seperti petir", "kayak petir", "seperti dipukul", "kayak dipukul", "seperti meledak"],
  },
  vi: {
    swallowed: ["nuốt", "nuốt phải"],
    headache: ["đau đầu", "nhức đầu"],
    worstEver: ["tệ nhất trong đời", "đau nhất trong đời", "chưa bao giờ đau như"],
    thunderclap: ["như sét đánh", "như bị đánh", "như nổ tung"],
  },
  zh: {
    swallowed: ["吞了", "吞下", "误服", "误吞"],
    headache: ["头痛", "头疼"],
    worstEver: ["这辈子最", "有生以来最", "从来没有这么"],
    thunderclap: ["像雷击", "像被打了一棍", "像炸开", "炸裂"],
  },
  ja: {
    swallowed: ["飲み込んだ", "誤飲", "口に入れた"],
    headache: ["頭痛", "頭が痛"],
    worstEver: ["人生で一番", "今までで一番", "経験したことのない"],
    thunderclap: ["雷に打たれ", "バットで殴られ", "殴られたような", "突然の激しい"],
  },
  ko: {
    swallowed: ["삼켰", "삼킨", "먹어버렸"],
    headache: ["두통", "머리가 아파", "머리가 깨질"],
    worstEver: ["살면서 제일", "인생 최악", "처음 겪는"],
    thunderclap: ["벼락", "망치로 맞은", "터질 것 같"],
  },
  ar: {
    swallowed: ["بلع", "بلعت", "ابتلع", "ابتلعت"],
    headache: ["صداع", "وجع راس", "وجع في راسي", "راسي يوجعني"],
    worstEver: ["اسوأ صداع في حياتي", "عمري ما حسيت", "اقوى وجع في حياتي"],
    thunderclap: ["زي الرعد", "مثل الرعد", "زي الضربة", "مثل الانفجار"],
  },
  hi: {
    swallowed: ["निगल", "nigal", "nigla", "nigli"],
    headache: ["सिरदर्द", "सिर दर्द", "sir dard", "sar dard"],
    worstEver: ["जिंदगी का सबसे", "zindagi ka sabse", "पहले कभी नहीं", "pehle kabhi nahi"],
    thunderclap: ["बिजली गिरने", "धमाके जैसा", "dhamake jaisa", "bijli girne"],
  },
  th: {
    swallowed: ["กลืน", "กลืนเข้าไป"],
    headache: ["ปวดหัว", "ปวดศีรษะ"],
    worstEver: ["ที่สุดในชีวิต", "ไม่เคยปวดขนาดนี้"],
    thunderclap: ["เหมือนฟ้าผ่า", "เหมือนโดนตี", "เหมือนระเบิด"],
  },
  tl: {
    swallowed: ["nalunok", "nakalunok", "nilunok"],
    headache: ["sakit ng ulo", "masakit ang ulo", "sumasakit ang ulo"],
    worstEver: ["pinakamasakit sa buong buhay", "pinakamatinding sakit", "ngayon lang ako nakaramdam"],
    thunderclap: ["parang kidlat", "parang pinukpok", "parang sumabog"],
  },
  sw: {
    swallowed: ["amemeza", "alimeza", "amemeza vidonge"],
    headache: ["maumivu ya kichwa", "kichwa kinauma"],
    worstEver: ["makali kuliko yote maishani", "sijawahi kuumwa hivi"],
    thunderclap: ["kama radi", "kama nimepigwa", "kama mlipuko"],
  },
  el: {
    swallowed: ["καταπιε", "εφαγε"],
    headache: ["πονοκεφαλ", "πονα το κεφαλι"],
    worstEver: ["ο χειροτεροσ τησ ζωησ", "ποτε τοσο δυνατοσ"],
    thunderclap: ["σαν κεραυνοσ", "σαν χτυπημα", "σαν εκρηξη"],
  },
  ro: {
    swallowed: ["a inghitit"],
    headache: ["durere de cap", "ma doare capul", "il doare capul", "o doare capul"],
    worstEver: ["cea mai groaznica", "cea mai mare durere", "niciodata atat de"],
    thunderclap: ["ca un trasnet", "ca o lovitura", "ca o explozie"],
  },
  cs: {
    swallowed: ["spolkl", "spolkla", "spolykal", "spolykala"],
    headache: ["bolest hlavy", "boli me hlava", "boli ho hlava", "boli ji hlava"],
    worstEver: ["nejhorsi bolest", "nejhorsi v zivote", "nikdy takovou"],
    thunderclap: ["jako blesk", "jako rana", "jako vybuch", "z nicehoz nic"],
  },
  fa: {
    swallowed: ["قورت داده", "بلعیده"],
    headache: ["سردرد", "سرم درد", "سرش درد"],
    worstEver: ["بدترین سردرد", "بدترین درد عمرم", "تا حالا اینجوری نبوده"],
    thunderclap: ["مثل صاعقه", "مثل انفجار", "یهو مثل ضربه"],
  },
  he: {
    swallowed: ["בלע", "בלעה"],
    headache: ["כאב ראש", "כואב לי הראש", "כואב לו הראש", "כואב לה הראש"],
    worstEver: ["כאב הראש הכי חזק", "הכאב הכי חזק בחיים", "אף פעם לא היה לי כזה"],
    thunderclap: ["כמו ברק", "כמו פיצוץ", "כמו מכה"],
  },
  ur: {
    swallowed: ["نگل لی", "نگل لیا", "نگل گیا", "نگل گئی"],
    headache: ["سر درد", "سر میں درد", "سر پھٹ رہا"],
    worstEver: ["زندگی کا سب سے شدید", "ایسا درد کبھی نہیں"],
    thunderclap: ["اچانک جیسے دھماکا", "بجلی کی طرح", "جیسے کسی نے مارا"],
  },
  bn: {
    swallowed: ["গিলে ফেলেছে", "গিলে ফেলেছি", "গিলে নিয়েছে"],
    headache: ["মাথাব্যথা", "মাথা ব্যথা", "মাথায় ব্যথা"],
    worstEver: ["জীবনের সবচেয়ে খারাপ", "এমন ব্যথা কখনো হয়নি", "সবচেয়ে তীব্র"],
    thunderclap: ["বাজ পড়ার মতো", "বিস্ফোরণের মতো", "হঠাৎ যেন কেউ মেরেছে"],
  },
  hu: {
    swallowed: ["lenyelt", "lenyelte"],
    headache: ["fejfajas", "faj a fejem", "faj a feje"],
    worstEver: ["eletem legrosszabb", "legrosszabb fejfajas", "meg soha ilyen"],
    thunderclap: ["mint egy villamcsapas", "mint egy robbanas", "mintha fejbe vagtak volna"],
  },
  am: {
    swallowed: ["ዋጠ", "ዋጠች", "ዋጥኩ"],
    headache: ["ራስ ምታት", "ራሴን ያመኛል", "ራሱን ያመዋል"],
    worstEver: ["በሕይወቴ እንደዚህ", "በህይወቴ እንደዚህ", "ከዚህ በፊት አጋጥሞኝ የማያውቅ"],
    thunderclap: ["በድንገት እንደ ፍንዳታ", "እንደ መብረቅ"],
  },
  ha: {
    swallowed: ["ya hadiye", "ta hadiye", "na hadiye"],
    headache: ["ciwon kai", "kaina yana ciwo"],
    worstEver: ["ban taba jin irinsa ba", "mafi muni a rayuwata"],
    thunderclap: ["kwatsam kamar bindiga", "kamar an buge ni"],
  },
  pa: {
    swallowed: ["ਨਿਗਲ ਲਿਆ", "ਨਿਗਲ ਲਈ", "ਨਿਗਲ ਗਿਆ", "ਨਿਗਲ ਗਈ"],
    headache: ["ਸਿਰ ਦਰਦ", "ਸਿਰ ਵਿੱਚ ਦਰਦ", "ਸਿਰ ਫਟ ਰਿਹਾ"],
    worstEver: ["ਜ਼ਿੰਦਗੀ ਦਾ ਸਭ ਤੋਂ ਤੇਜ਼", "ਇਹੋ ਜਿਹਾ ਦਰਦ ਕਦੇ ਨਹੀਂ"],
    thunderclap: ["ਅਚਾਨਕ ਧਮਾਕੇ ਵਾਂਗ", "ਬਿਜਲੀ ਵਾਂਗ"],
  },
  ta: {
    swallowed: ["முழுங்கிட்ட", "விழுங்கிட்ட", "விழுங்கி"],
    headache: ["தலைவலி", "தலை வலி"],
    worstEver: ["வாழ்க்கையில இப்படி", "இதுவரை இல்லாத"],
    thunderclap: ["திடீர்னு வெடிச்ச மாதிரி", "இடி விழுந்த மாதிரி"],
  },
  yo: {
    swallowed: ["gbe mi", "ti gbe"],
    headache: ["ori fifo", "ori mi n fo", "ori re n fo"],
    worstEver: ["ko ri bee ri", "eyi to buru ju laye mi"],
    thunderclap: ["lojiji bi ara", "bi igba ti nkan bu"],
  },
};
