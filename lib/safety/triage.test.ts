import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { triage } from "./triage";
import { emergencyContactsFor } from "./contacts";
import { normalizeForTriage } from "./text/normalize-en";

interface LabelledCase {
  text: string;
  emergency: boolean;
  category: string;
  why: string;
}

// The tuning sets: the original labelled set plus extra cases written category by category
// from triage red-flag lists. The held-out set (triage-cases-holdout.json) was written by
// someone who never saw the rules and is not used for tuning; its floors guard regressions.
// (28 of its 106 messages were once quoted to the engineer who generalised the rules, so it
// is not perfectly clean; see the closing note of that change.)
const TUNING_FILES = ["triage-cases.json", "triage-cases-extra.json"];
const HELD_OUT_FILE = "triage-cases-holdout.json";

function loadCases(files: string[]): LabelledCase[] {
  return files.flatMap((file) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, file), "utf8")) as LabelledCase[]);
}

/** Precision and recall of triage on labelled messages, printed with the misses per category. */
function scoreTriage(label: string, cases: LabelledCase[]): { precision: number; recall: number } {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const perCategory = new Map<string, { total: number; found: number }>();
  for (const c of cases) {
    const result = triage(c.text, "en-US");
    if (c.emergency) {
      const stats = perCategory.get(c.category) ?? { total: 0, found: 0 };
      stats.total++;
      if (result.emergency) stats.found++;
      perCategory.set(c.category, stats);
    }
    if (c.emergency && result.emergency) tp++;
    else if (!c.emergency && result.emergency) {
      fp++;
      falseAlarms.push(`${c.text}  ← ${result.matches.map((m) => m.ruleId + ":" + m.phrase).join(", ")}`);
    } else if (c.emergency && !result.emergency) {
      fn++;
      misses.push(`[${c.category}] ${c.text}`);
    } else tn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(
    `triage on ${label} (${cases.length} labelled messages): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})`,
  );
  for (const [category, s] of perCategory) console.log(`  recall ${category}: ${s.found}/${s.total}`);
  if (misses.length) console.log("missed emergencies:\n  " + misses.join("\n  "));
  if (falseAlarms.length) console.log("false alarms:\n  " + falseAlarms.join("\n  "));
  return { precision, recall };
}

describe("triage on labelled sets", () => {
  it(`reaches the floors on the tuning sets (${TUNING_FILES.join(" + ")})`, () => {
    const cases = loadCases(TUNING_FILES);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const { precision, recall } = scoreTriage("the tuning sets", cases);
    // Missing an emergency is worse than a false alarm: the recall floor is the higher one.
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it(`reaches the floors on the held-out set (${HELD_OUT_FILE})`, () => {
    const cases = loadCases([HELD_OUT_FILE]);
    expect(cases.length).toBeGreaterThanOrEqual(90);
    const { precision, recall } = scoreTriage("the held-out set", cases);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe("triage behaviour", () => {
  it("flags an emergency and builds the notice with the locale's numbers", () => {
    const us = triage("I have crushing chest pain and my left arm is numb", "en-US");
    expect(us.emergency).toBe(true);
    expect(us.categories).toContain("cardiac");
    expect(us.notice?.emergencyNumber).toBe("911");
    expect(us.notice?.text).toMatch(/Call 911/);
    const gb = triage("I have crushing chest pain and my left arm is numb", "en-GB");
    expect(gb.notice?.emergencyNumber).toBe("999");
  });

  it("adds the crisis line for suicidal messages", () => {
    const r = triage("i want to end it all tonight", "en-US");
    expect(r.categories).toEqual(["suicidal_self_harm"]);
    expect(r.notice?.text).toMatch(/988/);
  });

  it("ignores negations, long-past events, animals and fiction", () => {
    expect(triage("no chest pain and no trouble breathing, just a cold").emergency).toBe(false);
    expect(triage("my mother had a stroke in 2012, what is my risk?").emergency).toBe(false);
    expect(triage("my dog is having a seizure").emergency).toBe(false);
    expect(triage("in my short story the hero is stabbed").emergency).toBe(false);
  });

  it("ignores general, educational and hypothetical questions unless a current event is described", () => {
    expect(triage("If someone is having a stroke, is it better to drive them in or wait for the ambulance?").emergency).toBe(false);
    expect(triage("what does thunderclap headache mean? my textbook lists it as a red flag").emergency).toBe(false);
    expect(triage("I teach first aid and I'm writing scenarios: a man with crushing chest pain and sweating").emergency).toBe(false);
    expect(triage("what does thunderclap headache mean? I have one right now and it is the worst headache ever").emergency).toBe(true);
    expect(triage("if you're having a stroke what do you do, my dad's face is drooping").emergency).toBe(true);
  });

  it("ignores injuries described as minor but keeps large or deep ones", () => {
    expect(triage("nicked my thumb on a tin, it bled for a couple of minutes and then stopped").emergency).toBe(false);
    expect(triage("burned my wrist on the oven door, thin red line, no blisters").emergency).toBe(false);
    expect(triage("cut myself cooking, small cut").emergency).toBe(false);
    expect(triage("my son pulled a pan of boiling water onto himself, big blistering patch on his chest").categories).toContain(
      "severe_burn",
    );
  });

  it("still calls for help after adrenaline even when the person feels better", () => {
    expect(triage("gave her the epipen and she feels better now").categories).toContain("anaphylaxis");
    expect(triage("how is an adrenaline auto-injector used?").emergency).toBe(false);
  });

  it("recognises suicidal euphemisms, plans and farewells", () => {
    for (const text of [
      "i want to kil my self",
      "everyone would be better off without me",
      "the rope is in my closet",
      "been giving all my things away, wont need them where im going",
    ]) {
      expect(triage(text).categories, text).toEqual(["suicidal_self_harm"]);
    }
  });

  it("does not 'correct' everyday words into red-flag words", () => {
    expect(normalizeForTriage("cooking chopping started coughing closing")).toBe("cooking chopping started coughing closing");
    expect(normalizeForTriage("what happens if a child swallows a battery")).toContain("swallows");
  });

  it("corrects misspellings of red-flag words", () => {
    expect(normalizeForTriage("Chset pian, I cant brethe")).toBe("chest pain, i cant breathe");
    expect(triage("siezure for 6 minutes and my son is not responding").emergency).toBe(true);
  });

  it("takes emergency numbers from configuration", () => {
    const env = {
      EMERGENCY_NUMBER: "112",
      CRISIS_LINE: "555-0100",
      EMERGENCY_CONTACTS: JSON.stringify({ "nl-NL": { emergencyNumber: "112", crisisLine: "113" } }),
    };
    expect(emergencyContactsFor("en-US", env).emergencyNumber).toBe("112");
    expect(emergencyContactsFor(undefined, env).crisisLine).toBe("555-0100");
    expect(emergencyContactsFor("nl-NL", env).crisisLine).toBe("113");
    expect(emergencyContactsFor("en-AU", env).emergencyNumber).toBe("000");
    expect(triage("I want to kill myself", "en-US", { env }).notice?.crisisLine).toBe("555-0100");
  });
});
