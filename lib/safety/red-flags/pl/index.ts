// Polish red flags as phrase lists (see ../phrases.ts), on folded text (no diacritics,
// ł → l): people often type Polish without them ("nie moze oddychac").
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const POLISH = phrasePack({
  language: "pl",
  spaced: true,
  wordStart: true,
  letters: /[łąęśćńźż]/u,
  normalize: (text) => wordsAndPunctuation(text.replace(/ł/g, "l")),
  markers: /(?<![a-z])(?:sie|nie|jest|mnie|moj|moja|moje|mojego|mojej|mam|juz|bardzo|jestem|dzis|tylko|cos|gdy|ktory|czy|jak|tak|ze)(?![a-z])/u,
  rules: [
    {
      id: "pl-chest-pain",
      category: "cardiac",
      when: ["boli mnie w klatce", "bol w klatce", "ból w klatce", "ból w piersi", "bol w piersi", "klatka piersiowa boli", "boli klatka", "ucisk w klatce", "pieczenie w klatce", "sciska w klatce", "ściska mnie w klatce", "trzyma sie za serce", "boli serce", "boli mnie serce", "klatce piersiowej ~ boli"],
      and: ["reki", "ręki", "reka", "ramie", "szczek", "spocon", "pot", "oddych", "dusz", "mdl", "blad", "strasznie", "bardzo", "mocno", "silny", "nagle", "minut", "promieniuje"],
    },
    { id: "pl-heart-attack", category: "cardiac", when: ["mam zawal", "ma zawal", "chyba zawal", "to zawal", "atak serca", "zatrzymanie krazenia", "serce stanelo"] },
    {
      id: "pl-stroke",
      category: "stroke",
      when: ["opadl kacik", "opadniety kacik", "krzywe usta", "twarz opadla", "buzia krzywa", "belkocze", "belkot", "mowi niewyraznie", "niewyrazna mowa", "nie moze mowic", "nie moze podniesc reki", "nie moge podniesc reki", "reka bezwladna", "sparalizowal", "chyba udar", "ma udar", "dostal udaru", "dostala udaru", "udar teraz"],
    },
    {
      id: "pl-breathing",
      category: "breathing",
      when: ["nie moge oddychac", "nie moze oddychac", "nie moge zlapac tchu", "brak powietrza", "brakuje mi powietrza", "dusze sie", "dusi sie", "zakrztusil", "zakrztusila", "sine usta", "sinieje", "nie oddycha", "ciezko oddychac", "trudno oddychac"],
    },
    {
      id: "pl-anaphylaxis",
      category: "anaphylaxis",
      when: ["puchnie mi gardlo", "spuchlo gardlo", "gardlo puchnie", "obrzek gardla", "puchnie jezyk", "spuchl jezyk", "obrzek krtani", "wstrzas anafilakty", "anafilaksj"],
    },
    {
      id: "pl-bleeding",
      category: "severe_bleeding",
      when: ["krew leje", "krew tryska", "krew sie leje", "krwawi i nie przestaje", "nie przestaje krwawic", "krwotok", "mocno krwawi", "bardzo krwawi", "duzo krwi", "dzgniety nozem", "dzgnieta nozem"],
      unless: ["ciaz"],
    },
    {
      id: "pl-overdose",
      category: "overdose_poisoning",
      when: ["cale opakowanie", "cala paczke", "cala fiolke", "duzo tabletek", "garsc tabletek", "przedawkowal", "przedawkowala", "przedawkowanie", "polknal ~ tabletek", "polknela ~ tabletek", "wypil ~ kreta", "wypila ~ kreta", "udrazniania rur", "wypil ~ wybielacz", "napil sie ~ srodka", "wypil ~ trucizn", "zatrul sie", "zatrula sie", "zatrucie czadem", "czad", "polknal baterie", "polknela baterie"],
      unless: ["ile ", "na dobe", "dawk"],
    },
    {
      id: "pl-suicidal",
      category: "suicidal_self_harm",
      when: ["nie chce juz zyc", "nie chce zyc", "zabije sie", "zabic sie", "chce umrzec", "chce sie zabic", "odebrac sobie zycie", "odbiore sobie zycie", "samobojstw", "samobojcz", "tne sie", "pocielam sie", "pocialem sie", "podcielam zyly", "podcialem zyly", "skoncze ze soba", "skonczyc ze soba"],
    },
    { id: "pl-seizure", category: "seizure", when: ["drgawk", "ma atak padaczki", "atak padaczki teraz", "piana z ust", "trzesie sie cale", "trzesie sie caly"] },
    {
      id: "pl-unconscious",
      category: "unconscious",
      when: ["zemdlal", "zemdlala", "stracil przytomnosc", "stracila przytomnosc", "nieprzytomn", "nie reaguje", "nie moge go docucic", "nie moge jej docucic", "nie da sie obudzic", "nie budzi sie"],
    },
    {
      id: "pl-infant",
      category: "other",
      when: ["niemowl", "noworod", "dzidzius", "bobas", "tygodni", "miesiecy", "miesiace"],
      and: ["goraczk", "wiotk", "nie je", "nie pije", "nie ssie", "ospal", "sinieje", "oddych", "drgawk"],
    },
    {
      id: "pl-pregnancy",
      category: "pregnancy_emergency",
      when: ["ciazy", "ciaza", "w ciazy", "tygodniu ciazy"],
      and: ["krwawi", "krwawie", "krwawienie", "krew", "odeszly wody", "silny bol", "drgawk"],
    },
    {
      id: "pl-burn",
      category: "severe_burn",
      when: ["oparzy", "poparzy", "wrzatk", "wrzacy", "wrzacym", "kwas"],
      and: ["pecherz", "duze", "cala", "calej", "twarz", "oko", "oczy", "mocno"],
    },
    {
      id: "pl-head",
      category: "head_injury",
      when: ["uderzyl sie w glowe", "uderzyla sie w glowe", "uderzyl glowa", "uderzyla glowa", "upadl na glowe", "upadla na glowe", "uraz glowy", "rozbil glowe"],
      and: ["wymiot", "senn", "spi", "przytomn", "zdezorient", "drgawk", "krew", "krwawi"],
    },
    {
      id: "pl-meningitis",
      category: "meningitis",
      when: ["sztywny kark", "sztywnosc karku", "wysypka nie znika", "wysypka nie blednie", "fioletowe plamy", "wybroczyn"],
      and: ["goraczk", "wysypk", "bol glowy", "wymiot", "plamy", "kark"],
    },
    {
      id: "pl-sepsis",
      category: "other",
      when: ["infekcj", "zakazeni", "goraczk", "sepsa"],
      and: ["splatan", "majaczy", "zdezorient", "szybko oddycha", "marmurkow", "plamista skora", "zimne rece", "spadlo cisnienie"],
    },
    {"id": "pl-collapse", "category": "unconscious", "when": ["upadl", "upadla", "przewrocil sie", "przewrocila sie", "osunal sie", "osunela sie"], "and": ["dziwnie oddycha", "nie oddycha", "charczy", "nie reaguje", "nieprzytomn"], "unless": ["upadl na glowe", "upadla na glowe"]},
    {"id": "pl-many-pills", "category": "overdose_poisoning", "when": ["@N tabletek", "z @N tabletek", "@N tabletki", "@N pigulek", "garsc"], "and": ["nasenn", "wzial", "wziela", "wzielam", "wzialem", "polknal", "polknela", "kreci"], "unless": ["ile "]},
    {"id": "pl-face-numb", "category": "stroke", "when": ["polowa twarzy", "pol twarzy", "polowy twarzy"], "and": ["zdretwial", "dretwie", "nie moge sie usmiechnac", "opadl", "nie rusza"]},
    {"id": "pl-suicide-indirect", "category": "suicidal_self_harm", "when": ["jak mnie zabraknie", "nikt nie zauwazy", "tabletki juz przygotowal", "napisalam list pozegnalny", "napisalem list pozegnalny", "chce zniknac", "nie chce sie obudzic", "mam dosc zycia"]},
    {"id": "pl-infant-weeks", "category": "other", "when": ["tygodni", "tydzien", "niemowl", "dziecko ma"], "and": ["38", "39", "40", "goraczk", "ciagle spi", "caly czas spi", "wiotk", "nie budzi"]},
    {"id": "pl-sting", "category": "anaphylaxis", "when": ["uzadlila", "uzadlil", "osa", "pszczola", "uzadlenie"], "and": ["puchn", "spuchl", "obrzek", "zemdl", "oddych"]},
  ],
  context: {
    negators: ["nie", "bez", "zadnego", "zadnej"],
    distantPast: ["lat temu", "lata temu", "rok temu", "w zeszlym roku", "w dziecinstwie", "dawno"],
    animal: ["pies", "psa", "kot", "kota", "weterynarz"],
    fiction: ["opowiadani", "powiesc", "ksiazk", "film", "serial", "scenariusz", "bohater", "postac"],
    general: ["jakie sa objawy", "jakie objawy", "objawy zawalu", "co zrobic gdy", "co robic gdy", "co zrobic jesli", "gdy ktos", "jesli ktos", "dziedziczn", "student", "ile ibuprofenu", "ile tabletek", "na dobe", "co to jest"],
    currentEvent: ["teraz", "pomocy", "ratunku", "pilne", "wlasnie"],
    contrast: ["ale", "jednak", "chociaz"],
  },
});
