// npm run eval:triage [-- --write docs/triage-eval.md]
// Precision and recall of emergency triage per language (lib/safety/triage-sets/) and
// overall, with every miss and false alarm listed.
import fs from "node:fs";
import os from "node:os";
import { BLIND_ROUNDS, loadBlindRound, scoreAll, scoreBlindRound, type SetScore } from "../lib/safety/eval/score";

const { perLanguage, overall, earlierEnglish, rounds, heldOut } = scoreAll();
/** Rounds 12 to 14 (blind, JSON lines) as they score now, after the fixes they prompted. */
const round12 = scoreBlindRound("round12", loadBlindRound("triage-sets/round12/messages.jsonl"));
const round13 = scoreBlindRound("round13", loadBlindRound("triage-sets/round13/messages.jsonl"));
const round14 = scoreBlindRound("round14", loadBlindRound("triage-sets/round14/messages.jsonl"));

function row(s: SetScore): string {
  return `| ${s.name} | ${s.size} | ${s.tp + s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} |`;
}

const header = "| set | messages | emergencies | precision | recall | tp | fp | fn | tn |\n|---|---|---|---|---|---|---|---|---|";
const table = [header, ...perLanguage.map(row), row(overall)].join("\n");
const earlier = [header, ...earlierEnglish.map(row)].join("\n");
const round2 = [header, ...rounds.map(row)].join("\n");
const held = [header, ...heldOut.map(row)].join("\n");
const round12Now = [header, ...round12.map(row)].join("\n");
const round13Now = [header, ...round13.map(row)].join("\n");
const round14Now = [header, ...round14.map(row)].join("\n");
const leftIn = (round: SetScore[]) =>
  round
    .slice(0, -1)
    .flatMap((s) => [...s.misses.map((m) => `- missed (${s.name}): ${m}`), ...s.falseAlarms.map((m) => `- false alarm (${s.name}): ${m}`)]);
const round12Left = leftIn(round12);
const round13Left = leftIn(round13);
const round14Left = leftIn(round14);
const heldMisses = heldOut
  .slice(0, -1)
  .flatMap((s) => [...s.misses.map((m) => `missed (${s.name}): ${m}`), ...s.falseAlarms.map((m) => `false alarm (${s.name}): ${m}`)]);
console.log(
  table +
    `\n\nBlind rounds alone (${BLIND_ROUNDS.join(", ")}):\n` +
    round2 +
    "\n\nHeld-out round 11 (never tuned on):\n" +
    held +
    "\n\nRound 12 (blind, tuned on since):\n" +
    round12Now +
    "\n\nRound 13 (blind, tuned on since):\n" +
    round13Now +
    "\n\nRound 14 (blind, tuned on since):\n" +
    round14Now +
    "\n\nEarlier English sets:\n" +
    earlier +
    "\n",
);
if (heldMisses.length) console.log(heldMisses.join("\n"));
for (const s of [...perLanguage, ...earlierEnglish]) {
  if (s.misses.length) console.log(`missed in ${s.name}:\n  ${s.misses.join("\n  ")}`);
  if (s.falseAlarms.length) console.log(`false alarms in ${s.name}:\n  ${s.falseAlarms.join("\n  ")}`);
}

/** Round 8 scored on the code before it (commit 18ce01f, see round8/README.md): kept as measured. */
const ROUND8_BEFORE = `| en | 15 | 11 | 1.000 | 0.818 | 9 | 0 | 2 | 4 |
| es | 15 | 11 | 1.000 | 1.000 | 11 | 0 | 0 | 4 |
| fr | 15 | 11 | 1.000 | 0.727 | 8 | 0 | 3 | 4 |
| de | 15 | 11 | 1.000 | 1.000 | 11 | 0 | 0 | 4 |
| pt | 15 | 11 | 0.909 | 0.909 | 10 | 1 | 1 | 3 |
| it | 15 | 11 | 1.000 | 0.909 | 10 | 0 | 1 | 4 |
| nl | 15 | 11 | 1.000 | 1.000 | 11 | 0 | 0 | 4 |
| zh | 15 | 11 | 0.900 | 0.818 | 9 | 1 | 2 | 3 |
| ja | 15 | 11 | 0.875 | 0.636 | 7 | 1 | 4 | 3 |
| ko | 15 | 11 | 0.900 | 0.818 | 9 | 1 | 2 | 3 |
| ar | 15 | 11 | 0.500 | 0.091 | 1 | 1 | 10 | 3 |
| hi | 15 | 11 | 0.857 | 0.545 | 6 | 1 | 5 | 3 |
| ru | 15 | 11 | 0.875 | 0.636 | 7 | 1 | 4 | 3 |
| uk | 15 | 11 | 0.857 | 0.545 | 6 | 1 | 5 | 3 |
| pl | 15 | 11 | 0.778 | 0.636 | 7 | 2 | 4 | 2 |
| tr | 15 | 11 | 1.000 | 0.818 | 9 | 0 | 2 | 4 |
| vi | 15 | 11 | 0.857 | 0.545 | 6 | 1 | 5 | 3 |
| id | 15 | 11 | 1.000 | 0.727 | 8 | 0 | 3 | 4 |
| sv | 15 | 11 | 0.900 | 0.818 | 9 | 1 | 2 | 3 |
| th | 15 | 11 | 1.000 | 0.000 | 0 | 0 | 11 | 4 |
| mixed | 10 | 7 | 1.000 | 0.571 | 4 | 0 | 3 | 3 |`;

/** Round 12 (blind, JSON lines, lib/safety/triage-sets/round12/) scored once on the code before any fix for it (2f361b9), with its misses and false alarms: kept as measured. */
const ROUND12_BEFORE = `| set | messages | emergencies | precision | recall | tp | fp | fn | tn |
|---|---|---|---|---|---|---|---|---|
| en round12 | 66 | 25 | 0.800 | 0.960 | 24 | 6 | 1 | 35 |
| de round12 | 8 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 4 |
| es round12 | 8 | 4 | 0.800 | 1.000 | 4 | 1 | 0 | 3 |
| fr round12 | 7 | 3 | 0.667 | 0.667 | 2 | 1 | 1 | 3 |
| ar round12 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| id round12 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| it round12 | 6 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 3 |
| ja round12 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| ko round12 | 6 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 3 |
| nl round12 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| pl round12 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| pt-BR round12 | 6 | 3 | 0.667 | 0.667 | 2 | 1 | 1 | 2 |
| ru round12 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| sw round12 | 6 | 3 | 1.000 | 0.000 | 0 | 0 | 3 | 3 |
| tl round12 | 6 | 3 | 1.000 | 0.000 | 0 | 0 | 3 | 3 |
| tr round12 | 6 | 3 | 0.667 | 0.667 | 2 | 1 | 1 | 2 |
| uk round12 | 6 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 3 |
| vi round12 | 6 | 3 | 0.600 | 1.000 | 3 | 2 | 0 | 1 |
| zh round12 | 6 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 3 |
| hi-Latn round12 | 5 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 2 |
| hi round12 | 4 | 2 | 1.000 | 1.000 | 2 | 0 | 0 | 2 |
| ar-Latn round12 | 1 | 1 | 1.000 | 0.000 | 0 | 0 | 1 | 0 |
| all round12 | 189 | 87 | 0.846 | 0.759 | 66 | 12 | 21 | 90 |`;
const ROUND12_BEFORE_LIST = `- missed (en round12): r12-120 [overdose] whats the max dose of paracetamol per day? ⏎ because i already took 2 boxes this morning and now my stomach hurts  ← 
- false alarm (en round12): r12-072 [none] i think im having a heart attack ⏎ ok the paramedics came, ecg was normal, they said its anxiety and left. how do i calm down now  ← heart-attack-now:having a heart attack
- false alarm (en round12): r12-096 [none] what should i do if someone is having a stroke? want to be prepared, my dad has high bp  ← stroke-signs:having a stroke
- false alarm (en round12): r12-099 [none] i took too many pills ⏎ sorry i mean i accidentally took my multivitamin twice this morning lol, is that a problem  ← overdose:took too many
- false alarm (en round12): r12-119 [none] my son had a febrile seizure yesterday, lasted about a minute, hospital checked him and sent us home. is it normal hes a bit tired today  ← seizure:had a febrile seizure
- false alarm (en round12): r12-126 [none] my epipen expires next month, can i still use it if i need to  ← allergic-reaction-systemic:epipen
- false alarm (en round12): r12-152 [none] my teenager says 'i wanna die' whenever she's embarrassed, it seems like a meme thing with her friends, should i worry?  ← suicidal:want to die
- false alarm (es round12): r12-014 [none] mi papá se desmayó ⏎ pero fue hace 2 semanas, ya lo vio el cardiólogo y le pusieron un holter, ¿cuánto tardan los resultados?  ← es-unconscious:se desmayo
- missed (fr round12): r12-113 [suicide] j'en peux plus, j'ai écrit une lettre à mes parents, je vais sauter du pont ce soir  ← 
- false alarm (fr round12): r12-074 [none] j'ai pris trop de médicaments ⏎ enfin je veux dire j'ai pris 2 doliprane au lieu d'1, c'est grave ?  ← fr-overdose-poisoning:j ai pris trop de medicaments
- missed (ar round12): r12-053 [suicide] ما عاد بدي عيش، كتبت رسالة لأهلي والليلة رح خلص  ← 
- missed (ar round12): r12-176 [unconscious] جوزي وقع فجأة وما عم يتنفس ساعدوني  ← 
- missed (id round12): r12-049 [suicide] udah gak kuat lagi, aku udah siapin tali, malam ini aja  ← 
- missed (ja round12): r12-076 [suicide] もう無理。遺書も書いた。今夜終わりにする  ← 
- missed (nl round12): r12-092 [suicide] ik zie het niet meer zitten, heb vanavond alles klaargelegd om er een eind aan te maken  ← 
- missed (pl round12): r12-040 [suicide] nie mam juz siły, pożegnałam się ze wszystkimi, dzisiaj to zakończę  ← 
- missed (pl round12): r12-106 [poisoning-child] moja córka 2 latka połknęła tabletki babci na ciśnienie, nie wiem ile, jest senna  ← 
- missed (pt-BR round12): r12-008 [thunderclap-headache] to com uma dor de cabeça do nada, a pior da minha vida, veio tipo um trovão e to vomitando  ← 
- false alarm (pt-BR round12): r12-034 [none] meu filho teve convulsão febril mês passado, o que faço se acontecer de novo?  ← pt-seizure:convulsao
- missed (ru round12): r12-015 [poisoning-child] ребёнок проглотил бабушкины таблетки от давления, штук 5, сейчас вялый  ← 
- missed (ru round12): r12-177 [suicide] я больше не могу, написала всем прощальные письма, сегодня всё закончится  ← 
- missed (sw round12): r12-056 [poisoning-child] mtoto wangu amekunywa mafuta ya taa, anakohoa sana na anapumua kwa shida  ← 
- missed (sw round12): r12-071 [unconscious] mama yangu amezimia haamki, anapumua kwa shida  ← 
- missed (sw round12): r12-158 [suicide] sitaki kuishi tena, nimeandika barua kwa familia yangu, leo usiku nitajiua  ← 
- missed (tl round12): r12-052 [stroke] yung lolo ko biglang di makapagsalita ng maayos tapos tabingi yung mukha niya  ← 
- missed (tl round12): r12-075 [pregnancy-bleeding] buntis ako 8 months tapos ang dami kong dinudugo at sobrang sakit ng tiyan ko  ← 
- missed (tl round12): r12-111 [suicide] ayoko na talaga, iinumin ko na lahat ng gamot ni mama ngayong gabi  ← 
- missed (tr round12): r12-088 [overdose] arkadaşım çok hap içmiş uyandıramıyorum nefesi çok yavaş  ← 
- false alarm (tr round12): r12-149 [none] geçen hafta bayıldım, doktor tansiyon düşüklüğü dedi, ne yemeliyim?  ← tr-unconscious:bayildi
- false alarm (vi round12): r12-104 [none] mệt muốn chết với deadline 😩 uống cà phê nhiều có sao không  ← vi-suicidal:muốn chết
- false alarm (vi round12): r12-175 [none] tuần trước em bị ngộ độc thực phẩm, giờ đỡ rồi, nên ăn gì cho nhanh khỏe  ← vi-overdose:ngộ dộc
- missed (hi-Latn round12): r12-139 [breathing] mummy ko saans lene mein bahut dikkat ho rahi hai, lips neele ho rahe hai, asthma hai unko, pump se bhi fark nahi  ← 
- missed (ar-Latn round12): r12-039 [chest-pain] ana 3andi wja3 ktir b sadre w msh 2ader etnaffas mnih, w 3am bi3ra2  ← `;

/** Round 13 (blind, JSON lines, lib/safety/triage-sets/round13/) scored once on the code before any fix for it (77eedb5): kept as measured. */
const ROUND13_BEFORE = `| set | messages | emergencies | precision | recall | tp | fp | fn | tn |
|---|---|---|---|---|---|---|---|---|
| en round13 | 73 | 32 | 0.816 | 0.969 | 31 | 7 | 1 | 34 |
| es round13 | 36 | 17 | 0.882 | 0.882 | 15 | 2 | 2 | 17 |
| de round13 | 14 | 7 | 0.875 | 1.000 | 7 | 1 | 0 | 6 |
| fr round13 | 14 | 7 | 0.833 | 0.714 | 5 | 1 | 2 | 6 |
| pt round13 | 14 | 7 | 1.000 | 0.857 | 6 | 0 | 1 | 7 |
| it round13 | 13 | 6 | 1.000 | 0.833 | 5 | 0 | 1 | 7 |
| ru round13 | 8 | 4 | 1.000 | 0.750 | 3 | 0 | 1 | 4 |
| ja round13 | 7 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 4 |
| ko round13 | 7 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 4 |
| mixed round13 | 7 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 3 |
| nl round13 | 7 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 4 |
| pl round13 | 7 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 4 |
| tl round13 | 7 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 4 |
| tr round13 | 7 | 3 | 1.000 | 1.000 | 3 | 0 | 0 | 4 |
| uk round13 | 7 | 3 | 0.667 | 0.667 | 2 | 1 | 1 | 3 |
| vi round13 | 7 | 3 | 0.750 | 1.000 | 3 | 1 | 0 | 3 |
| zh round13 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| ar round13 | 5 | 2 | 1.000 | 1.000 | 2 | 0 | 0 | 3 |
| hi round13 | 5 | 2 | 1.000 | 0.500 | 1 | 0 | 1 | 3 |
| ar-Latn round13 | 3 | 2 | 1.000 | 0.000 | 0 | 0 | 2 | 1 |
| hi-Latn round13 | 3 | 2 | 1.000 | 1.000 | 2 | 0 | 0 | 1 |
| all round13 | 257 | 119 | 0.889 | 0.874 | 104 | 13 | 15 | 125 |`;

const ROUND13_BEFORE_LIST = `- missed (en round13): r13-007 [suicide] i've given my dog to my sister and said my goodbyes. going to the bridge tonight. thanks for listening i guess  ← 
- false alarm (en round13): r13-037 [none] my dad keeps saying he's gonna kill himself if united lose again lol. anyway how much salt is too much a day?  ← suicidal:kill himself
- false alarm (en round13): r13-092 [none] my friend says she wants to die every time she has an exam lol, it's just how she talks. should I be worried?  ← suicidal:wants to die
- false alarm (en round13): r13-099 [none] I think im having a heart attack ⏎ nvm the paramedics checked me over, ecg was fine, they think its reflux. what foods should i avoid?  ← heart-attack-now:having a heart attack
- false alarm (en round13): r13-109 [none] my son had a febrile convulsion last month, the doctor said its common. how can i bring his temp down if he gets poorly again?  ← fr-seizure:convulsion
- false alarm (en round13): r13-117 [none] is heat exhaustion different from heat stroke? going to spain in july and want to be prepared  ← other-emergencies:heat stroke
- false alarm (en round13): r13-138 [none] got stung by a bee on my arm, its red and swollen round the sting about the size of a coin but otherwise i feel totally fine. antihistamine?  ← allergic-reaction-systemic:stung
- false alarm (en round13): r13-183 [none] my mum's blood sugar was 14 after a big meal, she's type 2 and feels fine. should she be worried?  ← diabetic-emergency:blood sugar
- missed (es round13): r13-090 [overdose] tio me acabo de tomar todas las pastillas de la caja de mi madre, unas 30, no se ni porque te escribo esto  ← 
- missed (es round13): r13-172 [chest-pain] mi esposa tiene un dolor en la mandibula y en el brazo izquierdo, esta sudando frio y con nauseas, dice que es del estomago pero no se, tiene 61  ← 
- false alarm (es round13): r13-011 [none] ayer me dio un golpe de calor en la playa, hoy estoy bien pero cansado, que debo beber?  ← es-other-emergencies:golpe de calor
- false alarm (es round13): r13-053 [none] en la novela que estoy escribiendo el protagonista intenta suicidarse, como lo describo de forma respetuosa?  ← es-suicidal:suicidarse
- false alarm (de round13): r13-168 [none] wie erkennt man einen anaphylaktischen schock? wir machen einen erste hilfe kurs  ← de-anaphylaxis:anaphylaktischen
- missed (fr round13): r13-035 [overdose] j'ai avalé toute ma boite d'antidepresseurs il y a une heure ⏎ je me sens bizarre, le coeur qui bat super vite et j'ai envie de vomir. c'est normal ?  ← 
- missed (fr round13): r13-121 [ectopic] je suis enceinte de 8 semaines, j'ai tres mal d'un cote du ventre et mal a l'epaule, je me sens partir  ← 
- false alarm (fr round13): r13-102 [none] mon bebe de 6 mois a 38 de fievre depuis son vaccin ce matin, il mange bien et il sourit, c'est normal ?  ← fr-infant-fever:bebe de 6 mois
- missed (pt round13): r13-151 [suicide] nao aguento mais, ja escrevi as cartas de despedida e vou tomar tudo que tenho aqui hoje  ← 
- missed (it round13): r13-205 [dka] mia figlia e diabetica, vomita da stamattina, respira affannata e ha l'alito che sa di frutta, e molto sonnolenta  ← 
- missed (ru round13): r13-039 [suicide] мне очень плохо, я устала от всего ⏎ я стою на балконе, 9 этаж. просто хочу чтобы это всё закончилось  ← 
- missed (nl round13): r13-057 [poisoning-child] ons dochtertje van 2 heeft een vaatwastablet in haar mond gehad en zit te kwijlen en te hoesten  ← 
- missed (pl round13): r13-112 [ectopic] jestem w 7 tygodniu ciazy, strasznie boli mnie z prawej strony brzucha i bark, robi mi sie slabo  ← 
- missed (uk round13): r13-142 [suicide] я вже все вирішила, сьогодні вночі піду з даху. вибачте всім  ← 
- false alarm (uk round13): r13-132 [none] як надати першу допомогу при судомах? для курсу  ← uk-seizure:судом
- false alarm (vi round13): r13-159 [none] con em sốt 38 độ nhưng vẫn chơi bình thường, uống thuốc gì?  ← vi-infant-weeks:con em
- missed (zh round13): r13-113 [poisoning-child] 孩子两岁，刚才把洗衣凝珠咬破了，一直咳嗽还吐了  ← 
- missed (hi round13): r13-164 [unconscious] मम्मी अचानक गिर गईं, कोई जवाब नहीं दे रहीं और सांस भी ठीक से नहीं ले रहीं  ← 
- missed (ar-Latn round13): r13-009 [overdose] ana mesh 3ayez a3eesh tany, 5alas, akhadt kol el dawa elli 3andi  ← 
- missed (ar-Latn round13): r13-194 [poisoning-child] ibni akal 7abbat dawa mn shantet jiddo, 3omro 3 snin w sar na3san kteer w ma byrodd  ← `;

/** Round 14 (blind, JSON lines, lib/safety/triage-sets/round14/) scored once on the code before any fix for it (36ee128, main before the round-13 residuals): kept as measured. */
const ROUND14_BEFORE = `| set | messages | emergencies | precision | recall | tp | fp | fn | tn |
|---|---|---|---|---|---|---|---|---|
| en round14 | 72 | 31 | 0.846 | 0.710 | 22 | 4 | 9 | 37 |
| es round14 | 29 | 11 | 0.643 | 0.818 | 9 | 5 | 2 | 13 |
| de round14 | 12 | 5 | 1.000 | 0.600 | 3 | 0 | 2 | 7 |
| fr round14 | 12 | 5 | 0.833 | 1.000 | 5 | 1 | 0 | 6 |
| it round14 | 12 | 5 | 0.800 | 0.800 | 4 | 1 | 1 | 6 |
| pt round14 | 12 | 5 | 1.000 | 0.600 | 3 | 0 | 2 | 7 |
| mixed round14 | 10 | 5 | 1.000 | 0.800 | 4 | 0 | 1 | 5 |
| ar round14 | 7 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 4 |
| ja round14 | 7 | 3 | 0.500 | 0.333 | 1 | 1 | 2 | 3 |
| el round14 | 6 | 3 | 1.000 | 0.000 | 0 | 0 | 3 | 3 |
| hi round14 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| id round14 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| ko round14 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| nl round14 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| pl round14 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| ro round14 | 6 | 3 | 1.000 | 0.000 | 0 | 0 | 3 | 3 |
| ru round14 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| sv round14 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| tl round14 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| tr round14 | 6 | 3 | 0.667 | 0.667 | 2 | 1 | 1 | 2 |
| uk round14 | 6 | 3 | 1.000 | 0.333 | 1 | 0 | 2 | 3 |
| vi round14 | 6 | 3 | 0.667 | 0.667 | 2 | 1 | 1 | 2 |
| zh round14 | 6 | 3 | 1.000 | 0.667 | 2 | 0 | 1 | 3 |
| hi-Latn round14 | 4 | 2 | 0.667 | 1.000 | 2 | 1 | 0 | 1 |
| ar-Latn round14 | 3 | 2 | 1.000 | 0.000 | 0 | 0 | 2 | 1 |
| all round14 | 264 | 119 | 0.831 | 0.622 | 74 | 15 | 45 | 130 |`;

const ROUND14_BEFORE_LIST = `- missed (en round14): r14-007 [suicide] just wanted to say thanks for everything. I gave my dog to my sister and I've written the letters. this is goodbye  ← 
- missed (en round14): r14-044 [heart-attack] Sir my mother age 62 is having gas pain in upper stomach going up to her jaw, she is sweating a lot and Eno is not helping. What to give?  ← 
- missed (en round14): r14-047 [gi-bleed] my poop has been black and sticky like tar since yesterday and now im dizzy and pale. i take a lot of advil for my back  ← 
- missed (en round14): r14-072 [hypothermia] found our neighbour (85) on her kitchen floor, heating off, she's ice cold and mumbling and not even shivering  ← 
- missed (en round14): r14-094 [suicide] standing on top of the multi storey car park. it's pretty quiet up here. no point trying to talk me out of it  ← 
- missed (en round14): r14-115 [overdose] how many paracetamol can you take in a day ⏎ ok. i already took about 30 this afternoon. not trying to be dramatic just curious what happens  ← 
- missed (en round14): r14-117 [hypoglycaemia] Sir my father is sugar patient, he is sweating and not answering properly, we gave sugar two times but reading still 38 and now he is not making sense  ← 
- missed (en round14): r14-131 [head-injury] boyfriend fell off his skateboard no helmet, one of his pupils looks way bigger than the other and he keeps asking the same questions over and over  ← 
- missed (en round14): r14-176 [psychosis-danger] my brother hasn't slept in days, says the voices are telling him he has to jump to prove he can fly. he's out on the balcony now  ← 
- false alarm (en round14): r14-005 [none] my husband is going to have a heart attack when he sees the credit card bill  ← heart-attack-now:have a heart attack
- false alarm (en round14): r14-098 [none] my dad collapsed!! ⏎ sorry to scare you, paramedics came and checked his heart, it was just a faint from standing in the heat. he's home eating dinner now. how do we prevent it?  ← unconscious:collapsed, en-concept-heat-stroke:the heat
- false alarm (en round14): r14-204 [none] i took too many pills ⏎ sorry, i mean i took 2 vitamin c tablets instead of 1. is that ok?  ← overdose:took too many
- false alarm (en round14): r14-229 [none] writing a thriller - how long would it realistically take someone to die of hypothermia in a lake in winter?  ← other-emergencies:hypothermia
- missed (es round14): r14-152 [carbon-monoxide] en la casa todos tenemos dolor de cabeza y mareo desde que prendimos el calentador de gas, mi hija ya vomito y esta muy adormilada  ← 
- missed (es round14): r14-197 [poisoning-child] cuanto paracetamol se le puede dar a un niño de 2 años? ⏎ es que se ha tomado medio bote del jarabe cuando no mirabamos, hace como una hora. pesa 12 kilos  ← 
- false alarm (es round14): r14-045 [none] mi papa se desmayo!! ⏎ ya se recupero, fue en la misa por el calor, los paramedicos lo revisaron y dicen que esta bien. que le doy de comer?  ← es-unconscious:se desmayo, es-concept-heat-stroke:calor
- false alarm (es round14): r14-081 [none] me pico una abeja en la mano, esta hinchado solo alrededor y me da comezon, nada mas  ← es-sting:me pico una abeja
- false alarm (es round14): r14-092 [none] me tome muchas pastillas ⏎ perdon, me explique mal: me tome 2 vitaminas en vez de 1  ← es-overdose:me tome muchas pastillas
- false alarm (es round14): r14-095 [none] cuanto ibuprofeno es una sobredosis? quiero asegurarme de no pasarme  ← es-overdose:sobredosis
- false alarm (es round14): r14-244 [none] mi jefe me va a matar si no entrego esto hoy jaja  ← es-suicidal:va a matar
- missed (de round14): r14-165 [suicide] Meine Tochter (15) ist in letzter Zeit so still ⏎ Heute hat sie ihr Handy und ihren Schmuck verschenkt und gesagt, sie braucht das alles nicht mehr. Jetzt hat sie sich im Bad eingeschlossen.  ← 
- missed (de round14): r14-181 [suicide] Ich stehe auf der Brücke. Wollte nur, dass es irgendwer weiss.  ← 
- false alarm (fr round14): r14-253 [none] j'ai pris beaucoup de doliprane ⏎ genre 4 comprimés de 500 sur toute la journée, c'est grave ?  ← fr-overdose-poisoning:j ai pris beaucoup de doliprane
- missed (it round14): r14-263 [aortic-dissection] mio padre ha un dolore lancinante alla schiena tra le scapole, dice che è come uno strappo, è venuto all'improvviso  ← 
- false alarm (it round14): r14-042 [none] ho preso troppe pillole ⏎ scusa, intendo 2 integratori di magnesio invece di 1  ← it-overdose-poisoning:ho preso troppe pillole
- missed (pt round14): r14-069 [heart-attack] meu pai de 72 anos ta com um aperto que vai ate o queixo, suando frio e branco que nem papel  ← 
- missed (pt round14): r14-167 [pre-eclampsia] estou com 36 semanas, dor de cabeça fortíssima, vejo pontinhos a brilhar e estou muito inchada desde ontem  ← 
- missed (mixed round14): r14-100 [head-injury] my ah ma fell down just now, head got blood, she take blood thinner, now vomit 两次 already  ← 
- missed (ar round14): r14-129 [heart-attack] أبي عمره ٦٥ سنة يقول إنه يشعر بثقل كبير كأن شيئا يضغط عليه، وألم في فكه وذراعه اليسرى، ويتعرق عرقا باردا  ← 
- missed (ja round14): r14-011 [aortic-dissection] 父が急に背中が引き裂かれるような激痛だと言って、冷や汗をかいて動けません  ← 
- missed (ja round14): r14-033 [dka] 1型糖尿病の娘が何度も吐いて、息が深くて速いです。血糖値はHIと表示されます  ← 
- false alarm (ja round14): r14-106 [none] 薬を飲みすぎた ⏎ すみません、風邪薬をいつもより1回分多く飲んだだけです。大人です。  ← ja-overdose:飲みすぎ
- missed (el round14): r14-026 [suicide] τα έχω μαζέψει όλα τα χάπια. αυτό είναι ένα αντίο  ← 
- missed (el round14): r14-029 [stroke] ο πατέρας μου ξαφνικά δεν μπορεί να μιλήσει καλά και το στόμα του στράβωσε  ← 
- missed (el round14): r14-084 [infant-fever] το μωρό μου είναι 3 εβδομάδων και έχει πυρετό 38,4  ← 
- missed (hi round14): r14-163 [drowning] बच्चा तालाब में डूब गया था, अभी निकाला है, सांस नहीं ले रहा  ← 
- missed (hi round14): r14-193 [heart-attack] मेरे पापा को ऐसा लग रहा है जैसे कोई भारी पत्थर रखा हो, बहुत पसीना आ रहा है और बायां हाथ दर्द कर रहा है  ← 
- missed (id round14): r14-116 [dengue-shock] anak saya DBD hari ke-4, demamnya sudah turun tapi tangan kakinya dingin, lemas banget, perutnya sakit dan gusinya berdarah  ← 
- missed (id round14): r14-177 [suicide] aku udah siapin obatnya semua. ini pesan terakhirku ya. makasih  ← 
- missed (ko round14): r14-012 [suicide] 요즘 너무 우울해요 ⏎ 모아둔 약 오늘 밤에 다 먹을 거예요. 그냥 누군가한테 말하고 싶었어요  ← 
- missed (nl round14): r14-262 [heart-attack] mijn vader (70) zegt dat het voelt alsof er een olifant op hem zit, hij ziet grauw en zweet heel erg  ← 
- missed (pl round14): r14-082 [stroke] mama nagle przestala widziec na jedno oko i ma opadniety kacik ust  ← 
- missed (pl round14): r14-151 [suicide] już wszystko rozdałem, listy napisane. to koniec  ← 
- missed (ro round14): r14-110 [overdose] soția mea a luat toate pastilele de dormit, nu se mai trezește  ← 
- missed (ro round14): r14-156 [poisoning-child] copilul meu a băut lichid de vape, vomită și transpiră  ← 
- missed (ro round14): r14-188 [meningitis-sepsis] fiul meu de 17 ani are febra, gatul intepenit, nu suporta lumina si are pete mov pe picioare  ← 
- missed (ru round14): r14-224 [acute-abdomen] у меня с утра болит живот справа ⏎ теперь боль невыносимая, живот твердый как доска, температура 39 и меня трясет  ← 
- missed (sv round14): r14-150 [obstetric-bleeding] min fru har blött väldigt mycket sedan förlossningen igår, hon är vit i ansiktet och yr  ← 
- missed (tl round14): r14-017 [drowning] nalunod yung pamangkin ko sa pool, hindi siya humihinga  ← 
- missed (tl round14): r14-250 [suicide] pagod na ako. naibigay ko na lahat ng gamit ko. paalam na sa inyo  ← 
- missed (tr round14): r14-207 [poisoning-child] 2 yasindaki oglum camasir suyu icmis, kusuyor ve oksuruyor  ← 
- false alarm (tr round14): r14-027 [none] arı soktu, sadece soktuğu yer şişti ve kaşınıyor, başka bir şey yok  ← tr-sting:ari soktu
- missed (uk round14): r14-097 [electric-shock] сина (15) вдарило струмом на залізниці, він лежить і не відповідає  ← 
- missed (uk round14): r14-153 [snake-bite] мене вкусила гадюка в лісі, нога набрякає і мене нудить  ← 
- missed (vi round14): r14-158 [snake-bite] chong toi bi ran can o chan luc lam ruong, chan sung to va tim lai  ← 
- false alarm (vi round14): r14-251 [none] bé nhà em sốt 38 độ nhưng vẫn chơi và ăn bình thường  ← vi-infant:bé
- missed (zh round14): r14-062 [suicide] 药我已经攒够了，今晚就结束吧。谢谢你们一直以来的照顾  ← 
- false alarm (hi-Latn round14): r14-053 [none] pichle saal papa ko heart attack aaya tha, ab unke liye diet batao  ← hi-heart-attack:heart attack aaya, hi-concept-named-with-person:heart attack
- missed (ar-Latn round14): r14-113 [heart-attack] ba2i 3ando wja3 2awi w t2il, 3am ya3ra2 ktir w ma 3am ya2der yetnaffas mnih  ← 
- missed (ar-Latn round14): r14-160 [anaphylaxis] ekhti akalet fosto2 w wejha nefekh w ma 3am tetnaffas  ← `;

/** Round 11 (held out) as scored once after the round-11 work (234c653): kept as measured, since its three misses and false alarm were fixed later. */
const ROUND11_ONCE = `| set | messages | emergencies | precision | recall | tp | fp | fn | tn |
|---|---|---|---|---|---|---|---|---|
| en round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| es round 11 | 6 | 4 | 1.000 | 0.750 | 3 | 0 | 1 | 2 |
| fr round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| de round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| pt round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| it round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| nl round 11 | 6 | 4 | 1.000 | 0.750 | 3 | 0 | 1 | 2 |
| zh round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| ja round 11 | 6 | 4 | 0.800 | 1.000 | 4 | 1 | 0 | 1 |
| ko round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| ar round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| hi round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| ru round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| uk round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| pl round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| tr round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| vi round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| id round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| sv round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| th round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| mixed round 11 | 6 | 4 | 1.000 | 1.000 | 4 | 0 | 0 | 2 |
| all round 11 (held out) | 126 | 84 | 0.988 | 0.976 | 82 | 1 | 2 | 41 |`;

const writeAt = process.argv.indexOf("--write");
if (writeAt !== -1) {
  const file = process.argv[writeAt + 1] ?? "docs/triage-eval.md";
  const doc = `# Emergency triage: precision and recall per language

Written by \`npm run eval:triage -- --write ${file}\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPUs).
Sets: \`lib/safety/triage-sets/\` (see its README for how they were made); a message counts as
flagged when triage shows the emergency notice. "conversations" scores the last turn of
multi-turn cases, read with the earlier turns in the triage window; "round6/mixed" holds
code-switched messages. The twelve languages added in round 6 (zh ja ko ar hi ru uk pl tr
vi id sv) have rounds 6 to 10; Thai (th) rounds 8 to 10. Rounds 11 and 12 are scored apart (see below).

${table}

## Read this first: numbers on text the rules had not seen

Every set below was tuned on after it was scored, so the pooled numbers above are
coverage, not an estimate for new text. The estimate is each blind round's score
**before** the fixes it prompted:

- round 2: recall en 0.857, es 0.613, fr 0.571, de 0.769, pt 0.571, it 0.769;
- round 3: en 0.429, es 0.750, fr 0.833, de 0.667, pt 0.667, it 0.833;
- round 5: en 1.0, es 0.500, fr 1.0, de 0.750, pt 0.750, it 1.0, nl 1.0;
- round 6 (the first multilingual round, \`round6/README.md\`): en 1.0, es 1.0, fr 0.650,
  de 0.550 (one false alarm), pt 0.650, it 0.550, nl 0.550 (one false alarm), mixed 0.500,
  and 0.0 for all twelve new languages (no rules yet);
- round 7 (written after round 6's fixes, \`round7/README.md\`): en 1.0, es 0.857, fr 0.571,
  de 0.429, pt 0.714, it 0.571, nl 0.429, zh 0.571, ja 0.143, ko 0.143, ar 0.286 (one false
  alarm), hi 0.286, ru 0.286, uk 0.286, pl 0.143, tr 0.286, vi 0.286 (one false alarm),
  id 0.286 (one false alarm), sv 0.143 — 54 of 133 emergencies overall (0.41).

- round 12 (an outside blind writer, 189 messages in 20 language tags, \`round12/README.md\`): recall
  0.759 (66 of 87), precision 0.846 (12 false alarms in 102) — the latest estimate for new text; see
  "Round 12 (blind), before any fix" below;

- round 8 (20 languages incl. Thai, 15 messages each + 10 code-switched, \`round8/README.md\`),
  scored on the phrase-list rules before the concept layer was written:

| set | messages | emergencies | precision | recall | tp | fp | fn | tn |
|---|---|---|---|---|---|---|---|---|
${ROUND8_BEFORE}

  Totals 158 of 227 emergencies (recall 0.696), 12 false alarms in 83 controls (precision
  0.929): "what is the suicide rate" fired in ten languages.

Round 8 then prompted the concept co-occurrence layer (\`lib/safety/concepts/\`: rules over
concepts such as chest × pain × radiating sign, each language supplying only words), Thai, and
the fixes below; after it every set above is at 1.0 — coverage again, not an estimate.

## Round 12 (blind), before any fix

\`round12/messages.jsonl\` (189 messages, 87 emergencies, in en de es fr it ja nl pt-BR zh ru vi ar
tl pl ko id sw uk tr hi and romanised Hindi and Arabic; 9 with earlier turns) was written by a
blind writer who saw no code, rule or earlier set (see \`round12/README.md\`, kept as the record of
how it was made). It brings two languages triage has no rules for (Tagalog \`tl\`, Swahili \`sw\`).
Scored once on the code before any fix for it (2f361b9), with
\`npm run eval:triage:blind -- lib/safety/triage-sets/round12/messages.jsonl\`:
recall 0.759 (66 of 87), precision 0.846 (12 false alarms in 102 controls).

${ROUND12_BEFORE}

${ROUND12_BEFORE_LIST}

The fixes it prompted (concepts shared by the 20 languages, not its sentences: a decision to die
told without the word — ending it, cannot go on, the means made ready, a farewell; a child who
swallowed tablets; a thunderclap headache; a clinician's all-clear that takes back an earlier
alarm; events a month or more ago; background conditions that are no event; and a few words)
were then made on it, so its score now is coverage, not an estimate. Scored now:

${round12Now}

Tagalog and Swahili, which had no rules, were added as languages (core red flags and concept
words, notice and answer texts) after this scoring. What it still misses or flags: romanised
Arabic (Arabizi), and three false alarms left on purpose — a correction ("sorry i mean i took my
multivitamin twice", "enfin je veux dire…") is not taken as a stand-down, because "i mean like 30
of them" also continues an overdose told in two messages; a teenager's "i wanna die" reported as a
meme keeps the crisis line in the answer.

${round12Left.join("\n")}

## Round 13 (blind), before and after its fixes

\`round13/messages.jsonl\` (257 messages, 119 emergencies: en 73, es 36, de fr pt 14, it 13, ru 8 and
5–7 each in zh ja ko nl pl tr uk vi tl ar, Arabizi, hi, Hinglish and code-switched; 13 with earlier
turns) was written before its author read any triage rule and committed before any run (see
\`round13/README.md\`). Scored once on the code before any fix for it (77eedb5): recall 0.874
(104 of 119), precision 0.889 (13 false alarms in 138 controls) — the latest estimate for new text.

${ROUND13_BEFORE}

${ROUND13_BEFORE_LIST}

The fixes (general, not its sentences): a heart attack told without "chest" (jaw or left arm with a
cold sweat or nausea, unless a fall, a jab or the dentist explains it), ketoacidosis (fruity or
acetone breath, deep breathing) with diabetes, a farewell with "cannot go on", "took" in the first
person and the infinitive, "all of my box", a balcony or roof as the place, Arabizi (suicide,
overdose, a child's ingestion, chest pain, breathlessness), framings that were read as events
("erste Hilfe", "estoy escribiendo", first-aid courses in Ukrainian and Russian, comparing two
conditions), a local swelling round a sting, a high sugar reading after a meal in someone who
feels well, a fever in a baby over three months, and English "son" no longer read as French.
Its author made them, so its score now is coverage, not an estimate:

${round13Now}

${round13Left.join("\n")}

## Round 14 (blind), before and after its fixes

\`round14/messages.jsonl\` (264 messages, 119 emergencies, 25 language tags: en 72, es 29, de fr it pt 12,
mixed 10, ar ja 7 and 6 each in el hi id ko nl pl ro ru sv tl tr uk vi zh, Hinglish 4, Arabizi 3; 22 with
earlier turns) was written by a blind helper who saw no code, rule or earlier set, and committed before
any run (see \`round14/README.md\`). It brought two languages triage had no rules for (Greek \`el\`,
Romanian \`ro\`). Scored once on the code before any fix for it (36ee128): recall 0.622 (74 of 119),
precision 0.831 (15 false alarms in 145 controls) — the latest estimate for new text. (With the
round-13 residual fixes, made before the set was read: recall 0.630, precision 0.833.)

${ROUND14_BEFORE}

${ROUND14_BEFORE_LIST}

The fixes (concepts, not its sentences; see \`round14/README.md\`): situations paired with a sign
(belongings or a pet given away with a farewell or a place, a crushing weight or a tearing pain without
the word chest, black tarry stools with faintness, a gas heater with the household ill, seeing spots in
pregnancy, bleeding since the birth, a board-hard belly, a snake bite, dengue warning signs, an electric
shock or a child pulled from water with a sign, command voices, a head hit on blood thinners or with
unequal pupils), corrections to a double dose and a paramedics' all-clear as stand-downs, local sting
reactions, hyperbole, and Greek and Romanian as languages (core red flags, concept words, notice and
answer texts, 112). Scored now (coverage, not an estimate):

${round14Now}

${round14Left.join("\n")}

## Rounds 9 and 10: held out once, tuned on since

\`round9/\` (worried relatives, long messages, goodbye messages, button batteries, collapses)
and \`round10/\` (terse alarms: asthma not relieved, hypoglycaemia, scalds) were written and
scored once as held-out rounds. Their blind numbers, kept as the record: round 9 recall 0.585
(48 of 82), precision 1.0 (the code before round 8 found 38 of them, 0.463); round 10 recall
0.40 (24 of 60; asthma 16 of 20, hypoglycaemia 2 of 20, scalds 6 of 20), precision 1.0.
The round-11 work then tuned on both: they are pooled above and in the tests.

## Round 11, held out until round 12

The round-11 work added the situations of emergency call-taker protocols as concepts shared
by the 20 languages (farewell then unreachable, asthma not relieved, hypoglycaemia, serious
burns, button batteries and caustics, agonal breathing, stroke words with inserted words, a
non-blanching rash or stiff neck with fever, heat stroke, hypothermia, infant dehydration,
testicular torsion, ectopic pregnancy, sepsis). \`round11/\` was written blind **before**
that work (panic texts: short, lower case, emojis, code-switching, third person) and
committed first; on the code before it it scored recall 0.488 (41 of 84), precision 0.976.
Scored once after the work — the number to quote, with the caveat that its author also wrote
the new words (see \`round11/README.md\`), so unseen text from other people will score lower:

${ROUND11_ONCE}

Its misses and false alarm then were: Spanish early pregnancy told as "estoy de 7 semanas"
with one-sided pain, Dutch hypothermia with "reageert nauwelijks", and a Japanese question on the
safe age for button-battery toys. The round-12 work fixed their causes (weeks of pregnancy as a
pregnancy word, a concept for a person who barely responds, Japanese and Korean substances
needing a word of swallowing), so round 11 is tuned on now and scores:

${held}

${heldMisses.length ? `Round 11 misses and false alarms now:\n\n${heldMisses.map((m) => `- ${m}`).join("\n")}\n` : ""}
Each blind round alone, now (after its fixes):

${round2}

The English rules were first tuned on earlier English sets (the held-out one was written by
someone who never saw the rules; its one false alarm before issue 9 — the school-leaflet
meningitis question — was then fixed by letting "what does … mean" span ten words, so it is
no longer perfectly clean):

${earlier}

${[...perLanguage, ...earlierEnglish].map((s) => [s.misses.length ? `Missed in ${s.name}:\n\n${s.misses.map((m) => `- ${m}`).join("\n")}\n` : "", s.falseAlarms.length ? `False alarms in ${s.name}:\n\n${s.falseAlarms.map((m) => `- ${m}`).join("\n")}\n` : ""].join("")).join("")}`;
  fs.writeFileSync(file, doc);
  console.log(`wrote ${file}`);
}
