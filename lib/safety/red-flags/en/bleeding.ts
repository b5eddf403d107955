// English red-flag rules: severe bleeding.
import type { RedFlagRule } from "../types";

export const BLEEDING_RULES: RedFlagRule[] = [
  {
    id: "severe-bleeding",
    category: "severe_bleeding",
    when: [
      /\bbleeding (?:wont|doesnt|isnt|is not|will not|hasnt|not|cant|wouldnt) (?:be )?stop\w*\b/,
      /\b(?:wont|cant|doesnt|isnt|not) stop(?:ping)? (?:the )?bleeding\b/,
      /\b(?:lots of|a lot of|so much|loads of|tons of|masses of) blood\b/,
      /\b(?:nosebleed|nose bleed|bleeding|bleed|pouring|gushing)\b(?: \w+){0,4} (?:for|over|more than|longer than) (?:(?:[2-9]\d|\d{3}) (?:minutes|mins)|twenty|thirty|forty|an hour|over an hour|\d+ hours|hours)\b/,
      /\b(?:knife|blade|glass|nail|metal|rod|spike|pole|branch|screwdriver|scissors)\b(?: \w+){0,2} (?:went|gone|is stuck|stuck|sticking|lodged|got stuck|has gone) (?:in|into|through|out of)\b|\bimpaled\b/,
      /\b(?:nosebleed|nose bleed|bleed|blood|it|cut|wound|gash)\b(?: \w+){0,6} (?:wont|doesnt|will not|isnt|hasnt|not|cant|wouldnt) (?:be )?stop\w*\b/,
      /\bspurting\b|\bsquirting\b|\bpulsing out\b/,
      /\b(?:gushing|pouring|spurting|pumping|pissing|losing) (?:out )?(?:so much |lots of |a lot of |loads of )?blood\b/,
      /\bblood (?:is )?(?:pouring|gushing|pumping|spurting|squirting|pissing|everywhere|all over the (?:floor|place))\b/,
      /\b(?:pool|puddle) of blood\b/,
      /\b(?:got|been|was|just|being|has been|have been) (?:\w+ )?(?:stabbed|shot)\b/,
      /\b(?:throwing up|vomiting|vomited|puking|spitting up|spitting out|spitting|spat out|coughing up|coughed up|threw up) (?:\w+ ){0,2}blood\b/,
      /\b(?:coffee grounds?)\b/,
      /\bbleeding (?:heavily|a lot|badly|profusely|everywhere|so much|really bad|through)\b/,
      /\b(?:heavy|severe|massive|uncontrolled|uncontrollable) bleeding\b/,
      /\bsoaked (?:through|thru)\b|\bsoaking through (?:everything|the|his|her|my|a|two|several)\b|\bsoak\w* (?:through )?(?:a|the|several|two|three|\d) (?:towels?|bandages?|tea towels?|dressings?)\b/,
      /\bstill bleeding\b(?: \w+){0,4} (?:after|despite|even with|through)\b/,
      /\b(?:pressing|pressure|pressed)\b(?: \w+){0,5} (?:\d+|twenty|thirty|ten|fifteen) (?:minutes|mins)\b(?: \w+){0,6} (?:still|bleeding)\b/,
      /\b(?:cut|chopped|sliced|severed|torn) (?:\w+ ){0,2}(?:off|clean off)\b|\bamputat\w*\b/,
      // Not when iron, bismuth or liquorice explains it ("black stool after iron tablets").
      /\b(?:black|tarry) (?:tarry |black )?(?:stool|stools|poop)\b(?!(?: \w+){0,4} (?:after|from|since|with|on) (?:taking |starting )?(?:my |the |his |her |some )?(?:iron|pepto|bismuth|blueberr\w*|liquorice|licorice))/,
      /\b(?:soak\w*|fill\w*|going through|gone through|been through|changed|changing|bled through)\b(?: \w+){0,2} (?:\d+|a|one|two|three|four|several) (?:\w+ )?(?:pads?|towels?|tampons?)\b(?: \w+){0,3} (?:an hour|every hour|in an hour|per hour|in (?:half|less than) an hour|every (?:half hour|30 minutes))\b/,
      /\blost (?:a lot|loads|so much) of blood\b/,
      /\b(?:deep|gaping) (?:cut|wound|gash)\b(?: \w+){0,4} (?:wont|cant|see (?:the )?bone|fat|lots of blood|a lot of blood)\b/,
    ],
    unless: [
      /\b(?:bled|bleeding) (?:\w+ ){0,2}(?:for )?(?:a (?:couple|few|minute)|two|2|one|\d+ seconds|seconds)\b(?: \w+){0,4} (?:and (?:then )?)?stopped\b/,
      /\b(?:has|had|it) stopped bleeding\b|\bbleeding (?:has |had )?stopped\b/,
      /\b(?:tiny|small|minor|little|superficial) (?:nick|cut|graze|scratch|scrape)\b|\bpaper cut\b/,
    ],
  },
  {
    id: "bleeding-with-shock",
    category: "severe_bleeding",
    // Any bleeding with fainting or dizziness suggests significant blood loss.
    when: [/\b(?:bleeding|bled|blood (?:coming|pouring|loss)|losing blood|blood from)\b/],
    and: [/\b(?:faint\w*|dizzy|light ?-?headed|collaps\w*|passing out|pale and (?:clammy|sweaty|cold))\b/],
    unless: [/\b(?:sight of blood|blood test|giving blood|donat\w*|blood (?:sugar|pressure)|having blood taken|gums?)\b/],
  },
];
