// When the visitor's country is unknown (a browser region the product has no number for, see
// contacts.ts), no number is named: a wrong number in an emergency is worse than none. Every
// text then says "your local emergency number" in its own language. `phrase` fits where the
// number stands in that language's sentences ("call ___", "llame al ___", "dzwoń pod ___",
// "___ arayın"); the notice's first sentence and the answer after a notice carry the number with
// "(or your local emergency number)" beside it, so they have their own number-less wording.
import type { EmergencyContacts } from "./contacts";
import type { TriageLanguage } from "./red-flags/types";
import type { LocalNumberWording } from "./local-number-wording";
import { AFRICA_SOUTH_ASIA_LOCAL_NUMBER } from "./wording-africa-south-asia";

export type { LocalNumberWording } from "./local-number-wording";

export const LOCAL_NUMBER_WORDING: Record<TriageLanguage, LocalNumberWording> = {
  en: {
    phrase: "your local emergency number",
    emergency: "This could be a medical emergency. Call your local emergency number now, or go to the nearest emergency department.",
    afterNotice:
      "Please follow the emergency advice above: call your local emergency number now. MedChat cannot help with an emergency, and it has no reliable information on this question.",
  },
  es: {
    phrase: "número de emergencias de su zona",
    emergency:
      "Esto podría ser una emergencia médica. Llame ahora al número de emergencias de su zona o vaya al servicio de urgencias más cercano.",
    afterNotice:
      "Siga los consejos de emergencia de arriba: llame ahora al número de emergencias de su zona. MedChat no puede ayudar en una emergencia y no tiene información fiable sobre esta pregunta.",
  },
  fr: {
    phrase: "numéro d'urgence local",
    emergency:
      "Il peut s'agir d'une urgence médicale. Appelez maintenant le numéro d'urgence local ou rendez-vous aux urgences les plus proches.",
    afterNotice:
      "Suivez les conseils d'urgence ci-dessus : appelez maintenant le numéro d'urgence local. MedChat ne peut pas aider en cas d'urgence et n'a pas d'information fiable sur cette question.",
  },
  de: {
    phrase: "die örtliche Notrufnummer",
    emergency:
      "Das könnte ein medizinischer Notfall sein. Rufen Sie jetzt die örtliche Notrufnummer an oder gehen Sie in die nächste Notaufnahme.",
    afterNotice:
      "Bitte folgen Sie dem Notfallhinweis oben: Rufen Sie jetzt die örtliche Notrufnummer an. MedChat kann in einem Notfall nicht helfen und hat zu dieser Frage keine verlässlichen Informationen.",
  },
  pt: {
    phrase: "número de emergência local",
    emergency:
      "Isto pode ser uma emergência médica. Ligue agora para o número de emergência local ou vá ao pronto-socorro / urgência mais próximo.",
    afterNotice:
      "Siga o aviso de emergência acima: ligue agora para o número de emergência local. O MedChat não pode ajudar numa emergência e não tem informação fiável sobre esta pergunta.",
  },
  it: {
    phrase: "numero di emergenza locale",
    emergency: "Potrebbe essere un'emergenza medica. Chiami subito il numero di emergenza locale o vada al pronto soccorso più vicino.",
    afterNotice:
      "Segua le indicazioni di emergenza qui sopra: chiami subito il numero di emergenza locale. MedChat non può aiutare in un'emergenza e non ha informazioni affidabili su questa domanda.",
  },
  nl: {
    phrase: "het lokale alarmnummer",
    emergency: "Dit kan een medisch noodgeval zijn. Bel nu het lokale alarmnummer of ga naar de dichtstbijzijnde spoedeisende hulp.",
    afterNotice:
      "Volg het noodadvies hierboven: bel nu het lokale alarmnummer. MedChat kan niet helpen bij een noodgeval en heeft geen betrouwbare informatie over deze vraag.",
  },
  zh: {
    phrase: "当地急救电话",
    emergency: "这可能是医疗紧急情况。请立即拨打当地急救电话，或尽快去最近的急诊。",
    afterNotice: "请按照上面的紧急提示去做：现在就拨打当地急救电话。MedChat 无法处理紧急情况，也没有关于这个问题的可靠信息。",
    crisisOne: "如果你有自杀或伤害自己的想法，你并不孤单：请现在就拨打当地急救电话或心理援助热线。",
  },
  ja: {
    phrase: "お住まいの地域の救急番号",
    emergency: "医療的な緊急事態の可能性があります。今すぐお住まいの地域の救急番号に電話するか、最寄りの救急外来へ行ってください。",
    afterNotice:
      "上の緊急の案内に従ってください。今すぐお住まいの地域の救急番号に電話してください。MedChat は緊急時に助けることができず、この質問について信頼できる情報もありません。",
    crisisOne:
      "死にたい、自分を傷つけたいと思っているなら、あなたは一人ではありません。今すぐ救急番号か、お住まいの地域の相談窓口に電話してください。",
  },
  ko: {
    phrase: "지역 응급 번호",
    emergency: "의료 응급 상황일 수 있습니다. 지금 바로 지역 응급 번호에 전화하거나 가까운 응급실로 가세요.",
    afterNotice:
      "위의 응급 안내를 따르세요. 지금 바로 지역 응급 번호에 전화하세요. MedChat은 응급 상황에서 도울 수 없으며 이 질문에 대한 신뢰할 만한 정보가 없습니다.",
    crisisOne: "자살이나 자해를 생각하고 있다면 혼자가 아닙니다. 지금 바로 지역 응급 번호나 위기 상담전화에 전화하세요.",
  },
  ar: {
    phrase: "رقم الطوارئ المحلي",
    emergency: "قد تكون هذه حالة طبية طارئة. اتصل الآن برقم الطوارئ المحلي أو توجّه إلى أقرب قسم طوارئ.",
    afterNotice:
      "يُرجى اتباع إرشادات الطوارئ أعلاه: اتصل الآن برقم الطوارئ المحلي. لا يستطيع MedChat المساعدة في حالات الطوارئ، وليست لديه معلومات موثوقة عن هذا السؤال.",
    crisisOne: "إذا كنت تفكر في الانتحار أو إيذاء نفسك، فأنت لست وحدك: اتصل الآن برقم الطوارئ المحلي أو بخط المساندة النفسية في بلدك.",
  },
  hi: {
    phrase: "अपने इलाके के इमरजेंसी नंबर",
    emergency: "यह मेडिकल इमरजेंसी हो सकती है। अभी अपने इलाके के इमरजेंसी नंबर पर कॉल करें, या सबसे नज़दीकी इमरजेंसी विभाग जाएँ।",
    afterNotice:
      "कृपया ऊपर दी गई आपातकालीन सलाह मानें: अभी अपने इलाके के इमरजेंसी नंबर पर कॉल करें। MedChat आपात स्थिति में मदद नहीं कर सकता, और इस सवाल पर उसके पास भरोसेमंद जानकारी नहीं है।",
  },
  ru: {
    phrase: "в местную службу экстренной помощи",
    emergency:
      "Это может быть неотложное состояние. Позвоните сейчас в местную службу экстренной помощи либо обратитесь в ближайшее приёмное отделение.",
    afterNotice:
      "Пожалуйста, следуйте экстренным советам выше: позвоните сейчас в местную службу экстренной помощи. MedChat не может помочь в экстренной ситуации, и у него нет надёжной информации по этому вопросу.",
  },
  uk: {
    phrase: "до місцевої служби екстреної допомоги",
    emergency:
      "Це може бути невідкладний медичний стан. Зателефонуйте зараз до місцевої служби екстреної допомоги чи зверніться до найближчого приймального відділення.",
    afterNotice:
      "Будь ласка, дотримуйтеся екстрених порад вище: зателефонуйте зараз до місцевої служби екстреної допомоги. MedChat не може допомогти в екстреній ситуації і не має надійної інформації з цього питання.",
  },
  pl: {
    phrase: "lokalny numer alarmowy",
    emergency: "To może być stan nagły. Zadzwoń teraz pod lokalny numer alarmowy albo jedź na najbliższy SOR.",
    afterNotice:
      "Postępuj zgodnie z powyższymi wskazówkami alarmowymi: zadzwoń teraz pod lokalny numer alarmowy. MedChat nie może pomóc w nagłym wypadku i nie ma wiarygodnych informacji na ten temat.",
  },
  tr: {
    phrase: "bulunduğunuz yerin acil numarasını",
    emergency: "Bu tıbbi bir acil durum olabilir. Hemen bulunduğunuz yerin acil numarasını arayın ya da en yakın acil servise gidin.",
    afterNotice:
      "Lütfen yukarıdaki acil durum önerilerini izleyin: şimdi bulunduğunuz yerin acil numarasını arayın. MedChat acil bir durumda yardım edemez ve bu soru hakkında güvenilir bilgisi yoktur.",
  },
  vi: {
    phrase: "số cấp cứu tại nơi bạn ở",
    emergency: "Đây có thể là tình trạng cấp cứu. Hãy gọi ngay số cấp cứu tại nơi bạn ở, hoặc đến khoa cấp cứu gần nhất.",
    afterNotice:
      "Hãy làm theo hướng dẫn khẩn cấp ở trên: gọi ngay số cấp cứu tại nơi bạn ở. MedChat không thể giúp trong trường hợp khẩn cấp và không có thông tin đáng tin cậy về câu hỏi này.",
  },
  id: {
    phrase: "nomor darurat setempat",
    emergency: "Ini bisa merupakan keadaan darurat medis. Segera hubungi nomor darurat setempat, atau pergi ke IGD terdekat.",
    afterNotice:
      "Ikuti saran darurat di atas: hubungi nomor darurat setempat sekarang. MedChat tidak dapat membantu dalam keadaan darurat dan tidak memiliki informasi yang dapat diandalkan tentang pertanyaan ini.",
  },
  sv: {
    phrase: "det lokala larmnumret",
    emergency: "Det här kan vara ett medicinskt nödläge. Ring det lokala larmnumret nu, eller åk till närmaste akutmottagning.",
    afterNotice:
      "Följ nödråden ovan: ring det lokala larmnumret nu. MedChat kan inte hjälpa vid en nödsituation och har ingen tillförlitlig information om den här frågan.",
  },
  th: {
    phrase: "หมายเลขฉุกเฉินในพื้นที่ของคุณ",
    emergency: "นี่อาจเป็นภาวะฉุกเฉินทางการแพทย์ โทรหมายเลขฉุกเฉินในพื้นที่ของคุณทันที หรือไปห้องฉุกเฉินที่ใกล้ที่สุด",
    afterNotice: "โปรดทำตามคำแนะนำฉุกเฉินด้านบน: โทรหมายเลขฉุกเฉินในพื้นที่ของคุณตอนนี้ MedChat ช่วยในเหตุฉุกเฉินไม่ได้ และไม่มีข้อมูลที่เชื่อถือได้สำหรับคำถามนี้",
  },
  tl: {
    phrase: "emergency number sa inyong lugar",
    emergency:
      "Maaaring medical emergency ito. Tumawag ngayon sa emergency number sa inyong lugar, o pumunta sa pinakamalapit na emergency room.",
    afterNotice:
      "Sundin ang emergency na payo sa itaas: tumawag ngayon sa emergency number sa inyong lugar. Hindi makakatulong ang MedChat sa emergency, at wala itong maaasahang impormasyon tungkol sa tanong na ito.",
  },
  sw: {
    phrase: "namba ya dharura ya eneo lako",
    emergency:
      "Hii inaweza kuwa dharura ya kiafya. Piga namba ya dharura ya eneo lako sasa, au nenda kwenye kitengo cha dharura kilicho karibu.",
    afterNotice:
      "Tafadhali fuata ushauri wa dharura ulio juu: piga namba ya dharura ya eneo lako sasa. MedChat haiwezi kusaidia katika dharura, na haina taarifa za kuaminika kuhusu swali hili.",
  },
  el: {
    // After "καλέστε το": "νούμερο" is neuter, so the article the texts already write fits it.
    phrase: "τοπικό νούμερο έκτακτης ανάγκης",
    emergency:
      "Αυτό μπορεί να είναι επείγον ιατρικό περιστατικό. Καλέστε τώρα τον τοπικό αριθμό έκτακτης ανάγκης ή πηγαίνετε στα επείγοντα του πλησιέστερου νοσοκομείου.",
    afterNotice:
      "Ακολουθήστε τις οδηγίες έκτακτης ανάγκης παραπάνω: καλέστε τώρα τον τοπικό αριθμό έκτακτης ανάγκης. Το MedChat δεν μπορεί να βοηθήσει σε επείγουσα κατάσταση και δεν έχει αξιόπιστες πληροφορίες για αυτή την ερώτηση.",
  },
  ro: {
    phrase: "numărul local de urgență",
    emergency:
      "Aceasta poate fi o urgență medicală. Sunați acum la numărul local de urgență ori mergeți la cea mai apropiată unitate de primiri urgențe.",
    afterNotice:
      "Urmați sfaturile de urgență de mai sus: sunați acum la numărul local de urgență. MedChat nu poate ajuta într-o urgență și nu are informații de încredere despre această întrebare.",
  },
  cs: {
    phrase: "místní číslo tísňového volání",
    emergency: "Může jít o naléhavý zdravotní stav. Volejte hned místní číslo tísňového volání, nebo jděte na nejbližší urgentní příjem.",
    afterNotice:
      "Řiďte se prosím pokyny výše: zavolejte hned místní číslo tísňového volání. MedChat vám v naléhavé situaci pomoci nemůže a k této otázce nemá spolehlivé informace.",
    crisisOne:
      "Pokud myslíte na sebevraždu nebo na to, že si ublížíte, nejste na to sami: zavolejte hned místní číslo tísňového volání nebo linku krizové pomoci.",
  },
  fa: {
    phrase: "شماره اورژانس محل خود",
    emergency: "این ممکن است یک وضعیت اورژانسی پزشکی باشد. همین حالا با شماره اورژانس محل خود تماس بگیرید، یا به نزدیک‌ترین اورژانس بروید.",
    afterNotice:
      "لطفاً توصیه‌های اورژانسی بالا را دنبال کنید: همین حالا با شماره اورژانس محل خود تماس بگیرید. MedChat در شرایط اورژانسی نمی‌تواند کمک کند و درباره این سؤال اطلاعات قابل اعتمادی ندارد.",
    crisisOne:
      "اگر به خودکشی یا آسیب زدن به خود فکر می‌کنید، تنها نیستید: همین حالا با شماره اورژانس محل خود یا یک خط مشاوره بحران تماس بگیرید.",
  },
  he: {
    // After "ל-" the texts join it to the phrase ("למספר החירום המקומי": fitLocalPhrase).
    phrase: "מספר החירום המקומי",
    emergency: "ייתכן שזה מצב חירום רפואי. יש להתקשר עכשיו למספר החירום המקומי, או לפנות לחדר המיון הקרוב.",
    afterNotice:
      "יש לפעול לפי הנחיות החירום שלמעלה: להתקשר עכשיו למספר החירום המקומי. MedChat אינו יכול לעזור במצב חירום, ואין לו מידע אמין על השאלה הזאת.",
    crisisOne: "אם עולות לך מחשבות על התאבדות או על פגיעה בעצמך, אינך לבד: יש להתקשר עכשיו למספר החירום המקומי או לקו סיוע נפשי.",
  },
  ur: {
    phrase: "اپنے علاقے کے ایمرجنسی نمبر",
    emergency: "یہ طبی ہنگامی صورتحال ہو سکتی ہے۔ ابھی اپنے علاقے کے ایمرجنسی نمبر پر کال کریں، یا قریبی ایمرجنسی میں جائیں۔",
    afterNotice:
      "براہِ کرم اوپر دی گئی ہنگامی ہدایات پر عمل کریں: ابھی اپنے علاقے کے ایمرجنسی نمبر پر کال کریں۔ MedChat ہنگامی صورتحال میں مدد نہیں کر سکتا، اور اس سوال کے بارے میں اس کے پاس قابلِ اعتماد معلومات نہیں ہیں۔",
    crisisOne:
      "اگر آپ خودکشی یا خود کو نقصان پہنچانے کے بارے میں سوچ رہے ہیں تو آپ اکیلے نہیں ہیں: ابھی اپنے علاقے کے ایمرجنسی نمبر یا کسی ذہنی صحت کی ہیلپ لائن پر کال کریں۔",
  },
  bn: {
    // Every Bengali text writes "<number> নম্বরে" ("on number …"): the phrase stands before that word.
    phrase: "আপনার এলাকার জরুরি",
    emergency: "এটি একটি জরুরি চিকিৎসা পরিস্থিতি হতে পারে। এখনই আপনার এলাকার জরুরি নম্বরে কল করুন, অথবা নিকটতম জরুরি বিভাগে যান।",
    afterNotice:
      "অনুগ্রহ করে ওপরের জরুরি পরামর্শ মেনে চলুন: এখনই আপনার এলাকার জরুরি নম্বরে কল করুন। MedChat জরুরি অবস্থায় সাহায্য করতে পারে না, এবং এই প্রশ্নে তার কাছে নির্ভরযোগ্য তথ্য নেই।",
    crisisOne:
      "আপনি যদি আত্মহত্যা বা নিজের ক্ষতি করার কথা ভাবেন, আপনি একা নন: এখনই আপনার এলাকার জরুরি নম্বরে বা কোনো মানসিক স্বাস্থ্য হেল্পলাইনে কল করুন।",
  },
  hu: {
    // The texts write "a ___ számot": the phrase stands before "számot" ("a helyi segélyhívó számot").
    phrase: "helyi segélyhívó",
    emergency: "Ez sürgős orvosi eset lehet. Hívja most a helyi segélyhívó számot, vagy menjen a legközelebbi sürgősségi osztályra.",
    afterNotice:
      "Kérjük, kövesse a fenti sürgősségi tanácsot: hívja most a helyi segélyhívó számot. A MedChat vészhelyzetben nem tud segíteni, és erről a kérdésről nincs megbízható információja.",
    crisisOne:
      "Ha öngyilkosságra vagy önsértésre gondol, nincs egyedül: hívja most a helyi segélyhívó számot vagy egy lelki elsősegély-vonalat.",
  },
  ...AFRICA_SOUTH_ASIA_LOCAL_NUMBER,
};

/** Whether the contacts name a number (false for a region whose number the product does not know). */
export function knowsNumber(c: Pick<EmergencyContacts, "emergencyNumber">): boolean {
  return c.emergencyNumber.trim() !== "";
}

/**
 * The contacts as a text names them: unchanged when the number is known; otherwise the
 * emergency number and the crisis line both read "your local emergency number" in `language`
 * (the crisis line is then that same number: the texts name it once, notice-texts.ts oneNumber).
 */
export function spokenContacts<C extends Pick<EmergencyContacts, "emergencyNumber">>(c: C, language: TriageLanguage | undefined): C {
  if (knowsNumber(c)) return c;
  const phrase = (LOCAL_NUMBER_WORDING[language ?? "en"] ?? LOCAL_NUMBER_WORDING.en).phrase;
  return { ...c, emergencyNumber: phrase, ...("crisisLine" in c ? { crisisLine: phrase, crisisLineName: "" } : {}) };
}

/** A preposition written apart from a number and joined to a word: Arabic "بـ 123" / "برقم", Hebrew "ל-101" / "למספר". */
const JOINED_BEFORE_A_WORD: Partial<Record<TriageLanguage, [RegExp, string]>> = {
  ar: [/بـ ?$/u, "ب"],
  he: [/ל-$/u, "ל"],
};

/** Languages written without spaces between words: a number stands apart in them ("请拨打 120。"), a phrase does not. */
const UNSPACED = new Set<TriageLanguage>(["zh", "ja"]);

/**
 * A sentence written around a number, fitted to the phrase that stands in for it: in Chinese and Japanese without the
 * spaces a number had ("拨打 当地急救电话 和人谈谈" → "拨打当地急救电话和人谈谈"), in Arabic and Hebrew with the preposition
 * joined to the word as it is to any noun ("اتصل بـ 123" but "اتصل برقم الطوارئ", never "بـ رقم"; "ל-101" but "למספר").
 */
export function fitLocalPhrase(text: string, language: TriageLanguage | undefined): string {
  const phrase = (LOCAL_NUMBER_WORDING[language ?? "en"] ?? LOCAL_NUMBER_WORDING.en).phrase;
  const parts = text.split(phrase);
  if (parts.length === 1) return text;
  if (language && UNSPACED.has(language))
    return parts
      .map((part, i) => (i > 0 ? part.replace(/^ +/, "") : part))
      .map((part, i, all) => (i < all.length - 1 ? part.replace(/ +$/, "") : part))
      .join(phrase);
  const joined = language ? JOINED_BEFORE_A_WORD[language] : undefined;
  if (joined) return parts.map((part, i, all) => (i < all.length - 1 ? part.replace(joined[0], joined[1]) : part)).join(phrase);
  return text;
}

/** A text of the contacts that, for a region whose number is unknown, says "your local emergency number" in `language` instead. */
export function sayingLocalNumber<C extends Pick<EmergencyContacts, "emergencyNumber">>(
  text: (c: C) => string,
  language: TriageLanguage,
): (c: C) => string {
  return (c) => (knowsNumber(c) ? text(c) : fitLocalPhrase(text(spokenContacts(c, language)), language));
}

/** Each language's texts passed through `wrap` (notice-texts.ts and answer-texts.ts make theirs number-less this way). */
export function forEachLanguage<T>(
  texts: Record<TriageLanguage, T>,
  wrap: (language: TriageLanguage, text: T) => T,
): Record<TriageLanguage, T> {
  return Object.fromEntries(
    (Object.keys(texts) as TriageLanguage[]).map((language) => [language, wrap(language, texts[language])]),
  ) as Record<TriageLanguage, T>;
}
