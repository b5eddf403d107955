// Turkish red flags as phrase lists (see ../phrases.ts), on folded text (no diacritics,
// ı → i): Turkish is often typed without its letters ("nefes alamiyorum"). Phrases are
// stems: Turkish adds its endings to the word ("göğsüm", "göğsümde").
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const TURKISH = phrasePack({
  language: "tr",
  spaced: true,
  wordStart: true,
  letters: /[ışğ]/u,
  normalize: (text) => wordsAndPunctuation(text.replace(/ı/g, "i")),
  markers: /(?<![a-z])(?:ve|bir|cok|var|yok|ben|benim|bu|icin|gibi|sonra|annem|babam|cocuk|oglum|kizim|artik|simdi|degil|yardim)(?![a-z])/u,
  rules: [
    {
      id: "tr-chest-pain",
      category: "cardiac",
      when: ["gogsumde ~ agri", "gogsum ~ agri", "gogsu ~ agri", "gogus agrisi", "gogsum sikis", "gogsumde baski", "gogsumde sikisma", "kalbim agri", "gogsunu tutu"],
      and: ["kol", "cene", "ter", "nefes", "bulanti", "solgun", "siddetli", "cok", "dayanilmaz", "aniden", "dakika", "vuruyor", "yayiliyor"],
    },
    { id: "tr-heart-attack", category: "cardiac", when: ["kalp krizi geciriyor", "kalp krizi geciriyorum", "kalp krizi gecir", "kalbi durdu", "kalp durmasi"] },
    {
      id: "tr-stroke",
      category: "stroke",
      when: ["yuzu bir tarafa kay", "yuzu kaydi", "agzi kaydi", "agzi carpildi", "yuzu dustu", "konusamiyor", "konusmasi bozuldu", "konusmasi bozuk", "dili dolasiyor", "peltek konusuyor", "kolunu kaldiramiyor", "kolunu oynatamiyor", "kolu tutmuyor", "bir tarafi tutmuyor", "felc geciriyor", "felc oldu", "inme geciriyor"],
    },
    {
      id: "tr-breathing",
      category: "breathing",
      when: ["nefes alamiyorum", "nefes alamiyor", "nefes alamiyo", "nefesim kesiliyor", "nefesim daraldi", "bogulu", "dudaklari morardi", "dudaklarim morardi", "nefes almiyor", "solunum durdu", "bogazina kacti", "bogazina bir sey kacti"],
    },
    {
      id: "tr-anaphylaxis",
      category: "anaphylaxis",
      when: ["bogazim sisiyor", "bogazim sisti", "bogazi sisti", "bogazim kapaniyor", "dilim sisti", "dili sisti", "yuzu sisti", "anafilaksi", "alerjik sok"],
    },
    {
      id: "tr-bleeding",
      category: "severe_bleeding",
      when: ["kan durmuyor", "kanama durmuyor", "kanamasi durmuyor", "cok kan kaybed", "fiskiriyor", "siddetli kanama", "cok kaniyor", "bicaklandi", "bicakladilar"],
      unless: ["hamile"],
    },
    {
      id: "tr-overdose",
      category: "overdose_poisoning",
      when: ["butun kutu", "bir kutu ilac", "kutu ~ hap", "tum ilaclari", "cok fazla hap", "cok fazla ilac", "asiri doz", "camasir suyu icti", "camasir suyu ictim", "tuz ruhu", "kostik", "zehir icti", "zehirlendi", "zehirlendim", "pil yuttu", "karbonmonoksit"],
      unless: ["kac tane", "gunde kac", "doz nedir"],
    },
    {
      id: "tr-suicidal",
      category: "suicidal_self_harm",
      when: ["intihar", "kendimi oldurecegim", "kendimi oldurmek", "olmek istiyorum", "yasamak istemiyorum", "canima kiyacagim", "canima kiymak", "bilegimi kestim", "bilegimi kesece", "kendime zarar", "kendimi kesiyorum"],
    },
    { id: "tr-seizure", category: "seizure", when: ["kasiliyor", "kasilma", "nobet geciriyor", "sara nobeti geciriyor", "agzindan kopuk", "titriyor ve bilinci"] },
    {
      id: "tr-unconscious",
      category: "unconscious",
      when: ["bayildi", "bilinci kapali", "bilincini kaybetti", "uyanmiyor", "tepki vermiyor", "ayilmiyor", "kendine gelmiyor"],
    },
    {
      id: "tr-infant",
      category: "other",
      when: ["bebek", "yenidogan", "aylik bebe", "haftalik"],
      and: ["ates", "halsiz", "emmiyor", "mama yemiyor", "morar", "nefes", "havale", "kasil", "uyanmiyor"],
    },
    {
      id: "tr-pregnancy",
      category: "pregnancy_emergency",
      when: ["hamileyim", "hamile", "gebeyim", "gebe"],
      and: ["kanama", "kan geliyor", "suyum geldi", "siddetli agri", "kasilma"],
    },
    {
      id: "tr-burn",
      category: "severe_burn",
      when: ["yandi", "yaniyor", "yanik", "haslandi", "kaynar su", "kizgin yag", "asit"],
      and: ["su topla", "kabarc", "buyuk", "her yer", "yuz", "goz", "derisi soyul", "cok kotu"],
    },
    {
      id: "tr-head",
      category: "head_injury",
      when: ["kafasini carpti", "kafasini vurdu", "basini carpti", "kafami carptim", "kafa ustu dustu", "kafasi yarildi", "kafa travmasi"],
      and: ["kusuyor", "kusma", "uykulu", "bilinc", "sersem", "havale", "kan"],
    },
    {
      id: "tr-meningitis",
      category: "meningitis",
      when: ["ense sertligi", "boynu tutuldu", "boynunu egemiyor", "mor lekeler", "mor dokuntu", "bastirinca gecmeyen"],
      and: ["ates", "bas agrisi", "kusma", "leke", "dokuntu", "ense"],
    },
    {"id": "tr-collapse", "category": "unconscious", "when": ["yigildi", "yere yigildi", "dusup kaldi", "coktu"], "and": ["garip nefes", "nefes almiyor", "tepki vermiyor", "uyanmiyor", "hirildiyor"]},
    {"id": "tr-many-pills", "category": "overdose_poisoning", "when": ["@N tane", "@N hap", "@N ilac", "avuc dolusu"], "and": ["hap", "ilac", "ictim", "icti", "yuttum", "yuttu", "uyku"], "unless": ["kac tane", "gunde kac"]},
    {"id": "tr-face-numb", "category": "stroke", "when": ["yuzumun yarisi", "yuzunun yarisi", "yuzumun bir tarafi", "yuzunun bir tarafi"], "and": ["uyustu", "uyusuyor", "gulumseyemiyorum", "kaydi", "dustu", "oynamiyor"]},
    {"id": "tr-suicide-indirect", "category": "suicidal_self_harm", "when": ["ben gitsem kimse", "olsem kimse", "haplari hazirladim", "ilaclari hazirladim", "veda mektubu", "yok olmak istiyorum", "uyanmak istemiyorum", "yasamaktan biktim"]},
    {"id": "tr-infant-weeks", "category": "other", "when": ["haftalik bebe", "haftalik", "aylik bebe", "bebegim"], "and": ["38", "39", "40", "ates", "surekli uyuyor", "halsiz", "uyanmiyor"]},
    {"id": "tr-sting", "category": "anaphylaxis", "when": ["ari soktu", "ari sokmasi", "esek arisi"], "and": ["sis", "bayil", "nefes"]},
  ],
  context: {
    negators: ["yok", "degil", "olmadan", "hic"],
    distantPast: ["yil once", "sene once", "gecen yil", "gecen sene", "cocukken", "eskiden"],
    animal: ["kopek", "kedi", "veteriner"],
    fiction: ["roman", "hikaye", "oyku", "film", "dizi", "senaryo", "karakter", "kahraman"],
    general: ["belirtileri nelerdir", "belirtileri ne", "nedir", "ne yapmali#", "ne yapilir#", "birisi", "biri ", "kalitsal mi", "ogrenci", "gunde kac", "kac tane", "nasil anlatirim"],
    currentEvent: ["simdi", "su an", "yardim edin", "acil", "hemen"],
    contrast: ["ama", "fakat", "ancak"],
  },
});
