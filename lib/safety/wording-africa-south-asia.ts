// Every text the server writes around an answer, in the five languages added after blind round 17 (Amharic, Hausa,
// Punjabi in Gurmukhi, Tamil, Yoruba), kept together so that a speaker of one reviews all of its texts in one place:
// the emergency notice (notice-wording.ts), its number-less forms (local-number.ts), the footer and the fixed answers
// (answer-texts.ts) and the answer to a question in a language the knowledge base does not hold (lib/chat/english-only.ts).
// None of these languages has one country with one number, so a bare language tag gets the number-less texts; a region
// the product knows (ha-NG, yo-NG, pa-IN, ta-IN, ta-LK) gets its country's number (contacts.ts, emergency-numbers.ts).
import type { AnswerWording } from "./answer-wording";
import { crisisLineLabel, type EmergencyContacts } from "./contacts";
import type { LocalNumberWording } from "./local-number-wording";
import type { NoticeWording } from "./notice-wording";

export type AfricaSouthAsiaLanguage = "am" | "ha" | "pa" | "ta" | "yo";
type Numbers = Pick<EmergencyContacts, "emergencyNumber">;

export const AFRICA_SOUTH_ASIA_NOTICE: Record<AfricaSouthAsiaLanguage, NoticeWording> = {
  am: {
    labels: { heading: "አስቸኳይ ሊሆን ይችላል", call: "ይደውሉ", crisisLine: "የድጋፍ መስመር" },
    emergency: (c) =>
      `ይህ አስቸኳይ የሕክምና ሁኔታ ሊሆን ይችላል። አሁኑኑ ${c.emergencyNumber} ላይ (ወይም የአካባቢዎ የአደጋ ጊዜ ቁጥር ላይ) ይደውሉ፣ ወይም በአቅራቢያዎ ወዳለው ሆስፒታል ድንገተኛ ክፍል ይሂዱ።`,
    crisis: (c) => `ራስዎን ስለማጥፋት ወይም ራስዎን ስለመጉዳት እያሰቡ ከሆነ ብቻዎን አይደሉም፤ አሁኑኑ ${crisisLineLabel(c)} ላይ ይደውሉ።`,
    danger: (c) => `አፋጣኝ አደጋ ላይ ከሆኑ ${c.emergencyNumber} ላይ ይደውሉ።`,
    crisisOne: "ራስዎን ስለማጥፋት ወይም ራስዎን ስለመጉዳት እያሰቡ ከሆነ ብቻዎን አይደሉም፤ አሁኑኑ ወደዚሁ ቁጥር ይደውሉ።",
    advice: {
      cardiac: "እንደዚህ ያሉ ምልክቶች ያሉት የደረት ሕመም የልብ ድካም ሊሆን ይችላል።",
      stroke: "እነዚህ የስትሮክ ምልክቶች ሊሆኑ ይችላሉ (የተጣመመ ፊት፣ የደከመ ክንድ፣ የተሳሰረ ንግግር)፤ እያንዳንዱ ደቂቃ ወሳኝ ነው።",
      breathing: "ከባድ የመተንፈስ ችግር አፋጣኝ እርዳታ ይፈልጋል።",
      anaphylaxis: "ይህ ከባድ የአለርጂ ምላሽ (አናፊላክሲስ) ሊሆን ይችላል። የአድሬናሊን መርፌ ካለ ይጠቀሙበት።",
      overdose_poisoning: "ይህ ከመጠን በላይ የመድኃኒት መውሰድ ወይም መመረዝ ሊሆን ይችላል። ምልክቶችን አይጠብቁ፤ የመድኃኒቱን ፓኬት ለሕክምና ባለሙያዎች ያስቀምጡ።",
      severe_bleeding: "ቁስሉን በንጹሕ ጨርቅ አጥብቀው ይጫኑ፤ አይልቀቁ።",
      seizure: "ከ5 ደቂቃ በላይ የሚቆይ መንዘፍዘፍ፣ ወይም ከዚያ በኋላ ካልነቃ፣ አስቸኳይ ነው። በአፉ ውስጥ ምንም ነገር አያስገቡ።",
      unconscious: "በትክክል የማይተነፍስ ከሆነ፣ ከቻሉ የልብ መታሸት (CPR) ይጀምሩ፤ ስልኩን የሚያነሳው ሰው ይመራዎታል።",
    },
    crisisAnswer: {
      open: "ብቻዎን አይደሉም፤ አሁኑኑ እርዳታ ማግኘት ይችላሉ።",
      call: (c) =>
        `ከአንድ ሰው ጋር ለመነጋገር ${c.crisisLine} ላይ ይደውሉ፤ እነዚህን ሐሳቦች ተግባራዊ ሊያደርጉ እንደሚችሉ ከተሰማዎት ወይም አንድ ነገር አስቀድመው ወስደው ከሆነ ${c.emergencyNumber} ላይ ይደውሉ።`,
      callOne: (c) =>
        `ከአንድ ሰው ጋር ለመነጋገር አሁኑኑ ${c.emergencyNumber} ላይ ይደውሉ፤ በተለይ እነዚህን ሐሳቦች ተግባራዊ ሊያደርጉ እንደሚችሉ ከተሰማዎት ወይም አንድ ነገር አስቀድመው ወስደው ከሆነ።`,
      close:
        "ከቻሉ ከሚያምኑት ሰው ጋር ይቆዩ፤ መድኃኒቶችንና ሌሎች አደገኛ ነገሮችን ከአጠገብዎ ያርቁ። MedChat አውቶማቲክ ረዳት ነው፤ በችግር ጊዜ ሊረዳዎ አይችልም፤ የእርዳታ መስመር ሠራተኞች ግን ይችላሉ።",
    },
    afterNotice: (c) =>
      `እባክዎ ከላይ ያለውን የአስቸኳይ ጊዜ ምክር ይከተሉ፤ አሁኑኑ ${c.emergencyNumber} ላይ (ወይም የአካባቢዎ የአደጋ ጊዜ ቁጥር ላይ) ይደውሉ። MedChat በአስቸኳይ ሁኔታ ሊረዳ አይችልም፤ ስለዚህ ጥያቄም አስተማማኝ መረጃ የለውም።`,
    closing: "የመስመር ላይ መልስ አይጠብቁ።",
  },
  ha: {
    labels: { heading: "Yana iya zama gaggawa", call: "Kira", crisisLine: "Layin taimako" },
    emergency: (c) =>
      `Wannan na iya zama gaggawar lafiya. Kira ${c.emergencyNumber} yanzu (ko lambar gaggawa ta yankinku), ko ku je sashen gaggawa na asibiti mafi kusa.`,
    crisis: (c) => `Idan kuna tunanin kashe kanku ko cutar da kanku, ba ku kaɗai ba ne: kira ${crisisLineLabel(c)} yanzu.`,
    danger: (c) => `Idan akwai haɗari nan take, kira ${c.emergencyNumber}.`,
    crisisOne: "Idan kuna tunanin kashe kanku ko cutar da kanku, ba ku kaɗai ba ne: kira wannan lambar yanzu.",
    advice: {
      cardiac: "Ciwon ƙirji tare da irin waɗannan alamomi na iya zama bugun zuciya mai tsanani (heart attack).",
      stroke:
        "Waɗannan na iya zama alamun shanyewar ɓarin jiki (stroke): fuska ta karkace, hannu ya raunana, magana ta yi wuya. Kowane minti yana da muhimmanci.",
      breathing: "Matsanancin wahalar numfashi yana buƙatar taimako nan take.",
      anaphylaxis: "Wannan na iya zama mummunan martanin alerji (anaphylaxis). Idan akwai allurar adrenaline, a yi amfani da ita.",
      overdose_poisoning:
        "Wannan na iya zama shan magani fiye da kima ko guba. Kada ku jira alamomi; ku ajiye kwalin maganin don ma'aikatan lafiya.",
      severe_bleeding: "Ku danna raunin da ƙarfi da kyalle mai tsabta, kuma kada ku sake shi.",
      seizure: "Farfaɗiyar da ta wuce minti 5, ko idan bai farka ba bayan ta, gaggawa ce. Kada ku sa komai a bakinsa.",
      unconscious: "Idan ba ya numfashi yadda ya kamata, ku fara CPR idan kun iya; ma'aikacin da ya ɗauki wayar zai taimaka muku.",
    },
    crisisAnswer: {
      open: "Ba ku kaɗai ba ne, kuma akwai taimako yanzu.",
      call: (c) =>
        `Kira ${c.crisisLine} don yin magana da wani, ko kira ${c.emergencyNumber} idan kuna jin za ku iya aikata waɗannan tunanin ko kun riga kun sha wani abu.`,
      callOne: (c) =>
        `Kira ${c.emergencyNumber} yanzu don yin magana da wani, musamman idan kuna jin za ku iya aikata waɗannan tunanin ko kun riga kun sha wani abu.`,
      close:
        "Idan za ku iya, ku kasance tare da wanda kuka amince da shi, kuma ku ajiye magunguna da sauran abubuwa masu haɗari nesa. MedChat mataimaki ne na kwamfuta kuma ba zai iya taimakawa a lokacin matsala ba; ma'aikatan layukan taimako za su iya.",
    },
    afterNotice: (c) =>
      `Da fatan za ku bi shawarar gaggawa da ke sama: kira ${c.emergencyNumber} yanzu (ko lambar gaggawa ta yankinku). MedChat ba zai iya taimakawa a gaggawa ba, kuma ba shi da ingantaccen bayani game da wannan tambaya.`,
    closing: "Kada ku jira amsa ta intanet.",
  },
  pa: {
    labels: { heading: "ਐਮਰਜੈਂਸੀ ਹੋ ਸਕਦੀ ਹੈ", call: "ਕਾਲ ਕਰੋ", crisisLine: "ਹੈਲਪਲਾਈਨ" },
    emergency: (c) =>
      `ਇਹ ਮੈਡੀਕਲ ਐਮਰਜੈਂਸੀ ਹੋ ਸਕਦੀ ਹੈ। ਹੁਣੇ ${c.emergencyNumber} (ਜਾਂ ਆਪਣੇ ਇਲਾਕੇ ਦੇ ਐਮਰਜੈਂਸੀ ਨੰਬਰ) ਤੇ ਕਾਲ ਕਰੋ, ਜਾਂ ਸਭ ਤੋਂ ਨੇੜਲੇ ਹਸਪਤਾਲ ਦੇ ਐਮਰਜੈਂਸੀ ਵਿਭਾਗ ਵਿੱਚ ਜਾਓ।`,
    crisis: (c) => `ਜੇ ਤੁਸੀਂ ਖੁਦਕੁਸ਼ੀ ਜਾਂ ਆਪਣੇ ਆਪ ਨੂੰ ਨੁਕਸਾਨ ਪਹੁੰਚਾਉਣ ਬਾਰੇ ਸੋਚ ਰਹੇ ਹੋ, ਤਾਂ ਤੁਸੀਂ ਇਕੱਲੇ ਨਹੀਂ ਹੋ: ਹੁਣੇ ${crisisLineLabel(c)} ਤੇ ਕਾਲ ਕਰੋ।`,
    danger: (c) => `ਜੇ ਤੁਰੰਤ ਖ਼ਤਰਾ ਹੈ, ਤਾਂ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
    crisisOne: "ਜੇ ਤੁਸੀਂ ਖੁਦਕੁਸ਼ੀ ਜਾਂ ਆਪਣੇ ਆਪ ਨੂੰ ਨੁਕਸਾਨ ਪਹੁੰਚਾਉਣ ਬਾਰੇ ਸੋਚ ਰਹੇ ਹੋ, ਤਾਂ ਤੁਸੀਂ ਇਕੱਲੇ ਨਹੀਂ ਹੋ: ਹੁਣੇ ਇਸੇ ਨੰਬਰ ਤੇ ਕਾਲ ਕਰੋ।",
    advice: {
      cardiac: "ਅਜਿਹੇ ਲੱਛਣਾਂ ਵਾਲਾ ਛਾਤੀ ਦਾ ਦਰਦ ਦਿਲ ਦਾ ਦੌਰਾ ਹੋ ਸਕਦਾ ਹੈ।",
      stroke: "ਇਹ ਅਧਰੰਗ (ਸਟ੍ਰੋਕ) ਦੇ ਲੱਛਣ ਹੋ ਸਕਦੇ ਹਨ (ਮੂੰਹ ਟੇਢਾ, ਬਾਂਹ ਕਮਜ਼ੋਰ, ਬੋਲਣ ਵਿੱਚ ਮੁਸ਼ਕਲ): ਹਰ ਮਿੰਟ ਕੀਮਤੀ ਹੈ।",
      breathing: "ਸਾਹ ਲੈਣ ਵਿੱਚ ਗੰਭੀਰ ਤਕਲੀਫ਼ ਲਈ ਤੁਰੰਤ ਮਦਦ ਚਾਹੀਦੀ ਹੈ।",
      anaphylaxis: "ਇਹ ਗੰਭੀਰ ਐਲਰਜੀ ਪ੍ਰਤੀਕਿਰਿਆ (ਐਨਾਫਾਈਲੈਕਸਿਸ) ਹੋ ਸਕਦੀ ਹੈ। ਜੇ ਐਡਰੇਨਾਲੀਨ ਦਾ ਟੀਕਾ (ਪੈੱਨ) ਹੈ, ਤਾਂ ਲਗਾਓ।",
      overdose_poisoning: "ਇਹ ਦਵਾਈ ਦੀ ਓਵਰਡੋਜ਼ ਜਾਂ ਜ਼ਹਿਰ ਹੋ ਸਕਦਾ ਹੈ। ਲੱਛਣਾਂ ਦੀ ਉਡੀਕ ਨਾ ਕਰੋ; ਦਵਾਈ ਦਾ ਪੱਤਾ ਜਾਂ ਡੱਬਾ ਡਾਕਟਰਾਂ ਲਈ ਸੰਭਾਲ ਕੇ ਰੱਖੋ।",
      severe_bleeding: "ਜ਼ਖ਼ਮ ਨੂੰ ਸਾਫ਼ ਕੱਪੜੇ ਨਾਲ ਜ਼ੋਰ ਨਾਲ ਦਬਾ ਕੇ ਰੱਖੋ ਅਤੇ ਛੱਡੋ ਨਾ।",
      seizure: "5 ਮਿੰਟ ਤੋਂ ਲੰਬਾ ਦੌਰਾ, ਜਾਂ ਦੌਰੇ ਤੋਂ ਬਾਅਦ ਹੋਸ਼ ਨਾ ਆਵੇ, ਤਾਂ ਇਹ ਐਮਰਜੈਂਸੀ ਹੈ। ਮੂੰਹ ਵਿੱਚ ਕੁਝ ਨਾ ਪਾਓ।",
      unconscious: "ਜੇ ਉਹ ਠੀਕ ਤਰ੍ਹਾਂ ਸਾਹ ਨਹੀਂ ਲੈ ਰਹੇ, ਤਾਂ ਜੇ ਤੁਸੀਂ ਕਰ ਸਕਦੇ ਹੋ ਤਾਂ CPR ਸ਼ੁਰੂ ਕਰੋ; ਫ਼ੋਨ ਚੁੱਕਣ ਵਾਲਾ ਤੁਹਾਨੂੰ ਦੱਸੇਗਾ।",
    },
    crisisAnswer: {
      open: "ਤੁਸੀਂ ਇਕੱਲੇ ਨਹੀਂ ਹੋ, ਅਤੇ ਹੁਣੇ ਮਦਦ ਮਿਲ ਸਕਦੀ ਹੈ।",
      call: (c) =>
        `ਕਿਸੇ ਨਾਲ ਗੱਲ ਕਰਨ ਲਈ ${c.crisisLine} ਤੇ ਕਾਲ ਕਰੋ, ਜਾਂ ਜੇ ਤੁਹਾਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਤੁਸੀਂ ਇਹਨਾਂ ਖ਼ਿਆਲਾਂ ਤੇ ਅਮਲ ਕਰ ਸਕਦੇ ਹੋ ਜਾਂ ਪਹਿਲਾਂ ਹੀ ਕੁਝ ਲੈ ਲਿਆ ਹੈ, ਤਾਂ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
      callOne: (c) =>
        `ਕਿਸੇ ਨਾਲ ਗੱਲ ਕਰਨ ਲਈ ਹੁਣੇ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ, ਖ਼ਾਸ ਕਰਕੇ ਜੇ ਤੁਹਾਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਤੁਸੀਂ ਇਹਨਾਂ ਖ਼ਿਆਲਾਂ ਤੇ ਅਮਲ ਕਰ ਸਕਦੇ ਹੋ ਜਾਂ ਪਹਿਲਾਂ ਹੀ ਕੁਝ ਲੈ ਲਿਆ ਹੈ।`,
      close:
        "ਜੇ ਹੋ ਸਕੇ, ਕਿਸੇ ਭਰੋਸੇਮੰਦ ਵਿਅਕਤੀ ਦੇ ਨਾਲ ਰਹੋ, ਅਤੇ ਦਵਾਈਆਂ ਅਤੇ ਹੋਰ ਖ਼ਤਰਨਾਕ ਚੀਜ਼ਾਂ ਦੂਰ ਰੱਖ ਦਿਓ। MedChat ਇੱਕ ਆਟੋਮੈਟਿਕ ਸਹਾਇਕ ਹੈ ਅਤੇ ਸੰਕਟ ਵਿੱਚ ਮਦਦ ਨਹੀਂ ਕਰ ਸਕਦਾ; ਹੈਲਪਲਾਈਨ ਦੇ ਲੋਕ ਕਰ ਸਕਦੇ ਹਨ।",
    },
    afterNotice: (c) =>
      `ਕਿਰਪਾ ਕਰਕੇ ਉੱਪਰ ਦਿੱਤੀ ਐਮਰਜੈਂਸੀ ਸਲਾਹ ਮੰਨੋ: ਹੁਣੇ ${c.emergencyNumber} (ਜਾਂ ਆਪਣੇ ਇਲਾਕੇ ਦੇ ਐਮਰਜੈਂਸੀ ਨੰਬਰ) ਤੇ ਕਾਲ ਕਰੋ। MedChat ਐਮਰਜੈਂਸੀ ਵਿੱਚ ਮਦਦ ਨਹੀਂ ਕਰ ਸਕਦਾ, ਅਤੇ ਇਸ ਸਵਾਲ ਬਾਰੇ ਉਸ ਕੋਲ ਭਰੋਸੇਯੋਗ ਜਾਣਕਾਰੀ ਨਹੀਂ ਹੈ।`,
    closing: "ਔਨਲਾਈਨ ਜਵਾਬ ਦੀ ਉਡੀਕ ਨਾ ਕਰੋ।",
  },
  ta: {
    labels: { heading: "அவசரமாக இருக்கலாம்", call: "அழைக்கவும்", crisisLine: "உதவி எண்" },
    emergency: (c) =>
      `இது அவசர மருத்துவ நிலையாக இருக்கலாம். இப்போதே ${c.emergencyNumber} எண்ணை (அல்லது உங்கள் பகுதியின் அவசர உதவி எண்ணை) அழைக்கவும், அல்லது அருகிலுள்ள மருத்துவமனையின் அவசர சிகிச்சைப் பிரிவுக்குச் செல்லவும்.`,
    crisis: (c) =>
      `நீங்கள் தற்கொலை செய்துகொள்வது அல்லது உங்களைக் காயப்படுத்திக்கொள்வது பற்றி யோசித்தால், நீங்கள் தனியாக இல்லை: இப்போதே ${crisisLineLabel(c)} எண்ணை அழைக்கவும்.`,
    danger: (c) => `உடனடி ஆபத்து இருந்தால், ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
    crisisOne: "நீங்கள் தற்கொலை செய்துகொள்வது அல்லது உங்களைக் காயப்படுத்திக்கொள்வது பற்றி யோசித்தால், நீங்கள் தனியாக இல்லை: இப்போதே இதே எண்ணை அழைக்கவும்.",
    advice: {
      cardiac: "இத்தகைய அறிகுறிகளுடன் கூடிய நெஞ்சு வலி மாரடைப்பாக இருக்கலாம்.",
      stroke: "இவை பக்கவாதத்தின் (ஸ்ட்ரோக்) அறிகுறிகளாக இருக்கலாம் (முகம் கோணுதல், கை பலவீனம், பேச்சுக் குழறல்): ஒவ்வொரு நிமிடமும் முக்கியம்.",
      breathing: "கடுமையான மூச்சுத் திணறலுக்கு உடனடி உதவி தேவை.",
      anaphylaxis: "இது கடுமையான ஒவ்வாமை எதிர்வினையாக (அனாஃபிலாக்ஸிஸ்) இருக்கலாம். அட்ரினலின் ஊசி (பேனா) இருந்தால், அதைப் பயன்படுத்தவும்.",
      overdose_poisoning:
        "இது அளவுக்கு மீறிய மருந்து உட்கொள்ளல் அல்லது விஷமாக இருக்கலாம். அறிகுறிகளுக்காகக் காத்திருக்க வேண்டாம்; மருந்து அட்டையை மருத்துவக் குழுவுக்காக வைத்திருங்கள்.",
      severe_bleeding: "சுத்தமான துணியால் காயத்தை அழுத்திப் பிடியுங்கள், விடாதீர்கள்.",
      seizure: "5 நிமிடத்துக்கு மேல் நீடிக்கும் வலிப்பு, அல்லது வலிப்புக்குப் பிறகு நினைவு திரும்பாவிட்டால், அது அவசரம். வாயில் எதையும் வைக்காதீர்கள்.",
      unconscious: "அவர் சரியாக மூச்சு விடவில்லை என்றால், உங்களால் முடிந்தால் CPR தொடங்குங்கள்; தொலைபேசியில் பேசுபவர் உங்களுக்கு வழிகாட்டுவார்.",
    },
    crisisAnswer: {
      open: "நீங்கள் தனியாக இல்லை, இப்போதே உதவி கிடைக்கும்.",
      call: (c) =>
        `யாரிடமாவது பேச ${c.crisisLine} எண்ணை அழைக்கவும்; இந்த எண்ணங்களின்படி நீங்கள் செயல்படக்கூடும் என்று தோன்றினால் அல்லது ஏற்கெனவே எதையாவது உட்கொண்டிருந்தால், ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
      callOne: (c) =>
        `யாரிடமாவது பேச இப்போதே ${c.emergencyNumber} எண்ணை அழைக்கவும், குறிப்பாக இந்த எண்ணங்களின்படி நீங்கள் செயல்படக்கூடும் என்று தோன்றினால் அல்லது ஏற்கெனவே எதையாவது உட்கொண்டிருந்தால்.`,
      close:
        "முடிந்தால், நீங்கள் நம்பும் ஒருவருடன் இருங்கள்; மருந்துகளையும் ஆபத்தான பொருட்களையும் தள்ளி வையுங்கள். MedChat ஒரு தானியங்கி உதவியாளர், நெருக்கடியில் உதவ முடியாது; உதவி எண்களில் உள்ளவர்களால் முடியும்.",
    },
    afterNotice: (c) =>
      `மேலே உள்ள அவசர ஆலோசனையைப் பின்பற்றவும்: இப்போதே ${c.emergencyNumber} எண்ணை (அல்லது உங்கள் பகுதியின் அவசர உதவி எண்ணை) அழைக்கவும். MedChat அவசர நிலையில் உதவ முடியாது, இந்தக் கேள்வி பற்றி நம்பகமான தகவலும் அதனிடம் இல்லை.`,
    closing: "ஆன்லைன் பதிலுக்காகக் காத்திருக்க வேண்டாம்.",
  },
  yo: {
    labels: { heading: "Ó lè jẹ́ pàjáwìrì", call: "Pe", crisisLine: "Ìlà ìrànlọ́wọ́" },
    emergency: (c) =>
      `Èyí lè jẹ́ pàjáwìrì ìlera. Ẹ pe ${c.emergencyNumber} báyìí (tàbí nọ́mbà pàjáwìrì agbègbè yín), tàbí kí ẹ lọ sí ẹ̀ka pàjáwìrì ilé ìwòsàn tó súnmọ́ yín jùlọ.`,
    crisis: (c) => `Tí ẹ bá ń ronú nípa pípa ara yín tàbí ṣíṣe ara yín léṣe, ẹ kò dá wà: ẹ pe ${crisisLineLabel(c)} báyìí.`,
    danger: (c) => `Tí ewu bá wà lẹ́sẹ̀kẹsẹ̀, ẹ pe ${c.emergencyNumber}.`,
    crisisOne: "Tí ẹ bá ń ronú nípa pípa ara yín tàbí ṣíṣe ara yín léṣe, ẹ kò dá wà: ẹ pe nọ́mbà kan náà yìí báyìí.",
    advice: {
      cardiac: "Ìrora àyà pẹ̀lú irú àwọn àmì wọ̀nyí lè jẹ́ àrùn ọkàn (heart attack).",
      stroke: "Ìwọ̀nyí lè jẹ́ àmì àrùn rọpárọsẹ̀ (stroke): ojú tó wọ́, apá tó rẹ̀wẹ̀sì, ọ̀rọ̀ tí kò ṣe kedere. Gbogbo ìṣẹ́jú ló ṣe pàtàkì.",
      breathing: "Ìṣòro mímí tó le gan-an nílò ìrànlọ́wọ́ lẹ́sẹ̀kẹsẹ̀.",
      anaphylaxis: "Èyí lè jẹ́ aléjì tó le gan-an (anaphylaxis). Tí abẹ́rẹ́ adrenaline bá wà, ẹ lò ó.",
      overdose_poisoning: "Èyí lè jẹ́ àjẹjù oògùn tàbí májèlé. Ẹ má dúró de àwọn àmì; ẹ tọ́jú páálí oògùn náà fún àwọn òṣìṣẹ́ ìlera.",
      severe_bleeding: "Ẹ fi aṣọ tó mọ́ tẹ ọgbẹ́ náà mọ́lẹ̀ dáadáa, ẹ má sì fi sílẹ̀.",
      seizure: "Gìrì tó ju ìṣẹ́jú márùn-ún lọ, tàbí tí kò bá jí lẹ́yìn rẹ̀, jẹ́ pàjáwìrì. Ẹ má fi nǹkan kan sí ẹnu rẹ̀.",
      unconscious: "Tí kò bá mí dáadáa, ẹ bẹ̀rẹ̀ CPR tí ẹ bá mọ̀ ọ́n ṣe; ẹni tó gbé fóònù yóò ràn yín lọ́wọ́.",
    },
    crisisAnswer: {
      open: "Ẹ kò dá wà, ìrànlọ́wọ́ sì wà báyìí.",
      call: (c) =>
        `Ẹ pe ${c.crisisLine} láti bá ẹnìkan sọ̀rọ̀, tàbí ẹ pe ${c.emergencyNumber} tí ẹ bá rò pé ẹ lè ṣe ohun tí ẹ ń rò yìí, tàbí tí ẹ bá ti lo nǹkan kan tẹ́lẹ̀.`,
      callOne: (c) =>
        `Ẹ pe ${c.emergencyNumber} báyìí láti bá ẹnìkan sọ̀rọ̀, pàápàá tí ẹ bá rò pé ẹ lè ṣe ohun tí ẹ ń rò yìí, tàbí tí ẹ bá ti lo nǹkan kan tẹ́lẹ̀.`,
      close:
        "Tí ẹ bá lè ṣe é, ẹ dúró pẹ̀lú ẹnìkan tí ẹ gbẹ́kẹ̀lé, kí ẹ sì gbé àwọn oògùn àti àwọn nǹkan eléwu mìíràn kúrò nítòsí. MedChat jẹ́ olùrànlọ́wọ́ aládàáṣiṣẹ́, kò lè ṣèrànwọ́ nínú ìdààmú; àwọn òṣìṣẹ́ ìlà ìrànlọ́wọ́ lè ṣe é.",
    },
    afterNotice: (c) =>
      `Ẹ jọ̀wọ́ ẹ tẹ̀lé ìmọ̀ràn pàjáwìrì tó wà lókè: ẹ pe ${c.emergencyNumber} báyìí (tàbí nọ́mbà pàjáwìrì agbègbè yín). MedChat kò lè ṣèrànwọ́ nínú pàjáwìrì, kò sì ní ìsọfúnni tó ṣeé gbẹ́kẹ̀lé lórí ìbéèrè yìí.`,
    closing: "Ẹ má dúró de ìdáhùn orí ayélujára.",
  },
};

export const AFRICA_SOUTH_ASIA_LOCAL_NUMBER: Record<AfricaSouthAsiaLanguage, LocalNumberWording> = {
  am: {
    // The texts write "___ ላይ ይደውሉ": the phrase stands before "ላይ".
    phrase: "የአካባቢዎ የአደጋ ጊዜ ቁጥር",
    emergency: "ይህ አስቸኳይ የሕክምና ሁኔታ ሊሆን ይችላል። አሁኑኑ የአካባቢዎ የአደጋ ጊዜ ቁጥር ላይ ይደውሉ፣ ወይም በአቅራቢያዎ ወዳለው ሆስፒታል ድንገተኛ ክፍል ይሂዱ።",
    afterNotice:
      "እባክዎ ከላይ ያለውን የአስቸኳይ ጊዜ ምክር ይከተሉ፤ አሁኑኑ የአካባቢዎ የአደጋ ጊዜ ቁጥር ላይ ይደውሉ። MedChat በአስቸኳይ ሁኔታ ሊረዳ አይችልም፤ ስለዚህ ጥያቄም አስተማማኝ መረጃ የለውም።",
    crisisOne: "ራስዎን ስለማጥፋት ወይም ራስዎን ስለመጉዳት እያሰቡ ከሆነ ብቻዎን አይደሉም፤ አሁኑኑ የአካባቢዎ የአደጋ ጊዜ ቁጥር ላይ ወይም የሥነ ልቦና ድጋፍ መስመር ላይ ይደውሉ።",
  },
  ha: {
    phrase: "lambar gaggawa ta yankinku",
    emergency: "Wannan na iya zama gaggawar lafiya. Kira lambar gaggawa ta yankinku yanzu, ko ku je sashen gaggawa na asibiti mafi kusa.",
    afterNotice:
      "Da fatan za ku bi shawarar gaggawa da ke sama: kira lambar gaggawa ta yankinku yanzu. MedChat ba zai iya taimakawa a gaggawa ba, kuma ba shi da ingantaccen bayani game da wannan tambaya.",
    crisisOne:
      "Idan kuna tunanin kashe kanku ko cutar da kanku, ba ku kaɗai ba ne: kira lambar gaggawa ta yankinku ko layin taimako na lafiyar ƙwaƙwalwa yanzu.",
  },
  pa: {
    // The texts write "___ ਤੇ ਕਾਲ ਕਰੋ": the phrase stands before "ਤੇ".
    phrase: "ਆਪਣੇ ਇਲਾਕੇ ਦੇ ਐਮਰਜੈਂਸੀ ਨੰਬਰ",
    emergency: "ਇਹ ਮੈਡੀਕਲ ਐਮਰਜੈਂਸੀ ਹੋ ਸਕਦੀ ਹੈ। ਹੁਣੇ ਆਪਣੇ ਇਲਾਕੇ ਦੇ ਐਮਰਜੈਂਸੀ ਨੰਬਰ ਤੇ ਕਾਲ ਕਰੋ, ਜਾਂ ਸਭ ਤੋਂ ਨੇੜਲੇ ਹਸਪਤਾਲ ਦੇ ਐਮਰਜੈਂਸੀ ਵਿਭਾਗ ਵਿੱਚ ਜਾਓ।",
    afterNotice:
      "ਕਿਰਪਾ ਕਰਕੇ ਉੱਪਰ ਦਿੱਤੀ ਐਮਰਜੈਂਸੀ ਸਲਾਹ ਮੰਨੋ: ਹੁਣੇ ਆਪਣੇ ਇਲਾਕੇ ਦੇ ਐਮਰਜੈਂਸੀ ਨੰਬਰ ਤੇ ਕਾਲ ਕਰੋ। MedChat ਐਮਰਜੈਂਸੀ ਵਿੱਚ ਮਦਦ ਨਹੀਂ ਕਰ ਸਕਦਾ, ਅਤੇ ਇਸ ਸਵਾਲ ਬਾਰੇ ਉਸ ਕੋਲ ਭਰੋਸੇਯੋਗ ਜਾਣਕਾਰੀ ਨਹੀਂ ਹੈ।",
    crisisOne:
      "ਜੇ ਤੁਸੀਂ ਖੁਦਕੁਸ਼ੀ ਜਾਂ ਆਪਣੇ ਆਪ ਨੂੰ ਨੁਕਸਾਨ ਪਹੁੰਚਾਉਣ ਬਾਰੇ ਸੋਚ ਰਹੇ ਹੋ, ਤਾਂ ਤੁਸੀਂ ਇਕੱਲੇ ਨਹੀਂ ਹੋ: ਹੁਣੇ ਆਪਣੇ ਇਲਾਕੇ ਦੇ ਐਮਰਜੈਂਸੀ ਨੰਬਰ ਜਾਂ ਕਿਸੇ ਮਾਨਸਿਕ ਸਿਹਤ ਹੈਲਪਲਾਈਨ ਤੇ ਕਾਲ ਕਰੋ।",
  },
  ta: {
    // The texts write "___ எண்ணை அழைக்கவும்": the phrase stands before "எண்ணை".
    phrase: "உங்கள் பகுதியின் அவசர உதவி",
    emergency:
      "இது அவசர மருத்துவ நிலையாக இருக்கலாம். இப்போதே உங்கள் பகுதியின் அவசர உதவி எண்ணை அழைக்கவும், அல்லது அருகிலுள்ள மருத்துவமனையின் அவசர சிகிச்சைப் பிரிவுக்குச் செல்லவும்.",
    afterNotice:
      "மேலே உள்ள அவசர ஆலோசனையைப் பின்பற்றவும்: இப்போதே உங்கள் பகுதியின் அவசர உதவி எண்ணை அழைக்கவும். MedChat அவசர நிலையில் உதவ முடியாது, இந்தக் கேள்வி பற்றி நம்பகமான தகவலும் அதனிடம் இல்லை.",
    crisisOne:
      "நீங்கள் தற்கொலை செய்துகொள்வது அல்லது உங்களைக் காயப்படுத்திக்கொள்வது பற்றி யோசித்தால், நீங்கள் தனியாக இல்லை: இப்போதே உங்கள் பகுதியின் அவசர உதவி எண்ணை அல்லது மனநல உதவி எண்ணை அழைக்கவும்.",
  },
  yo: {
    phrase: "nọ́mbà pàjáwìrì agbègbè yín",
    emergency:
      "Èyí lè jẹ́ pàjáwìrì ìlera. Ẹ pe nọ́mbà pàjáwìrì agbègbè yín báyìí, tàbí kí ẹ lọ sí ẹ̀ka pàjáwìrì ilé ìwòsàn tó súnmọ́ yín jùlọ.",
    afterNotice:
      "Ẹ jọ̀wọ́ ẹ tẹ̀lé ìmọ̀ràn pàjáwìrì tó wà lókè: ẹ pe nọ́mbà pàjáwìrì agbègbè yín báyìí. MedChat kò lè ṣèrànwọ́ nínú pàjáwìrì, kò sì ní ìsọfúnni tó ṣeé gbẹ́kẹ̀lé lórí ìbéèrè yìí.",
    crisisOne:
      "Tí ẹ bá ń ronú nípa pípa ara yín tàbí ṣíṣe ara yín léṣe, ẹ kò dá wà: ẹ pe nọ́mbà pàjáwìrì agbègbè yín tàbí ìlà ìrànlọ́wọ́ ìlera ọpọlọ báyìí.",
  },
};

export const AFRICA_SOUTH_ASIA_ANSWERS: Record<AfricaSouthAsiaLanguage, AnswerWording> = {
  am: {
    disclaimer: (c) =>
      `MedChat አጠቃላይ መረጃ ይሰጣል እንጂ የሕክምና ምክር፣ ምርመራ ወይም ሕክምና አይደለም። ስለ ራስዎ ሁኔታ ሁልጊዜ ሐኪም ወይም ሌላ የጤና ባለሙያ ይጠይቁ። በአስቸኳይ ሁኔታ ${c.emergencyNumber} ላይ ይደውሉ።`,
    noPassage: (c) =>
      `ይህንን በMedChat የእውቀት ማከማቻ ውስጥ አላገኘሁትም፤ ስለዚህ አስተማማኝ መልስ መስጠት አልችልም። ሐኪም፣ ነርስ ወይም ፋርማሲስት ይጠይቁ። አስቸኳይ ከሆነ ${c.emergencyNumber} ላይ ይደውሉ።`,
    errors: {
      unavailable: (c) =>
        `የመልስ አገልግሎቱ አሁን አይገኝም፤ ስለዚህ MedChat መመለስ አልቻለም። ትንሽ ቆይተው እንደገና ይሞክሩ። አሁን እርዳታ ከፈለጉ ሐኪም ያነጋግሩ፣ ወይም በአስቸኳይ ሁኔታ ${c.emergencyNumber} ላይ ይደውሉ።`,
      timeout: (c) => `የመልስ አገልግሎቱ ለመመለስ በጣም ዘገየ። ትንሽ ቆይተው እንደገና ይሞክሩ። በአስቸኳይ ሁኔታ ${c.emergencyNumber} ላይ ይደውሉ።`,
      interrupted: "መልሱ ከማለቁ በፊት ተቋርጧል፤ ስለዚህ የሚያዩት ያልተሟላ ሊሆን ይችላል። እንደገና መሞከር ይችላሉ።",
      unexpected: "መልሱን በማዘጋጀት ላይ ስህተት ተፈጠረ። እንደገና ይሞክሩ።",
      failed: (c) => `የመልስ አገልግሎቱ ይህንን ጥያቄ ማስኬድ አልቻለም። ቆይተው እንደገና ይሞክሩ። በአስቸኳይ ሁኔታ ${c.emergencyNumber} ላይ ይደውሉ።`,
    },
  },
  ha: {
    disclaimer: (c) =>
      `MedChat yana ba da bayanai na gaba ɗaya, ba shawarar likita, ganewar cuta ko magani ba. Koyaushe ku tambayi likita ko wani ma'aikacin lafiya game da yanayinku. A lokacin gaggawa, kira ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Ban sami wannan a cikin ma'ajiyar ilimin MedChat ba, don haka ba zan iya ba da amsa mai inganci ba. Ku tambayi likita, nas ko ma'aikacin kantin magani. Idan gaggawa ce, kira ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Sabis ɗin amsa ba ya aiki yanzu, don haka MedChat bai iya amsawa ba. Ku sake gwadawa nan ba da daɗewa ba. Idan kuna buƙatar taimako yanzu, ku tuntuɓi likita, ko kira ${c.emergencyNumber} a lokacin gaggawa.`,
      timeout: (c) =>
        `Sabis ɗin amsa ya ɗauki lokaci mai tsawo. Ku sake gwadawa nan ba da daɗewa ba. A lokacin gaggawa, kira ${c.emergencyNumber}.`,
      interrupted: "Amsar ta katse kafin ta ƙare, don haka abin da kuke gani bazai cika ba. Kuna iya sake gwadawa.",
      unexpected: "An sami kuskure yayin amsawa. Ku sake gwadawa.",
      failed: (c) =>
        `Sabis ɗin amsa bai iya sarrafa wannan tambaya ba. Ku sake gwadawa daga baya. A lokacin gaggawa, kira ${c.emergencyNumber}.`,
    },
  },
  pa: {
    disclaimer: (c) =>
      `MedChat ਆਮ ਜਾਣਕਾਰੀ ਦਿੰਦਾ ਹੈ, ਡਾਕਟਰੀ ਸਲਾਹ, ਤਸ਼ਖ਼ੀਸ ਜਾਂ ਇਲਾਜ ਨਹੀਂ। ਆਪਣੀ ਹਾਲਤ ਬਾਰੇ ਹਮੇਸ਼ਾ ਡਾਕਟਰ ਜਾਂ ਕਿਸੇ ਹੋਰ ਸਿਹਤ ਮਾਹਰ ਨੂੰ ਪੁੱਛੋ। ਐਮਰਜੈਂਸੀ ਵਿੱਚ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
    noPassage: (c) =>
      `ਮੈਨੂੰ ਇਹ MedChat ਦੇ ਗਿਆਨ ਭੰਡਾਰ ਵਿੱਚ ਨਹੀਂ ਮਿਲਿਆ, ਇਸ ਲਈ ਮੈਂ ਭਰੋਸੇਯੋਗ ਜਵਾਬ ਨਹੀਂ ਦੇ ਸਕਦਾ। ਡਾਕਟਰ, ਨਰਸ ਜਾਂ ਫਾਰਮਾਸਿਸਟ ਨੂੰ ਪੁੱਛੋ। ਜੇ ਜ਼ਰੂਰੀ ਹੈ, ਤਾਂ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
    errors: {
      unavailable: (c) =>
        `ਜਵਾਬ ਦੇਣ ਵਾਲੀ ਸੇਵਾ ਇਸ ਵੇਲੇ ਉਪਲਬਧ ਨਹੀਂ, ਇਸ ਲਈ MedChat ਜਵਾਬ ਨਹੀਂ ਦੇ ਸਕਿਆ। ਥੋੜ੍ਹੀ ਦੇਰ ਬਾਅਦ ਫਿਰ ਕੋਸ਼ਿਸ਼ ਕਰੋ। ਜੇ ਤੁਹਾਨੂੰ ਹੁਣੇ ਮਦਦ ਚਾਹੀਦੀ ਹੈ, ਤਾਂ ਡਾਕਟਰ ਨਾਲ ਗੱਲ ਕਰੋ, ਜਾਂ ਐਮਰਜੈਂਸੀ ਵਿੱਚ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
      timeout: (c) => `ਜਵਾਬ ਦੇਣ ਵਾਲੀ ਸੇਵਾ ਨੇ ਬਹੁਤ ਦੇਰ ਲਾਈ। ਥੋੜ੍ਹੀ ਦੇਰ ਬਾਅਦ ਫਿਰ ਕੋਸ਼ਿਸ਼ ਕਰੋ। ਐਮਰਜੈਂਸੀ ਵਿੱਚ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
      interrupted: "ਜਵਾਬ ਪੂਰਾ ਹੋਣ ਤੋਂ ਪਹਿਲਾਂ ਹੀ ਰੁਕ ਗਿਆ, ਇਸ ਲਈ ਜੋ ਤੁਸੀਂ ਵੇਖ ਰਹੇ ਹੋ ਉਹ ਅਧੂਰਾ ਹੋ ਸਕਦਾ ਹੈ। ਤੁਸੀਂ ਫਿਰ ਕੋਸ਼ਿਸ਼ ਕਰ ਸਕਦੇ ਹੋ।",
      unexpected: "ਜਵਾਬ ਦਿੰਦਿਆਂ ਕੋਈ ਗੜਬੜ ਹੋ ਗਈ। ਫਿਰ ਕੋਸ਼ਿਸ਼ ਕਰੋ।",
      failed: (c) => `ਜਵਾਬ ਦੇਣ ਵਾਲੀ ਸੇਵਾ ਇਸ ਸਵਾਲ ਤੇ ਕਾਰਵਾਈ ਨਹੀਂ ਕਰ ਸਕੀ। ਬਾਅਦ ਵਿੱਚ ਫਿਰ ਕੋਸ਼ਿਸ਼ ਕਰੋ। ਐਮਰਜੈਂਸੀ ਵਿੱਚ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
    },
  },
  ta: {
    disclaimer: (c) =>
      `MedChat பொதுவான தகவல்களை மட்டுமே தருகிறது; இது மருத்துவ ஆலோசனை, நோயறிதல் அல்லது சிகிச்சை அல்ல. உங்கள் நிலை பற்றி எப்போதும் மருத்துவரிடம் அல்லது வேறு சுகாதார நிபுணரிடம் கேளுங்கள். அவசர நிலையில் ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
    noPassage: (c) =>
      `இதை MedChat அறிவுக் களஞ்சியத்தில் என்னால் கண்டுபிடிக்க முடியவில்லை, எனவே நம்பகமான பதில் தர முடியாது. மருத்துவர், செவிலியர் அல்லது மருந்தாளரிடம் கேளுங்கள். அவசரம் என்றால், ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
    errors: {
      unavailable: (c) =>
        `பதில் சேவை இப்போது கிடைக்கவில்லை, அதனால் MedChat பதில் தர முடியவில்லை. சிறிது நேரம் கழித்து மீண்டும் முயற்சிக்கவும். இப்போதே உதவி தேவைப்பட்டால், மருத்துவரை அணுகவும், அல்லது அவசர நிலையில் ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
      timeout: (c) =>
        `பதில் சேவை பதில் தர அதிக நேரம் எடுத்தது. சிறிது நேரம் கழித்து மீண்டும் முயற்சிக்கவும். அவசர நிலையில் ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
      interrupted: "பதில் முடிவதற்குள் நின்றுவிட்டது, அதனால் நீங்கள் பார்ப்பது முழுமையற்றதாக இருக்கலாம். மீண்டும் முயற்சிக்கலாம்.",
      unexpected: "பதில் தரும்போது ஒரு பிழை ஏற்பட்டது. மீண்டும் முயற்சிக்கவும்.",
      failed: (c) =>
        `பதில் சேவையால் இந்தக் கேள்வியைச் செயலாக்க முடியவில்லை. பிறகு மீண்டும் முயற்சிக்கவும். அவசர நிலையில் ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
    },
  },
  yo: {
    disclaimer: (c) =>
      `MedChat ń fún yín ní ìsọfúnni gbogbogbò, kì í ṣe ìmọ̀ràn dókítà, àyẹ̀wò àìsàn tàbí ìtọ́jú. Ẹ máa béèrè lọ́wọ́ dókítà tàbí òṣìṣẹ́ ìlera mìíràn nípa ipò yín. Nínú pàjáwìrì, ẹ pe ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Mi ò rí èyí nínú àkójọ ìmọ̀ MedChat, nítorí náà mi ò lè fún yín ní ìdáhùn tó ṣeé gbẹ́kẹ̀lé. Ẹ béèrè lọ́wọ́ dókítà, nọ́ọ̀sì tàbí apòògùn. Tí ó bá jẹ́ pàjáwìrì, ẹ pe ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Iṣẹ́ ìdáhùn kò sí lárọ̀ọ́wọ́tó báyìí, nítorí náà MedChat kò lè dáhùn. Ẹ tún gbìyànjú láìpẹ́. Tí ẹ bá nílò ìrànlọ́wọ́ báyìí, ẹ kàn sí dókítà, tàbí ẹ pe ${c.emergencyNumber} nínú pàjáwìrì.`,
      timeout: (c) => `Iṣẹ́ ìdáhùn pẹ́ jù láti dáhùn. Ẹ tún gbìyànjú láìpẹ́. Nínú pàjáwìrì, ẹ pe ${c.emergencyNumber}.`,
      interrupted: "Ìdáhùn náà dá dúró kí ó tó parí, nítorí náà ohun tí ẹ rí lè má pé. Ẹ lè tún gbìyànjú.",
      unexpected: "Àṣìṣe kan ṣẹlẹ̀ nígbà ìdáhùn. Ẹ tún gbìyànjú.",
      failed: (c) => `Iṣẹ́ ìdáhùn kò lè ṣe ìbéèrè yìí. Ẹ tún gbìyànjú nígbà míì. Nínú pàjáwìrì, ẹ pe ${c.emergencyNumber}.`,
    },
  },
};

/** The answer to a question in one of these languages: the knowledge base is in English (lib/chat/english-only.ts). */
export const AFRICA_SOUTH_ASIA_ENGLISH_ONLY: Record<AfricaSouthAsiaLanguage, (c: Numbers) => string> = {
  am: (c) =>
    "የMedChat የእውቀት ማከማቻ በእንግሊዝኛ ነው፤ ስለዚህ ከምንጮች ጋር መመለስ የምችለው በእንግሊዝኛ ለተጻፉ ጥያቄዎች ብቻ ነው። " +
    "ከቻሉ ጥያቄዎን በእንግሊዝኛ ይጻፉ፤ ከምንጮች ጋር እመልሳለሁ። " +
    "ስለ ሁኔታዎ በአማርኛ ለመነጋገር ሐኪም፣ ነርስ ወይም ፋርማሲስት ይጠይቁ። " +
    `አስቸኳይ ከሆነ ${c.emergencyNumber} ላይ ይደውሉ።`,
  ha: (c) =>
    "Ma'ajiyar ilimin MedChat da Turanci take, don haka tambayoyin da aka rubuta da Turanci kaɗai zan iya amsawa tare da majiyoyi. " +
    "Idan za ku iya, ku rubuta tambayar da Turanci, zan amsa tare da majiyoyi. " +
    "Don tattauna yanayinku da Hausa, ku tambayi likita, nas ko ma'aikacin kantin magani. " +
    `Idan gaggawa ce, kira ${c.emergencyNumber}.`,
  pa: (c) =>
    "MedChat ਦਾ ਗਿਆਨ ਭੰਡਾਰ ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਹੈ, ਇਸ ਲਈ ਮੈਂ ਸਰੋਤਾਂ ਸਮੇਤ ਸਿਰਫ਼ ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਲਿਖੇ ਸਵਾਲਾਂ ਦੇ ਜਵਾਬ ਦੇ ਸਕਦਾ ਹਾਂ। " +
    "ਜੇ ਹੋ ਸਕੇ, ਤਾਂ ਸਵਾਲ ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਲਿਖੋ, ਮੈਂ ਸਰੋਤਾਂ ਸਮੇਤ ਜਵਾਬ ਦਿਆਂਗਾ। " +
    "ਆਪਣੀ ਹਾਲਤ ਬਾਰੇ ਪੰਜਾਬੀ ਵਿੱਚ ਗੱਲ ਕਰਨ ਲਈ ਡਾਕਟਰ, ਨਰਸ ਜਾਂ ਫਾਰਮਾਸਿਸਟ ਨੂੰ ਪੁੱਛੋ। " +
    `ਜੇ ਜ਼ਰੂਰੀ ਹੈ, ਤਾਂ ${c.emergencyNumber} ਤੇ ਕਾਲ ਕਰੋ।`,
  ta: (c) =>
    "MedChat அறிவுக் களஞ்சியம் ஆங்கிலத்தில் உள்ளது, அதனால் ஆங்கிலத்தில் எழுதப்பட்ட கேள்விகளுக்கு மட்டுமே ஆதாரங்களுடன் பதில் தர முடியும். " +
    "முடிந்தால், உங்கள் கேள்வியை ஆங்கிலத்தில் எழுதுங்கள்; ஆதாரங்களுடன் பதில் தருகிறேன். " +
    "உங்கள் நிலை பற்றி தமிழில் பேச, மருத்துவர், செவிலியர் அல்லது மருந்தாளரிடம் கேளுங்கள். " +
    `அவசரம் என்றால், ${c.emergencyNumber} எண்ணை அழைக்கவும்.`,
  yo: (c) =>
    "Àkójọ ìmọ̀ MedChat wà ní èdè Gẹ̀ẹ́sì, nítorí náà ìbéèrè tí a kọ ní Gẹ̀ẹ́sì nìkan ni mo lè dáhùn pẹ̀lú orísun. " +
    "Tí ẹ bá lè ṣe é, ẹ kọ ìbéèrè yín ní Gẹ̀ẹ́sì, màá dáhùn pẹ̀lú orísun. " +
    "Láti sọ̀rọ̀ nípa ipò yín ní Yorùbá, ẹ béèrè lọ́wọ́ dókítà, nọ́ọ̀sì tàbí apòògùn. " +
    `Tí ó bá jẹ́ pàjáwìrì, ẹ pe ${c.emergencyNumber}.`,
};
