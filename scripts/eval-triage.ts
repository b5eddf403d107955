// npm run eval:triage [-- --write docs/triage-eval.md]
// Precision and recall of emergency triage per language (lib/safety/triage-sets/) and
// overall, with every miss and false alarm listed.
import fs from "node:fs";
import os from "node:os";
import { BLIND_ROUNDS, loadBlindRound, scoreAll, scoreBlindRound, type SetScore } from "../lib/safety/eval/score";

const { perLanguage, overall, earlierEnglish, rounds, heldOut } = scoreAll();
/** Rounds 12 and 13 (blind, JSON lines) as they score now, after the fixes they prompted. */
const round12 = scoreBlindRound("round12", loadBlindRound("triage-sets/round12/messages.jsonl"));
const round13 = scoreBlindRound("round13", loadBlindRound("triage-sets/round13/messages.jsonl"));

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
const leftIn = (round: SetScore[]) =>
  round
    .slice(0, -1)
    .flatMap((s) => [...s.misses.map((m) => `- missed (${s.name}): ${m}`), ...s.falseAlarms.map((m) => `- false alarm (${s.name}): ${m}`)]);
const round12Left = leftIn(round12);
const round13Left = leftIn(round13);
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
