// The emergency-call situations added with round 11 (concepts/lexicons/situations-*.ts):
// one rule per situation, shared by the 20 languages, each language supplying the words.
// Messages written for this test (not taken from any labelled round); the controls are the
// everyday questions that share the words (a small oven burn, an inhaler refill, blood sugar
// after meals, button-battery toys) and must stay quiet in every language.
import { describe, expect, it } from "vitest";
import { triage } from "./triage";

const fired = (text: string) => triage(text).emergency;

const EMERGENCIES: [string, string][] = [
  ["en", "my sister posted a goodbye message on insta and now her phone is switched off"],
  ["en", "his inhaler is doing nothing, he can only say one word at a time and his lips are going blue"],
  ["en", "my dad is type 1 diabetic and he is really disoriented and sweaty"],
  ["en", "he collapsed in the garden and is making gurgling noises"],
  ["es", "mi hijo escribio perdon por todo en el grupo y ahora no contesta"],
  ["es", "a mi abuela diabetica la veo desorientada y sudando frio"],
  ["fr", "mon fils a avalé une pile bouton il y a dix minutes"],
  ["fr", "ma copine est tombée par terre et elle fait un bruit de ronflement bizarre"],
  ["de", "opa ist diabetiker und redet seit einer stunde wirres zeug"],
  ["de", "mein sohn hat fieber und einen steifen nacken, er kann das kinn nicht zur brust bringen"],
  ["pt", "minha irmã mandou uma mensagem de despedida e o celular está desligado"],
  ["pt", "meu bebê de 5 meses não molha a fralda desde ontem e está mole"],
  ["it", "mio figlio si è ustionato con acqua bollente, la pelle del petto si stacca"],
  ["it", "mio padre è crollato a terra e russa in modo strano, non si sveglia"],
  ["nl", "mijn vader is diabeet en is helemaal verward"],
  ["nl", "mijn zoontje heeft een knoopbatterij ingeslikt"],
  ["zh", "我爸有糖尿病，现在神志不清，一直出冷汗"],
  ["zh", "孩子被开水烫伤了，整个后背起了大水泡"],
  ["ja", "夫が倒れて、いびきのような呼吸をしていて起きない"],
  ["ja", "息子が喘息で吸入しても効かない、唇が紫になってる"],
  ["ko", "아빠가 쓰러졌는데 코를 골듯이 이상하게 숨을 쉬어요"],
  ["ko", "아이가 끓는 물에 얼굴을 데였어요"],
  ["ar", "ابني بلع بطارية زر صغيرة"],
  ["ar", "ابوي عنده السكري وصار يخرف وعرقان"],
  ["hi", "मेरे बेटे ने बटन बैटरी निगल ली"],
  ["hi", "papa gir gaye aur kharrate jaisi saans le rahe hain"],
  ["ru", "сестра написала прощальное сообщение и выключила телефон"],
  ["ru", "ингалятор не помогает, губы синие, не может говорить"],
  ["uk", "мама діабетик, вона плутається і марить"],
  ["uk", "дитина обпеклася окропом, шкіра на грудях злазить"],
  ["pl", "syn połknął baterię guzikową"],
  ["pl", "tata ma cukrzycę i jest splątany, gada bez sensu"],
  ["tr", "kardeşim veda mesajı attı, telefonu kapalı"],
  ["tr", "babam diyabet hastası, bilinci bulanık ve terliyor"],
  ["vi", "con tôi nuốt pin cúc áo"],
  ["vi", "bố tôi bị tiểu đường, giờ lơ mơ và nói lảm nhảm"],
  ["id", "bapak saya diabetes, sekarang linglung dan keringat dingin"],
  ["id", "adik saya kesiram minyak panas, wajahnya melepuh"],
  ["sv", "pappa är diabetiker och är helt förvirrad"],
  ["sv", "min dotter har svalt ett knappcellsbatteri"],
  ["th", "พ่อเป็นเบาหวาน ตอนนี้สับสน พูดไม่รู้เรื่อง"],
  ["th", "ลูกกลืนถ่านกระดุมเข้าไป"],
];

const CONTROLS: [string, string][] = [
  ["en", "how do I treat a small burn from the oven"],
  ["en", "my inhaler is running out, how do I get a refill"],
  ["en", "what should my blood sugar be after meals"],
  ["en", "what's a button battery safe age for toys"],
  ["es", "¿cómo curo una quemadura pequeña del horno?"],
  ["es", "se me está acabando el inhalador, ¿cómo pido otra receta?"],
  ["fr", "quel taux de sucre dans le sang après les repas ?"],
  ["fr", "comment soigner une petite brûlure du four ?"],
  ["de", "wie hoch sollte der blutzucker nach dem essen sein?"],
  ["de", "ab welchem alter sind spielzeuge mit knopfzellen sicher?"],
  ["pt", "como tratar uma pequena queimadura do forno?"],
  ["pt", "minha bombinha está acabando, como consigo outra receita?"],
  ["it", "quanto dovrebbe essere la glicemia dopo i pasti?"],
  ["it", "come curare una piccola scottatura del forno?"],
  ["nl", "hoe behandel ik een kleine brandwond van de oven?"],
  ["nl", "mijn puffer is bijna op, hoe krijg ik een nieuw recept?"],
  ["zh", "饭后血糖应该是多少？"],
  ["zh", "纽扣电池的玩具几岁可以玩？"],
  ["ja", "食後の血糖値はどのくらいがいいですか"],
  ["ja", "オーブンで軽いやけどをした、どう手当てすればいい？"],
  ["ko", "흡입기가 다 떨어져 가는데 처방을 어떻게 받나요?"],
  ["ko", "오븐에 살짝 데었을 때 어떻게 치료하나요?"],
  ["ar", "كم لازم يكون السكر بعد الأكل؟"],
  ["ar", "البخاخ قرب يخلص، كيف اجدد الوصفة؟"],
  ["hi", "खाने के बाद ब्लड शुगर कितनी होनी चाहिए?"],
  ["hi", "ओवन से हल्का सा जल गया, क्या लगाऊं?"],
  ["ru", "какой должен быть сахар в крови после еды?"],
  ["ru", "с какого возраста можно игрушки с батарейками-таблетками?"],
  ["uk", "як лікувати невеликий опік від духовки?"],
  ["uk", "інгалятор закінчується, як отримати новий рецепт?"],
  ["pl", "jaki powinien być cukier po posiłku?"],
  ["pl", "jak leczyć małe oparzenie od piekarnika?"],
  ["tr", "yemekten sonra kan şekeri kaç olmalı?"],
  ["tr", "inhalerim bitiyor, yeni reçeteyi nasıl alırım?"],
  ["vi", "đường huyết sau ăn nên là bao nhiêu?"],
  ["vi", "bị bỏng nhẹ do lò nướng thì xử lý thế nào?"],
  ["id", "gula darah setelah makan seharusnya berapa?"],
  ["id", "bagaimana merawat luka bakar kecil dari oven?"],
  ["sv", "vad ska blodsockret vara efter maten?"],
  ["sv", "min inhalator håller på att ta slut, hur får jag nytt recept?"],
  ["th", "น้ำตาลในเลือดหลังอาหารควรเป็นเท่าไร"],
  ["th", "โดนเตาอบลวกนิดหน่อย ทำแผลยังไงดี"],
];

describe("round-11 situations in every language", () => {
  it.each(EMERGENCIES)("%s: %s → emergency", (_language, text) => {
    expect(fired(text)).toBe(true);
  });

  it.each(CONTROLS)("%s: %s → quiet", (_language, text) => {
    expect(fired(text)).toBe(false);
  });

  it("covers all 20 languages both ways", () => {
    expect(new Set(EMERGENCIES.map(([language]) => language)).size).toBe(20);
    expect(new Set(CONTROLS.map(([language]) => language)).size).toBe(20);
  });
});

describe("phrase gaps inside concept words", () => {
  it("tolerates one or two inserted words where the rule is a co-occurrence", () => {
    expect(fired("she suddenly cannot lift her right arm")).toBe(true);
    expect(fired("la abuela de repente no puede levantar el brazo derecho")).toBe(true);
    expect(fired("oma kann plötzlich ihren rechten arm nicht mehr heben")).toBe(true);
  });

  it("keeps exact the words an insertion could reverse (a bleed that has stopped)", () => {
    expect(fired("the cut on his leg is bleeding and it never stopped, blood everywhere")).toBe(true);
  });

  it("stays bounded on hostile input full of half-phrases", () => {
    for (const text of ["cant lift ".repeat(400), "a ".repeat(2000) + "arm", "skin peeling ".repeat(300) + "burn"]) {
      const started = performance.now();
      triage(text.slice(0, 4000));
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});

describe("Japan's crisis line", () => {
  it("names 日本いのちの電話's navi-dial 0570-783-556 and its free-dial 0120-783-556", () => {
    const notice = triage("もう死にたい、今夜終わりにする", "ja-JP").notice;
    expect(notice?.crisisLine).toBe("0570-783-556");
    expect(notice?.text).toContain("0570-783-556");
    expect(notice?.text).toContain("0120-783-556");
  });
});
