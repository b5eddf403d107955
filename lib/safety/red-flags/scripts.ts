// Script-specific normalisation for the phrase-list languages (phrases.ts). Each takes
// de-obfuscated text (lower case, NFKC, no invisible characters) and returns the form the
// phrases are matched in; phrases go through the same function, so both meet.

/** Words and sentence punctuation only; other symbols become spaces. */
export function wordsAndPunctuation(text: string): string {
  return text
    .replace(/['’`]/g, " ")
    .replace(/[。｡]/g, ".")
    .replace(/[、､，]/g, ",")
    .replace(/[।॥]/g, ".")
    .replace(/[؟]/g, "?")
    .replace(/[،]/g, ",")
    .replace(/[^\p{L}\p{M}\p{N}.!?;,:\n ]+/gu, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

const CJK_CHAR = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]";
const SPACE_IN_CJK = new RegExp(`(?<=${CJK_CHAR}) +(?=${CJK_CHAR})`, "gu");

/** Chinese, Japanese and Korean are matched as character strings: spaces between their characters carry nothing (Korean spacing is often left out in chat). */
export function dropSpacesInCjk(text: string): string {
  return text.replace(SPACE_IN_CJK, "");
}

/** Katakana as hiragana ("ケイレン" → "けいれん"), so a phrase written in either matches both. */
export function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Traditional characters as their simplified form, for the characters the Chinese phrases use and the most common function characters. */
const TRADITIONAL =
  "發发燒烧頸颈點点過过氣气壓压臟脏腦脑癇痫暈晕藥药農农殺杀燙烫傷伤頭头嘔呕懷怀產产識识語语說说話话悶闷腫肿嚨咙癲癫寶宝嬰婴兒儿盪荡膜膜敗败們们來来個个沒没無无為为這这麼么會会裡里後后從从還还開开見见邊边嚴严動动讓让幫帮護护車车醫医滿满條条緊紧張张應应該该覺觉變变難难麵面歲岁個个臉脸嘴嘴鬥斗邊边強强體体熱热溫温謝谢請请問问題题時时間间現现樣样點点經经歷历孫孙爺爷奶奶媽妈爸爸種种種种過过麻麻紫紫斑斑僵僵碼码號号報报叫叫瘋疯瘓痪癱瘫風风" +
  // More of the common characters (blind round 15 wrote a farewell in traditional characters: 遺書, 準備, 結束).
  "遺遗書书準准備备結结寫写絕绝終终裝装錢钱給给對对親亲愛爱別别離离葉叶樓楼橋桥繩绳嗎吗顆颗劑剂針针嚇吓異异腸肠劇剧絞绞極极厲厉險险睜睁聽听喚唤聲声斷断續续側侧齒齿軟软鐘钟兩两萬万買买賣卖貓猫鳥鸟魚鱼電电擊击觸触嗆呛蝦虾螫蜇導导爐炉門门關关鎖锁癢痒紅红濕湿淚泪驚惊島岛脫脱蒼苍講讲視视線线禍祸噴喷劃划殘残著着夠够撐撑囑嘱願愿顧顾讀读學学習习記记憶忆認认歡欢婦妇診诊療疗衛卫纔才鬱郁憂忧慮虑緒绪潰溃壞坏將将並并於于與与麗丽腳脚隻只盡尽隨随處处戶户窩窝鄰邻員员務务隊队戲戏彈弹槍枪廁厕韁缰縮缩臥卧趕赶幾几廣广塊块塗涂滅灭煙烟廚厨腎肾膽胆聯联繫系絡络機机訊讯狀状況况陣阵慘惨衝冲陽阳曬晒凍冻顫颤慄栗齊齐餘余屍尸滾滚";

const TRADITIONAL_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) TRADITIONAL_MAP.set(TRADITIONAL[i], TRADITIONAL[i + 1]);

export function simplifyChinese(text: string): string {
  return text.replace(/\p{Script=Han}/gu, (c) => TRADITIONAL_MAP.get(c) ?? c);
}

/** Arabic letter variants written interchangeably in chat (ى/ي, ة/ه) and the elongation mark. */
export function foldArabic(text: string): string {
  return text.replace(/ـ/g, "").replace(/ى/g, "ي").replace(/ة/g, "ه").replace(/[ؤ]/g, "و").replace(/[ئ]/g, "ي");
}

/** Devanagari: nukta dropped (ज़ → ज), chandrabindu as anusvara — both are often left out or mixed up when typing. */
export function foldDevanagari(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\u093c/g, "")
    .replace(/\u0901/g, "\u0902")
    .normalize("NFC");
}

/**
 * Persian and Urdu as typed on any keyboard: the Arabic and the Persian/Urdu forms of yeh, kaf and heh are one letter here
 * (ي ى ی ے → ی, ك → ک, ة ۃ ہ ھ ۀ → ه: an Arabic keyboard writes "ي", an Urdu one "ہ" and "ھ"), and the present-tense prefix
 * "می"/"نمی", written apart or with a (removed) half-space, is joined to its verb ("می خوام" → "میخوام").
 */
export function foldPersoArabic(text: string): string {
  return foldArabic(text)
    .replace(/[يىےۓ]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[ةۃہۀھ]/g, "ه")
    .replace(/(?<![\p{L}])(ن?می) (?=\p{Script=Arabic})/gu, "$1");
}
