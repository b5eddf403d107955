// The everyday questions a new visitor asks first, over the real starter knowledge base: each
// finds the starter page written for it first (full-text retrieval, deterministic), and the
// pages added for them do not take the questions of the pages that were there before
// (a sore throat page vs strep throat, dizziness vs stroke warning signs, panic attacks vs a
// heart attack, sciatica vs low back pain, prediabetes vs type 2 diabetes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { retrieveHybrid } from "./retrieve";
import { ensureStarterKnowledgeBase } from "./starter";
import { freshDb } from "./test-helpers";

/** A consumer question → the title of the starter page that answers it. */
const NEW_PAGE_QUESTIONS: [string, string][] = [
  ["I was just diagnosed with prediabetes, what does that mean and can I reverse it?", "Prediabetes"],
  ["my a1c is borderline, am I diabetic?", "Prediabetes"],
  ["my toenail is turning yellow and thick", "Fungal nail infection"],
  ["how do I get rid of toenail fungus", "Fungal nail infection"],
  ["itchy peeling skin between my toes", "Athlete's foot"],
  ["my kid's eye is red and crusty in the morning, is pink eye contagious?", "Pink eye (conjunctivitis)"],
  ["pressure in my cheeks and forehead and green snot for a week", "Sinusitis (sinus infection)"],
  ["do I need antibiotics for a sinus infection", "Sinusitis (sinus infection)"],
  ["my toddler keeps pulling at his ear and has a fever", "Ear infection"],
  ["I have a chest cold with a cough that won't go away", "Acute bronchitis (chest cold)"],
  ["is bronchitis contagious and do I need antibiotics", "Acute bronchitis (chest cold)"],
  ["how to relieve constipation fast", "Constipation"],
  ["bright red blood on toilet paper and itching, is it piles?", "Hemorrhoids (piles)"],
  ["I have a cold sore on my lip how do I get rid of it", "Cold sores"],
  ["are fever blisters contagious", "Cold sores"],
  ["itching and thick white discharge down there, is it thrush?", "Vaginal yeast infection (thrush)"],
  ["I leak pee when I cough or sneeze", "Urinary incontinence (bladder leakage)"],
  ["is it normal to wet yourself a little after having a baby", "Urinary incontinence (bladder leakage)"],
  ["is an enlarged prostate cancer?", "Enlarged prostate (BPH)"],
  ["I can't keep an erection, what can I do", "Erectile dysfunction"],
  ["my period cramps are so bad I can't go to school", "Period pain (menstrual cramps)"],
  ["my periods are irregular and I have facial hair, could it be PCOS?", "Polycystic ovary syndrome (PCOS)"],
  ["my daughter has nits from school how do I get rid of them", "Head lice"],
  ["intense itching at night and little lines between my fingers", "Scabies"],
  ["sharp pain in my heel when I first get out of bed", "Heel pain (plantar fasciitis)"],
  ["shooting pain from my buttock down my leg", "Sciatica"],
  ["numbness and tingling in my fingers at night that wakes me up", "Carpal tunnel syndrome"],
  ["I keep having panic attacks, my heart races and I can't breathe", "Panic attacks and panic disorder"],
  ["my son keeps getting nosebleeds, how do I stop one", "Nosebleeds"],
  ["how to soothe a sore throat", "Sore throat"],
  ["the room spins when I turn over in bed", "Dizziness and vertigo"],
  ["I feel dizzy when I stand up", "Dizziness and vertigo"],
  ["my throat hurts when I swallow", "Sore throat"],
  ["got stung by a bee and my hand is swollen", "Insect bites and stings"],
  ["how do I stop mosquito bites itching", "Insect bites and stings"],
  ["I burned my hand on the stove, what should I do", "Burns and scalds"],
  ["should I pop a burn blister", "Burns and scalds"],
  ["I twisted my ankle and it's swollen", "Sprains and strains"],
  ["pulled muscle in my calf", "Sprains and strains"],
  ["I get bloated and have diarrhea every time I drink milk", "Lactose intolerance"],
  ["is lactose intolerance the same as a milk allergy", "Lactose intolerance"],
  ["can I eat oats if I have coeliac disease", "Celiac disease (coeliac disease)"],
  ["gluten makes my stomach hurt", "Celiac disease (coeliac disease)"],
];

/** Questions about pages that were there before the new ones, which must keep them. */
const EXISTING_PAGE_QUESTIONS: [string, string][] = [
  ["sore throat and fever no cough do I have strep", "Strep throat"],
  ["is strep throat contagious", "Strep throat"],
  ["what are the signs of a stroke", "Stroke warning signs"],
  ["sudden numbness on one side of the face", "Stroke warning signs"],
  ["symptoms of a heart attack", "Heart attack warning signs"],
  ["what is anxiety", "Anxiety disorders"],
  ["I feel anxious all the time", "Anxiety disorders"],
  ["my lower back hurts after lifting something heavy", "Low back pain"],
  ["What are the symptoms of type 2 diabetes?", "Type 2 diabetes"],
  ["How can I prevent type 2 diabetes?", "Type 2 diabetes"],
  ["I have a cold, what can I do", "Common cold"],
  ["burning when I pee", "Urinary tract infection (UTI)"],
  ["it burns when I pee", "Urinary tract infection (UTI)"],
  ["can I drink alcohol on amoxicillin", "Antibiotics and antibiotic resistance"],
  ["I feel lightheaded and shaky, could my sugar be low", "Low blood sugar (hypoglycemia)"],
  ["how is strep throat treated", "Strep throat"],
  ["I found a tick on my leg, could I get lyme disease?", "Lyme disease (from tick bites)"],
  ["sunburn blisters", "Sunburn and sun safety"],
  ["what are the signs of anaphylaxis", "Anaphylaxis"],
  ["I have diarrhea and vomiting", "Gastroenteritis (stomach bug)"],
  ["IBS symptoms bloating and diarrhea", "Irritable bowel syndrome (IBS)"],
  ["peanut allergy symptoms", "Food allergy"],
  // Obstructive sleep apnoea's title says "sleep" twice: Insomnia's now says it once too.
  ["I can't sleep", "Insomnia (trouble sleeping)"],
  ["how can I sleep better", "Insomnia (trouble sleeping)"],
];

describe("everyday questions over the starter knowledge base", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    const report = await ensureStarterKnowledgeBase(h.db, createHashingEmbedder());
    expect(report.failed).toEqual([]);
  });
  afterAll(() => h.close());

  it.each(NEW_PAGE_QUESTIONS)("%s → %s", async (question, title) => {
    const results = await retrieveHybrid(h.db, null, question, { mode: "text", k: 3 });
    expect(results[0]?.title).toBe(title);
  });

  it.each(EXISTING_PAGE_QUESTIONS)("keeps its page: %s → %s", async (question, title) => {
    const results = await retrieveHybrid(h.db, null, question, { mode: "text", k: 3 });
    expect(results[0]?.title).toBe(title);
  });
});
