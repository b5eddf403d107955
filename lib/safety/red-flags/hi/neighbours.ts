// Marathi and Nepali (Devanagari), Gujarati and Telugu red flags, read by the Hindi rules: blind round 18 brought all four
// with no rules. Their speakers mostly read Hindi, so the notice is written in Hindi, with India's 112 for an Indian
// region (Nepal's 102 for ne-NP); languages of their own, with their own texts, are left for later. The words are the core
// emergencies in everyday speech (chest pain with a sign, cannot breathe, unconscious or not answering, stroke signs,
// suicide intent, a diabetic who does not answer).
import type { PhraseRule } from "../phrases";

/** Their scripts: a turn written in them is read by the Hindi rules. */
export const NEIGHBOUR_SCRIPTS = "\\p{Script=Gujarati}|\\p{Script=Telugu}";

export const HINDI_NEIGHBOUR_RULES: PhraseRule[] = [
  {
    id: "hi-neighbours-chest-pain",
    category: "cardiac",
    when: [
      "छातीत ~ दुख",
      "छातीत दुख",
      "छातीत वेदना",
      "छातीत कळ",
      "छातीमा दुख",
      "छाती दुख्",
      "છાતીમાં દુખાવો",
      "છાતીમાં દુખે",
      "ఛాతీ నొప్పి",
      "ఛాతీలో నొప్పి",
      "గుండె నొప్పి",
    ],
    and: ["घाम", "श्वास", "डावा हात", "डाव्या हात", "पसिना", "सास", "પરસેવો", "શ્વાસ", "ડાબો હાથ", "చెమట", "ఊపిరి", "శ్వాస", "ఎడమ చేయి"],
  },
  {
    id: "hi-neighbours-breathing",
    category: "breathing",
    when: [
      "श्वास घेता येत नाही",
      "श्वास घेत नाही",
      "सास फेर्न सक्दैन",
      "सास फेर्न सकेन",
      "सास रोकियो",
      "શ્વાસ નથી લઈ શકતા",
      "શ્વાસ નથી લેતા",
      "ఊపిరి ఆడటం లేదు",
      "శ్వాస ఆడటం లేదు",
      "ఊపిరి తీసుకోవడం లేదు",
    ],
  },
  {
    id: "hi-neighbours-unconscious",
    category: "unconscious",
    when: ["बेशुद्ध", "शुद्ध नाही", "बेहोस", "होस छैन", "બેભાન", "ભાનમાં નથી", "స్పృహ లేదు", "స్పృహ తప్పి", "పలకట్లేదు", "పలకడం లేదు"],
  },
  {
    id: "hi-neighbours-stroke",
    category: "stroke",
    when: ["तोंड वाकडं", "तोंड वाकडे", "अर्धांगवायू", "बोलता येत नाही", "મોં વાંકું", "લકવો", "పక్షవాతం", "మూతి వంకర"],
  },
  {
    id: "hi-neighbours-suicidal",
    category: "suicidal_self_harm",
    when: [
      "मला मरायचं आहे",
      "मला जगायचं नाही",
      "बाँच्न चाहन्न",
      "बाँच्न मन छैन",
      "मर्न चाहन्छु",
      "आफैलाई मार्छु",
      "આત્મહત્યા",
      "મરવું છે",
      "જીવવું નથી",
      "ఆత్మహత్య",
      "చనిపోవాలని ఉంది",
    ],
    unless: ["दर#", "आकडेवारी", "તથ્યો", "గణాంకాలు"],
  },
  {
    // A diabetic on insulin who no longer answers: a low sugar until shown otherwise.
    id: "hi-neighbours-hypo",
    category: "diabetic_emergency",
    when: ["ડાયાબિટીસ", "ઇન્સ્યુલિન", "मधुमेह", "इन्सुलिन", "షుగర్", "ఇన్సులిన్"],
    and: ["જવાબ નથી", "બેભાન", "ભાનમાં નથી", "बेशुद्ध", "प्रतिसाद देत नाही", "పలకట్లేదు", "స్పృహ లేదు"],
  },
];
