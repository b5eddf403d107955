import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MedQuadParseError, isHeldOut, normalizeMedQuadText, parseMedQuadXml, readMedQuad } from "./medquad";

const MEDQUAD_DIR = process.env.MEDQUAD_DIR ?? "/work/shared/data/medquad";
const hasRealData = fs.existsSync(MEDQUAD_DIR);
if (!hasRealData) console.warn(`medquad.test: ${MEDQUAD_DIR} not found, skipping real-data tests (set MEDQUAD_DIR)`);

// Hand-written fixtures in the three root shapes MedQuAD uses.
const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000042" source="FixtureGov" url="https://example.org/flu">
<Focus>Influenza</Focus>
<QAPairs>
  <QAPair pid="1">
    <Question qid="0000042-1" qtype="information">What is (are) Influenza ?</Question>
    <Answer>Flu is a   contagious illness.

      Key facts    - spreads by droplets    - vaccines help</Answer>
  </QAPair>
  <QAPair pid="2">
    <Question qid="0000042-2" qtype="treatment">What are the treatments for Influenza ?</Question>
    <Answer></Answer>
  </QAPair>
</QAPairs>
</Document>`;

const DOC_XML = `<?xml version="1.0" encoding="UTF-8"?>
<doc docid="0000007" corpus="NINDS" url="https://example.org/has">
<doctitle-focus>Holmes-Adie</doctitle-focus>
<qaPairs><pair pid="1"><question qid="0000007-1" qtype="information">what is it ?</question><answer>A pupil disorder &amp; more.</answer></pair></qaPairs>
</doc>`;

const DISEASE_FILE_XML = `<DiseaseFile fid="0000397" source="CDC" url="https://example.org/t">
<Focus>Taeniasis</Focus><QAPairs><QAPair pid="1"><Question qid="0000397-1" qtype="information">What is taeniasis ?</Question><Answer>A tapeworm infection.</Answer></QAPair></QAPairs>
</DiseaseFile>`;

describe("parseMedQuadXml", () => {
  it("reads ids, focus, url and QA pairs, skipping empty answers", () => {
    const doc = parseMedQuadXml(DOCUMENT_XML, "1_Fixture_QA", "0000042_1");
    expect(doc).toMatchObject({
      id: "0000042",
      key: "FixtureGov/0000042_1",
      source: "FixtureGov",
      collection: "1_Fixture_QA",
      url: "https://example.org/flu",
      focus: "Influenza",
      emptyAnswers: 1,
    });
    expect(doc.qaPairs).toEqual([
      {
        qid: "0000042-1",
        questionId: "FixtureGov/0000042_1/0000042-1",
        qtype: "information",
        question: "What is (are) Influenza ?",
        answer: "Flu is a contagious illness.\n\nKey facts\n- spreads by droplets\n- vaccines help",
      },
    ]);
  });

  it("accepts the <doc> and <DiseaseFile> variants", () => {
    const a = parseMedQuadXml(DOC_XML);
    expect(a).toMatchObject({ id: "0000007", source: "NINDS", focus: "Holmes-Adie", key: "NINDS/0000007" });
    expect(a.qaPairs[0].answer).toBe("A pupil disorder & more.");
    const b = parseMedQuadXml(DISEASE_FILE_XML);
    expect(b).toMatchObject({ id: "0000397", source: "CDC" });
    expect(b.qaPairs).toHaveLength(1);
  });

  it("rejects malformed XML and documents without an id", () => {
    expect(() => parseMedQuadXml("<Document id='1'><QAPairs></Document>")).toThrow(MedQuadParseError);
    expect(() => parseMedQuadXml("<Document source='x'><Focus>f</Focus></Document>")).toThrow(/no id attribute/);
    expect(() => parseMedQuadXml("")).toThrow(MedQuadParseError);
  });

  it("normalises whitespace without losing paragraphs", () => {
    expect(normalizeMedQuadText("  a  b \n\n\n  c    - d    - e ")).toBe("a b\n\nc\n- d\n- e");
  });
});

describe("readMedQuad on a fixture folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "medquad-"));
    fs.mkdirSync(path.join(dir, "1_Fixture_QA"));
    fs.mkdirSync(path.join(dir, "6_NINDS_QA"));
    fs.writeFileSync(path.join(dir, "1_Fixture_QA", "0000042_1.xml"), DOCUMENT_XML);
    fs.writeFileSync(path.join(dir, "1_Fixture_QA", "0000042_2.xml"), DOCUMENT_XML); // same Document id, other file
    fs.writeFileSync(path.join(dir, "1_Fixture_QA", "broken.xml"), "<Document><QAPairs>");
    fs.writeFileSync(path.join(dir, "6_NINDS_QA", "0000007.xml"), DOC_XML);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("counts files, pairs and empty answers per collection and reports bad files", () => {
    const r = readMedQuad(dir);
    expect(r.stats.byCollection["1_Fixture_QA"]).toEqual({ files: 3, documents: 2, qaPairs: 2, emptyAnswers: 2 });
    expect(r.stats.byCollection["6_NINDS_QA"]).toEqual({ files: 1, documents: 1, qaPairs: 1, emptyAnswers: 0 });
    expect(r.stats.failed).toHaveLength(1);
    expect(r.stats.failed[0].file).toMatch(/broken\.xml$/);
    const keys = r.documents.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length); // shared Document ids stay distinct
  });

  it("accepts a single collection folder", () => {
    const r = readMedQuad(path.join(dir, "6_NINDS_QA"));
    expect(r.documents.map((d) => d.key)).toEqual(["NINDS/0000007"]);
  });

  it("throws a clear error for a missing folder", () => {
    expect(() => readMedQuad(path.join(dir, "nope"))).toThrow(/not a directory/);
  });
});

describe("isHeldOut", () => {
  it("is deterministic and holds out about 5 %", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `Src/${i}/${i}-1`);
    const held = ids.filter(isHeldOut);
    expect(held.length / ids.length).toBeGreaterThan(0.04);
    expect(held.length / ids.length).toBeLessThan(0.06);
    expect(ids.filter(isHeldOut)).toEqual(held);
  });
});

describe.skipIf(!hasRealData)("MedQuAD real files", () => {
  it("reads every collection with unique question ids and a ~5 % held-out split", () => {
    const r = readMedQuad(MEDQUAD_DIR);
    expect(Object.keys(r.stats.byCollection)).toHaveLength(9);
    expect(r.stats.qaPairs).toBeGreaterThan(16_000);
    expect(r.stats.failed).toEqual([]);
    const qids = r.documents.flatMap((d) => d.qaPairs.map((p) => p.questionId));
    expect(new Set(qids).size).toBe(qids.length);
    const held = qids.filter(isHeldOut).length / qids.length;
    expect(held).toBeGreaterThan(0.04);
    expect(held).toBeLessThan(0.06);
    for (const d of r.documents) {
      expect(d.url).toMatch(/^https?:\/\//);
      for (const p of d.qaPairs) expect(p.answer.length).toBeGreaterThan(0);
    }
  });
});
