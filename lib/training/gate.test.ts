// The gate's decisions on both sides' metrics (pure; the run-level decisions are in retrain.test.ts).
import { describe, expect, it } from "vitest";
import { gate, gateSettingsFromEnv, type ModelMetrics } from "./gate";

const m = (over: Partial<ModelMetrics> = {}): ModelMetrics => ({
  perplexity: 10,
  tokens: 100,
  faithfulness: 1,
  rightSource: 0.8,
  rougeL: 0.3,
  answers: 8,
  ...over,
});
const settings = { margin: 0.02, rightSourceTolerance: 0.05 };

describe("evaluation gate", () => {
  it("promotes only when perplexity is better by the margin and nothing critical is worse", () => {
    expect(gate(m({ perplexity: 9 }), m(), settings, "v1").promote).toBe(true);
    expect(gate(m({ perplexity: 9.9 }), m(), settings, "v1")).toMatchObject({
      promote: false,
      decision: expect.stringContaining("not better by the margin"),
    });
    const unfaithful = gate(m({ perplexity: 5, faithfulness: 0.9 }), m(), settings, "v1");
    expect(unfaithful).toMatchObject({ promote: false, decision: expect.stringContaining("worse on faithfulness") });
    // right source may drop within the tolerance, not beyond
    expect(gate(m({ perplexity: 5, rightSource: 0.76 }), m(), settings, "v1").promote).toBe(true);
    expect(gate(m({ perplexity: 5, rightSource: 0.7 }), m(), settings, "v1").promote).toBe(false);
    // ROUGE-L is shown, not gating
    const rouge = gate(m({ perplexity: 5, rougeL: 0.1 }), m(), settings, "v1");
    expect(rouge.promote).toBe(true);
    expect(rouge.comparison.find((r) => r.metric === "rougeL")).toMatchObject({ verdict: "worse", critical: false });
  });

  it("a candidate with nothing measurable where the active adapter had answers is worse", () => {
    const r = gate(m({ perplexity: 5, faithfulness: null }), m(), settings, "v1");
    expect(r.promote).toBe(false);
    expect(gate(m({ perplexity: 5, faithfulness: null }), m({ faithfulness: null }), settings, "v1").promote).toBe(true);
  });

  it("reads its settings from the environment with safe defaults", () => {
    expect(gateSettingsFromEnv({})).toEqual({ margin: 0.02, rightSourceTolerance: 0.05 });
    expect(gateSettingsFromEnv({ RETRAIN_MARGIN: "0.1", RETRAIN_RIGHT_SOURCE_TOLERANCE: "0" })).toEqual({
      margin: 0.1,
      rightSourceTolerance: 0,
    });
    expect(gateSettingsFromEnv({ RETRAIN_MARGIN: "-1", RETRAIN_RIGHT_SOURCE_TOLERANCE: "x" })).toEqual({
      margin: 0.02,
      rightSourceTolerance: 0.05,
    });
  });
});
