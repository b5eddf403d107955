// Indonesian (and Malay chat forms) red flags as phrase lists (see ../phrases.ts), with the
// informal spellings people type ("ga", "gak", "udah", "tiba2"; "2" doubles a word).
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const INDONESIAN = phrasePack({
  language: "id",
  spaced: true,
  wordStart: true,
  // "tiba2" / "kejang2" → "tiba tiba" / "kejang kejang"; "gak"/"nggak"/"ngga"/"enggak" → "ga".
  normalize: (text) =>
    wordsAndPunctuation(text)
      .replace(/(?<![\p{L}\p{N}])(\p{L}+)2(?![\p{L}\p{N}])/gu, "$1 $1")
      .replace(/(?<![\p{L}])(?:gak|nggak|ngga|enggak|engga|tdk|gk)(?![\p{L}])/gu, "ga"),
  markers: /(?<![\p{L}])(?:saya|aku|tidak|ga|gak|dan|yang|sudah|udah|ini|itu|banget|sekali|anak|bapak|tolong|kena|habis|mau|bisa|sangat|dia|kok)(?![\p{L}])/u,
  rules: [
    {
      id: "id-chest-pain",
      category: "cardiac",
      when: ["nyeri dada", "sakit dada", "dada sakit", "dada saya sakit", "dada nyeri", "dada terasa berat", "dada sesak", "dada seperti ditekan", "dada kayak ditekan", "dada ditekan", "dada saya ~ sakit", "dadanya sakit", "dada terasa sakit", "memegang dada"],
      and: ["lengan", "tangan kiri", "rahang", "keringat dingin", "keringat", "sesak", "mual", "pucat", "sekali", "banget", "parah", "tiba tiba", "menit"],
    },
    { id: "id-heart-attack", category: "cardiac", when: ["serangan jantung sekarang", "kena serangan jantung", "terkena serangan jantung", "lagi serangan jantung", "jantungnya berhenti", "henti jantung"] },
    {
      id: "id-stroke",
      category: "stroke",
      when: ["mulut mencong", "mulutnya mencong", "mencong", "wajah mencong", "wajah turun sebelah", "bicara pelo", "bicaranya pelo", "ngomongnya pelo", "pelo", "ga bisa bicara", "tidak bisa bicara", "ga bisa ngomong", "tidak bisa menggerakkan tangan", "ga bisa gerakin tangan", "tangannya lemas sebelah", "lumpuh sebelah", "separuh badan", "kena stroke", "lagi stroke", "terkena stroke"],
    },
    {
      id: "id-breathing",
      category: "breathing",
      when: ["ga bisa napas", "tidak bisa napas", "tidak bisa bernapas", "ga bisa bernapas", "susah napas", "susah bernapas", "sulit bernapas", "sesak napas berat", "sesak nafas berat", "ga bisa nafas", "susah nafas", "tersedak", "keselek", "bibir biru", "bibirnya biru", "tidak bernapas", "berhenti napas"],
    },
    {
      id: "id-anaphylaxis",
      category: "anaphylaxis",
      when: ["tenggorokan bengkak", "tenggorokannya bengkak", "tenggorokan menutup", "lidah bengkak", "bibir bengkak", "wajah bengkak", "syok anafilaksis", "anafilaksis"],
      unless: ["mekanisme"],
    },
    {
      id: "id-bleeding",
      category: "severe_bleeding",
      when: ["darahnya ga berhenti", "darah ga berhenti", "darah tidak berhenti", "darahnya tidak berhenti", "pendarahan hebat", "perdarahan hebat", "darah banyak sekali", "darah muncrat", "ditusuk", "kena tusuk"],
      unless: ["hamil"],
    },
    {
      id: "id-overdose",
      category: "overdose_poisoning",
      when: ["satu botol obat", "sebotol obat", "satu strip", "banyak obat", "semua obat", "overdosis", "overdosis obat", "racun serangga", "racun tikus", "minum racun", "minum pemutih", "minum bayclin", "minum baygon", "minum cairan pembersih", "keracunan", "menelan baterai", "nelen baterai"],
      unless: ["dosis maksimal", "berapa dosis", "berapa tablet"],
    },
    {
      id: "id-suicidal",
      category: "suicidal_self_harm",
      when: ["bunuh diri", "pengen mati", "ingin mati", "mau mati aja", "ga mau hidup", "tidak mau hidup", "tidak ingin hidup", "ga pengen hidup", "mengakhiri hidup", "akhiri hidup", "sayat tangan", "menyayat", "melukai diri", "nyakitin diri"],
    },
    { id: "id-seizure", category: "seizure", when: ["kejang", "step", "mulut berbusa", "keluar busa dari mulut"] },
    {
      id: "id-unconscious",
      category: "unconscious",
      when: ["pingsan", "tidak sadar", "ga sadar", "tidak sadarkan diri", "ga sadarkan diri", "tidak bangun bangun", "ga bangun bangun", "tidak merespon", "ga respon"],
    },
    {
      id: "id-infant",
      category: "other",
      when: ["bayi", "newborn", "baru lahir", "bulan"],
      and: ["demam tinggi", "demam", "panas tinggi", "lemas", "lemes", "ga mau menyusu", "tidak mau menyusu", "ga mau minum", "tidak mau minum", "biru", "kejang"],
    },
    {
      id: "id-pregnancy",
      category: "pregnancy_emergency",
      when: ["hamil", "lagi hamil", "sedang hamil"],
      and: ["keluar darah", "pendarahan", "perdarahan", "flek banyak", "air ketuban", "sakit perut hebat", "kejang"],
    },
    {
      id: "id-burn",
      category: "severe_burn",
      when: ["luka bakar", "kena air panas", "tersiram air panas", "kena minyak panas", "kena api", "kena air keras", "terbakar"],
      and: ["luas", "melepuh", "wajah", "seluruh", "parah", "kulit mengelupas"],
    },
    {
      id: "id-head",
      category: "head_injury",
      when: ["kepalanya terbentur", "kepala terbentur", "terbentur kepala", "jatuh kepala duluan", "kepalanya kebentur", "kepala kebentur", "cedera kepala"],
      and: ["muntah", "pingsan", "linglung", "ngantuk", "bingung", "kejang", "berdarah"],
    },
    {
      id: "id-meningitis",
      category: "meningitis",
      when: ["leher kaku", "kaku kuduk", "bintik ungu", "ruam ungu"],
      and: ["demam", "sakit kepala", "muntah", "bintik", "ruam"],
    },
    {"id": "id-collapse", "category": "unconscious", "when": ["ambruk", "jatuh pingsan", "roboh", "tumbang", "terjatuh"], "and": ["napasnya aneh", "napas aneh", "tidak bernapas", "ga napas", "ngorok", "tidak merespon", "ga respon", "tidak sadar", "ga sadar"]},
    {"id": "id-many-pills", "category": "overdose_poisoning", "when": ["@N obat", "@N tablet", "@N butir", "@N pil"], "and": ["obat tidur", "minum", "nelen", "menelan", "pusing"], "unless": ["dosis maksimal", "berapa"]},
    {"id": "id-face-numb", "category": "stroke", "when": ["setengah muka", "setengah wajah", "sebelah muka", "sebelah wajah"], "and": ["mati rasa", "kebas", "ga bisa senyum", "tidak bisa senyum", "mencong", "turun"]},
    {"id": "id-suicide-indirect", "category": "suicidal_self_harm", "when": ["kalau aku hilang", "kalau aku mati", "ga ada yang bakal sadar", "tidak ada yang peduli kalau", "obatnya udah siap", "obatnya sudah siap", "surat wasiat", "pengen menghilang", "ga mau bangun lagi", "capek hidup"]},
    {"id": "id-infant-weeks", "category": "other", "when": ["minggu", "bayiku", "bayi saya", "bayi umur"], "and": ["38", "39", "40", "demam", "panas", "tidur terus", "lemas", "ga mau nyusu"]},
    {"id": "id-sting", "category": "anaphylaxis", "when": ["disengat tawon", "disengat lebah", "sengatan tawon", "sengatan lebah"], "and": ["bengkak", "pingsan", "sesak", "susah napas"]},
  ],
  context: {
    negators: ["tidak", "ga", "bukan", "tanpa", "belum"],
    distantPast: ["tahun lalu", "tahun yang lalu", "waktu kecil", "dulu"],
    animal: ["anjing", "kucing", "hewan", "dokter hewan"],
    fiction: ["novel", "cerita", "cerpen", "film", "sinetron", "naskah", "tokoh"],
    general: ["rasanya gimana", "rasanya bagaimana", "gimana rasanya", "apa gejala", "gejala", "apa yang harus dilakukan kalau", "kalau ada orang", "jika seseorang", "apakah menurun", "menurun", "mahasiswa", "dosis maksimal", "berapa dosis"],
    currentEvent: ["sekarang", "tolong", "darurat", "barusan", "lagi"],
    contrast: ["tapi", "tetapi", "namun"],
  },
});
