// English red-flag rules: suicidal thoughts, plans, farewells and self-harm.
import type { RedFlagRule } from "../types";
import { SELF } from "./parts";

export const SELF_HARM_RULES: RedFlagRule[] = [
  {
    id: "suicidal",
    category: "suicidal_self_harm",
    when: [
      new RegExp(`\\bk+i+l+ ${SELF}\\b`),
      /\bkill?(?:ing)? ?my ?sel(?:f|fe|v)\b|\bkilmyself\b|\bkillmyself\b/,
      /\bkms\b|\bunaliv\w*\b|\bsewerslide\b|\bsu[i1!]c[i1!]d[e3]\b(?= (?:is|tonight|now|today))|\bs[u\*]icide\b(?= note)/,
      /\bsuicidal\b|\bsuicide note\b/,
      /\b(?:commit|committing|attempt\w*|thinking about|thinking of|thoughts of|planning|plan) (?:to )?(?:commit )?suicide\b/,
      /\bend(?:ing)? (?:it all|my life|his life|her life|their life|things|everything|it tonight|my pain|the pain for good)\b/,
      /\b(?:dont|do not|no longer) want to (?:be alive|live|exist|wake up|be here|go on|be around)\b/,
      /\b(?:no reason|nothing (?:left )?to live for|no point in (?:living|going on|being alive)|no point (?:going on|anymore))\b/,
      /\b(?:want|wants|wanting|going|wish|wishing|ready|plan|planning) (?:\w+ )?to die\b|\bwish i (?:was|were) dead\b|\bwant to be dead\b/,
      /\bbetter off dead\b/,
      /\b(?:nobody|no one|noone|no body) (?:would|will|is going to|gonna|d) (?:even )?(?:miss|notice|care)\b(?: \w+){0,2} (?:if i|me|when i|im gone)\b|\bif i (?:was|were) (?:gone|dead)\b/,
      /\b(?:everyone|everybody|they|my family|the world|people|my kids|my wife|my husband|all of them|he|she)\b(?: \w+){0,2} (?:would|will|d|are|is|be) (?:be )?(?:better off|better|happier|fine) (?:without me|if i (?:was|were|wasnt|werent|died|was gone|wasnt here|wasnt around))\b/,
      /\bi (?:am|m|feel like) (?:just )?a burden (?:to|on) (?:everyone|everybody|my family|them)\b/,
      /\b(?:going to|want to|wants to|will|plan to|planning to|about to|gonna) (?:hurt|harm|cut|kill|hang|drown|shoot) (?:my ?self|himself|herself|themselves)\b/,
      /\b(?<!accidentally |accidently )cut (?:my ?self|himself|herself)\b(?! (?:shaving|cooking|chopping|slicing|gardening|by accident|accidentally|on (?:a|the|some|my)|while|opening|with (?:a|the) (?:kitchen|bread|tin|can|paper|scissors|knife while)))/,
      /\bself[ -]?harm\w*\b/,
      /\bcutting (?:my ?self|himself|herself|themselves)\b|\bburning (?:my ?self|himself|herself)\b/,
      /\b(?:quickest|easiest|painless|best|surest|fastest|least painful|simplest) (?:\w+ ){0,2}ways? to (?:die|kill (?:my ?self|yourself)|end (?:it|my life)|go)\b/,
      /\bhow (?:many|much) (?:\w+ ){0,5}(?:would it take|to take|does it take|do i need|would i need) to (?:die|not wake up|kill|end it|never wake up|be fatal|be lethal)\b/,
      /\b(?:lethal|fatal|deadly) (?:dose|amount)\b/,
      /\b(?:looking up|looked up|googl\w*|searching|searched|researching|reading about) (?:how to|ways to|how many|how much) (?:\w+ ){0,3}(?:overdose|kill|die|hang|end it|not wake up)\b/,
      /\b(?:texted|messaged|sent (?:me )?(?:a )?(?:message|text) saying) (?:me )?(?:goodbye|good bye|bye forever)\b|\b(?:said|saying) (?:goodbye|good bye|bye) (?:forever|to (?:everyone|everybody|all of (?:you|them)|the world|my (?:family|kids|children|mum|mom|dad|parents|wife|husband|partner)))\b|\bsaid bye forever\b|\bgoodbye (?:everyone|forever|world|cruel world)\b|\bthis is (?:my )?(?:last|final) (?:message|goodbye|post)\b/,
      /\bplanning how to do it\b|\bknow (?:how|where|when) (?:im|i am|i will|ill) (?:going to )?do it\b|\b(?:tonight|tomorrow) is the night\b/,
      /\b(?:bought|got|have|tied|hung|set up|made|found) (?:a|the) (?:rope|noose)\b|\bnoose\b|\bthe rope (?:is|s) (?:ready|in|tied|up|hanging|set|under|hidden)\b/,
      /\b(?:saving|saved|stockpil\w*|hoarding|collecting) (?:up )?(?:my |all my |his |her )?(?:pills|tablets|meds|medication|sleeping pills)\b/,
      /\b(?:written|wrote|writing|left) (?:a |my )?(?:suicide )?(?:note|notes|letters?|goodbye letters?) (?:to|for) (?:my|everyone|the)\b|\bgoodbye letters?\b/,
      /\bgiv(?:ing|en|e) (?:away )?(?:all )?(?:my|his|her) (?:stuff|things|belongings|possessions|pets|stuff away|things away)\b(?: \w+){0,3} (?:away|wont need|dont need|not going to need)?/,
      /\bwont (?:need (?:it|them|this|my \w+)|be (?:around|here)) (?:where im going|much longer|anymore|tomorrow|after tonight|for long)\b|\bwhere im going\b/,
      /\b(?:no|dont see (?:the|any)|cant see (?:the|any)|whats the|lost the|there is no|theres no) point (?:in |of )?(?:living|life|going on|being alive|carrying on|being here|me being here)\b/,
      /\b(?:going to|gonna|will|about to|want to|wanna|planning to) (?:take|swallow|down|drink) (?:everything|all|every (?:pill|tablet)|the lot)\b(?: \w+){0,3} (?:cupboard|cabinet|medicine|pills|tablets|meds|bottle|box|drawer|house)\b/,
      /\b(?:this is|tonight is|today is|tomorrow is) (?:my )?(?:last|final) (?:night|day)\b|\bmy last (?:night|day) (?:alive|on earth|here)\b/,
      /\b(?:going to|gonna|will|about to|want to|wanna|planning to) (?:take|swallow|down) (?:all|every one|the whole lot) (?:of )?(?:my|the|his|her|these|those) (?:pills|tablets|meds|medication|sleeping pills)\b/,
      /\bend (?:my ?self|it for good|my suffering|it all tonight)\b/,
      /\b(?:im |i am |i will be |ill be )?(?:taking|swallowing|downing) (?:every (?:single )?(?:pill|tablet)|all (?:the|my) (?:pills|tablets|meds)|everything in the (?:cabinet|cupboard|house))\b/,
      /\b(?:i|ill|i will|i am going to|im going to|gonna|tonight i|today i) end it\b(?! (?:with|between))/,
      /\b(?:thinking|think|thought|thoughts|keep thinking) (?:about|of) (?:jumping (?:off|from|in front)|hanging (?:my ?self)?|overdosing|ending (?:it|my life|things)|killing my ?self|cutting (?:my ?self|again)|taking (?:all )?my (?:pills|tablets)|not being here|disappearing forever)\b/,
      /\b(?:want|need|wish) (?:it|everything|this) (?:all )?to (?:stop|end)\b(?! (?:hurting|itching|aching|raining))/,
      /\b(?:pills|tablets|knife|rope|gun|blade|razor|meds)\b(?: \w+){0,3} (?:in front of me|lined up|next to me|in my hand|counted out|are ready|ready to go)\b/,
      /\b(?:life|my life|living|it) (?:isnt|is not|aint|not|is no longer) worth (?:living|it anymore|going on)\b|\bnot worth living\b/,
      /\b(?:going to|gonna|about to|will|want to|wanna) jump(?:$| (?:off|from|tonight|now|today|in front))/,
      /\bgo to sleep and (?:never|not) wake up\b|\bnever wake up again\b|\bnot wake up (?:tomorrow|again)\b/,
      /\b(?:jump|throw myself|step) (?:off|from|in front of|under) (?:a|the) (?:bridge|roof|building|cliff|train|truck|lorry|bus|car)\b|\bstanding on (?:the|a) (?:bridge|ledge|edge of the roof)\b/,
      /\bcant (?:go on|do this anymore|take (?:it|this) anymore|keep going)\b(?: \w+){0,3} (?:living|like this|anymore|want to die|end)?/,
    ],
    unless: [
      /\bnormal (?:thing )?(?:for (?:kids|children|teens|people) )?to say\b|\bthing (?:kids|children|teens|people) say\b/,
      /\b(?:always|keeps?|was|is) joking\b|\bjokingly\b|\bfigure of speech\b/,
      /\b(?:kill (?:my ?self )?laughing|killing myself (?:laughing|at (?:work|the gym))|dying (?:to|of) (?:know|laughter|embarrassment)|cant take it anymore (?:this|the) (?:heat|traffic|noise))\b/,
      // Preparing for a bad time while safe now ("a safety plan for when i feel suicidal. im doing okay right now").
      /\bsafety plan\b.{0,120}?\b(?:im|i am) (?:doing )?(?:ok|okay|fine|alright|safe|well) (?:right )?now\b/,
    ],
  },
  {
    // Sitting in a car in a garage with the engine running: carbon monoxide, most often on purpose (working on a car is not).
    id: "car-exhaust",
    category: "suicidal_self_harm",
    when: [/\b(?:sat|sitting|sit|sits) in (?:my|his|her|the|our) car\b/],
    and: [/\bgarage\b/],
    andAlso: [/\bengine (?:is |still )?(?:running|on)\b|\bhose (?:from|to|in) the exhaust\b|\bexhaust (?:pipe )?(?:into|in) the car\b/],
  },
  {
    id: "suicide-plan-or-farewell",
    category: "suicidal_self_harm",
    when: [
      /\b(?:going to|gonna|will|about to|ready to|decided to|im) (?:do it|go through with it|end it)\b/,
      /\bsaid (?:bye|goodbye|good bye)\b|\bsorry for everything\b|\bmy goodbyes\b|\b(?:last|final) (?:message|text|goodbye)\b|\btake care of (?:my|the) (?:kids|children|dog|cat|mum|mom)\b(?: \w+){0,3} (?:for me|when im gone)\b|\bwhen im gone\b|\bdecided tonight\b/,
    ],
    and: [
      /\b(?:knife|pills|tablets|rope|gun|blade|razor|bridge|tonight|goodbyes|cant (?:go on|take)|no point|die|dead|phone (?:is |has been |now )?(?:off|dead)|not answering|isnt answering|wont answer|cant reach|no reply|loves? (?:me|you|them)|forever|end it)\b/,
    ],
  },
  {
    id: "suicide-means-with-despair",
    category: "suicidal_self_harm",
    when: [/\b(?:gun|rifle|shotgun|pistol|rope|pills|tablets|blade|razor|bridge|train tracks|railway|cliff|ledge)\b/],
    and: [
      /\b(?:im done|i am done|done with (?:everything|life|it all|living)|cant go on|end it|no point|had enough of (?:life|living|everything|it all)|give up on (?:life|everything)|disappear (?:forever|for good)|not be here|goodbye|want to die|nothing left)\b/,
    ],
  },
];
