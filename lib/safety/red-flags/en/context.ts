// What around an English red flag makes it not live: a negation just before it ("no chest
// pain"), a long-past time ("a stroke in 2015"), an animal patient ("my cat is having a
// seizure"); and the framing of a whole message (fiction, general questions) unless it
// also describes a current event.
import type { LanguageContext } from "../types";
import { CURRENT_EVENT, GENERAL_FRAMING } from "./framing";

export const EN_CONTEXT: LanguageContext = {
  negators: new Set([
    "no",
    "not",
    "dont",
    "doesnt",
    "didnt",
    "without",
    "never",
    "denies",
    "deny",
    "denied",
    "isnt",
    "arent",
    "wasnt",
    "werent",
    "havent",
    "hasnt",
    "nor",
    "neither",
    "none",
  ]),
  negationWindow: 4,
  negativeWords: new Set(["cant", "cannot", "wont", "couldnt", "wouldnt", "unable", "aint"]),
  distantPast: new RegExp(
    [
      /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple of|many|several) (?:years?|months?|weeks?) ago\b/.source,
      /\blast (?:year|month|summer|winter|spring|autumn|fall)\b|\bin (?:19|20)\d\d\b/.source,
      /\bwhen (?:i|he|she|they|we) (?:was|were)\b|\bas a (?:child|kid|teen\w*|baby|toddler)\b/.source,
      /\bhistory of\b|\bused to\b|\bin (?:college|high school|university|my (?:teens|twenties))\b/.source,
      /\byears back\b|\byears ago\b|\bin the past\b|\bpreviously\b|\b(?:a )?long time ago\b|\bages ago\b|\bi went through\b|\bwas treated for\b/
        .source,
    ].join("|"),
  ),
  // … and dog breeds people name instead ("my kelpie got bitten by a snake").
  animal:
    /\b(?:dog|dogs|cat|cats|puppy|kitten|pet|horse|rabbit|hamster|parrot|bird|guinea pig|ferret|goldfish|kelpie|labrador|spaniel|terrier|collie|poodle|beagle|husky|dachshund|staffy|greyhound|pug|chihuahua|retriever|cavoodle|cockapoo|labradoodle|german shepherd|border collie|heeler)\b/,
  animalAsAgent:
    // … or what the person gave away ("gave my dog to my sister": the sign after it is the person's).
    /\b(?:bit|bitten|bites|attacked|mauled|scratched|gored|kicked|trampled|stung|jumped on|knocked (?:him|her|me|them) over)\b|\b(?:gave|given|giving) (?:away )?(?:my|his|her|our|their) (?:\w+ )?(?:dog|cat|puppy|kitten|pet|rabbit|horse|bird|parrot)s? (?:to|away)\b|\brehomed\b/,
  fiction:
    /\b(?:novel|screenplay|binge ?watching|tv (?:show|series)|on tv|episode|greys anatomy|greys|my character|a character|fictional|for a story|in my story|short story|writing a story|a story about|(?:writing|write|wrote) (?:a|my) (?:thriller|crime novel|murder mystery|mystery|script|book|play))\b/,
  // A video game is told in the present tense ("my guy keeps bleeding out before my squad revives me"): no "right now" makes it real.
  play: /\b(?:video ?games?|call of duty|fortnite|minecraft|gta|roblox|apex legends|valorant|my squad|respawn\w*|in (?:the )?game)\b/,
  general: GENERAL_FRAMING,
  currentEvent: CURRENT_EVENT,
  // "no helmet and keeps asking the same questions", "no fever and shes floppy": the negation stays before "and".
  // "no seatbelt and hit the windscreen": after "no"/"without" and a thing, a verb starts a new statement (while "didnt fall and hit
  // his head" keeps its negation: there the negator is the verb's).
  newStatement:
    /\b(?:no|without) \w+(?: \w+)? and (?=(?:hit|fell|banged|crashed|went|got|smashed|flew|landed)\b)|\b(?:and|then|plus) (?=(?:now|then|still|suddenly|also|he|she|they|i|we|it|hes|shes|theyre|im|ive|its|his|her|my|their|our|the|this|that|keeps?|kept|started|starts|began|is|was|has|had|cant|wont|cannot|looks|seems|feels)\b)/,
  newSubject: /\b(?:and|but|then) (?:the|my|our|your|their|i|we|im|ive) /,
  contrast: /\s(?:but|however|although|though)\s/,
};
