// Thai red flags as phrase lists (see ../phrases.ts), matched as character strings on the
// accented text (Thai vowels and tone marks are combining marks that folding would drop).
// Most Thai coverage comes from the concept rules (../../concepts/lexicons/th.ts); these
// are the red flags one phrase names on its own.
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const THAI = phrasePack({
  language: "th",
  readsUnmarkedTurns: false,
  spaced: false,
  wordStart: false,
  reads: "accented",
  normalize: (text) => wordsAndPunctuation(text.normalize("NFC")),
  markers: /\p{Script=Thai}/u,
  letters: /\p{Script=Thai}/u,
  rules: [
    {
      id: "th-chest-pain",
      category: "cardiac",
      when: ["เจ็บหน้าอก", "แน่นหน้าอก", "ปวดหน้าอก", "เจ็บอก", "แน่นอก", "จุกอก"],
      and: ["แขนซ้าย", "ร้าว", "กราม", "เหงื่อแตก", "เหงื่อออก", "หายใจไม่ออก", "หน้ามืด", "รุนแรง", "มาก", "ใจสั่น", "คลื่นไส้"],
    },
    { id: "th-heart-attack", category: "cardiac", when: ["หัวใจวาย", "หัวใจหยุดเต้น", "กล้ามเนื้อหัวใจตาย", "หัวใจขาดเลือด"] },
    {
      id: "th-stroke",
      category: "stroke",
      when: ["ปากเบี้ยว", "หน้าเบี้ยว", "มุมปากตก", "แขนขาอ่อนแรง", "อ่อนแรงครึ่งซีก", "เส้นเลือดในสมองแตก", "เส้นเลือดในสมองตีบ", "อัมพฤกษ์", "ยกแขนไม่ขึ้น"],
    },
    {
      id: "th-breathing",
      category: "breathing",
      when: ["หายใจไม่ออก", "หายใจไม่ได้", "หยุดหายใจ", "ไม่หายใจ", "ตัวเขียว", "ปากเขียว", "ติดคอ", "สำลัก~หายใจ"],
    },
    {
      id: "th-anaphylaxis",
      category: "anaphylaxis",
      when: ["แพ้รุนแรง", "แพ้อย่างรุนแรง", "ช็อกจากการแพ้", "ลิ้นบวม", "คอบวม", "ปากบวม", "หน้าบวม"],
      and: ["หายใจ", "กลืน", "แพ้", "กิน", "ต่อย", "ผึ้ง", "ถั่ว", "กุ้ง"],
    },
    {
      id: "th-bleeding",
      category: "severe_bleeding",
      when: ["เลือดออกมาก", "เลือดออกไม่หยุด", "เลือดพุ่ง", "เลือดไหลไม่หยุด", "เสียเลือดมาก", "เลือดออกเยอะ"],
    },
    { id: "th-seizure", category: "seizure", when: ["ชักเกร็ง", "ชักกระตุก", "กำลังชัก", "ชักไม่หยุด", "ลมบ้าหมู", "ชักไม่รู้สึกตัว"] },
    { id: "th-unconscious", category: "unconscious", when: ["หมดสติ", "ไม่รู้สึกตัว", "ปลุกไม่ตื่น", "เรียกไม่ตื่น", "ไม่ตอบสนอง", "เป็นลมไม่ฟื้น"] },
    {
      id: "th-suicidal",
      category: "suicidal_self_harm",
      when: [
        "อยากตาย",
        "อยากฆ่าตัวตาย",
        "จะฆ่าตัวตาย",
        "คิดฆ่าตัวตาย",
        "คิดจะฆ่าตัวตาย",
        "กำลังจะฆ่าตัวตาย",
        "ไม่อยากมีชีวิตอยู่",
        "ไม่อยากอยู่แล้ว",
        "จะกระโดดตึก",
        "กรีดข้อมือ",
        "กรีดแขน",
        "ทำร้ายตัวเอง",
        "จบชีวิตตัวเอง",
        "ไม่อยากอยู่บนโลกนี้",
        "ไม่อยากตื่น",
      ],
    },
    {
      id: "th-overdose",
      category: "overdose_poisoning",
      when: ["กินยาเกินขนาด", "ยาเกินขนาด", "โอเวอร์โดส", "กินยาฆ่าตัวตาย", "กินยา@Nเม็ด", "@Nเม็ด", "ทั้งแผง", "กินยาพิษ", "ยาเบื่อหนู", "ยาฆ่าแมลง"],
      and: ["กิน", "ดื่ม", "กลืน", "เม็ด", "ยา"],
    },
    {
      id: "th-infant",
      category: "other",
      when: ["ทารก", "แรกเกิด", "ลูกอายุ@N วัน", "อายุ 1 เดือน", "อายุ 2 เดือน"],
      and: ["ไข้", "ตัวร้อน", "ซึม", "ไม่กินนม", "ไม่ดูดนม"],
    },
    {
      id: "th-pregnancy",
      category: "pregnancy_emergency",
      when: ["ตั้งครรภ์", "ตั้งท้อง", "คนท้อง", "ท้อง~เดือน", "ท้อง~สัปดาห์"],
      and: ["เลือดออก", "น้ำเดิน", "ปวดท้องมาก", "ชัก"],
    },
  ],
  context: {
    negators: ["ไม่ได้", "ไม่มี", "ไม่"],
    distantPast: ["เดือนที่แล้ว", "เดือนก่อน", "ปีที่แล้ว", "เมื่อปี", "หลายปี", "ตอนเด็ก", "ปีก่อน", "เคยเป็น", "นานมาแล้ว"],
    animal: ["หมา", "แมว", "สุนัข", "สัตว์เลี้ยง"],
    fiction: ["นิยาย", "เรื่องสั้น", "ภาพยนตร์", "ละคร", "ตัวละคร", "เกม"],
    general: [
      "อาการของ",
      "คืออะไร",
      "อะไรคือ",
      "ถ้ามีคน",
      "ควรทำอย่างไร",
      "ทำยังไงถ้า",
      "วิธีช่วย",
      "วิธีปฐมพยาบาล",
      "นักศึกษาแพทย์",
      "รู้สึกยังไง",
      "เป็นยังไง",
      "ป้องกันยังไง",
    ],
    currentEvent: ["ตอนนี้", "เดี๋ยวนี้", "ช่วยด้วย", "กำลัง", "เมื่อกี้", "ด่วน"],
    contrast: ["แต่"],
  },
});
