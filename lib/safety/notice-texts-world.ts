// The emergency notice in the languages added after the first seven (see notice-texts.ts
// for the shape). The numbers still come from the locale (contacts.ts); every text keeps
// "or your local emergency number", since a language does not tell the country.
import { crisisLineLabel } from "./contacts";
import type { NoticeWording } from "./notice-wording";

type WorldLanguage =
  | "zh"
  | "ja"
  | "ko"
  | "ar"
  | "hi"
  | "ru"
  | "uk"
  | "pl"
  | "tr"
  | "vi"
  | "id"
  | "sv"
  | "th"
  | "tl"
  | "sw"
  | "el"
  | "ro"
  | "cs"
  | "fa"
  | "he"
  | "ur"
  | "bn"
  | "hu";

export const WORLD_NOTICE_WORDING: Record<WorldLanguage, NoticeWording> = {
  zh: {
    labels: { heading: "可能是紧急情况", call: "拨打", crisisLine: "心理危机热线" },
    emergency: (c) => `这可能是医疗紧急情况。请立即拨打 ${c.emergencyNumber}（或当地急救电话），或尽快去最近的急诊。`,
    crisis: (c) => `如果你有自杀或伤害自己的想法，你并不孤单：请现在就拨打 ${crisisLineLabel(c, "（", "）")}。`,
    danger: (c) => `如有紧急危险，请拨打 ${c.emergencyNumber}。`,
    crisisOne: "如果你有自杀或伤害自己的想法，你并不孤单：请现在就拨打这个号码。",
    advice: {
      cardiac: "胸痛伴有这些症状可能是心脏病发作。",
      stroke: "这可能是中风的征兆（口角歪斜、手臂无力、说话不清）：每一分钟都很重要。",
      breathing: "严重呼吸困难需要立即求助。",
      anaphylaxis: "这可能是严重过敏反应（过敏性休克）。如有肾上腺素自动注射笔，请立即使用。",
      overdose_poisoning: "这可能是药物过量或中毒。不要等出现症状；保留药盒或包装给急救人员看。",
      severe_bleeding: "用干净的布用力按压伤口，不要松开。",
      seizure: "抽搐超过 5 分钟或之后不醒是紧急情况。不要往嘴里塞任何东西。",
      unconscious: "如果对方呼吸不正常，会的话请开始心肺复苏；调度员会指导你。",
    },
    crisisAnswer: {
      open: `你并不孤单，现在就能得到帮助。`,
      call: (c) => `请拨打 ${c.crisisLine} 和人谈谈；如果你可能按这些想法行动，或已经服下了什么，请拨打 ${c.emergencyNumber}。`,
      callOne: (c) => `请现在就拨打 ${c.emergencyNumber} 和人谈谈，尤其是如果你可能按这些想法行动，或已经服下了什么。`,
      close: `如果可以，请和你信任的人待在一起，并把药物和其他危险物品放到拿不到的地方。MedChat 是自动助手，无法在危机中帮助你；这些热线的工作人员可以。`,
    },
    afterNotice: (c) =>
      `请按照上面的紧急提示去做：现在就拨打 ${c.emergencyNumber}（或当地急救电话）。MedChat 无法处理紧急情况，也没有关于这个问题的可靠信息。`,
    closing: "不要等待网上的回答。",
  },
  ja: {
    labels: { heading: "緊急の可能性があります", call: "電話する", crisisLine: "相談窓口" },
    emergency: (c) =>
      `医療的な緊急事態の可能性があります。今すぐ ${c.emergencyNumber}（またはお住まいの地域の救急番号）に電話するか、最寄りの救急外来へ行ってください。`,
    crisis: (c) =>
      `死にたい、自分を傷つけたいと思っているなら、あなたは一人ではありません。今すぐ ${crisisLineLabel(c, "（", "）")}に電話してください。`,
    danger: (c) => `差し迫った危険があるときは ${c.emergencyNumber} へ。`,
    crisisOne: "死にたい、自分を傷つけたいと思っているなら、あなたは一人ではありません。今すぐ同じ番号に電話してください。",
    advice: {
      cardiac: "このような症状を伴う胸の痛みは心臓発作の可能性があります。",
      stroke: "脳卒中の兆候の可能性があります（顔のゆがみ、腕の力が入らない、ろれつが回らない）。一分一秒を争います。",
      breathing: "ひどい呼吸困難にはすぐに助けが必要です。",
      anaphylaxis: "重いアレルギー反応（アナフィラキシー）の可能性があります。エピペンがあれば使ってください。",
      overdose_poisoning: "過量服薬または中毒の可能性があります。症状を待たず、薬の箱や容器を救急隊に見せてください。",
      severe_bleeding: "清潔な布で傷口を強く押さえ続けてください。",
      seizure: "5 分以上続くけいれんや、その後目を覚まさない場合は緊急事態です。口に物を入れないでください。",
      unconscious: "普段どおりの呼吸がなければ、できれば心肺蘇生を始めてください。指令員が指示します。",
    },
    crisisAnswer: {
      open: `あなたは一人ではありません。今すぐ相談できる場所があります。`,
      call: (c) =>
        `${c.crisisLine} に電話して誰かと話してください。この気持ちのまま行動してしまいそうなとき、またはすでに何かを飲んだときは ${c.emergencyNumber} に電話してください。`,
      callOne: (c) =>
        `今すぐ ${c.emergencyNumber} に電話してください。この気持ちのまま行動してしまいそうなとき、またはすでに何かを飲んだときは、なおさらです。`,
      close: `できれば信頼できる人と一緒にいて、薬などは手の届かない所に置いてください。MedChat は自動アシスタントで、危機の中のあなたを助けることはできません。これらの窓口の人たちなら助けられます。`,
    },
    afterNotice: (c) =>
      `上の緊急の案内に従ってください。今すぐ ${c.emergencyNumber}（またはお住まいの地域の救急番号）に電話してください。MedChat は緊急時に助けることができず、この質問について信頼できる情報もありません。`,
    closing: "オンラインの回答を待たないでください。",
  },
  ko: {
    labels: { heading: "응급 상황일 수 있습니다", call: "전화하기", crisisLine: "자살예방 상담전화" },
    emergency: (c) =>
      `의료 응급 상황일 수 있습니다. 지금 바로 ${c.emergencyNumber}(또는 지역 응급 번호)에 전화하거나 가까운 응급실로 가세요.`,
    crisis: (c) => `자살이나 자해를 생각하고 있다면 혼자가 아닙니다. 지금 ${crisisLineLabel(c, "(", ")")}에 전화하세요.`,
    danger: (c) => `당장 위험하다면 ${c.emergencyNumber}에 전화하세요.`,
    crisisOne: "자살이나 자해를 생각하고 있다면 혼자가 아닙니다. 지금 같은 번호로 전화하세요.",
    advice: {
      cardiac: "이런 증상을 동반한 가슴 통증은 심장마비일 수 있습니다.",
      stroke: "뇌졸중 징후일 수 있습니다(얼굴 처짐, 팔 힘 빠짐, 말이 어눌함). 1분 1초가 중요합니다.",
      breathing: "심한 호흡곤란은 즉시 도움이 필요합니다.",
      anaphylaxis: "심한 알레르기 반응(아나필락시스)일 수 있습니다. 에피펜이 있으면 사용하세요.",
      overdose_poisoning: "약물 과다복용이나 중독일 수 있습니다. 증상을 기다리지 말고 약 포장을 구급대원에게 보여 주세요.",
      severe_bleeding: "깨끗한 천으로 상처를 세게 누르고 계속 누르세요.",
      seizure: "경련이 5분 넘게 계속되거나 이후 깨어나지 않으면 응급 상황입니다. 입에 아무것도 넣지 마세요.",
      unconscious: "정상적으로 숨을 쉬지 않으면 가능하다면 심폐소생술을 시작하세요. 상황실 요원이 안내합니다.",
    },
    crisisAnswer: {
      open: `당신은 혼자가 아니며 지금 바로 도움을 받을 수 있습니다.`,
      call: (c) =>
        `${c.crisisLine}에 전화해 누군가와 이야기하세요. 이 생각대로 행동할 것 같거나 이미 무언가를 먹었다면 ${c.emergencyNumber}에 전화하세요.`,
      callOne: (c) => `지금 ${c.emergencyNumber}에 전화하세요. 이 생각대로 행동할 것 같거나 이미 무언가를 먹었다면 더욱 그렇습니다.`,
      close: `가능하면 믿을 수 있는 사람과 함께 있고 약과 다른 위험한 물건은 손이 닿지 않는 곳에 두세요. MedChat은 자동 도우미라 위기 상황에서 도울 수 없지만, 이 상담전화의 사람들은 도울 수 있습니다.`,
    },
    afterNotice: (c) =>
      `위의 응급 안내를 따르세요. 지금 바로 ${c.emergencyNumber}(또는 지역 응급 번호)에 전화하세요. MedChat은 응급 상황에서 도울 수 없으며 이 질문에 대한 신뢰할 만한 정보가 없습니다.`,
    closing: "온라인 답변을 기다리지 마세요.",
  },
  ar: {
    labels: { heading: "حالة طارئة محتملة", call: "اتصل بـ", crisisLine: "خط الدعم النفسي" },
    emergency: (c) => `قد تكون هذه حالة طبية طارئة. اتصل الآن بـ ${c.emergencyNumber} (أو برقم الطوارئ المحلي) أو توجّه إلى أقرب قسم طوارئ.`,
    crisis: (c) => `إذا كنت تفكر في الانتحار أو إيذاء نفسك، فأنت لست وحدك: اتصل الآن بـ ${crisisLineLabel(c)}.`,
    danger: (c) => `إذا كنت في خطر مباشر، اتصل بـ ${c.emergencyNumber}.`,
    crisisOne: "إذا كنت تفكر في الانتحار أو إيذاء نفسك، فأنت لست وحدك: اتصل الآن بالرقم نفسه.",
    advice: {
      cardiac: "ألم الصدر مع هذه العلامات قد يكون نوبة قلبية.",
      stroke: "قد تكون هذه علامات سكتة دماغية (ميل الوجه، ضعف الذراع، صعوبة الكلام): كل دقيقة مهمة.",
      breathing: "صعوبة التنفس الشديدة تحتاج إلى مساعدة فورية.",
      anaphylaxis: "قد يكون هذا تفاعلاً تحسسياً شديداً (صدمة تحسسية). استخدم قلم الأدرينالين إن وُجد.",
      overdose_poisoning: "قد تكون هذه جرعة زائدة أو تسمماً. لا تنتظر ظهور الأعراض؛ احتفظ بالعبوة لتُريها للمسعفين.",
      severe_bleeding: "اضغط بقوة على الجرح بقطعة قماش نظيفة واستمر في الضغط.",
      seizure: "النوبة التي تستمر أكثر من 5 دقائق، أو عدم الاستيقاظ بعدها، حالة طارئة. لا تضع شيئاً في الفم.",
      unconscious: "إذا كان الشخص لا يتنفس بشكل طبيعي، ابدأ الإنعاش القلبي الرئوي إن استطعت؛ وسيرشدك موظف الطوارئ.",
    },
    crisisAnswer: {
      open: `أنت لست وحدك، والمساعدة متاحة الآن.`,
      call: (c) =>
        `اتصل بـ ${c.crisisLine} لتتحدث مع أحد، أو اتصل بـ ${c.emergencyNumber} إذا كنت قد تتصرف بناءً على هذه الأفكار أو تناولت شيئاً بالفعل.`,
      callOne: (c) => `اتصل الآن بـ ${c.emergencyNumber} لتتحدث مع أحد، خاصة إذا كنت قد تتصرف بناءً على هذه الأفكار أو تناولت شيئاً بالفعل.`,
      close: `إن استطعت، ابقَ مع شخص تثق به وأبعد الأدوية والوسائل الأخرى عن متناولك. MedChat مساعد آلي ولا يستطيع المساعدة في الأزمات؛ أما العاملون على هذه الخطوط فيستطيعون.`,
    },
    afterNotice: (c) =>
      `يُرجى اتباع إرشادات الطوارئ أعلاه: اتصل الآن بـ ${c.emergencyNumber} (أو برقم الطوارئ المحلي). لا يستطيع MedChat المساعدة في حالات الطوارئ، وليست لديه معلومات موثوقة عن هذا السؤال.`,
    closing: "لا تنتظر إجابة عبر الإنترنت.",
  },
  hi: {
    labels: { heading: "संभावित आपात स्थिति", call: "कॉल करें", crisisLine: "संकट हेल्पलाइन" },
    emergency: (c) =>
      `यह मेडिकल इमरजेंसी हो सकती है। अभी ${c.emergencyNumber} (या अपने इलाके का इमरजेंसी नंबर) पर कॉल करें, या सबसे नज़दीकी इमरजेंसी विभाग जाएँ।`,
    crisis: (c) => `अगर आप आत्महत्या या खुद को नुकसान पहुँचाने के बारे में सोच रहे हैं, तो आप अकेले नहीं हैं: अभी ${crisisLineLabel(c)} पर कॉल करें।`,
    danger: (c) => `तुरंत खतरा हो तो ${c.emergencyNumber} पर कॉल करें।`,
    crisisOne: "अगर आप आत्महत्या या खुद को नुकसान पहुँचाने के बारे में सोच रहे हैं, तो आप अकेले नहीं हैं: अभी इसी नंबर पर कॉल करें।",
    advice: {
      cardiac: "इन लक्षणों के साथ सीने में दर्द दिल का दौरा हो सकता है।",
      stroke: "ये लकवे (स्ट्रोक) के लक्षण हो सकते हैं (चेहरा टेढ़ा, हाथ में कमज़ोरी, बोलने में दिक्कत): हर मिनट कीमती है।",
      breathing: "सांस लेने में गंभीर तकलीफ़ में तुरंत मदद चाहिए।",
      anaphylaxis: "यह गंभीर एलर्जी (एनाफिलैक्सिस) हो सकती है। एड्रेनालिन ऑटो-इंजेक्टर हो तो इस्तेमाल करें।",
      overdose_poisoning: "यह ओवरडोज़ या ज़हर हो सकता है। लक्षणों का इंतज़ार न करें; दवा का पैकेट संभालकर रखें।",
      severe_bleeding: "घाव पर साफ़ कपड़े से ज़ोर से दबाएँ और दबाए रखें।",
      seizure: "5 मिनट से ज़्यादा का दौरा, या उसके बाद होश न आना, इमरजेंसी है। मुँह में कुछ न डालें।",
      unconscious: "अगर व्यक्ति सामान्य रूप से सांस नहीं ले रहा, तो आप कर सकें तो CPR शुरू करें; कॉल पर मौजूद व्यक्ति मार्गदर्शन करेगा।",
    },
    crisisAnswer: {
      open: `आप अकेले नहीं हैं, और मदद अभी उपलब्ध है।`,
      call: (c) =>
        `किसी से बात करने के लिए ${c.crisisLine} पर कॉल करें, या अगर आप इन विचारों पर अमल कर सकते हैं या कुछ ले चुके हैं तो ${c.emergencyNumber} पर कॉल करें।`,
      callOne: (c) => `अभी ${c.emergencyNumber} पर कॉल करें, खासकर अगर आप इन विचारों पर अमल कर सकते हैं या कुछ ले चुके हैं।`,
      close: `हो सके तो किसी भरोसेमंद व्यक्ति के साथ रहें और गोलियाँ व दूसरे साधन दूर रखें। MedChat एक स्वचालित सहायक है और संकट में मदद नहीं कर सकता; इन हेल्पलाइनों के लोग कर सकते हैं।`,
    },
    afterNotice: (c) =>
      `कृपया ऊपर दी गई आपातकालीन सलाह मानें: अभी ${c.emergencyNumber} (या अपने स्थानीय आपातकालीन नंबर) पर कॉल करें। MedChat आपात स्थिति में मदद नहीं कर सकता, और इस सवाल पर उसके पास भरोसेमंद जानकारी नहीं है।`,
    closing: "ऑनलाइन जवाब का इंतज़ार न करें।",
  },
  ru: {
    labels: { heading: "Возможно, это экстренная ситуация", call: "Позвонить", crisisLine: "Телефон доверия" },
    emergency: (c) =>
      `Это может быть неотложное состояние. Позвоните сейчас по номеру ${c.emergencyNumber} (или в местную службу экстренной помощи) либо обратитесь в ближайшее приёмное отделение.`,
    crisis: (c) =>
      `Если вы думаете о самоубийстве или о том, чтобы причинить себе вред, вы не одни: позвоните сейчас ${crisisLineLabel(c)}.`,
    danger: (c) => `При непосредственной опасности звоните ${c.emergencyNumber}.`,
    crisisOne: "Если вы думаете о самоубийстве или о том, чтобы причинить себе вред, вы не одни: позвоните сейчас по этому же номеру.",
    advice: {
      cardiac: "Боль в груди с такими признаками может быть инфарктом.",
      stroke: "Это могут быть признаки инсульта (перекошенное лицо, слабость руки, нарушение речи): важна каждая минута.",
      breathing: "При сильном затруднении дыхания нужна немедленная помощь.",
      anaphylaxis: "Это может быть тяжёлая аллергическая реакция (анафилаксия). Используйте автоинъектор адреналина, если он есть.",
      overdose_poisoning: "Это может быть передозировка или отравление. Не ждите симптомов; сохраните упаковку для врачей.",
      severe_bleeding: "Сильно прижмите рану чистой тканью и не отпускайте.",
      seizure: "Судороги дольше 5 минут или отсутствие пробуждения после них — экстренная ситуация. Ничего не кладите в рот.",
      unconscious: "Если человек не дышит нормально, начните сердечно-лёгочную реанимацию, если можете; диспетчер подскажет.",
    },
    crisisAnswer: {
      open: `Вы не одни, и помощь доступна прямо сейчас.`,
      call: (c) =>
        `Позвоните ${c.crisisLine}, чтобы поговорить с кем-то, или звоните ${c.emergencyNumber}, если можете поддаться этим мыслям или уже что-то приняли.`,
      callOne: (c) =>
        `Позвоните сейчас ${c.emergencyNumber}, чтобы поговорить с кем-то, особенно если можете поддаться этим мыслям или уже что-то приняли.`,
      close: `Если можете, побудьте с человеком, которому доверяете, и уберите таблетки и другие средства подальше. MedChat — автоматический помощник и не может помочь в кризисе; люди на этих линиях могут.`,
    },
    afterNotice: (c) =>
      `Пожалуйста, следуйте экстренным советам выше: позвоните сейчас ${c.emergencyNumber} (или по местному номеру экстренной помощи). MedChat не может помочь в экстренной ситуации, и у него нет надёжной информации по этому вопросу.`,
    closing: "Не ждите ответа онлайн.",
  },
  uk: {
    labels: { heading: "Можлива невідкладна ситуація", call: "Зателефонувати", crisisLine: "Лінія підтримки" },
    emergency: (c) =>
      `Це може бути невідкладний медичний стан. Зателефонуйте зараз за номером ${c.emergencyNumber} (або до місцевої служби екстреної допомоги) чи зверніться до найближчого приймального відділення.`,
    crisis: (c) => `Якщо ви думаєте про самогубство або про те, щоб зашкодити собі, ви не самі: зателефонуйте зараз ${crisisLineLabel(c)}.`,
    danger: (c) => `У разі безпосередньої небезпеки телефонуйте ${c.emergencyNumber}.`,
    crisisOne: "Якщо ви думаєте про самогубство або про те, щоб зашкодити собі, ви не самі: зателефонуйте зараз на цей самий номер.",
    advice: {
      cardiac: "Біль у грудях з такими ознаками може бути інфарктом.",
      stroke: "Це можуть бути ознаки інсульту (перекошене обличчя, слабкість руки, порушення мовлення): важлива кожна хвилина.",
      breathing: "Сильне утруднення дихання потребує негайної допомоги.",
      anaphylaxis: "Це може бути тяжка алергічна реакція (анафілаксія). Використайте автоінʼєктор адреналіну, якщо він є.",
      overdose_poisoning: "Це може бути передозування або отруєння. Не чекайте симптомів; збережіть упаковку для медиків.",
      severe_bleeding: "Сильно притисніть рану чистою тканиною і не відпускайте.",
      seizure: "Судоми довше 5 хвилин або відсутність пробудження після них — невідкладний стан. Нічого не кладіть у рот.",
      unconscious: "Якщо людина не дихає нормально, почніть серцево-легеневу реанімацію, якщо можете; диспетчер підкаже.",
    },
    crisisAnswer: {
      open: `Ви не самі, і допомога доступна просто зараз.`,
      call: (c) =>
        `Зателефонуйте ${c.crisisLine}, щоб поговорити з кимось, або телефонуйте ${c.emergencyNumber}, якщо можете піддатися цим думкам чи вже щось прийняли.`,
      callOne: (c) =>
        `Зателефонуйте зараз ${c.emergencyNumber}, щоб поговорити з кимось, особливо якщо можете піддатися цим думкам чи вже щось прийняли.`,
      close: `Якщо можете, побудьте з людиною, якій довіряєте, і приберіть таблетки та інші засоби подалі. MedChat — автоматичний помічник і не може допомогти в кризі; люди на цих лініях можуть.`,
    },
    afterNotice: (c) =>
      `Будь ласка, дотримуйтеся екстрених порад вище: зателефонуйте зараз ${c.emergencyNumber} (або за місцевим номером екстреної допомоги). MedChat не може допомогти в екстреній ситуації і не має надійної інформації з цього питання.`,
    closing: "Не чекайте відповіді онлайн.",
  },
  pl: {
    labels: { heading: "Możliwy nagły wypadek", call: "Zadzwoń pod", crisisLine: "Telefon zaufania" },
    emergency: (c) =>
      `To może być stan nagły. Zadzwoń teraz pod ${c.emergencyNumber} (lub lokalny numer alarmowy) albo jedź na najbliższy SOR.`,
    crisis: (c) => `Jeśli myślisz o samobójstwie lub o zrobieniu sobie krzywdy, nie jesteś sam: zadzwoń teraz pod ${crisisLineLabel(c)}.`,
    danger: (c) => `W bezpośrednim zagrożeniu dzwoń pod ${c.emergencyNumber}.`,
    crisisOne: "Jeśli myślisz o samobójstwie lub o zrobieniu sobie krzywdy, nie jesteś sam: zadzwoń teraz pod ten sam numer.",
    advice: {
      cardiac: "Ból w klatce piersiowej z takimi objawami może oznaczać zawał serca.",
      stroke: "To mogą być objawy udaru (opadnięty kącik ust, osłabienie ręki, zaburzenia mowy): liczy się każda minuta.",
      breathing: "Silna duszność wymaga natychmiastowej pomocy.",
      anaphylaxis: "To może być ciężka reakcja alergiczna (anafilaksja). Użyj autowstrzykiwacza z adrenaliną, jeśli jest.",
      overdose_poisoning: "To może być przedawkowanie lub zatrucie. Nie czekaj na objawy; zachowaj opakowanie dla ratowników.",
      severe_bleeding: "Mocno uciskaj ranę czystym materiałem i nie puszczaj.",
      seizure: "Napad trwający ponad 5 minut lub brak przebudzenia po nim to stan nagły. Nie wkładaj niczego do ust.",
      unconscious: "Jeśli osoba nie oddycha prawidłowo, zacznij resuscytację, jeśli potrafisz; dyspozytor pokieruje.",
    },
    crisisAnswer: {
      open: `Nie jesteś sam i pomoc jest dostępna już teraz.`,
      call: (c) =>
        `Zadzwoń pod ${c.crisisLine}, aby z kimś porozmawiać, albo pod ${c.emergencyNumber}, jeśli możesz zrobić coś pod wpływem tych myśli lub już coś zażyłeś.`,
      callOne: (c) =>
        `Zadzwoń teraz pod ${c.emergencyNumber}, aby z kimś porozmawiać, zwłaszcza jeśli możesz zrobić coś pod wpływem tych myśli lub już coś zażyłeś.`,
      close: `Jeśli możesz, zostań z kimś, komu ufasz, i odłóż leki oraz inne środki poza zasięg. MedChat jest automatycznym asystentem i nie pomoże w kryzysie; ludzie pod tymi numerami mogą pomóc.`,
    },
    afterNotice: (c) =>
      `Postępuj zgodnie z powyższymi wskazówkami alarmowymi: zadzwoń teraz pod ${c.emergencyNumber} (lub lokalny numer alarmowy). MedChat nie może pomóc w nagłym wypadku i nie ma wiarygodnych informacji na ten temat.`,
    closing: "Nie czekaj na odpowiedź online.",
  },
  tr: {
    labels: { heading: "Olası acil durum", call: "Ara:", crisisLine: "Kriz hattı" },
    emergency: (c) =>
      `Bu tıbbi bir acil durum olabilir. Hemen ${c.emergencyNumber} numarasını (veya bulunduğunuz yerin acil numarasını) arayın ya da en yakın acil servise gidin.`,
    crisis: (c) => `İntiharı ya da kendinize zarar vermeyi düşünüyorsanız yalnız değilsiniz: şimdi ${crisisLineLabel(c)} arayın.`,
    danger: (c) => `Hemen tehlikedeyseniz ${c.emergencyNumber} arayın.`,
    crisisOne: "İntiharı ya da kendinize zarar vermeyi düşünüyorsanız yalnız değilsiniz: şimdi aynı numarayı arayın.",
    advice: {
      cardiac: "Bu belirtilerle birlikte göğüs ağrısı kalp krizi olabilir.",
      stroke: "Bunlar inme belirtileri olabilir (yüzde kayma, kolda güçsüzlük, konuşma bozukluğu): her dakika önemli.",
      breathing: "Ciddi nefes darlığı hemen yardım gerektirir.",
      anaphylaxis: "Bu ağır bir alerjik reaksiyon (anafilaksi) olabilir. Varsa adrenalin oto-enjektörünü kullanın.",
      overdose_poisoning: "Bu aşırı doz ya da zehirlenme olabilir. Belirti beklemeyin; ilacın kutusunu ekibe göstermek için saklayın.",
      severe_bleeding: "Temiz bir bezle yaraya sıkıca bastırın ve bırakmayın.",
      seizure: "5 dakikadan uzun süren nöbet ya da sonrasında uyanmama acil durumdur. Ağzına bir şey koymayın.",
      unconscious: "Kişi normal nefes almıyorsa yapabiliyorsanız kalp masajına başlayın; çağrı görevlisi yönlendirecektir.",
    },
    crisisAnswer: {
      open: `Yalnız değilsiniz ve şu anda destek alabilirsiniz.`,
      call: (c) =>
        `Biriyle konuşmak için ${c.crisisLine} arayın; bu düşüncelere göre davranabileceğinizi düşünüyorsanız ya da bir şey aldıysanız ${c.emergencyNumber} arayın.`,
      callOne: (c) =>
        `Şimdi ${c.emergencyNumber} arayın ve biriyle konuşun; özellikle bu düşüncelere göre davranabileceğinizi düşünüyorsanız ya da bir şey aldıysanız.`,
      close: `Mümkünse güvendiğiniz biriyle kalın ve ilaçları ve diğer araçları ulaşamayacağınız bir yere koyun. MedChat otomatik bir asistandır ve kriz anında yardım edemez; bu hatlardaki insanlar edebilir.`,
    },
    afterNotice: (c) =>
      `Lütfen yukarıdaki acil durum önerilerini izleyin: şimdi ${c.emergencyNumber} arayın (veya yerel acil numarasını). MedChat acil bir durumda yardım edemez ve bu soru hakkında güvenilir bilgisi yoktur.`,
    closing: "Çevrimiçi bir yanıt beklemeyin.",
  },
  vi: {
    labels: { heading: "Có thể là trường hợp cấp cứu", call: "Gọi", crisisLine: "Đường dây hỗ trợ" },
    emergency: (c) =>
      `Đây có thể là tình trạng cấp cứu. Hãy gọi ngay ${c.emergencyNumber} (hoặc số cấp cứu tại nơi bạn ở), hoặc đến khoa cấp cứu gần nhất.`,
    crisis: (c) => `Nếu bạn đang nghĩ đến việc tự tử hoặc tự làm hại bản thân, bạn không đơn độc: hãy gọi ngay ${crisisLineLabel(c)}.`,
    danger: (c) => `Nếu đang gặp nguy hiểm trước mắt, hãy gọi ${c.emergencyNumber}.`,
    crisisOne: "Nếu bạn đang nghĩ đến việc tự tử hoặc tự làm hại bản thân, bạn không đơn độc: hãy gọi ngay số đó.",
    advice: {
      cardiac: "Đau ngực kèm những dấu hiệu này có thể là nhồi máu cơ tim.",
      stroke: "Đây có thể là dấu hiệu đột quỵ (méo miệng, yếu tay, nói khó): mỗi phút đều quan trọng.",
      breathing: "Khó thở nặng cần được giúp đỡ ngay.",
      anaphylaxis: "Đây có thể là phản ứng dị ứng nặng (sốc phản vệ). Dùng bút tiêm adrenaline nếu có.",
      overdose_poisoning: "Đây có thể là quá liều hoặc ngộ độc. Đừng chờ triệu chứng; giữ lại vỏ thuốc để đưa nhân viên cấp cứu.",
      severe_bleeding: "Dùng khăn sạch ấn chặt lên vết thương và giữ nguyên.",
      seizure: "Co giật quá 5 phút, hoặc không tỉnh lại sau đó, là cấp cứu. Không cho bất cứ thứ gì vào miệng.",
      unconscious: "Nếu người bệnh không thở bình thường, hãy bắt đầu ép tim nếu bạn biết; tổng đài viên sẽ hướng dẫn.",
    },
    crisisAnswer: {
      open: `Bạn không đơn độc, và sự hỗ trợ có sẵn ngay bây giờ.`,
      call: (c) =>
        `Hãy gọi ${c.crisisLine} để nói chuyện với ai đó, hoặc gọi ${c.emergencyNumber} nếu bạn có thể hành động theo những suy nghĩ này hoặc đã uống thứ gì đó.`,
      callOne: (c) =>
        `Hãy gọi ngay ${c.emergencyNumber} để nói chuyện với ai đó, nhất là nếu bạn có thể hành động theo những suy nghĩ này hoặc đã uống thứ gì đó.`,
      close: `Nếu có thể, hãy ở cùng người bạn tin tưởng và cất thuốc cùng các vật nguy hiểm khác ra xa. MedChat là trợ lý tự động và không thể giúp trong khủng hoảng; những người ở các đường dây này có thể.`,
    },
    afterNotice: (c) =>
      `Hãy làm theo hướng dẫn khẩn cấp ở trên: gọi ngay ${c.emergencyNumber} (hoặc số cấp cứu tại địa phương). MedChat không thể giúp trong trường hợp khẩn cấp và không có thông tin đáng tin cậy về câu hỏi này.`,
    closing: "Đừng chờ câu trả lời trực tuyến.",
  },
  id: {
    labels: { heading: "Kemungkinan keadaan darurat", call: "Hubungi", crisisLine: "Layanan krisis" },
    emergency: (c) =>
      `Ini bisa merupakan keadaan darurat medis. Segera hubungi ${c.emergencyNumber} (atau nomor darurat setempat), atau pergi ke IGD terdekat.`,
    crisis: (c) =>
      `Jika Anda berpikir untuk bunuh diri atau menyakiti diri sendiri, Anda tidak sendirian: hubungi ${crisisLineLabel(c)} sekarang.`,
    danger: (c) => `Jika dalam bahaya langsung, hubungi ${c.emergencyNumber}.`,
    crisisOne:
      "Jika Anda berpikir untuk bunuh diri atau menyakiti diri sendiri, Anda tidak sendirian: hubungi nomor yang sama itu sekarang.",
    advice: {
      cardiac: "Nyeri dada dengan tanda-tanda ini bisa merupakan serangan jantung.",
      stroke: "Ini bisa tanda stroke (wajah mencong, lengan lemah, bicara pelo): setiap menit berharga.",
      breathing: "Sesak napas berat perlu pertolongan segera.",
      anaphylaxis: "Ini bisa reaksi alergi berat (anafilaksis). Gunakan autoinjektor adrenalin jika ada.",
      overdose_poisoning: "Ini bisa overdosis atau keracunan. Jangan menunggu gejala; simpan kemasannya untuk ditunjukkan ke petugas.",
      severe_bleeding: "Tekan luka dengan kuat memakai kain bersih dan terus tekan.",
      seizure: "Kejang lebih dari 5 menit, atau tidak sadar setelahnya, adalah keadaan darurat. Jangan masukkan apa pun ke mulut.",
      unconscious: "Jika orang itu tidak bernapas normal, mulai RJP bila bisa; petugas akan memandu.",
    },
    crisisAnswer: {
      open: `Anda tidak sendirian, dan bantuan tersedia sekarang juga.`,
      call: (c) =>
        `Hubungi ${c.crisisLine} untuk berbicara dengan seseorang, atau hubungi ${c.emergencyNumber} jika Anda mungkin bertindak atas pikiran ini atau sudah meminum sesuatu.`,
      callOne: (c) =>
        `Hubungi ${c.emergencyNumber} sekarang untuk berbicara dengan seseorang, terutama jika Anda mungkin bertindak atas pikiran ini atau sudah meminum sesuatu.`,
      close: `Jika bisa, tetaplah bersama orang yang Anda percaya dan jauhkan obat-obatan serta benda berbahaya lainnya. MedChat adalah asisten otomatis dan tidak dapat membantu dalam krisis; orang-orang di layanan ini dapat membantu.`,
    },
    afterNotice: (c) =>
      `Ikuti saran darurat di atas: hubungi ${c.emergencyNumber} (atau nomor darurat setempat) sekarang. MedChat tidak dapat membantu dalam keadaan darurat dan tidak memiliki informasi yang dapat diandalkan tentang pertanyaan ini.`,
    closing: "Jangan menunggu jawaban online.",
  },
  sv: {
    labels: { heading: "Möjligt nödläge", call: "Ring", crisisLine: "Stödlinje" },
    emergency: (c) =>
      `Det här kan vara ett medicinskt nödläge. Ring ${c.emergencyNumber} (eller det lokala larmnumret) nu, eller åk till närmaste akutmottagning.`,
    crisis: (c) => `Om du tänker på självmord eller på att skada dig själv är du inte ensam: ring ${crisisLineLabel(c)} nu.`,
    danger: (c) => `Vid akut fara, ring ${c.emergencyNumber}.`,
    crisisOne: "Om du tänker på självmord eller på att skada dig själv är du inte ensam: ring samma nummer nu.",
    advice: {
      cardiac: "Bröstsmärta med de här tecknen kan vara en hjärtinfarkt.",
      stroke: "Det kan vara tecken på stroke (hängande mun, svag arm, sluddrigt tal): varje minut räknas.",
      breathing: "Svår andnöd behöver hjälp direkt.",
      anaphylaxis: "Det kan vara en svår allergisk reaktion (anafylaxi). Använd adrenalinpenna om det finns.",
      overdose_poisoning: "Det kan vara en överdos eller förgiftning. Vänta inte på symtom; spara förpackningen åt ambulanspersonalen.",
      severe_bleeding: "Tryck hårt på såret med en ren duk och fortsätt trycka.",
      seizure: "Ett krampanfall över 5 minuter, eller att personen inte vaknar efteråt, är ett nödläge. Stoppa inget i munnen.",
      unconscious: "Om personen inte andas normalt, börja hjärt-lungräddning om du kan; larmoperatören guidar dig.",
    },
    crisisAnswer: {
      open: `Du är inte ensam, och det finns stöd att få just nu.`,
      call: (c) =>
        `Ring ${c.crisisLine} för att prata med någon, eller ring ${c.emergencyNumber} om du kan komma att agera på tankarna eller redan har tagit något.`,
      callOne: (c) =>
        `Ring ${c.emergencyNumber} nu för att prata med någon, särskilt om du kan komma att agera på tankarna eller redan har tagit något.`,
      close: `Stanna om du kan hos någon du litar på och håll tabletter och andra medel utom räckhåll. MedChat är en automatisk assistent och kan inte hjälpa i en kris; människorna på de här linjerna kan.`,
    },
    afterNotice: (c) =>
      `Följ nödråden ovan: ring ${c.emergencyNumber} (eller ditt lokala nödnummer) nu. MedChat kan inte hjälpa vid en nödsituation och har ingen tillförlitlig information om den här frågan.`,
    closing: "Vänta inte på ett svar på nätet.",
  },
  th: {
    labels: { heading: "อาจเป็นเหตุฉุกเฉิน", call: "โทร", crisisLine: "สายด่วนสุขภาพจิต" },
    emergency: (c) => `นี่อาจเป็นภาวะฉุกเฉินทางการแพทย์ โทร ${c.emergencyNumber} (หรือหมายเลขฉุกเฉินในพื้นที่ของคุณ) ทันที หรือไปห้องฉุกเฉินที่ใกล้ที่สุด`,
    crisis: (c) => `ถ้าคุณกำลังคิดจะฆ่าตัวตายหรือทำร้ายตัวเอง คุณไม่ได้อยู่คนเดียว โทร ${crisisLineLabel(c)} ตอนนี้`,
    danger: (c) => `ถ้าอยู่ในอันตรายทันที โทร ${c.emergencyNumber}`,
    crisisOne: "ถ้าคุณกำลังคิดจะฆ่าตัวตายหรือทำร้ายตัวเอง คุณไม่ได้อยู่คนเดียว โทรเบอร์เดียวกันนี้ได้เลยตอนนี้",
    advice: {
      cardiac: "อาการเจ็บหน้าอกร่วมกับอาการเหล่านี้อาจเป็นหัวใจวาย",
      stroke: "อาจเป็นสัญญาณของโรคหลอดเลือดสมอง (ปากเบี้ยว แขนอ่อนแรง พูดไม่ชัด) ทุกนาทีมีค่า",
      breathing: "หายใจลำบากรุนแรงต้องได้รับความช่วยเหลือทันที",
      anaphylaxis: "อาจเป็นอาการแพ้รุนแรง (แอนาฟิแล็กซิส) ถ้ามีปากกาฉีดอะดรีนาลีนให้ใช้ทันที",
      overdose_poisoning: "อาจเป็นการได้รับยาเกินขนาดหรือสารพิษ อย่ารอให้มีอาการ เก็บบรรจุภัณฑ์ไว้ให้เจ้าหน้าที่ดู",
      severe_bleeding: "ใช้ผ้าสะอาดกดแผลให้แน่นและกดไว้ตลอด",
      seizure: "ชักนานเกิน 5 นาที หรือไม่ฟื้นหลังชัก เป็นเหตุฉุกเฉิน อย่าใส่อะไรเข้าไปในปาก",
      unconscious: "ถ้าผู้ป่วยหายใจไม่ปกติ ให้เริ่มปั๊มหัวใจถ้าทำได้ เจ้าหน้าที่จะแนะนำคุณทางโทรศัพท์",
    },
    crisisAnswer: {
      open: `คุณไม่ได้อยู่คนเดียว และมีคนพร้อมช่วยเหลือตอนนี้`,
      call: (c) => `โทร ${c.crisisLine} เพื่อคุยกับใครสักคน หรือโทร ${c.emergencyNumber} ถ้าคุณอาจทำตามความคิดนี้หรือได้กินอะไรเข้าไปแล้ว`,
      callOne: (c) => `โทร ${c.emergencyNumber} ตอนนี้เพื่อคุยกับใครสักคน โดยเฉพาะถ้าคุณอาจทำตามความคิดนี้หรือได้กินอะไรเข้าไปแล้ว`,
      close: `ถ้าทำได้ ให้อยู่กับคนที่คุณไว้ใจ และเก็บยาและสิ่งอันตรายอื่นให้พ้นมือ MedChat เป็นผู้ช่วยอัตโนมัติและช่วยในภาวะวิกฤตไม่ได้ แต่คนที่สายด่วนเหล่านี้ช่วยได้`,
    },
    afterNotice: (c) =>
      `โปรดทำตามคำแนะนำฉุกเฉินด้านบน: โทร ${c.emergencyNumber} (หรือเบอร์ฉุกเฉินในพื้นที่) ตอนนี้ MedChat ช่วยในเหตุฉุกเฉินไม่ได้ และไม่มีข้อมูลที่เชื่อถือได้สำหรับคำถามนี้`,
    closing: "อย่ารอคำตอบออนไลน์",
  },
  tl: {
    labels: { heading: "Posibleng emergency", call: "Tumawag sa", crisisLine: "Crisis hotline" },
    emergency: (c) =>
      `Maaaring medical emergency ito. Tumawag ngayon sa ${c.emergencyNumber} (o sa emergency number sa inyong lugar), o pumunta sa pinakamalapit na emergency room.`,
    crisis: (c) => `Kung iniisip mong magpakamatay o saktan ang sarili mo, hindi ka nag-iisa: tumawag ngayon sa ${crisisLineLabel(c)}.`,
    danger: (c) => `Kung nasa agarang panganib ka, tumawag sa ${c.emergencyNumber}.`,
    crisisOne: "Kung iniisip mong magpakamatay o saktan ang sarili mo, hindi ka nag-iisa: tawagan ngayon din ang numerong iyon.",
    advice: {
      cardiac: "Ang pananakit ng dibdib na may ganitong mga sintomas ay maaaring atake sa puso.",
      stroke: "Maaaring senyales ito ng stroke (tabinging mukha, mahinang braso, hirap magsalita): mahalaga ang bawat minuto.",
      breathing: "Ang matinding hirap sa paghinga ay nangangailangan ng agarang tulong.",
      overdose_poisoning:
        "Maaaring overdose o pagkalason ito. Huwag nang hintayin ang mga sintomas; itabi ang lalagyan para maipakita sa rescuer.",
      severe_bleeding: "Diinan nang mahigpit ang sugat gamit ang malinis na tela at huwag bitawan.",
      seizure: "Emergency ang seizure na lampas 5 minuto, o kung hindi nagigising pagkatapos. Huwag maglagay ng kahit ano sa bibig.",
      unconscious: "Kung hindi normal ang paghinga ng tao, simulan ang CPR kung kaya mo; gagabayan ka ng dispatcher.",
      pregnancy_emergency: "Kailangang masuri agad ang mga senyales na ito sa pagbubuntis; tumawag na sa emergency.",
    },
    crisisAnswer: {
      open: "Hindi ka nag-iisa, at may tulong ngayon din.",
      call: (c) =>
        `Tumawag sa ${c.crisisLine} para may makausap ka, o tumawag sa ${c.emergencyNumber} kung baka gawin mo ang mga naiisip mo o may nainom ka na.`,
      callOne: (c) =>
        `Tumawag ngayon sa ${c.emergencyNumber} para may makausap ka, lalo na kung baka gawin mo ang mga naiisip mo o may nainom ka na.`,
      close:
        "Kung kaya mo, manatili kasama ang taong pinagkakatiwalaan mo at ilayo ang mga gamot at iba pang bagay na makakasakit. Ang MedChat ay awtomatikong assistant at hindi makakatulong sa krisis; ang mga tao sa mga linyang ito ay makakatulong.",
    },
    afterNotice: (c) =>
      `Sundin ang emergency na payo sa itaas: tumawag ngayon sa ${c.emergencyNumber} (o sa emergency number sa inyong lugar). Hindi makakatulong ang MedChat sa emergency, at wala itong maaasahang impormasyon tungkol sa tanong na ito.`,
    closing: "Huwag nang hintayin ang sagot online.",
  },
  sw: {
    labels: { heading: "Huenda ni dharura", call: "Piga", crisisLine: "Simu ya msaada" },
    emergency: (c) =>
      `Hii inaweza kuwa dharura ya kiafya. Piga ${c.emergencyNumber} sasa (au namba ya dharura ya eneo lako), au nenda kwenye kitengo cha dharura kilicho karibu.`,
    crisis: (c) => `Ikiwa unafikiria kujiua au kujidhuru, hauko peke yako: piga ${crisisLineLabel(c)} sasa.`,
    danger: (c) => `Ikiwa uko hatarini sasa hivi, piga ${c.emergencyNumber}.`,
    crisisOne: "Ikiwa unafikiria kujiua au kujidhuru, hauko peke yako: piga namba hiyo hiyo sasa.",
    advice: {
      cardiac: "Maumivu ya kifua yenye dalili hizi yanaweza kuwa shambulio la moyo.",
      stroke: "Hizi zinaweza kuwa dalili za kiharusi (uso kupinda, mkono kukosa nguvu, shida ya kuongea): kila dakika ni muhimu.",
      breathing: "Shida kubwa ya kupumua inahitaji msaada mara moja.",
      overdose_poisoning: "Huenda ni kuzidisha dawa au sumu. Usisubiri dalili; weka kifungashio uwaonyeshe wahudumu.",
      unconscious: "Ikiwa mtu hapumui kawaida, anza CPR kama unaweza; mhudumu wa simu atakuongoza.",
    },
    crisisAnswer: {
      open: "Hauko peke yako, na msaada upo sasa hivi.",
      call: (c) =>
        `Piga ${c.crisisLine} ili uongee na mtu, au piga ${c.emergencyNumber} ikiwa unaweza kutenda kwa mawazo haya au tayari umemeza kitu.`,
      callOne: (c) =>
        `Piga ${c.emergencyNumber} sasa ili uongee na mtu, hasa ikiwa unaweza kutenda kwa mawazo haya au tayari umemeza kitu.`,
      close:
        "Ikiwezekana, kaa na mtu unayemwamini na weka dawa na vitu vingine vya hatari mbali nawe. MedChat ni msaidizi wa kiotomatiki na haiwezi kukusaidia wakati wa shida hii; watu wa simu hizi wanaweza.",
    },
    afterNotice: (c) =>
      `Tafadhali fuata ushauri wa dharura ulio juu: piga ${c.emergencyNumber} (au namba ya dharura ya eneo lako) sasa. MedChat haiwezi kusaidia katika dharura, na haina taarifa za kuaminika kuhusu swali hili.`,
    closing: "Usisubiri jibu la mtandaoni.",
  },
  el: {
    labels: { heading: "Πιθανή επείγουσα κατάσταση", call: "Καλέστε", crisisLine: "Γραμμή υποστήριξης" },
    emergency: (c) =>
      `Αυτό μπορεί να είναι επείγον ιατρικό περιστατικό. Καλέστε τώρα το ${c.emergencyNumber} (ή τον τοπικό αριθμό έκτακτης ανάγκης) ή πηγαίνετε στα επείγοντα του πλησιέστερου νοσοκομείου.`,
    crisis: (c) => `Αν σκέφτεστε να αυτοκτονήσετε ή να βλάψετε τον εαυτό σας, δεν είστε μόνοι: καλέστε τώρα το ${crisisLineLabel(c)}.`,
    danger: (c) => `Αν κινδυνεύετε άμεσα, καλέστε το ${c.emergencyNumber}.`,
    crisisOne: "Αν σκέφτεστε να αυτοκτονήσετε ή να βλάψετε τον εαυτό σας, δεν είστε μόνοι: καλέστε τώρα τον ίδιο αριθμό.",
    advice: {
      cardiac: "Ο πόνος στο στήθος με αυτά τα σημάδια μπορεί να είναι καρδιακή προσβολή.",
      stroke: "Μπορεί να είναι σημάδια εγκεφαλικού (στραβό στόμα, αδύναμο χέρι, δυσκολία στην ομιλία): κάθε λεπτό μετράει.",
      breathing: "Η σοβαρή δύσπνοια χρειάζεται άμεση βοήθεια.",
      anaphylaxis: "Μπορεί να είναι σοβαρή αλλεργική αντίδραση (αναφυλαξία). Χρησιμοποιήστε στυλό αδρεναλίνης αν υπάρχει.",
      overdose_poisoning:
        "Μπορεί να είναι υπερβολική δόση ή δηλητηρίαση. Μην περιμένετε συμπτώματα· κρατήστε τη συσκευασία για τους διασώστες.",
      severe_bleeding: "Πιέστε δυνατά το τραύμα με ένα καθαρό πανί και συνεχίστε να πιέζετε.",
      seizure: "Σπασμοί πάνω από 5 λεπτά, ή αν το άτομο δεν συνέρχεται μετά, είναι επείγον. Μη βάζετε τίποτα στο στόμα του.",
      unconscious: "Αν το άτομο δεν αναπνέει φυσιολογικά, ξεκινήστε ΚΑΡΠΑ αν μπορείτε· ο τηλεφωνητής θα σας καθοδηγήσει.",
    },
    crisisAnswer: {
      open: "Δεν είστε μόνοι, και υπάρχει βοήθεια αυτή τη στιγμή.",
      call: (c) =>
        `Καλέστε το ${c.crisisLine} για να μιλήσετε με κάποιον, ή καλέστε το ${c.emergencyNumber} αν μπορεί να κάνετε πράξη αυτές τις σκέψεις ή αν έχετε ήδη πάρει κάτι.`,
      callOne: (c) =>
        `Καλέστε τώρα το ${c.emergencyNumber} για να μιλήσετε με κάποιον, ειδικά αν μπορεί να κάνετε πράξη αυτές τις σκέψεις ή αν έχετε ήδη πάρει κάτι.`,
      close:
        "Αν μπορείτε, μείνετε κοντά σε κάποιον που εμπιστεύεστε και κρατήστε μακριά φάρμακα και άλλα επικίνδυνα μέσα. Το MedChat είναι αυτόματος βοηθός και δεν μπορεί να βοηθήσει σε μια κρίση· οι άνθρωποι σε αυτές τις γραμμές μπορούν.",
    },
    afterNotice: (c) =>
      `Ακολουθήστε τις οδηγίες έκτακτης ανάγκης παραπάνω: καλέστε τώρα το ${c.emergencyNumber} (ή τον τοπικό αριθμό έκτακτης ανάγκης). Το MedChat δεν μπορεί να βοηθήσει σε επείγουσα κατάσταση και δεν έχει αξιόπιστες πληροφορίες για αυτή την ερώτηση.`,
    closing: "Μην περιμένετε απάντηση στο διαδίκτυο.",
  },
  ro: {
    labels: { heading: "Posibilă urgență", call: "Sunați la", crisisLine: "Linie de sprijin" },
    emergency: (c) =>
      `Aceasta poate fi o urgență medicală. Sunați acum la ${c.emergencyNumber} (sau la numărul local de urgență) ori mergeți la cea mai apropiată unitate de primiri urgențe.`,
    crisis: (c) => `Dacă vă gândiți să vă sinucideți sau să vă faceți rău, nu sunteți singur: sunați acum la ${crisisLineLabel(c)}.`,
    danger: (c) => `Dacă sunteți în pericol imediat, sunați la ${c.emergencyNumber}.`,
    crisisOne: "Dacă vă gândiți să vă sinucideți sau să vă faceți rău, nu sunteți singur: sunați acum la același număr.",
    advice: {
      cardiac: "Durerea în piept cu aceste semne poate fi un infarct.",
      stroke: "Pot fi semne de accident vascular cerebral (gură strâmbă, braț slăbit, vorbire greoaie): fiecare minut contează.",
      breathing: "Dificultatea severă de respirație are nevoie de ajutor imediat.",
      anaphylaxis: "Poate fi o reacție alergică severă (anafilaxie). Folosiți stiloul cu adrenalină, dacă există.",
      overdose_poisoning:
        "Poate fi o supradoză sau o intoxicație. Nu așteptați simptomele; păstrați ambalajul pentru echipajul de urgență.",
      severe_bleeding: "Apăsați puternic pe rană cu o cârpă curată și nu opriți apăsarea.",
      seizure: "O criză de peste 5 minute, sau dacă persoana nu își revine după ea, este o urgență. Nu puneți nimic în gura ei.",
      unconscious: "Dacă persoana nu respiră normal, începeți resuscitarea dacă puteți; dispecerul vă va îndruma.",
    },
    crisisAnswer: {
      open: "Nu sunteți singur și există ajutor chiar acum.",
      call: (c) =>
        `Sunați la ${c.crisisLine} ca să vorbiți cu cineva, sau la ${c.emergencyNumber} dacă ați putea trece la fapte sau dacă ați luat deja ceva.`,
      callOne: (c) =>
        `Sunați acum la ${c.emergencyNumber} ca să vorbiți cu cineva, mai ales dacă ați putea trece la fapte sau dacă ați luat deja ceva.`,
      close:
        "Dacă puteți, rămâneți lângă cineva în care aveți încredere și țineți departe medicamentele și alte mijloace periculoase. MedChat este un asistent automat și nu poate ajuta într-o criză; oamenii de la aceste linii pot.",
    },
    afterNotice: (c) =>
      `Urmați sfaturile de urgență de mai sus: sunați acum la ${c.emergencyNumber} (sau la numărul local de urgență). MedChat nu poate ajuta într-o urgență și nu are informații de încredere despre această întrebare.`,
    closing: "Nu așteptați un răspuns online.",
  },
  cs: {
    labels: { heading: "Může jít o naléhavý stav", call: "Volat", crisisLine: "Linka pomoci" },
    emergency: (c) =>
      `Může jít o naléhavý zdravotní stav. Volejte hned ${c.emergencyNumber} (nebo místní číslo tísňového volání), nebo jděte na nejbližší urgentní příjem.`,
    crisis: (c) => `Pokud myslíte na sebevraždu nebo na to, že si ublížíte, nejste na to sami: zavolejte hned na ${crisisLineLabel(c)}.`,
    danger: (c) => `Pokud vám hrozí bezprostřední nebezpečí, volejte ${c.emergencyNumber}.`,
    crisisOne: "Pokud myslíte na sebevraždu nebo na to, že si ublížíte, nejste na to sami: zavolejte hned na stejné číslo.",
    advice: {
      cardiac: "Bolest na hrudi s těmito příznaky může být infarkt.",
      stroke: "Mohou to být příznaky mozkové mrtvice (pokleslý koutek, slabá ruka, potíže s řečí): každá minuta je důležitá.",
      breathing: "Těžké potíže s dýcháním potřebují pomoc okamžitě.",
      anaphylaxis: "Může jít o těžkou alergickou reakci (anafylaxi). Máte-li adrenalinové pero, použijte ho.",
      overdose_poisoning: "Může jít o předávkování nebo otravu. Nečekejte na příznaky; obal ukažte záchranářům.",
      severe_bleeding: "Zatlačte silně na ránu čistou látkou a nepovolujte.",
      seizure: "Záchvat delší než 5 minut, nebo když se potom neprobírá, je naléhavý stav. Nic nedávejte do úst.",
      unconscious: "Pokud nedýchá normálně, začněte s resuscitací, pokud to umíte; operátor vás povede.",
    },
    crisisAnswer: {
      open: "Nejste na to sami a pomoc je dostupná hned teď.",
      call: (c) =>
        `Zavolejte na ${c.crisisLine} a promluvte si s někým, nebo volejte ${c.emergencyNumber}, pokud byste mohli podle těch myšlenek jednat nebo jste už něco užili.`,
      callOne: (c) =>
        `Zavolejte hned na ${c.emergencyNumber} a promluvte si s někým, zvlášť pokud byste mohli podle těch myšlenek jednat nebo jste už něco užili.`,
      close:
        "Pokud můžete, buďte s někým, komu věříte, a dejte léky a jiné nebezpečné věci z dosahu. MedChat je automatický pomocník a v krizi vám pomoci nemůže; lidé na těchto linkách ano.",
    },
    afterNotice: (c) =>
      `Řiďte se prosím pokyny výše: zavolejte hned ${c.emergencyNumber} (nebo místní číslo tísňového volání). MedChat vám v naléhavé situaci pomoci nemůže a k této otázce nemá spolehlivé informace.`,
    closing: "Nečekejte na odpověď z internetu.",
  },
  fa: {
    labels: { heading: "ممکن است وضعیت اورژانسی باشد", call: "تماس", crisisLine: "خط کمک" },
    emergency: (c) =>
      `این ممکن است یک وضعیت اورژانسی پزشکی باشد. همین حالا با ${c.emergencyNumber} (یا شماره اورژانس محل خود) تماس بگیرید، یا به نزدیک‌ترین اورژانس بروید.`,
    crisis: (c) => `اگر به خودکشی یا آسیب زدن به خود فکر می‌کنید، تنها نیستید: همین حالا با ${crisisLineLabel(c)} تماس بگیرید.`,
    danger: (c) => `اگر در خطر فوری هستید، با ${c.emergencyNumber} تماس بگیرید.`,
    crisisOne: "اگر به خودکشی یا آسیب زدن به خود فکر می‌کنید، تنها نیستید: همین حالا با همین شماره تماس بگیرید.",
    advice: {
      cardiac: "درد قفسه سینه با این نشانه‌ها ممکن است حمله قلبی باشد.",
      stroke: "این‌ها ممکن است نشانه‌های سکته مغزی باشند (کج شدن صورت، ضعف دست، اختلال در حرف زدن): هر دقیقه مهم است.",
      breathing: "تنگی نفس شدید به کمک فوری نیاز دارد.",
      anaphylaxis: "این ممکن است یک واکنش آلرژیک شدید (آنافیلاکسی) باشد. اگر قلم اپی‌نفرین دارید، از آن استفاده کنید.",
      overdose_poisoning: "این ممکن است مصرف بیش از حد دارو یا مسمومیت باشد. منتظر علائم نمانید؛ بسته‌بندی را برای امدادگران نگه دارید.",
      severe_bleeding: "با یک پارچه تمیز محکم روی زخم فشار دهید و فشار را برندارید.",
      seizure: "تشنجی که بیش از ۵ دقیقه طول بکشد، یا اگر بعد از آن به هوش نیاید، اورژانسی است. چیزی در دهانش نگذارید.",
      unconscious: "اگر طبیعی نفس نمی‌کشد، اگر بلدید احیای قلبی ریوی را شروع کنید؛ اپراتور اورژانس راهنمایی‌تان می‌کند.",
    },
    crisisAnswer: {
      open: "شما تنها نیستید و همین حالا می‌توانید کمک بگیرید.",
      call: (c) =>
        `با ${c.crisisLine} تماس بگیرید تا با کسی صحبت کنید، یا اگر ممکن است بر اساس این افکار کاری بکنید یا چیزی خورده‌اید، با ${c.emergencyNumber} تماس بگیرید.`,
      callOne: (c) =>
        `همین حالا با ${c.emergencyNumber} تماس بگیرید تا با کسی صحبت کنید، به‌خصوص اگر ممکن است بر اساس این افکار کاری بکنید یا چیزی خورده‌اید.`,
      close:
        "اگر می‌توانید، کنار کسی بمانید که به او اعتماد دارید و داروها و وسایل خطرناک را از دسترس دور کنید. MedChat یک دستیار خودکار است و در بحران نمی‌تواند کمکتان کند؛ افرادی که پشت این خط‌ها هستند می‌توانند.",
    },
    afterNotice: (c) =>
      `لطفاً توصیه‌های اورژانسی بالا را دنبال کنید: همین حالا با ${c.emergencyNumber} (یا شماره اورژانس محل خود) تماس بگیرید. MedChat در شرایط اورژانسی نمی‌تواند کمک کند و درباره این سؤال اطلاعات قابل اعتمادی ندارد.`,
    closing: "منتظر پاسخ آنلاین نمانید.",
  },
  he: {
    // Impersonal "יש להתקשר" (as public notices write): no gendered imperative.
    labels: { heading: "ייתכן שזה מצב חירום", call: "חיוג", crisisLine: "קו סיוע" },
    emergency: (c) =>
      `ייתכן שזה מצב חירום רפואי. יש להתקשר עכשיו ל-${c.emergencyNumber} (או למספר החירום המקומי), או לפנות לחדר המיון הקרוב.`,
    crisis: (c) => `אם עולות לך מחשבות על התאבדות או על פגיעה בעצמך, אינך לבד: יש להתקשר עכשיו ל-${crisisLineLabel(c)}.`,
    danger: (c) => `בסכנה מיידית יש להתקשר ל-${c.emergencyNumber}.`,
    crisisOne: "אם עולות לך מחשבות על התאבדות או על פגיעה בעצמך, אינך לבד: יש להתקשר עכשיו לאותו מספר.",
    advice: {
      cardiac: "כאב בחזה עם הסימנים האלה יכול להיות התקף לב.",
      stroke: "ייתכן שאלה סימנים של שבץ מוחי (צניחת הפה, חולשה ביד, קושי בדיבור): כל דקה חשובה.",
      breathing: "קושי חמור בנשימה דורש עזרה מיידית.",
      anaphylaxis: "ייתכן שזו תגובה אלרגית חמורה (אנפילקסיס). אם יש מזרק אפינפרין (אפיפן), יש להשתמש בו.",
      overdose_poisoning: "ייתכן שזו מנת יתר או הרעלה. אין לחכות לתסמינים; כדאי לשמור את האריזה ולהראות אותה לצוות.",
      severe_bleeding: "יש ללחוץ חזק על הפצע עם בד נקי ולא להרפות.",
      seizure: "פרכוס שנמשך יותר מ-5 דקות, או שאחריו אין התעוררות, הוא מצב חירום. אין להכניס דבר לפה.",
      unconscious: "אם אין נשימה תקינה, יש להתחיל החייאה למי שיודע; המוקדן ידריך.",
    },
    crisisAnswer: {
      open: "אינך לבד, ויש עזרה זמינה עכשיו.",
      call: (c) =>
        `יש להתקשר ל-${c.crisisLine} כדי לדבר עם מישהו, או ל-${c.emergencyNumber} אם יש סכנה לפעול לפי המחשבות האלה או אם כבר נלקח משהו.`,
      callOne: (c) =>
        `יש להתקשר עכשיו ל-${c.emergencyNumber} כדי לדבר עם מישהו, במיוחד אם יש סכנה לפעול לפי המחשבות האלה או אם כבר נלקח משהו.`,
      close:
        "אם אפשר, כדאי להישאר ליד מישהו שסומכים עליו ולהרחיק תרופות ודברים מסוכנים אחרים. MedChat הוא עוזר אוטומטי ואינו יכול לעזור במשבר; האנשים בקווים האלה יכולים.",
    },
    afterNotice: (c) =>
      `יש לפעול לפי הנחיות החירום שלמעלה: להתקשר עכשיו ל-${c.emergencyNumber} (או למספר החירום המקומי). MedChat אינו יכול לעזור במצב חירום, ואין לו מידע אמין על השאלה הזאת.`,
    closing: "אין לחכות לתשובה ברשת.",
  },
  ur: {
    labels: { heading: "یہ ہنگامی صورتحال ہو سکتی ہے", call: "کال کریں", crisisLine: "ہیلپ لائن" },
    emergency: (c) =>
      `یہ طبی ہنگامی صورتحال ہو سکتی ہے۔ ابھی ${c.emergencyNumber} (یا اپنے علاقے کے ایمرجنسی نمبر) پر کال کریں، یا قریبی ایمرجنسی میں جائیں۔`,
    crisis: (c) =>
      `اگر آپ خودکشی یا خود کو نقصان پہنچانے کے بارے میں سوچ رہے ہیں تو آپ اکیلے نہیں ہیں: ابھی ${crisisLineLabel(c)} پر کال کریں۔`,
    danger: (c) => `اگر آپ فوری خطرے میں ہیں تو ${c.emergencyNumber} پر کال کریں۔`,
    crisisOne: "اگر آپ خودکشی یا خود کو نقصان پہنچانے کے بارے میں سوچ رہے ہیں تو آپ اکیلے نہیں ہیں: ابھی اسی نمبر پر کال کریں۔",
    advice: {
      cardiac: "ان علامات کے ساتھ سینے کا درد دل کا دورہ ہو سکتا ہے۔",
      stroke: "یہ فالج کی علامات ہو سکتی ہیں (چہرہ ٹیڑھا ہونا، بازو میں کمزوری، بولنے میں دشواری): ہر منٹ قیمتی ہے۔",
      breathing: "سانس لینے میں شدید دشواری کے لیے فوری مدد چاہیے۔",
      anaphylaxis: "یہ شدید الرجی کا ردعمل (اینافیلیکسس) ہو سکتا ہے۔ اگر ایپی پین موجود ہو تو استعمال کریں۔",
      overdose_poisoning:
        "یہ دوا کی زیادہ مقدار یا زہر ہو سکتا ہے۔ علامات کا انتظار نہ کریں؛ پیکٹ سنبھال کر رکھیں تاکہ امدادی عملے کو دکھا سکیں۔",
      severe_bleeding: "صاف کپڑے سے زخم کو زور سے دبائیں اور دباتے رہیں۔",
      seizure: "پانچ منٹ سے زیادہ جاری رہنے والا دورہ، یا اس کے بعد ہوش میں نہ آنا، ہنگامی صورتحال ہے۔ منہ میں کچھ نہ ڈالیں۔",
      unconscious: "اگر سانس ٹھیک سے نہیں چل رہی تو، اگر آپ جانتے ہیں تو سی پی آر شروع کریں؛ کال سننے والا آپ کی رہنمائی کرے گا۔",
    },
    crisisAnswer: {
      open: "آپ اکیلے نہیں ہیں، اور مدد ابھی دستیاب ہے۔",
      call: (c) =>
        `کسی سے بات کرنے کے لیے ${c.crisisLine} پر کال کریں، یا اگر آپ ان خیالات پر عمل کر سکتے ہیں یا کچھ کھا چکے ہیں تو ${c.emergencyNumber} پر کال کریں۔`,
      callOne: (c) =>
        `کسی سے بات کرنے کے لیے ابھی ${c.emergencyNumber} پر کال کریں، خاص طور پر اگر آپ ان خیالات پر عمل کر سکتے ہیں یا کچھ کھا چکے ہیں۔`,
      close:
        "اگر ممکن ہو تو کسی ایسے شخص کے ساتھ رہیں جس پر آپ بھروسا کرتے ہیں، اور دوائیں اور دوسری خطرناک چیزیں دور رکھیں۔ MedChat ایک خودکار معاون ہے اور بحران میں آپ کی مدد نہیں کر سکتا؛ ان ہیلپ لائنز پر موجود لوگ کر سکتے ہیں۔",
    },
    afterNotice: (c) =>
      `براہِ کرم اوپر دی گئی ہنگامی ہدایات پر عمل کریں: ابھی ${c.emergencyNumber} (یا اپنے علاقے کے ایمرجنسی نمبر) پر کال کریں۔ MedChat ہنگامی صورتحال میں مدد نہیں کر سکتا، اور اس سوال کے بارے میں اس کے پاس قابلِ اعتماد معلومات نہیں ہیں۔`,
    closing: "آن لائن جواب کا انتظار نہ کریں۔",
  },
  bn: {
    // The number is followed by "নম্বরে" ("on number …") in every text, so the number-less phrase (local-number.ts) reads
    // "আপনার এলাকার জরুরি নম্বরে".
    labels: { heading: "এটি জরুরি অবস্থা হতে পারে", call: "কল করুন", crisisLine: "হেল্পলাইন" },
    emergency: (c) =>
      `এটি একটি জরুরি চিকিৎসা পরিস্থিতি হতে পারে। এখনই ${c.emergencyNumber} নম্বরে (বা আপনার এলাকার জরুরি নম্বরে) কল করুন, অথবা নিকটতম জরুরি বিভাগে যান।`,
    crisis: (c) => `আপনি যদি আত্মহত্যা বা নিজের ক্ষতি করার কথা ভাবেন, আপনি একা নন: এখনই ${crisisLineLabel(c)} নম্বরে কল করুন।`,
    danger: (c) => `তাৎক্ষণিক বিপদে থাকলে ${c.emergencyNumber} নম্বরে কল করুন।`,
    crisisOne: "আপনি যদি আত্মহত্যা বা নিজের ক্ষতি করার কথা ভাবেন, আপনি একা নন: এখনই একই নম্বরে কল করুন।",
    advice: {
      cardiac: "এই লক্ষণগুলোর সঙ্গে বুকে ব্যথা হার্ট অ্যাটাক হতে পারে।",
      stroke: "এগুলো স্ট্রোকের লক্ষণ হতে পারে (মুখ বেঁকে যাওয়া, হাত দুর্বল হওয়া, কথা জড়িয়ে যাওয়া): প্রতিটি মিনিট গুরুত্বপূর্ণ।",
      breathing: "শ্বাস নিতে তীব্র কষ্ট হলে এখনই সাহায্য দরকার।",
      anaphylaxis: "এটি গুরুতর অ্যালার্জি প্রতিক্রিয়া (অ্যানাফাইল্যাক্সিস) হতে পারে। এপিপেন থাকলে ব্যবহার করুন।",
      overdose_poisoning:
        "এটি ওষুধের অতিরিক্ত মাত্রা বা বিষক্রিয়া হতে পারে। লক্ষণের জন্য অপেক্ষা করবেন না; প্যাকেটটি রেখে দিন, উদ্ধারকর্মীদের দেখাবেন।",
      severe_bleeding: "পরিষ্কার কাপড় দিয়ে ক্ষতস্থানে জোরে চেপে ধরুন এবং ছাড়বেন না।",
      seizure: "খিঁচুনি ৫ মিনিটের বেশি চললে, বা পরে জ্ঞান না ফিরলে, এটি জরুরি অবস্থা। মুখে কিছু দেবেন না।",
      unconscious: "স্বাভাবিকভাবে শ্বাস না নিলে, জানা থাকলে সিপিআর শুরু করুন; ফোনে যিনি ধরবেন তিনি বলে দেবেন।",
    },
    crisisAnswer: {
      open: "আপনি একা নন, এবং এখনই সাহায্য পাওয়া যায়।",
      call: (c) =>
        `কারও সঙ্গে কথা বলতে ${c.crisisLine} নম্বরে কল করুন, অথবা এই চিন্তা অনুযায়ী কিছু করে ফেলতে পারেন মনে হলে বা ইতিমধ্যে কিছু খেয়ে থাকলে ${c.emergencyNumber} নম্বরে কল করুন।`,
      callOne: (c) =>
        `কারও সঙ্গে কথা বলতে এখনই ${c.emergencyNumber} নম্বরে কল করুন, বিশেষ করে যদি এই চিন্তা অনুযায়ী কিছু করে ফেলতে পারেন বা ইতিমধ্যে কিছু খেয়ে থাকেন।`,
      close:
        "সম্ভব হলে বিশ্বাস করেন এমন কারও সঙ্গে থাকুন, আর ওষুধ ও অন্যান্য বিপজ্জনক জিনিস হাতের নাগালের বাইরে রাখুন। MedChat একটি স্বয়ংক্রিয় সহকারী, সংকটে আপনাকে সাহায্য করতে পারে না; এই হেল্পলাইনের মানুষেরা পারেন।",
    },
    afterNotice: (c) =>
      `অনুগ্রহ করে ওপরের জরুরি পরামর্শ মেনে চলুন: এখনই ${c.emergencyNumber} নম্বরে (বা আপনার এলাকার জরুরি নম্বরে) কল করুন। MedChat জরুরি অবস্থায় সাহায্য করতে পারে না, এবং এই প্রশ্নে তার কাছে নির্ভরযোগ্য তথ্য নেই।`,
    closing: "অনলাইন উত্তরের জন্য অপেক্ষা করবেন না।",
  },
  hu: {
    labels: { heading: "Sürgős eset lehet", call: "Hívás", crisisLine: "Lelki segély" },
    emergency: (c) =>
      `Ez sürgős orvosi eset lehet. Hívja most a ${c.emergencyNumber} számot (vagy a helyi segélyhívó számot), vagy menjen a legközelebbi sürgősségi osztályra.`,
    crisis: (c) => `Ha öngyilkosságra vagy önsértésre gondol, nincs egyedül: hívja most a ${crisisLineLabel(c)} számot.`,
    danger: (c) => `Közvetlen veszély esetén hívja a ${c.emergencyNumber} számot.`,
    crisisOne: "Ha öngyilkosságra vagy önsértésre gondol, nincs egyedül: hívja most ugyanezt a számot.",
    advice: {
      cardiac: "Az ilyen jelekkel járó mellkasi fájdalom szívinfarktus lehet.",
      stroke: "Ezek a stroke jelei lehetnek (lefittyedő száj, gyenge kar, beszédzavar): minden perc számít.",
      breathing: "A súlyos légszomj azonnali segítséget igényel.",
      anaphylaxis: "Ez súlyos allergiás reakció (anafilaxia) lehet. Ha van adrenalin-injekciós toll, használja.",
      overdose_poisoning: "Ez túladagolás vagy mérgezés lehet. Ne várja meg a tüneteket; tartsa meg a csomagolást a mentőknek.",
      severe_bleeding: "Nyomja erősen a sebet egy tiszta ruhával, és ne engedje fel.",
      seizure: "Az 5 percnél hosszabb roham, vagy ha utána nem tér magához, sürgős eset. Ne tegyen semmit a szájába.",
      unconscious: "Ha nem lélegzik normálisan, kezdje el az újraélesztést, ha tudja; a diszpécser segít.",
    },
    crisisAnswer: {
      open: "Nincs egyedül, és most is kaphat segítséget.",
      call: (c) =>
        `Hívja a ${c.crisisLine} számot, hogy beszélhessen valakivel, vagy hívja a ${c.emergencyNumber} számot, ha úgy érzi, cselekedhet ezek szerint a gondolatok szerint, vagy már bevett valamit.`,
      callOne: (c) =>
        `Hívja most a ${c.emergencyNumber} számot, hogy beszélhessen valakivel, főleg ha úgy érzi, cselekedhet ezek szerint a gondolatok szerint, vagy már bevett valamit.`,
      close:
        "Ha teheti, maradjon valakivel, akiben megbízik, és tegye el a gyógyszereket és más veszélyes dolgokat. A MedChat automatikus segéd, válságban nem tud segíteni; az ügyeleti vonalak munkatársai igen.",
    },
    afterNotice: (c) =>
      `Kérjük, kövesse a fenti sürgősségi tanácsot: hívja most a ${c.emergencyNumber} számot (vagy a helyi segélyhívó számot). A MedChat vészhelyzetben nem tud segíteni, és erről a kérdésről nincs megbízható információja.`,
    closing: "Ne várjon online válaszra.",
  },
};
