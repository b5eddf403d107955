import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { abbreviationsIn, aliasesOf, otherNamesIn } from "./aliases";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { analyzeQuery } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { doc, freshDb } from "./test-helpers";
import { loadVocabulary } from "./vocabulary";

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

describe("alias extraction", () => {
  it("finds abbreviations whose letters are the initials of the words before them", () => {
    expect(
      abbreviationsIn(
        "People with chronic obstructive pulmonary disease (COPD) or Guillain-Barre syndrome (GBS) and Peripheral Arterial Disease (P.A.D.)",
      ),
    ).toEqual([
      { alias: "COPD", expansion: "chronic obstructive pulmonary disease" },
      { alias: "GBS", expansion: "Guillain-Barre syndrome" },
      { alias: "PAD", expansion: "Peripheral Arterial Disease" },
    ]);
    expect(abbreviationsIn("a scan (CT) was done; results (see below)")).toEqual([]);
  });

  it("finds other names of the document's subject only", () => {
    expect(otherNamesIn("Cushing's syndrome, also called hypercortisolism, is a rare endocrine disorder.", "Cushing's Syndrome")).toEqual([
      { alias: "hypercortisolism", expansion: "Cushing's Syndrome" },
    ]);
    // "also called" about something else (a treatment) in the same document is not a name of the subject.
    expect(otherNamesIn("Hairy cell leukemia: biologic therapy (also called biotherapy or immunotherapy).", "Hairy Cell Leukemia")).toEqual(
      [],
    );
    expect(aliasesOf(doc("x", "Tuberculosis: Overview", "Other names: consumption, phthisis. Tuberculosis (TB) is an infection."))).toEqual(
      [
        { alias: "consumption", expansion: "Tuberculosis" },
        { alias: "phthisis", expansion: "Tuberculosis" },
      ],
    );
  });
});

describe("aliases in retrieval", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), [
      doc("copd", "COPD", "Chronic obstructive pulmonary disease (COPD) makes it hard to breathe."),
      doc("rehab", "Pulmonary rehabilitation", "Rehabilitation for chronic obstructive pulmonary disease teaches exercise and breathing."),
      doc("asthma", "Asthma", "Asthma narrows the airways; exercise can trigger wheezing."),
      // "Hers disease" stems to "diseas" alone, "type I" to "type": neither is stored.
      doc(
        "gsd6",
        "Glycogen storage disease type VI",
        "Glycogen storage disease type VI, also called Hers disease or type I, affects the liver.",
      ),
    ]);
  });
  afterAll(() => h.close());

  it("are stored as lexemes with their document and go with it", async () => {
    const rows = rowsOf<{ document_id: string; alias: string; expansion: string }>(
      await h.db.execute(sql`select document_id, alias, expansion from term_aliases`),
    );
    expect(rows).toEqual([{ document_id: "copd", alias: "copd", expansion: "chronic diseas obstruct pulmonari" }]);
    expect(
      aliasesOf(doc("gsd6", "Glycogen storage disease type VI", "Glycogen storage disease type VI, also called Hers disease.")),
    ).toEqual([{ alias: "Hers disease", expansion: "Glycogen storage disease type VI" }]);
  });

  it("expand a question so passages using only the full name are found", async () => {
    const vocab = await loadVocabulary(h.db);
    const a = await analyzeQuery(h.db, vocab, "COPD exercise");
    // An abbreviation is expanded only when written in capitals ("hearing aids" is not AIDS).
    expect((await analyzeQuery(h.db, vocab, "copd exercise")).terms.some((t) => t.expandedFrom)).toBe(false);
    expect(
      a.terms
        .filter((t) => t.expandedFrom === "copd")
        .map((t) => t.lexeme)
        .sort(),
    ).toEqual(["chronic", "diseas", "obstruct", "pulmonari"]);
    // "rehab" never says COPD: only the expansion finds it.
    const found = await retrieveHybrid(h.db, null, "What is COPD?", { mode: "text", k: 3 });
    expect(found.map((r) => r.documentId)).toEqual(expect.arrayContaining(["copd", "rehab"]));
    const plain = await retrieveHybrid(h.db, null, "what is copd?", { mode: "text", k: 3 });
    expect(plain.map((r) => r.documentId)).toEqual(["copd"]);
  });

  it("are deleted with their document", async () => {
    await h.db.execute(sql`delete from documents where id in ('copd', 'gsd6')`);
    expect(rowsOf(await h.db.execute(sql`select * from term_aliases`))).toEqual([]);
  });
});
