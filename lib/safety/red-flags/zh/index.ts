// Chinese (simplified and traditional, plus toneless pinyin) red flags as phrase lists
// (see ../phrases.ts). Matched as character strings: Chinese has no spaces between words.
import { phrasePack } from "../phrases";
import { dropSpacesInCjk, simplifyChinese, wordsAndPunctuation } from "../scripts";

const CHEST = ["胸口", "胸部", "胸前", "心口", "胸", "心脏", "xiong kou", "xin kou"];
const PAIN = ["痛", "疼", "闷", "压", "紧", "绞", "刺", "teng", "tong"];

export const CHINESE = phrasePack({
  language: "zh",
  spaced: false,
  wordStart: false,
  reads: "accented",
  normalize: (text) => simplifyChinese(dropSpacesInCjk(wordsAndPunctuation(text))),
  markers: /\p{Script=Han}|(?<![a-z])(?:wo|hen|xiang|zai|mei|bu|shi|zhe|huo|teng|ba ba|ma ma)(?![a-z])/u,
  rules: [
    {
      id: "zh-chest-pain",
      category: "cardiac",
      when: CHEST.flatMap((c) => PAIN.map((p) => `${c}~${p}`)),
      and: ["冷汗", "出汗", "大汗", "左手", "左臂", "手臂", "胳膊", "发麻", "下巴", "喘不", "呼吸", "气短", "憋气", "恶心", "脸色", "剧烈", "厉害", "很痛", "好痛", "好疼", "很疼", "受不了", "突然", "半小时", "分钟", "晕", "救命", "chu han", "hao tong", "hen tong"],
    },
    { id: "zh-heart-attack", category: "cardiac", when: ["心脏病发作", "心梗", "心肌梗塞", "心肌梗死", "心脏骤停", "心跳停", "xin zang bing fa zuo"] },
    {
      id: "zh-stroke",
      category: "stroke",
      when: ["嘴歪", "口歪", "脸歪", "面瘫", "口角歪", "半边脸", "一边脸", "说话不清", "讲话不清", "口齿不清", "说不出话", "讲话含糊", "说话含糊", "言语不清", "一边手脚", "半身", "一侧手", "一边手", "手脚没力", "手抬不起", "胳膊抬不起", "中风了", "脑梗了", "脑溢血", "脑出血", "zhong feng le", "zui wai"],
    },
    {
      id: "zh-breathing",
      category: "breathing",
      when: ["喘不过气", "喘不上气", "透不过气", "上不来气", "不能呼吸", "呼吸不了", "没法呼吸", "无法呼吸", "呼吸困难", "憋气", "窒息", "噎住", "卡住喉咙", "嘴唇发紫", "嘴唇发青", "嘴唇青紫", "没有呼吸", "不呼吸了", "chuan bu guo qi", "hu xi kun nan", "bu neng hu xi"],
    },
    {
      id: "zh-anaphylaxis",
      category: "anaphylaxis",
      when: ["喉咙肿", "喉咙发紧", "喉咙紧", "嗓子肿", "舌头肿", "嘴唇肿", "脸肿", "过敏性休克", "严重过敏", "全身起疹子", "全身荨麻疹"],
    },
    {
      id: "zh-bleeding",
      category: "severe_bleeding",
      when: ["血止不住", "止不住血", "流血不止", "血流不止", "大出血", "出血很多", "流了很多血", "流很多血", "血一直流", "喷血", "血喷", "一直流血", "出好多血", "好多血", "很多血", "被捅", "被刺"],
    },
    {
      id: "zh-overdose",
      category: "overdose_poisoning",
      when: ["一整瓶", "一瓶药", "整瓶药", "很多片", "一把药", "一盒药", "整盒", "吃多了药", "药吃多了", "过量", "服毒", "喝了农药", "喝农药", "吃了老鼠药", "老鼠药", "百草枯", "喝了消毒液", "喝了漂白", "喝了84", "84消毒液", "误食", "误服", "中毒", "煤气中毒", "一氧化碳", "吞了电池", "吞了纽扣电池", "安眠药", "zhong du"],
      unless: ["最多吃几", "剂量", "能吃几"],
    },
    {
      id: "zh-suicidal",
      category: "suicidal_self_harm",
      when: ["不想活", "活不下去", "想死", "自杀", "轻生", "寻死", "结束生命", "结束自己", "了结自己", "跳楼", "割腕", "自残", "伤害自己", "割自己", "不想活了", "活着没意思", "bu xiang huo", "xiang si", "zi sha", "qing sheng"],
    },
    {
      id: "zh-seizure",
      category: "seizure",
      when: ["抽搐", "抽筋抽", "抽风", "口吐白沫", "癫痫发作", "羊角风", "全身抖", "惊厥", "chou chu"],
    },
    {
      id: "zh-unconscious",
      category: "unconscious",
      when: ["叫不醒", "叫不应", "昏迷", "不省人事", "没有意识", "没意识", "失去意识", "昏过去", "晕过去", "没反应", "神志不清", "意识不清", "晕倒", "昏倒", "没有心跳", "jiao bu xing", "hun mi"],
    },
    {
      id: "zh-infant",
      category: "other",
      when: ["宝宝", "婴儿", "新生儿", "小宝", "个月大", "两个月", "一个月", "三个月", "满月", "bao bao"],
      and: ["发烧", "高烧", "发热", "没精神", "不吃奶", "不喝奶", "软绵绵", "蔫", "叫不醒", "呼吸", "抽", "嘴唇发紫", "fa shao"],
    },
    {
      id: "zh-pregnancy",
      category: "pregnancy_emergency",
      when: ["怀孕", "孕", "怀着", "怀了"],
      and: ["流血", "出血", "见红", "血", "剧痛", "肚子痛", "肚子疼", "羊水破", "胎动没", "抽搐"],
      unless: ["月经"],
    },
    {
      id: "zh-burn",
      category: "severe_burn",
      when: ["烫伤", "烧伤", "开水", "热油", "滚油", "被烫", "化学烧", "硫酸", "火烧"],
      and: ["大片", "一大片", "水泡", "起泡", "皮掉", "脱皮", "全身", "脸", "很严重", "严重", "发黑", "眼睛"],
    },
    {
      id: "zh-head",
      category: "head_injury",
      when: ["摔到头", "撞到头", "磕到头", "头撞", "头磕", "头部受伤", "砸到头", "摔了头", "撞了头", "磕了头", "头被"],
      and: ["吐", "呕", "迷糊", "糊涂", "昏", "晕", "叫不醒", "想睡", "嗜睡", "抽", "流血", "耳朵流"],
    },
    {
      id: "zh-meningitis",
      category: "meningitis",
      when: ["脖子僵", "脖子硬", "颈部僵", "颈项强直", "脖子不能弯", "紫色斑", "紫斑", "出血点", "压不褪", "按不褪"],
      and: ["发烧", "高烧", "发热", "头痛", "头疼", "呕吐", "斑", "点", "僵"],
    },
    {
      id: "zh-sepsis",
      category: "other",
      when: ["感染", "发烧", "高烧", "败血"],
      and: ["神志不清", "意识模糊", "糊涂", "呼吸很快", "呼吸急", "喘得厉害", "皮肤发花", "花斑", "冰冷", "叫不醒", "血压低"],
      unless: ["如何预防"],
    },
    {"id": "zh-collapse", "category": "unconscious", "when": ["倒下", "倒地", "摔倒在地", "昏倒", "瘫倒"], "and": ["呼吸很奇怪", "呼吸奇怪", "呼吸不正常", "喘不上", "没有呼吸", "叫不醒", "没反应", "不动了"]},
    {"id": "zh-many-pills", "category": "overdose_poisoning", "when": ["十几片", "几十片", "二十几片", "@N片", "@N粒", "一把药", "一整板"], "and": ["安眠药", "药", "吃了", "吞了"], "unless": ["最多吃几"]},
    {"id": "zh-face-numb", "category": "stroke", "when": ["半边脸麻", "半边脸没知觉", "一边脸麻", "脸麻了", "一边脸不能动", "笑不起来", "嘴角歪"]},
    {"id": "zh-suicide-indirect", "category": "suicidal_self_harm", "when": ["我走了也没人", "我死了也没人", "没有我大家会更好", "药我都准备好", "药都准备好了", "遗书", "不想再醒来", "活着太累"]},
    {"id": "zh-infant-weeks", "category": "other", "when": ["宝宝才", "宝宝", "婴儿", "@N周", "一周", "两周", "三周", "四周", "五周", "六周", "七周", "八周"], "and": ["38", "39", "40", "发烧", "高烧", "发热", "一直睡", "叫不醒", "没精神"], "unless": ["最多"]},
    {"id": "zh-sting", "category": "anaphylaxis", "when": ["蛰了", "蜇了", "被蜂", "马蜂", "蜜蜂"], "and": ["肿", "喘不", "晕", "呼吸"]},
  ],
  context: {
    negators: ["没有", "没", "无", "不是", "并非", "未"],
    distantPast: ["年前", "去年", "前年", "小时候", "几年", "多年"],
    animal: ["狗", "猫", "宠物", "兽医"],
    fiction: ["小说", "故事", "剧本", "电影", "电视剧", "角色", "主角", "游戏"],
    general: ["什么症状", "有什么症状", "有哪些症状", "症状是什么", "什么是", "是什么", "如果有人", "如果别人", "万一", "怎么预防", "如何预防", "会遗传", "遗传吗", "医学生", "机制", "病理", "考试", "一天最多", "剂量", "有人问", "一般"],
    currentEvent: ["现在", "救命", "快来", "正在", "刚才", "刚刚", "一直", "怎么办啊", "xian zai", "jiu ming"],
    contrast: [],
  },
});
