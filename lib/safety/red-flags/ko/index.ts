// Korean red flags as phrase lists (see ../phrases.ts). Matched as character strings with
// spaces between Hangul dropped (chat Korean spaces words loosely); negation "…지 않" is
// read after the match, "안/못" before it.
import { phrasePack } from "../phrases";
import { dropSpacesInCjk, wordsAndPunctuation } from "../scripts";

export const KOREAN = phrasePack({
  language: "ko",
  spaced: false,
  wordStart: false,
  reads: "accented",
  normalize: (text) => dropSpacesInCjk(wordsAndPunctuation(text.normalize("NFC"))),
  markers: /\p{Script=Hangul}/u,
  rules: [
    {
      id: "ko-chest-pain",
      category: "cardiac",
      when: ["가슴이아프", "가슴이아파", "가슴통증", "가슴이조", "가슴이답답", "가슴을움켜", "가슴을부여", "가슴이찢", "가슴이눌", "흉통", "가슴이너무아", "가슴이쥐어"],
      and: ["식은땀", "땀", "왼쪽팔", "팔", "턱", "숨", "메스꺼", "구토", "창백", "너무", "심하", "갑자기", "분째", "죽을것"],
    },
    { id: "ko-heart-attack", category: "cardiac", when: ["심장마비", "심근경색인것", "심근경색같", "심정지", "심장이멈"] },
    {
      id: "ko-stroke",
      category: "stroke",
      when: ["얼굴한쪽", "입이돌아", "입이비뚤", "얼굴이비뚤", "말이어눌", "발음이이상", "말을못", "말이안나", "한쪽팔", "한쪽다리", "팔을못움직", "팔이안움직", "한쪽이마비", "반신마비", "뇌졸중같", "중풍", "뇌출혈"],
    },
    {
      id: "ko-breathing",
      category: "breathing",
      when: ["숨을못쉬", "숨이안쉬", "숨을쉴수없", "숨이막", "숨쉬기힘들", "숨쉬기가힘들", "숨쉬기어려", "호흡곤란", "질식", "목에걸렸", "입술이파랗", "입술이보라", "숨을안쉬"],
    },
    {
      id: "ko-anaphylaxis",
      category: "anaphylaxis",
      when: ["목이부어", "목이붓", "목이조여", "혀가부", "입술이부", "얼굴이부", "아나필락시스", "에피펜"],
      unless: ["기준", "기전"],
    },
    {
      id: "ko-bleeding",
      category: "severe_bleeding",
      when: ["피가안멈", "피가멈추지", "피가계속", "피가많이나", "출혈이심", "피가철철", "피가콸콸", "피가뿜", "과다출혈", "칼에찔"],
    },
    {
      id: "ko-overdose",
      category: "overdose_poisoning",
      when: ["한통다", "한통을다", "통째로", "한움큼", "약을다먹", "많이먹었", "과다복용", "락스", "농약", "살충제", "세제를마", "수면제를", "독극물", "버튼전지", "건전지를삼", "중독", "일산화탄소", "번개탄"],
      unless: ["최대몇", "몇알", "용량"],
    },
    {
      id: "ko-suicidal",
      category: "suicidal_self_harm",
      when: ["죽고싶", "자살", "살기싫", "살고싶지않", "끝낼거", "끝내고싶", "목숨을끊", "뛰어내리", "손목을긋", "손목을그", "자해", "죽어버리", "사라지고싶"],
    },
    { id: "ko-seizure", category: "seizure", when: ["경련", "발작을하", "발작중", "거품을물", "몸을떨며", "간질발작"] },
    {
      id: "ko-unconscious",
      category: "unconscious",
      when: ["의식이없", "의식을잃", "정신을잃", "기절", "깨어나지않", "안깨어", "반응이없", "쓰러져서"],
    },
    {
      id: "ko-infant",
      category: "other",
      when: ["아기", "신생아", "갓난", "생후", "개월"],
      and: ["열이", "고열", "축처", "처져", "늘어져", "안먹", "못먹", "분유를안", "젖을안", "숨", "경련"],
    },
    {
      id: "ko-pregnancy",
      category: "pregnancy_emergency",
      when: ["임신", "임산부"],
      and: ["피가", "출혈", "하혈", "양수", "복통이심", "경련"],
    },
    {
      id: "ko-burn",
      category: "severe_burn",
      when: ["화상", "끓는물", "뜨거운물", "뜨거운기름", "데었"],
      and: ["크게", "넓게", "물집", "얼굴", "전신", "심하", "벗겨"],
    },
    {
      id: "ko-head",
      category: "head_injury",
      when: ["머리를부딪", "머리를박", "머리를다", "머리를세게", "머리부터떨어"],
      and: ["토하", "구토", "멍해", "의식", "졸려", "이상해", "경련", "피"],
    },
    {
      id: "ko-meningitis",
      category: "meningitis",
      when: ["목이뻣뻣", "목이굳", "보라색반점", "자주색반점", "눌러도안없어"],
      and: ["열", "두통", "반점", "구토"],
    },
    {
      id: "ko-sepsis",
      category: "other",
      when: ["감염", "열이", "패혈증"],
      and: ["의식이흐", "횡설수설", "숨이빨", "호흡이빨", "피부가얼룩", "손발이차", "혈압이떨"],
      unless: ["기준"],
    },
    {"id": "ko-collapse", "category": "unconscious", "when": ["쓰러졌", "쓰러져", "털썩"], "and": ["숨을이상", "숨이이상", "숨을안", "반응이없", "의식이없", "눈을안떠"]},
    {"id": "ko-many-pills", "category": "overdose_poisoning", "when": ["@N알", "@N개", "수십알", "한움큼"], "and": ["먹었", "삼켰", "수면제", "약"], "unless": ["몇알", "최대"]},
    {"id": "ko-face-numb", "category": "stroke", "when": ["얼굴반쪽", "얼굴한쪽", "얼굴반"], "and": ["감각이없", "마비", "저려", "처져", "웃을수가없", "안움직"]},
    {"id": "ko-suicide-indirect", "category": "suicidal_self_harm", "when": ["없어져도아무도", "죽어도아무도", "약다준비", "유서", "사라지고싶", "그만살고싶", "끝내고싶어"]},
    {"id": "ko-infant-weeks", "category": "other", "when": ["@N주된아기", "주된아기", "주아기", "신생아", "아기가"], "and": ["38", "39", "40", "열", "계속자", "축처", "안깨"]},
    {"id": "ko-head-more", "category": "head_injury", "when": ["머리를박", "머리를부딪", "머리를찧", "머리부터"], "and": ["토해", "토하", "구토", "멍", "졸려", "의식"]},
    {"id": "ko-sting", "category": "anaphylaxis", "when": ["벌에쏘", "말벌에쏘", "벌한테쏘"], "and": ["부어", "붓", "숨", "기절", "어지러"]},
  ],
  context: {
    negators: ["안", "없", "아니"],
    negatorsAfter: ["지않", "지는않", "진않", "지도않"],
    distantPast: ["년전", "작년", "어릴때", "예전에"],
    animal: ["강아지", "개가", "고양이", "반려", "수의사"],
    fiction: ["소설", "이야기", "드라마", "영화", "웹툰", "대본", "주인공", "캐릭터"],
    general: ["증상이뭐", "증상이무엇", "증상은", "뭐예요", "무엇인가", "어떻게해야하나", "누가", "만약", "예방", "유전되나", "의대생", "간호학생", "기준알려", "기전", "최대몇", "하루최대"],
    currentEvent: ["지금", "도와주세요", "살려", "방금", "계속", "하고있어", "고있어"],
    contrast: [],
  },
});
