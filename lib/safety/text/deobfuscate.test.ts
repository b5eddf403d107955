import { describe, expect, it } from "vitest";
import { deobfuscate, MAX_TRIAGE_CHARS, segmentWords, undoLeetspeak } from "./deobfuscate";
import { triage } from "../triage";
import { triageLexicon } from "../red-flags";

const folded = (text: string) => deobfuscate(text, triageLexicon()).folded.replace(/ +/g, " ");

describe("deobfuscate", () => {
  it("drops invisible and bidi characters and applies NFKC", () => {
    expect(folded("che\u200bst p\u00adain\u202e \u2060now")).toBe("chest pain now");
    expect(folded("ｃｈｅｓｔ 𝗽𝗮𝗶𝗻")).toBe("chest pain");
  });

  it("maps look-alike letters of other scripts inside Latin words, and leaves real Cyrillic words alone", () => {
    expect(folded("ch\u0435st p\u0430in")).toBe("chest pain");
    expect(folded("\u0441\u04bb\u0435\u0455t")).toBe("chest");
    expect(folded("больно")).toBe("больно");
  });

  it("undoes leetspeak but keeps numbers and numbers with units", () => {
    expect(undoLeetspeak("ch3st p4in k1ll mys3lf $uicide h3lp!!")).toBe("chest pain kill myself suicide help!!");
    expect(undoLeetspeak("took 30 pills, 5min ago, 38.5c, 3yo, 10mg")).toBe("took 30 pills, 5min ago, 38.5c, 3yo, 10mg");
  });

  it("collapses stretched letters and joins spaced-out letters back into words", () => {
    expect(folded("CHEEEEST PAAAIN")).toBe("chest pain");
    expect(folded("c h e s t  p a i n")).toBe("chest pain");
    expect(folded("s.u.i.c.i.d.e")).toBe("suicide");
    expect(folded("i w a n t t o d i e")).toBe("i want to die");
    expect(segmentWords("xqzv", new Set(["a"]))).toBeUndefined();
  });

  it("keeps accents in one form and folds them in the other", () => {
    expect(deobfuscate("Corazón, Straße").accented).toBe("corazón, straße");
    expect(deobfuscate("Corazón, Straße").folded).toBe("corazon, strasse");
  });

  it("replaces lone surrogates and caps the length it reads", () => {
    expect(deobfuscate("a\ud800b").folded).toBe("a\ufffdb");
    expect(deobfuscate("ab".repeat(MAX_TRIAGE_CHARS * 3)).folded.length).toBe(MAX_TRIAGE_CHARS);
  });
});

describe("triage on hostile input", () => {
  // The rules are JavaScript regular expressions (backtracking): what keeps them safe is
  // that every pattern's repetitions are bounded and run on bounded text (4 000 characters
  // per turn, clauses cut into windows of 60 words). These inputs are the shapes that make
  // backtracking patterns explode; each must be answered quickly, and the long ones are
  // answered as fast as a short one is, relative to their capped length.
  const pathological = [
    "chest ".repeat(5_000),
    "a".repeat(100_000),
    "i ".repeat(20_000) + "!",
    "no no no no ".repeat(3_000) + "chest pain",
    ("my dad is " + "very ".repeat(50)).repeat(40),
    "c h e s t ".repeat(2_000),
    "k1ll ".repeat(4_000),
    "\u200b".repeat(50_000) + "chest pain",
    "took ".repeat(3_000) + "pills",
    "me duele el pecho ".repeat(1_000),
    ",".repeat(50_000),
    "ab".repeat(40_000),
  ];

  it.each(pathological.map((text, i) => [i, text] as const))("pathological input %i is triaged in bounded time", (_i, text) => {
    const started = performance.now();
    const result = triage(text, "en-US", { previousTurns: [{ text }, { text }] });
    const elapsed = performance.now() - started;
    expect(typeof result.emergency).toBe("boolean");
    // Generous (a shared, loaded CI machine): the worst of these takes about 2 s here; a
    // catastrophically backtracking pattern takes minutes on inputs like them.
    expect(elapsed).toBeLessThan(20_000);
  });
});
