// English message framing: general-knowledge, educational and hypothetical questions, and
// the signs of a current event that keep triage live inside such a framing.
// ── Framing: general knowledge, education and hypotheticals ─────────────────
/** Message-level signs that the writer asks in general, studies, teaches or supposes (nobody described is ill now). */
export const GENERAL_FRAMING: RegExp[] = [
  /^(?:what|which|how|why|when|is|are|can|does|do) (?:are |is )?(?:the )?(?:\w+ )?(?:signs?|symptoms?|causes?|red flags?|treatments?|risks?|risk factors|warning signs?|first aid|difference|differences)\b/,
  /\bwhat (?:does|do) (?:\w+ ){1,10}mean\b|\bmeaning of\b|\bdefin(?:e|ition)\b|\bwhat is meant by\b/,
  /\b(?:textbook|lecture|lecturer|exam|quiz|homework|assignment|essay|revision|revising|studying|flashcards|usmle|nclex|mcat|plab|board exam|boards|next best step|nursing school|med school|medical school|syllabus|curriculum|module|coursework|students?|class|teach|teaching|educator|instructor|trainer|first aid course|training (?:session|course|scenario))\b/,
  /\bhypothetic\w*|\bscenarios?\b|\bcase stud(?:y|ies)\b|\bsimulation\b|\brole ?-?play\b|\bin theory\b|\btheoretically\b|\bsuppose\b|\bimagine\b|\blets say\b/,
  /\bif (?:you|youre|someone|somebody|a person|people|one|anyone|your (?:friend|partner|child|kid))\b|\bwhen (?:someone|somebody|a person|people) (?:is|are|has|have|gets?|starts?)\b/,
  /^(?:can|could) you (?:get|catch|die|have|tell)\b|^can (?:a|an|people|someone|kids|children|babies)\b/,
  /^how (?:is|are|do|does) (?:\w+ ){1,3}(?:diagnosed|treated|tested|caused|spread|prevented|managed)\b|\bis it better to\b|\bin general\b|\bgenerally\b|\bhow common\b|\bstatistics\b|\bin the future\b|\bif (?:he|she|they|i|we) (?:ever|should ever)\b|\bif (?:it|this) (?:ever )?happens (?:again)?\b|\bchild ?-?proof\w*\b|\bjust (?:asking|curious|wondering)\b|\basking (?:so|because|for)\b/,
  /^(?:is|are|whats|what is) (?:\w+ ){1,4}(?:different (?:from|to|than)|the same (?:as|thing as))\b|\b(?:want|wanted|like|trying) to be prepared\b/,
];

/** Signs of a current, real event: these keep the triage live even inside a general framing. */
export const CURRENT_EVENT: RegExp[] = [
  /\b(?:right now|at the moment|currently|as we speak|as i type|just now|tonight|this (?:morning|afternoon|evening)|today|\d+ (?:min|mins|minutes|hours?) ago|an hour ago|half an hour ago|since (?:\w+ ){0,2}(?:minutes?|hours?|morning|yesterday|last night|lunch)|getting worse|please help|help me|hurry)\b/,
  /\b(?:im|i am) (?:having|feeling|getting|bleeding|shaking|so|really|very|in (?:pain|agony)|scared|terrified|going to|about to|pregnant|\d+ weeks)\b/,
  /\bi (?:have (?!a question|an exam|a test|to |always|never|read|heard|seen)|ive got|feel|felt|cant|have been|ve been|think (?:im|i am|i have|ive|hes|shes|my)|just|took|swallowed|ate|drank|fell|hit|cut|burned|burnt|got|woke|keep(?! (?:getting|failing|missing|mixing up) (?:\w+ ){0,3}(?:questions?|answers?|wrong|mixed up)\b)|need help|want|wanna|dont want)\b/,
  /\bmy ?self\b/,
  /\b(?:hes|shes|he is|she is|theyre|they are) (?:\w+ )?(?:lying|on the floor|not breathing|unconscious|bleeding|choking|turning blue|blue|collapsed|unresponsive|shaking|fitting|seizing)\b/,
  // "my dad has high bp" is background (a long-term condition), not an event: "what should i do if someone is having a stroke? my dad has high bp".
  /\bmy (?:\w+ )?(?!(?:textbook|book|lecturer|teacher|professor|tutor|class|course|exam|students?|notes|instructor|scenario|question|homework|assignment|essay|novel|story|character|patient|lecture|quiz|module|job|work|school|manual)\b)\w+ (?:is|are|was|has(?! (?:(?:high|low) (?:bp|blood pressure|cholesterol)|diabetes|asthma|epilepsy|dementia|copd|heart disease|a heart condition|allergies|a history)\b)|have|had|feels?|felt|keeps?|went|wont|cant|isnt|hasnt|just|suddenly|started|collapsed|fell|took|swallowed|ate|drank|says|said|told|texted|looks|seems)\b/,
];
