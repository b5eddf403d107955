// Hindi red flags, in Devanagari and in romanised Hindi ("Hinglish") as people type it in
// chat, as phrase lists (see ../phrases.ts). Devanagari vowel signs carry meaning, so the
// rules read the accented text (nukta and chandrabindu folded, see ../scripts.ts).
import { phrasePack } from "../phrases";
import { foldDevanagari, wordsAndPunctuation } from "../scripts";

export const HINDI = phrasePack({
  language: "hi",
  spaced: true,
  wordStart: true,
  reads: "accented",
  normalize: (text) => foldDevanagari(wordsAndPunctuation(text)).replace(/(?<=[a-z])(?:aa)(?=[a-z]|$)/g, "a"),
  markers:
    /\p{Script=Devanagari}|(?<![a-z])(?:hai|hain|nahi|nahin|nhi|mujhe|mera|meri|mere|raha|rahi|rahe|gaya|gayi|gaye|kya|aur|ko|ka|ki|ke|mein|hoon|hu|bhai)(?![a-z])/u,
  rules: [
    {
      id: "hi-chest-pain",
      category: "cardiac",
      when: ["सीने में दर्द", "सीने मे दर्द", "छाती में दर्द", "छाती मे दर्द", "सीने में ~ दर्द", "छाती में ~ दर्द", "सीने में जकड़न", "छाती में दबाव", "seene mein dard", "seene me dard", "sine mein dard", "sine me dard", "chhati mein dard", "chati me dard", "chhati me dard", "seene mein ~ dard", "chest pain", "chest mein dard", "chest me dard"],
      and: ["बायां हाथ", "बाएं हाथ", "हाथ सुन्न", "सुन्न", "पसीना", "जबड़", "सांस", "तेज़", "तेज", "बहुत", "घबराहट", "उल्टी", "pasina", "paseena", "haath", "hath", "saans", "sans", "bahut", "bohot", "tez", "jabda", "ghabrahat", "ulti"],
    },
    { id: "hi-heart-attack", category: "cardiac", when: ["दिल का दौरा", "हार्ट अटैक", "heart attack aa", "heart attack aaya", "heart attack hua", "dil ka daura", "attack aa raha"] },
    {
      id: "hi-stroke",
      category: "stroke",
      when: ["मुँह टेढ़ा", "मुंह टेढ़ा", "मुंह टेढा", "चेहरा टेढ़ा", "चेहरा लटक", "बोल नहीं पा", "बोल नही पा", "ज़ुबान लड़खड़ा", "जुबान लड़खड़ा", "आवाज़ लड़खड़ा", "हाथ काम नहीं कर", "हाथ नहीं उठ", "एक तरफ", "लकवा मार", "muh tedha", "munh tedha", "mooh tedha", "chehra tedha", "bol nahi pa", "bol nahin pa", "haath kaam nahi", "hath kaam nahi", "haath nahi utha", "lakwa mar", "lakwa maar", "zuban ladkhada", "jaban ladkhada"],
    },
    {
      id: "hi-breathing",
      category: "breathing",
      when: ["सांस नहीं ले पा", "साँस नहीं ले पा", "सांस नहीं आ", "सांस लेने में तकलीफ", "सांस लेने में दिक्कत", "सांस फूल", "दम घुट", "गले में अटक", "होंठ नीले", "saans nahi le pa", "sans nahi le pa", "saans nahi aa", "sans nahi aa", "saans lene mein dikkat", "saans lene me dikkat", "saans lene mein taklif", "dam ghut", "saans ruk", "sans ruk"],
    },
    {
      id: "hi-anaphylaxis",
      category: "anaphylaxis",
      when: ["गला सूज", "गले में सूजन", "जीभ सूज", "होंठ सूज", "चेहरा सूज", "gala sooj", "gala suj", "gale mein sujan", "jeebh sooj", "hont sooj", "chehra sooj", "allergy se saans"],
    },
    {
      id: "hi-bleeding",
      category: "severe_bleeding",
      when: ["खून रुक नहीं", "खून नहीं रुक", "बहुत खून", "खून बह रहा", "खून ही खून", "khoon ruk nahi", "khoon nahi ruk", "khun ruk nahi", "bahut khoon", "bohot khoon", "khoon beh raha", "chaku lag", "चाकू लग", "चाकू मार"],
      unless: ["प्रेग्नेंट", "गर्भ", "pregnant"],
    },
    {
      id: "hi-overdose",
      category: "overdose_poisoning",
      when: ["सारी गोलियां", "सारी गोलियाँ", "बहुत सारी गोलियां", "पूरी शीशी", "पूरा पत्ता", "नींद की गोलियां खा", "कीटनाशक", "ज़हर खा", "जहर खा", "ज़हर पी", "जहर पी", "सल्फास", "तेज़ाब पी", "saari goliyan", "sari goliyan", "saari goli", "bahut saari goliyan", "neend ki goli", "poora patta", "zeher kha", "zehar kha", "jehar kha", "zeher pi", "zehar pi", "keetnashak", "sulphas", "overdose le li", "overdose kar"],
      unless: ["कितनी", "kitni", "kitna"],
    },
    {
      id: "hi-suicidal",
      category: "suicidal_self_harm",
      when: ["आत्महत्या", "खुदकुशी", "मर जाना चाहता", "मर जाना चाहती", "मरना चाहता", "मरना चाहती", "जीना नहीं चाहता", "जीना नहीं चाहती", "अपनी जान ले", "खुद को मार", "ख़ुद को मार", "जिंदगी खत्म", "ज़िंदगी ख़त्म", "mar jana chahta", "mar jana chahti", "marna chahta", "marna chahti", "jeena nahi chahta", "jeena nahi chahti", "jina nahi chahta", "khudkushi", "aatmahatya", "atmahatya", "suicide kar", "apni jaan le", "khud ko maar", "khatam kar dunga", "khatam kar dungi", "sab khatam kar", "zindagi khatam"],
    },
    { id: "hi-seizure", category: "seizure", when: ["दौरा पड़ रहा", "दौरे पड़ रहे", "झटके आ रहे", "मिर्गी का दौरा पड़ा", "मुंह से झाग", "daura pad raha", "daura padh raha", "jhatke aa rahe", "muh se jhaag", "mirgi ka daura pada"] },
    {
      id: "hi-unconscious",
      category: "unconscious",
      when: ["बेहोश", "होश नहीं", "होश में नहीं", "उठ नहीं रहे", "उठ नहीं रही", "उठ नहीं रहा", "behosh", "hosh nahi", "uth nahi rahe", "uth nahi rahi", "uth nahi raha", "utth nahi"],
    },
    {
      id: "hi-infant",
      category: "other",
      when: ["बच्चे", "बच्चा", "बच्ची", "शिशु", "नवजात", "महीने के", "महीने की", "baby", "bachche", "bachcha", "bacha", "mahine ke", "mahine ki", "navjat"],
      and: ["तेज़ बुखार", "तेज बुखार", "बहुत बुखार", "दूध नहीं", "सुस्त", "ढीला", "tez bukhar", "bahut bukhar", "doodh nahi", "dudh nahi", "sust", "dheela", "saans"],
    },
    {
      id: "hi-pregnancy",
      category: "pregnancy_emergency",
      when: ["प्रेग्नेंट", "गर्भवती", "गर्भ", "pregnant", "pet se", "garbhvati"],
      and: ["खून", "ब्लीडिंग", "दर्द बहुत", "पानी निकल", "khoon", "khun", "bleeding", "pani nikal"],
    },
    {
      id: "hi-burn",
      category: "severe_burn",
      when: ["जल गया", "जल गई", "जल गयी", "जला", "खौलता", "गरम तेल", "गर्म तेल", "तेज़ाब", "jal gaya", "jal gayi", "jal gai", "garam tel", "khaulta", "tezaab"],
      and: ["छाले", "पूरा", "चेहरा", "बहुत", "chhale", "chale", "poora", "pura", "chehra", "bahut"],
    },
    {
      id: "hi-head",
      category: "head_injury",
      when: ["सिर पर चोट", "सिर में चोट", "सिर फट", "सिर के बल", "sir pe chot", "sir par chot", "sir mein chot", "sar pe chot", "sar mein chot", "sir phat"],
      and: ["उल्टी", "बेहोश", "चक्कर", "नींद", "खून", "ulti", "behosh", "chakkar", "neend", "khoon"],
    },
    {
      id: "hi-meningitis",
      category: "meningitis",
      when: ["गर्दन अकड़", "गर्दन में अकड़न", "गर्दन जकड़", "gardan akad", "gardan jakad"],
      and: ["बुखार", "सिरदर्द", "दाने", "bukhar", "sir dard", "daane"],
    },
    {"id": "hi-collapse", "category": "unconscious", "when": ["गिर पड़े", "गिर पड़ा", "गिर पड़ी", "गिर गए", "गिर गया", "gir pade", "gir gaye", "gir gaya", "gir padi"], "and": ["सांस नहीं ले", "ठीक से सांस", "सांस अजीब", "होश नहीं", "saans nahi", "sans nahi", "theek se saans", "hosh nahi"]},
    {"id": "hi-many-pills", "category": "overdose_poisoning", "when": ["@N गोली", "@N गोलियां", "@N goli", "@N goliyan", "@N tablet"], "and": ["खा", "kha", "neend", "नींद", "chakkar", "चक्कर"], "unless": ["कितनी", "kitni"]},
    {"id": "hi-face-numb", "category": "stroke", "when": ["आधा चेहरा", "चेहरे का एक हिस्सा", "aadha chehra", "adha chehra", "aadha muh"], "and": ["सुन्न", "टेढ़ा", "नहीं पा", "sunn", "tedha", "nahi pa"]},
    {"id": "hi-suicide-indirect", "category": "suicidal_self_harm", "when": ["मेरे जाने से किसी को", "mere jaane se kisi", "mere jane se kisi", "goliyan ready", "गोलियां तैयार", "सब खत्म करना", "sab khatam karna", "jeene ka mann nahi", "जीने का मन नहीं"]},
    {"id": "hi-infant-weeks", "category": "other", "when": ["हफ्ते का बच्चा", "हफ्ते की बच्ची", "हफ्ते का बेबी", "hafte ka baby", "hafte ka bachcha", "hafte ki bachchi"], "and": ["बुखार", "सो रहा", "सुस्त", "bukhar", "so raha", "sust", "38", "39"]},
    {"id": "hi-sting", "category": "anaphylaxis", "when": ["ततैया", "मधुमक्खी", "ततैये", "bee ne kata", "madhumakkhi", "tataiya"], "and": ["सूज", "बेहोश", "सांस", "sooj", "behosh", "saans"]},
  ],
  context: {
    negators: ["नहीं", "नही", "ना", "बिना", "nahi", "nahin", "nhi", "bina"],
    distantPast: ["साल पहले", "पिछले साल", "saal pehle", "sal pehle", "pichhle saal", "bachpan"],
    animal: ["कुत्ते", "कुत्ता", "बिल्ली", "kutta", "kutte", "billi"],
    fiction: ["कहानी", "उपन्यास", "फिल्म", "kahani", "story", "novel", "film", "movie", "hero"],
    general: ["कैसा लगता", "kaisa lagta", "लक्षण क्या", "क्या होते हैं", "अगर किसी", "क्या करें", "अनुवांशिक", "lakshan kya", "symptoms kya", "agar kisi", "kitni baar", "kitni goli", "medical student"],
    currentEvent: ["अभी", "बचाओ", "मदद", "abhi", "bachao", "madad", "help", "jaldi"],
    contrast: ["लेकिन", "lekin"],
  },
});
