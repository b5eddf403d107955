// Vietnamese red flags as phrase lists (see ../phrases.ts). Written with diacritics and
// matched on the accented text; each phrase also matches without them (many type
// Vietnamese unaccented: "toi khong tho duoc"), while accented text keeps its tones so
// "từ từ" (slowly) never meets "tự tử" (suicide). đ is read as d.
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const VIETNAMESE = phrasePack({
  language: "vi",
  spaced: true,
  wordStart: true,
  reads: "accented",
  foldedVariants: true,
  wholeWords: true,
  letters: /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u,
  normalize: (text) => wordsAndPunctuation(text.normalize("NFC").replace(/đ/g, "d")),
  markers:
    /(?<![\p{L}])(?:tôi|toi|không|khong|bị|và|của|cua|đang|dang|được|duoc|người|nguoi|bố|ông|này|rồi|roi|quá|làm|gì|rất|nhiều|nhieu|cứu|cuu|giúp|giup|với|mình|minh)(?![\p{L}])/u,
  rules: [
    {
      id: "vi-chest-pain",
      category: "cardiac",
      when: ["đau ngực", "đau tức ngực", "tức ngực", "ngực đau", "đau ở ngực", "thắt ngực", "đau thắt ngực", "ép ngực", "ôm ngực", "nặng ngực"],
      and: ["tay trái", "lan ra", "hàm", "mồ hôi", "khó thở", "buồn nôn", "tái", "dữ dội", "rất đau", "đột ngột", "phút", "quá"],
    },
    { id: "vi-heart-attack", category: "cardiac", when: ["đang bị đau tim", "bị nhồi máu cơ tim", "bị đau tim", "ngừng tim", "tim ngừng đập", "lên cơn đau tim"] },
    {
      id: "vi-stroke",
      category: "stroke",
      when: ["méo miệng", "méo mặt", "miệng méo", "xệch miệng", "nói không rõ", "nói ngọng", "nói lắp", "không nói được", "không cử động được tay", "không nhấc được tay", "liệt nửa người", "yếu nửa người", "tê nửa người", "bị đột quỵ", "đang đột quỵ", "trúng gió"],
    },
    {
      id: "vi-breathing",
      category: "breathing",
      when: ["không thở được", "khó thở quá", "thở không được", "ngạt thở", "nghẹt thở", "bị hóc", "hóc xương", "môi tím", "tím tái", "ngừng thở", "không còn thở", "thở dốc"],
    },
    {
      id: "vi-anaphylaxis",
      category: "anaphylaxis",
      when: ["sưng họng", "phù họng", "họng sưng", "sưng lưỡi", "sưng môi", "sưng mặt", "sốc phản vệ", "phản vệ"],
      unless: ["cơ chế"],
    },
    {
      id: "vi-bleeding",
      category: "severe_bleeding",
      when: ["máu chảy không ngừng", "chảy máu không ngừng", "máu không cầm", "không cầm được máu", "chảy máu nhiều", "máu chảy nhiều", "máu phun", "bị đâm"],
      unless: ["có thai", "mang thai", "bầu"],
    },
    {
      id: "vi-overdose",
      category: "overdose_poisoning",
      when: ["cả lọ thuốc", "cả vỉ thuốc", "hết cả lọ", "hết lọ thuốc", "uống nhiều thuốc", "quá liều", "thuốc trừ sâu", "thuốc diệt chuột", "thuốc chuột", "uống nhầm", "nước tẩy", "ngộ độc", "nuốt pin", "khí than"],
      unless: ["bao nhiêu viên", "tối đa"],
    },
    {
      id: "vi-suicidal",
      category: "suicidal_self_harm",
      when: ["tự tử", "muốn chết", "không muốn sống", "chán sống", "kết liễu", "tự sát", "cắt tay", "rạch tay", "tự hại", "nhảy lầu", "nhảy cầu"],
    },
    { id: "vi-seizure", category: "seizure", when: ["co giật", "lên cơn động kinh", "sùi bọt mép", "động kinh"] },
    {
      id: "vi-unconscious",
      category: "unconscious",
      when: ["ngất xỉu", "bất tỉnh", "hôn mê", "gọi không tỉnh", "không tỉnh", "mất ý thức", "không phản ứng", "xỉu rồi"],
    },
    {
      id: "vi-infant",
      category: "other",
      when: ["em bé", "trẻ sơ sinh", "sơ sinh", "bé#", "tháng tuổi"],
      and: ["sốt", "li bì", "lừ đừ", "bỏ bú", "không bú", "tím tái", "khó thở", "co giật"],
    },
    {
      id: "vi-pregnancy",
      category: "pregnancy_emergency",
      when: ["có thai", "mang thai", "có bầu", "đang bầu", "bầu#"],
      and: ["ra máu", "chảy máu", "băng huyết", "vỡ ối", "đau bụng dữ dội", "co giật"],
    },
    {
      id: "vi-burn",
      category: "severe_burn",
      when: ["bỏng", "phỏng", "nước sôi", "dầu sôi", "axit"],
      and: ["rộp", "mảng lớn", "cả người", "nặng", "lột da", "khắp"],
    },
    {
      id: "vi-head",
      category: "head_injury",
      when: ["đập đầu", "đầu bị đập", "va đầu", "ngã đập đầu", "chấn thương đầu", "té đập đầu"],
      and: ["nôn", "ói", "lơ mơ", "buồn ngủ", "li bì", "ngất", "co giật", "chảy máu"],
    },
    {
      id: "vi-meningitis",
      category: "meningitis",
      when: ["cứng cổ", "cổ cứng", "ban tím", "chấm xuất huyết", "ban xuất huyết"],
      and: ["sốt", "đau đầu", "nôn", "ban"],
    },
    {"id": "vi-collapse", "category": "unconscious", "when": ["gục xuống", "ngã gục", "ngã quỵ", "đổ gục", "ngã xuống"], "and": ["thở rất lạ", "thở lạ", "không thở", "thở khò khè", "không phản ứng", "bất tỉnh", "gọi không"]},
    {"id": "vi-many-pills", "category": "overdose_poisoning", "when": ["@N viên"], "and": ["thuốc ngủ", "thuốc", "uống", "nuốt", "chóng mặt"], "unless": ["bao nhiêu viên", "tối đa"]},
    {"id": "vi-face-numb", "category": "stroke", "when": ["nửa mặt", "một bên mặt"], "and": ["tê", "không cười được", "méo", "xệ", "liệt"]},
    {"id": "vi-suicide-indirect", "category": "suicidal_self_harm", "when": ["biến mất cũng chẳng ai", "chết cũng chẳng ai", "thuốc chuẩn bị sẵn", "viết thư tuyệt mệnh", "muốn biến mất", "không muốn tỉnh dậy", "mệt mỏi với cuộc sống"]},
    {"id": "vi-infant-weeks", "category": "other", "when": ["tuần tuổi", "bé nhà em", "bé nhà tôi", "con em"], "and": ["sốt", "38", "39", "li bì", "ngủ li bì", "bỏ bú", "lừ đừ"]},
    {"id": "vi-sting", "category": "anaphylaxis", "when": ["ong đốt", "bị ong", "ong vò vẽ"], "and": ["sưng", "xỉu", "khó thở", "ngất"]},
  ],
  context: {
    negators: ["không", "chưa", "chẳng"],
    distantPast: ["năm trước", "năm ngoái", "hồi nhỏ", "ngày xưa"],
    animal: ["chó", "mèo", "thú y"],
    fiction: ["truyện", "tiểu thuyết", "phim", "kịch bản", "nhân vật"],
    general: ["cảm giác thế nào", "cảm giác ra sao", "như thế nào", "thế nào", "triệu chứng", "dấu hiệu", "là gì", "nên làm gì", "nếu ai đó", "nếu có người", "có di truyền", "sinh viên", "bao nhiêu viên", "tối đa"],
    currentEvent: ["bây giờ", "cứu với", "giúp với", "gấp", "ngay bây giờ", "đang"],
    contrast: ["nhưng", "tuy nhiên"],
  },
});
