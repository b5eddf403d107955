// Japanese red flags as phrase lists (see ../phrases.ts), with common romaji. Katakana is
// matched as hiragana; negation follows the verb ("痛くない"), so it is read after the match.
import { phrasePack } from "../phrases";
import { dropSpacesInCjk, katakanaToHiragana, wordsAndPunctuation } from "../scripts";

export const JAPANESE = phrasePack({
  language: "ja",
  spaced: false,
  wordStart: false,
  reads: "accented",
  normalize: (text) => katakanaToHiragana(dropSpacesInCjk(wordsAndPunctuation(text))),
  markers: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]|(?<![a-z])(?:watashi|boku|ore|mou|desu|tasukete|shinitai|kurushii|itai)(?![a-z])/u,
  rules: [
    {
      id: "ja-chest-pain",
      category: "cardiac",
      when: ["胸~痛", "胸~苦し", "胸~締め付け", "胸~圧迫", "胸を押さえ", "胸をおさえ", "心臓~痛", "胸~重い"],
      and: ["冷や汗", "汗", "左腕", "腕", "しびれ", "痺れ", "あご", "顎", "息", "吐き気", "顔色", "激痛", "すごく", "ひどい", "強く", "急に", "分", "締め付け", "押さえ", "苦し"],
    },
    { id: "ja-heart-attack", category: "cardiac", when: ["心筋梗塞", "心臓発作", "心停止", "心臓が止ま"] },
    {
      id: "ja-stroke",
      category: "stroke",
      when: ["ろれつが回らな", "呂律が回らな", "ろれつがまわらな", "顔の片側", "顔が歪", "口が歪", "片側が下が", "片手が動かな", "片方の手", "片足が動かな", "半身", "手が動かなくな", "腕が上がらな", "言葉が出な", "しゃべれな", "話せな", "脳卒中かも", "脳梗塞かも", "脳出血"],
    },
    {
      id: "ja-breathing",
      category: "breathing",
      when: ["息ができな", "息が出来な", "息ができない", "呼吸ができな", "呼吸が苦し", "息が苦し", "息苦し", "窒息", "喉に詰ま", "のどに詰ま", "唇が紫", "唇が青", "呼吸してな", "息してな", "iki ga dekinai"],
    },
    {
      id: "ja-anaphylaxis",
      category: "anaphylaxis",
      when: ["喉が腫れ", "のどが腫れ", "喉が締ま", "のどが締ま", "舌が腫れ", "唇が腫れ", "顔が腫れ", "アナフィラキシー", "エピペン"],
      unless: ["機序", "とは"],
    },
    {
      id: "ja-bleeding",
      category: "severe_bleeding",
      when: ["血が止まらな", "出血が止まらな", "大量に出血", "大量出血", "血がすごい", "血が噴き出", "血が吹き出", "血だらけ", "刺された", "血がたくさん"],
      unless: ["妊娠"],
    },
    {
      id: "ja-overdose",
      category: "overdose_poisoning",
      when: ["全部飲んだ", "たくさん飲んだ", "大量に飲んだ", "まとめて飲", "一箱", "一瓶", "飲みすぎ", "過剰摂取", "オーバードーズ", "od した", "odした", "漂白剤", "ハイター", "洗剤を飲", "農薬", "殺虫剤を", "ボタン電池", "誤飲", "中毒", "毒を飲んだ", "薬を大量"],
      unless: ["何錠まで", "何錠", "用量"],
    },
    {
      id: "ja-suicidal",
      category: "suicidal_self_harm",
      when: ["死にたい", "死のう", "死ぬつもり", "自殺", "消えたい", "生きていたくな", "生きたくな", "首を吊", "飛び降り", "リスカ", "リストカット", "手首を切", "自傷", "shinitai", "jisatsu"],
    },
    {
      id: "ja-seizure",
      category: "seizure",
      when: ["けいれん", "痙攣", "ひきつけ", "引きつけ", "発作が止まらな", "泡を吹"],
    },
    {
      id: "ja-unconscious",
      category: "unconscious",
      when: ["意識がな", "意識不明", "意識を失", "気を失", "反応がな", "起きな", "目を覚まさな", "呼びかけに", "倒れて動かな", "失神"],
    },
    {
      id: "ja-infant",
      category: "other",
      when: ["赤ちゃん", "新生児", "乳児", "生後", "ヶ月の", "か月の", "カ月の"],
      and: ["熱", "ぐったり", "ミルクを飲まな", "母乳を飲まな", "飲まな", "呼吸", "けいれん", "顔色"],
    },
    {
      id: "ja-pregnancy",
      category: "pregnancy_emergency",
      when: ["妊娠", "妊婦", "お腹の赤ちゃん"],
      and: ["出血", "血が", "激痛", "破水", "けいれん", "胎動がな"],
    },
    {
      id: "ja-burn",
      category: "severe_burn",
      when: ["やけど", "火傷", "熱湯", "熱い油", "薬品が目"],
      and: ["広い範囲", "広範囲", "水ぶくれ", "水膨れ", "皮がむけ", "顔", "全身", "ひどい", "黒"],
    },
    {
      id: "ja-head",
      category: "head_injury",
      when: ["頭を打", "頭をぶつけ", "頭を強く", "頭から落ち"],
      and: ["吐", "嘔吐", "ぼーっと", "意識", "眠そう", "けいれん", "おかしい", "血"],
    },
    {
      id: "ja-meningitis",
      category: "meningitis",
      when: ["首の硬直", "首が硬", "首が曲がらな", "項部硬直", "紫色の発疹", "紫の斑点", "押しても消えな"],
      and: ["熱", "頭痛", "発疹", "斑点", "吐"],
    },
    {
      id: "ja-sepsis",
      category: "other",
      when: ["感染", "熱", "敗血症"],
      and: ["意識がもうろう", "朦朧", "呼吸が速", "息が荒", "まだら", "手足が冷た", "血圧が低", "ぼーっと"],
    },
    {"id": "ja-collapse", "category": "unconscious", "when": ["倒れて", "倒れた", "崩れ落ち"], "and": ["呼吸がおかしい", "息をしてな", "呼吸が変", "いびき", "反応がな", "意識がな", "動かな"]},
    {"id": "ja-many-pills", "category": "overdose_poisoning", "when": ["@N錠", "@N粒", "何十錠", "一箱全部", "一シート"], "and": ["飲ん", "睡眠薬", "薬"], "unless": ["何錠まで"]},
    {"id": "ja-face-numb", "category": "stroke", "when": ["顔の半分", "顔半分", "片側の顔", "顔の片側"], "and": ["しびれ", "動かな", "笑えな", "下が", "ゆがん"]},
    {"id": "ja-suicide-indirect", "category": "suicidal_self_harm", "when": ["いなくなっても誰も", "死んでも誰も", "薬はもう用意", "遺書を書い", "消えてしまいたい", "もう終わりにしたい", "生きてる意味がない"]},
    {"id": "ja-infant-weeks", "category": "other", "when": ["生後", "赤ちゃん", "新生児"], "and": ["38", "39", "40", "熱", "ずっと寝", "ぐったり", "起きな"], "unless": ["予防接種"]},
    {"id": "ja-sting", "category": "anaphylaxis", "when": ["ハチに刺され", "蜂に刺され", "はちに刺され"], "and": ["腫れ", "息", "気が遠", "めまい", "じんましん"]},
  ],
  context: {
    negators: ["ない", "なし"],
    negatorsAfter: ["くない", "くありません", "くなかった", "ていない", "てない", "ません", "なかった"],
    distantPast: ["年前", "去年", "昨年", "子供の頃", "昔"],
    animal: ["犬", "猫", "ペット", "獣医"],
    fiction: ["小説", "物語", "漫画", "ドラマ", "映画", "脚本", "キャラ", "主人公"],
    general: ["症状は", "症状を教", "とは", "どうすればいい", "どうしたら", "誰かが", "予防", "医学生", "看護学生", "機序", "何錠まで", "用量", "について教"],
    currentEvent: ["今", "いま", "助けて", "たすけて", "さっき", "止まらない", "急に", "てる", "ている", "でる"],
    contrast: [],
  },
});
