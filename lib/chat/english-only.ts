// The knowledge base is written and indexed in English (lib/rag: Postgres's English
// configuration, the starter pages, MedQuAD). A question in another language finds nothing
// there — or, worse, an English page through a look-alike word — so after triage (which reads
// every language first) a question clearly written in one of the other languages triage reads
// gets a fixed answer in that language: the knowledge base answers in English, please ask in
// English, and where to get help meanwhile. No retrieval, no model.
//
// "Clearly" is decided by the letters for the languages with their own script (Japanese kana,
// Chinese characters, Hangul, Arabic, Devanagari, Cyrillic, Greek, Thai), and by function words
// for those in Latin letters ("el", "de", "tengo"; "je", "j'ai"; "ich", "habe"; "nie", "jest"),
// not by a character n-gram guess alone: franc names a non-English language for about one
// English consumer question in ten ("should I be worried about chest pain when I run" → Dutch),
// and an English speaker must never be told to write in English.
import type { EmergencyContacts } from "@/lib/safety/contacts";
import { sayingLocalNumber } from "@/lib/safety/local-number";
import { guessLanguage } from "@/lib/safety/language";
import { AFRICA_SOUTH_ASIA_ENGLISH_ONLY } from "@/lib/safety/wording-africa-south-asia";
import type { TriageLanguage } from "@/lib/safety/red-flags/types";

type Numbers = Pick<EmergencyContacts, "emergencyNumber">;

/** Languages with an English-only answer: every language triage reads but English. */
export type EnglishOnlyLanguage = Exclude<TriageLanguage, "en">;

/** The languages written in Latin letters, told apart by their function words. */
type LatinLanguage =
  "es" | "fr" | "de" | "pt" | "it" | "nl" | "pl" | "tr" | "vi" | "id" | "sv" | "tl" | "sw" | "ro" | "cs" | "hu" | "ha" | "yo";

/** Words that are common in one language's questions and rare in English text (lower case, accents kept). */
const FUNCTION_WORDS: Record<LatinLanguage, ReadonlySet<string>> = {
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
  pl: new Set(
    "nie jest mam się co jak na do czy to mój moja moje mnie od po dla bardzo boli dni syn córka dziecko ból jestem mogę przez już od gdy który która".split(
      " ",
    ),
  ),
  tr: new Set(
    "ve bir bu için ne nasıl çok var yok ile mi mı mu mü ben benim ağrı ağrısı gün oğlum kızım bebeğim ağrıyor nedir olur yapmalıyım ateş ateşi".split(
      " ",
    ),
  ),
  vi: new Set("tôi của và là có không bị đau ngày con bé làm gì sao thế nào cho với được uống bệnh em bị cháu".split(" ")),
  id: new Set(
    "saya yang dan di ini itu dengan untuk tidak ada apa bagaimana sakit sudah hari anak bisa minum obat karena sejak".split(" "),
  ),
  sv: new Set("jag och är det att har inte min mitt mina på för med som hur vad kan ont dagar barn sedan sjuk ska jag".split(" ")),
  tl: new Set("ang ng mga sa ako ko hindi ano paano anak masakit po lang ba ako ang aking siya".split(" ")),
  sw: new Set("ya wa kwa ni nina mtoto wangu maumivu siku homa je nini vipi sana kichwa tumbo dawa nifanye".split(" ")),
  ro: new Set("și în cu nu este sunt am un o pentru ce cum mă doare zile copilul meu mea foarte de la".split(" ")),
  hu: new Set("az és hogy nem egy mit hogyan fáj fájdalom nekem már még napja gyerekem fiam lányom mert vagyok nagyon".split(" ")),
  ha: new Set("yana tana kuma wannan yaya ciwon jiki dana yata sosai allah zan menene shin".split(" ")),
  yo: new Set("omo ara kini bawo nitori jowo sugbon pupo bayi awon emi iya baba".split(" ")),
  cs: new Set("je to se mi mě mám má jsem jak co na v ve s z do od po pro že ale bolí bolest dny dítě syn dcera můj moje".split(" ")),
};

/** English words that rarely occur in the other languages' questions. */
const ENGLISH_WORDS = new Set(
  "the i my is are what how have has had and of to for with when can do does should it this that be on from after about your you been get why which will would there not its im".split(
    " ",
  ),
);

/**
 * Languages with a script of their own, by the share of the message's letters in it: kana make a
 * message Japanese even among Chinese characters (kanji), Cyrillic is Russian or Ukrainian.
 */
const SCRIPTS: [RegExp, EnglishOnlyLanguage | "cyrillic" | "han" | "arabic"][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja"],
  [/\p{Script=Hangul}/u, "ko"],
  [/\p{Script=Han}/u, "han"],
  [/\p{Script=Arabic}/u, "arabic"],
  [/\p{Script=Hebrew}/u, "he"],
  [/\p{Script=Bengali}/u, "bn"],
  [/\p{Script=Devanagari}/u, "hi"],
  [/\p{Script=Cyrillic}/u, "cyrillic"],
  [/\p{Script=Greek}/u, "el"],
  [/\p{Script=Thai}/u, "th"],
  [/\p{Script=Ethiopic}/u, "am"],
  [/\p{Script=Gurmukhi}/u, "pa"],
  [/\p{Script=Tamil}/u, "ta"],
];
/** A message counts as written in a script when at least this share of its letters are. */
const SCRIPT_SHARE = 0.6;
/** Letters only Ukrainian uses (і ї є ґ) and only Russian (ы э ъ ё). */
const UKRAINIAN_LETTERS = /[іїєґ]/u;
const RUSSIAN_LETTERS = /[ыэъё]/u;

/** Lower-case letter runs (accents kept; "j'ai" → "j", "ai"); bounded by the caller's message limit. */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * The language the message is clearly written in, when it is one of EnglishOnlyLanguage and not
 * English: most of its letters in that language's own script, or (Latin letters) at least two of
 * that language's function words, more than any other language's, and English's own function
 * words far behind. Otherwise null (English, too short, mixed, unclear).
 */
export function nonEnglishLanguageOf(text: string): EnglishOnlyLanguage | null {
  const ws = tokens(text.slice(0, 4_000));
  if (ws.length === 0) return null;
  return scriptLanguageOf(ws) ?? latinLanguageOf(text, ws);
}

/** The language of a message mostly written in a script of its own (SCRIPTS), else null. */
function scriptLanguageOf(ws: string[]): EnglishOnlyLanguage | null {
  const letters = [...ws.join("")];
  for (const [script, language] of SCRIPTS) {
    const inScript = letters.filter((ch) => script.test(ch));
    if (inScript.length < 2 || inScript.length < SCRIPT_SHARE * letters.length) continue;
    if (language === "han") return "zh";
    // Arabic, Persian and Urdu share the script: letters only Urdu writes, then the n-gram guess among the three.
    if (language === "arabic") return arabicScriptLanguage(inScript.join(""));
    if (language !== "cyrillic") return language;
    const cyrillic = inScript.join("");
    if (UKRAINIAN_LETTERS.test(cyrillic) && !RUSSIAN_LETTERS.test(cyrillic)) return "uk";
    if (RUSSIAN_LETTERS.test(cyrillic) && !UKRAINIAN_LETTERS.test(cyrillic)) return "ru";
    return guessLanguage(cyrillic) === "uk" ? "uk" : "ru";
  }
  return null;
}

/** Urdu has letters of its own (ٹ ڈ ڑ ں ے ہ ھ); Persian and Arabic are told apart by the n-gram guess (Arabic when unsure). */
function arabicScriptLanguage(letters: string): EnglishOnlyLanguage {
  if (/[ٹڈڑںےہھ]/u.test(letters)) return "ur";
  const guess = guessLanguage(letters);
  return guess === "fa" || guess === "ur" ? guess : "ar";
}

/** The language of a message in Latin letters, by its function words (see nonEnglishLanguageOf), else null. */
function latinLanguageOf(text: string, ws: string[]): LatinLanguage | null {
  const english = ws.filter((w) => ENGLISH_WORDS.has(w)).length;
  const scores = (Object.keys(FUNCTION_WORDS) as LatinLanguage[]).map(
    (language) => [language, ws.filter((w) => FUNCTION_WORDS[language].has(w)).length] as const,
  );
  const best = Math.max(...scores.map(([, n]) => n));
  if (best < 2 || best < 2 * english + 2) return null;
  const leaders = scores.filter(([, n]) => n === best).map(([language]) => language);
  if (leaders.length === 1) return leaders[0];
  // Shared words ("de", "que", "la"): the character n-grams decide between the leaders.
  const guess = guessLanguage(text);
  return leaders.find((language) => language === guess) ?? null;
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
  pl: (c) =>
    "Baza wiedzy MedChat jest po angielsku, więc z podaniem źródeł mogę odpowiadać tylko na pytania napisane po angielsku. " +
    "Jeśli możesz, zadaj pytanie po angielsku, a odpowiem ze źródłami. " +
    "Aby porozmawiać o swojej sytuacji po polsku, zapytaj lekarza, pielęgniarkę lub farmaceutę. " +
    `Jeśli to pilne, dzwoń pod ${c.emergencyNumber}.`,
  tr: (c) =>
    "MedChat bilgi tabanı İngilizcedir; bu yüzden kaynak göstererek yalnızca İngilizce yazılmış sorulara yanıt verebiliyorum. " +
    "Yapabiliyorsanız sorunuzu İngilizce yazın, size kaynaklarla yanıt vereyim. " +
    "Durumunuzu Türkçe konuşmak için lütfen bir doktora, hemşireye ya da eczacıya danışın. " +
    `Acilse ${c.emergencyNumber} arayın.`,
  vi: (c) =>
    "Cơ sở kiến thức của MedChat được viết bằng tiếng Anh, nên tôi chỉ có thể trả lời kèm nguồn cho những câu hỏi viết bằng tiếng Anh. " +
    "Nếu có thể, hãy đặt câu hỏi bằng tiếng Anh, tôi sẽ trả lời kèm nguồn. " +
    "Để trao đổi về tình trạng của bạn bằng tiếng Việt, hãy hỏi bác sĩ, y tá hoặc dược sĩ. " +
    `Nếu việc gấp, hãy gọi ${c.emergencyNumber}.`,
  id: (c) =>
    "Basis pengetahuan MedChat berbahasa Inggris, jadi saya hanya bisa menjawab, dengan menyebut sumbernya, pertanyaan yang ditulis dalam bahasa Inggris. " +
    "Jika bisa, tulis pertanyaan Anda dalam bahasa Inggris dan saya akan menjawab dengan sumbernya. " +
    "Untuk membicarakan keadaan Anda dalam bahasa Indonesia, silakan tanyakan kepada dokter, perawat, atau apoteker. " +
    `Jika mendesak, hubungi ${c.emergencyNumber}.`,
  sv: (c) =>
    "MedChats kunskapsbas är på engelska, så jag kan bara svara med källor på frågor som är skrivna på engelska. " +
    "Om du kan, skriv din fråga på engelska så svarar jag med källor. " +
    "För att prata om din situation på svenska, fråga en läkare, sjuksköterska eller farmaceut. " +
    `Om det är brådskande, ring ${c.emergencyNumber}.`,
  tl: (c) =>
    "Nasa Ingles ang mga sanggunian ng MedChat, kaya mga tanong na nakasulat sa Ingles lang ang kaya kong sagutin nang may binabanggit na pinagmulan. " +
    "Kung kaya mo, isulat ang tanong mo sa Ingles at sasagutin kita nang may mga pinagmulan. " +
    "Para pag-usapan ang kalagayan mo sa Filipino, magtanong sa doktor, nars o parmasyutiko. " +
    `Kung apurahan, tumawag sa ${c.emergencyNumber}.`,
  sw: (c) =>
    "Vyanzo vya MedChat viko kwa Kiingereza, kwa hiyo ninaweza kujibu, nikitaja vyanzo, maswali yaliyoandikwa kwa Kiingereza tu. " +
    "Ukiweza, andika swali lako kwa Kiingereza nami nitakujibu pamoja na vyanzo. " +
    "Kuzungumzia hali yako kwa Kiswahili, tafadhali muulize daktari, muuguzi au mfamasia. " +
    `Ikiwa ni haraka, piga ${c.emergencyNumber}.`,
  ro: (c) =>
    "Baza de cunoștințe MedChat este în engleză, așa că pot răspunde, citând sursele, doar la întrebări scrise în engleză. " +
    "Dacă puteți, scrieți întrebarea în engleză și vă voi răspunde cu sursele. " +
    "Pentru a vorbi despre situația dumneavoastră în română, întrebați un medic, o asistentă sau un farmacist. " +
    `Dacă este urgent, sunați la ${c.emergencyNumber}.`,
  zh: (c) =>
    "MedChat 的知识库是英文的，所以我只能回答用英文提出的问题，并注明来源。" +
    "如果可以，请用英文提问，我会附上来源回答您。" +
    "如需用中文讨论您的情况，请咨询医生、护士或药剂师。" +
    `如果情况紧急，请拨打 ${c.emergencyNumber}。`,
  ja: (c) =>
    "MedChat の知識ベースは英語で書かれているため、出典を示してお答えできるのは英語の質問だけです。" +
    "できれば英語で質問してください。出典付きでお答えします。" +
    "ご自身の状況を日本語で相談したい場合は、医師、看護師、薬剤師に相談してください。" +
    `急ぎの場合は ${c.emergencyNumber} に電話してください。`,
  ko: (c) =>
    "MedChat 지식 베이스는 영어로 되어 있어, 출처를 밝혀 답할 수 있는 것은 영어로 쓴 질문뿐입니다. " +
    "가능하면 영어로 질문해 주세요. 출처와 함께 답해 드리겠습니다. " +
    "한국어로 상황을 상담하려면 의사, 간호사 또는 약사에게 물어보세요. " +
    `급한 경우에는 ${c.emergencyNumber}에 전화하세요.`,
  ar: (c) =>
    "قاعدة معارف MedChat مكتوبة باللغة الإنجليزية، لذلك لا أستطيع أن أجيب مع ذكر المصادر إلا عن الأسئلة المكتوبة بالإنجليزية. " +
    "إن أمكنك، اكتب سؤالك بالإنجليزية وسأجيبك مع المصادر. " +
    "لمناقشة حالتك بالعربية، اسأل طبيباً أو ممرضاً أو صيدلياً. " +
    `إذا كان الأمر عاجلاً، اتصل بـ ${c.emergencyNumber}.`,
  hi: (c) =>
    "MedChat का ज्ञान-आधार अंग्रेज़ी में है, इसलिए मैं स्रोतों के साथ केवल अंग्रेज़ी में लिखे सवालों का जवाब दे सकता हूँ। " +
    "हो सके तो अपना सवाल अंग्रेज़ी में लिखें, मैं स्रोतों के साथ जवाब दूँगा। " +
    "अपनी स्थिति के बारे में हिंदी में बात करने के लिए किसी डॉक्टर, नर्स या फ़ार्मासिस्ट से पूछें। " +
    `अगर मामला ज़रूरी है, तो ${c.emergencyNumber} पर कॉल करें।`,
  ru: (c) =>
    "База знаний MedChat написана на английском, поэтому отвечать со ссылками на источники я могу только на вопросы на английском языке. " +
    "Если можете, задайте вопрос по-английски, и я отвечу с источниками. " +
    "Чтобы обсудить вашу ситуацию по-русски, обратитесь к врачу, медсестре или фармацевту. " +
    `Если дело срочное, звоните ${c.emergencyNumber}.`,
  uk: (c) =>
    "База знань MedChat написана англійською, тому відповідати з посиланнями на джерела я можу лише на запитання англійською мовою. " +
    "Якщо можете, поставте запитання англійською, і я відповім із джерелами. " +
    "Щоб обговорити вашу ситуацію українською, зверніться до лікаря, медсестри або фармацевта. " +
    `Якщо це терміново, телефонуйте ${c.emergencyNumber}.`,
  el: (c) =>
    "Η βάση γνώσεων του MedChat είναι στα αγγλικά, οπότε μπορώ να απαντώ με πηγές μόνο σε ερωτήσεις γραμμένες στα αγγλικά. " +
    "Αν μπορείτε, γράψτε την ερώτησή σας στα αγγλικά και θα σας απαντήσω με τις πηγές. " +
    "Για να συζητήσετε την περίπτωσή σας στα ελληνικά, ρωτήστε έναν γιατρό, νοσηλευτή ή φαρμακοποιό. " +
    `Αν είναι επείγον, καλέστε το ${c.emergencyNumber}.`,
  th: (c) =>
    "ฐานความรู้ของ MedChat เป็นภาษาอังกฤษ จึงตอบพร้อมแหล่งอ้างอิงได้เฉพาะคำถามที่เขียนเป็นภาษาอังกฤษ " +
    "ถ้าทำได้ โปรดถามเป็นภาษาอังกฤษ แล้วจะตอบพร้อมแหล่งอ้างอิง " +
    "หากต้องการปรึกษาเรื่องของคุณเป็นภาษาไทย โปรดสอบถามแพทย์ พยาบาล หรือเภสัชกร " +
    `ถ้าเป็นเรื่องเร่งด่วน โทร ${c.emergencyNumber}`,
  cs: (c) =>
    "Znalostní báze MedChat je v angličtině, takže s odkazy na zdroje umím odpovídat jen na otázky napsané anglicky. " +
    "Pokud můžete, napište otázku anglicky a odpovím i se zdroji. " +
    "O své situaci v češtině se poraďte s lékařem, zdravotní sestrou nebo lékárníkem. " +
    `Pokud je to naléhavé, volejte ${c.emergencyNumber}.`,
  fa: (c) =>
    "پایگاه دانش MedChat به زبان انگلیسی است، بنابراین فقط به سؤال‌هایی که به انگلیسی نوشته شده‌اند می‌توانم با ذکر منبع پاسخ دهم. " +
    "اگر می‌توانید، سؤالتان را به انگلیسی بنویسید تا با منابع پاسخ دهم. " +
    "برای گفتگو درباره وضعیتتان به فارسی، از پزشک، پرستار یا داروساز بپرسید. " +
    `اگر فوری است، با ${c.emergencyNumber} تماس بگیرید.`,
  he: (c) =>
    "מאגר הידע של MedChat כתוב באנגלית, ולכן אפשר לקבל ממני תשובה עם מקורות רק על שאלות שנכתבו באנגלית. " +
    "אם אפשר, כדאי לכתוב את השאלה באנגלית, והתשובה תגיע עם מקורות. " +
    "כדי לדבר על המצב בעברית, כדאי לפנות לרופא, לאחות או לרוקח. " +
    `אם זה דחוף, יש להתקשר ל-${c.emergencyNumber}.`,
  ur: (c) =>
    "MedChat کا علمی ذخیرہ انگریزی میں ہے، اس لیے میں حوالوں کے ساتھ صرف انگریزی میں لکھے گئے سوالوں کا جواب دے سکتا ہوں۔ " +
    "اگر ممکن ہو تو اپنا سوال انگریزی میں لکھیں، میں حوالوں کے ساتھ جواب دوں گا۔ " +
    "اپنی صورتحال پر اردو میں بات کرنے کے لیے کسی ڈاکٹر، نرس یا فارماسسٹ سے پوچھیں۔ " +
    `اگر معاملہ فوری ہے تو ${c.emergencyNumber} پر کال کریں۔`,
  bn: (c) =>
    "MedChat-এর তথ্যভান্ডার ইংরেজিতে লেখা, তাই সূত্রসহ উত্তর দিতে পারি কেবল ইংরেজিতে লেখা প্রশ্নের। " +
    "সম্ভব হলে প্রশ্নটি ইংরেজিতে লিখুন, আমি সূত্রসহ উত্তর দেব। " +
    "বাংলায় নিজের অবস্থা নিয়ে কথা বলতে একজন ডাক্তার, নার্স বা ফার্মাসিস্টকে জিজ্ঞেস করুন। " +
    `জরুরি হলে ${c.emergencyNumber} নম্বরে কল করুন।`,
  hu: (c) =>
    "A MedChat tudásbázisa angol nyelvű, ezért forrásokkal csak angolul írt kérdésekre tudok válaszolni. " +
    "Ha teheti, írja meg a kérdést angolul, és forrásokkal válaszolok. " +
    "Ha magyarul szeretné megbeszélni a helyzetét, kérdezzen orvost, ápolót vagy gyógyszerészt. " +
    `Ha sürgős, hívja a ${c.emergencyNumber} számot.`,
  ...AFRICA_SOUTH_ASIA_ENGLISH_ONLY,
};

export function englishOnlyAnswer(contacts: Numbers, language: EnglishOnlyLanguage): string {
  return sayingLocalNumber(ENGLISH_ONLY_WORDING[language], language)(contacts);
}
