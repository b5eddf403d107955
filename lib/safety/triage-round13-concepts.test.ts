// The fixes prompted by blind round 13 (through the real triage), each shown on messages written
// for this test in other words than the round's: a heart attack told without the word "chest"
// (jaw, left arm, cold sweat, nausea), diabetic ketoacidosis (fruity or acetone breath), a farewell
// with "cannot go on", "took" in the first person or the infinitive, a whole box with a possessive,
// a balcony or roof as the place, romanised Arabic (Arabizi), and the framings that were read as
// events ("erste Hilfe", "la novela que estoy escribiendo", a first-aid course in Ukrainian, a
// comparison of two conditions). Controls are the everyday sentences that share the words.
import { describe, expect, it } from "vitest";
import { triage } from "./triage";

const fired = (text: string, previous: string[] = []) =>
  triage(text, "en-US", { previousTurns: previous.map((t) => ({ text: t })) }).emergency;

describe("a heart attack told without the word chest", () => {
  it.each([
    "my wife has this ache in her jaw and down her left arm, she's clammy and feels sick",
    "mi madre tiene dolor en el brazo izquierdo y la mandibula, esta palida y sudando",
    "ma femme a mal a la machoire et au bras gauche, elle a des sueurs froides",
    "meine mutter hat schmerzen im linken arm und kiefer, ihr ist übel und sie schwitzt",
    "minha mae esta com dor no braco esquerdo e suor frio",
    "mia madre ha dolore al braccio sinistro e alla mascella, suda freddo",
    "mijn moeder heeft pijn in haar linkerarm en kaak, ze is klam en misselijk",
    "my wife has this weird pressure in her upper back and jaw and she's throwing up, she's 54",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "broke my left arm falling off my bike, it hurts and im a bit sweaty",
    "had a tooth out, jaw aches and arm sore from the needle, bit nauseous",
    "me cai de la bici y me duele el brazo izquierdo, estoy sudando",
    "my left arm aches after the flu jab and i feel a bit sick",
  ])("a local cause stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("diabetic ketoacidosis", () => {
  it.each([
    "my son is type 1 and his breath smells fruity, he's been sick twice",
    "mi hijo es diabetico, tiene aliento a acetona y esta vomitando",
    "mio figlio è diabetico e ha l'alito che sa di acetone",
    "mein sohn ist diabetiker und sein atem riecht nach aceton",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "my type 1 daughter wants to know if fruity sweets are ok",
    "my mum's blood sugar was 12 after dinner, she's type 2 and feels fine",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("a decision to die told in other words", () => {
  it.each([
    "i can't do this anymore. i've said goodbye to everyone",
    "je n'en peux plus, j'ai écrit mes lettres d'adieu",
    "ich kann nicht mehr, ich habe mich von allen verabschiedet",
    "não aguento mais, deixei uma carta de despedida pra minha mãe",
    "i gave my cat to my neighbour and said goodbye, it's on the roof tonight",
    "устал от всего. хочу чтобы всё закончилось",
    "пробачте всім, я стою на балконі",
    "i don't see the point anymore, i've written my will and sorted everything out for my kids",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "устал от всего на работе, хочу в отпуск",
    "je n'en peux plus de ce boulot, vivement les vacances",
    "we said goodbye to grandma at the airport, cant wait to see her again",
    "i said goodbye to my dog at the vet yesterday, so sad",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("pills and household products taken", () => {
  it.each([
    "me acabo de tomar toda la caja de clonazepam",
    "j'ai avalé tout mon flacon de somnifères",
    "tomei a caixa inteira de rivotril",
    "ons zoontje had een wasmiddelcapsule in zijn mond en moet overgeven",
    "宝宝把洗碗块咬开了，在咳嗽",
    "息子がおばあちゃんの薬を飲んでしまった、2歳です",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each(["me voy a tomar una pastilla para dormir, ¿cuál es mejor?", "j'ai pris un comprimé de doliprane, je peux en reprendre quand ?"])(
    "a dose stays quiet: %s",
    (text) => expect(fired(text)).toBe(false),
  );
});

describe("an emergency told in two messages", () => {
  it.each([
    [["mon fils de 2 ans a mis une pile bouton dans sa bouche"], "je ne la trouve plus, il a l'air bien, je fais quoi ?"],
    [["ich kann nicht mehr"], "die Tabletten liegen schon auf dem Tisch"],
    [["我爸胸口疼了一个小时"], "他说没事，不想去医院，吃点药行吗？"],
  ])("%s … %s", (previous, text) => expect(fired(text, previous)).toBe(true));

  it.each([
    "tenho gosto de cloro na boca depois da piscina",
    "ich habe die tabletten auf dem tisch liegen lassen, kann ich sie morgen nehmen?",
    "mi hijo se tomó unas gotas de paracetamol como le dijo el pediatra",
    "我胃疼了一个小时",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("heat stroke told without the heat", () => {
  it("hot dry skin that stopped sweating, with confusion", () =>
    expect(fired("been working on the roof all day, now i feel confused, my skin is hot and dry and i stopped sweating")).toBe(true));
  it.each(["im confused about my insulin dose", "my hands are hot and dry from the sanitiser, which cream?"])("stays quiet: %s", (text) =>
    expect(fired(text)).toBe(false),
  );
});

describe("romanised Arabic (Arabizi)", () => {
  it.each([
    "mish 3ayez a3eesh, khadt kol el 7obob",
    "binti akalet 7abbat dawa mn el dorg, 3omra sanatein",
    "3andi wag3 fi sedri ktir w 3ar2an",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each(["shu a3rad el sakari? bas bade a3ref", "ana ta3ban shwaya mn el shoghl"])("stays quiet: %s", (text) =>
    expect(fired(text)).toBe(false),
  );
});

describe("framings that were read as events", () => {
  it.each([
    "wie erkennt man einen schlaganfall? wir haben morgen erste hilfe kurs",
    "estoy escribiendo un cuento donde un personaje sufre un infarto, como lo describo?",
    "як надати першу допомогу при інсульті? це для курсу",
    "is a panic attack different from a heart attack? just want to be prepared",
    "my grandma got stung by a wasp, a bit swollen around the sting but otherwise fine, what cream?",
    "mon bébé de 5 mois a 38,2 après son vaccin, il boit bien et il rit",
    "ayer tuve un golpe de calor, hoy ya estoy bien, que me recomiendas beber?",
  ])("%s", (text) => expect(fired(text)).toBe(false));

  it.each([
    "ich glaube mein vater hat einen schlaganfall, das gesicht hängt, hilfe",
    "my grandma got stung by a wasp and now her tongue is swelling and she's wheezing",
    "mon bébé de 5 semaines a 38,5 de fièvre",
  ])("a current event stays live: %s", (text) => expect(fired(text)).toBe(true));
});
