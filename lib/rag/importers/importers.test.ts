import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, importPath, listImportableFiles, type ImportResult } from "./index";
import { importHtml } from "./html";
import { importJsonl } from "./jsonl";
import { importMarkdown, parseFrontMatter } from "./markdown";
import { importPlainText } from "./text";

/** A minimal valid one-page-per-entry PDF with Helvetica text, offsets computed. */
function makePdf(pages: string[], title?: string): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  pages.forEach((text, i) => {
    const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  objects[infoId] = `<< /Title (${title ?? ""}) >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const MARKDOWN = `---
title: Asthma
url: https://medlineplus.gov/asthma.html
source: MedChat starter knowledge base
licence: CC BY 4.0
topic: asthma
---
# Asthma
## What it is
Asthma is a long-term condition of the **airways**. See [MedlinePlus](https://medlineplus.gov).

## Symptoms
- wheezing
- shortness of breath
### In children
Coughing at night.
`;

const MEDQUAD_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000009" source="GHR" url="https://ghr.nlm.nih.gov/condition/x">
<Focus>X syndrome</Focus>
<QAPairs>
<QAPair pid="1"><Question qid="0000009-1" qtype="information">What is (are) X syndrome ?</Question><Answer>X syndrome is a rare disorder.</Answer></QAPair>
<QAPair pid="2"><Question qid="0000009-2" qtype="inheritance">Is X syndrome inherited ?</Question><Answer>It is autosomal recessive.</Answer></QAPair>
</QAPairs></Document>`;

const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(`${r.file}: ${r.reason}`);
  return r.document;
};

describe("markdown importer", () => {
  it("reads front matter and turns headings into section paths", () => {
    const doc = importMarkdown(MARKDOWN, { relPath: "asthma.md" });
    expect(doc).toMatchObject({
      id: "medchat-starter-knowledge-base:asthma",
      title: "Asthma",
      url: "https://medlineplus.gov/asthma.html",
      source: "MedChat starter knowledge base",
      licence: "CC BY 4.0",
      metadata: { file: "asthma.md", topic: "asthma" },
    });
    expect(doc.sections.map((s) => s.headingPath.join(" > "))).toEqual([
      "Asthma > What it is",
      "Asthma > Symptoms",
      "Asthma > Symptoms > In children",
    ]);
    expect(doc.sections[0].text).toBe("Asthma is a long-term condition of the airways. See MedlinePlus.");
  });

  it("rejects broken front matter and non-http urls", () => {
    expect(() => parseFrontMatter("---\njust words\n---\n# T")).toThrow(/key: value/);
    expect(() => importMarkdown("---\nurl: javascript:alert(1)\n---\nText", { relPath: "x.md" })).toThrow(/http/);
  });
});

describe("text, HTML and JSONL importers", () => {
  it("plain text takes a short first line as title", () => {
    const doc = importPlainText("Kidney stones\n\nHard deposits that form in the kidneys.", {
      relPath: "notes/ks.txt",
      source: "Clinic notes",
    });
    expect(doc).toMatchObject({ id: "clinic-notes:notes/ks", title: "Kidney stones", source: "Clinic notes" });
    expect(doc.sections).toEqual([{ headingPath: ["Kidney stones"], text: "Hard deposits that form in the kidneys." }]);
  });

  it("HTML keeps headings as sections and drops scripts and navigation", () => {
    const html = `<html><head><title>Flu &amp; you</title><link rel="canonical" href="https://example.org/flu"></head>
      <body><nav>Home | About</nav><h1>Flu</h1><p>Influenza is a viral infection.</p>
      <h2>Symptoms</h2><p>Fever and <a href="/x">cough</a>.</p><script>alert(1)</script></body></html>`;
    const doc = importHtml(html, { relPath: "flu.html" });
    expect(doc.title).toBe("Flu & you");
    expect(doc.url).toBe("https://example.org/flu");
    const all = doc.sections.map((s) => `${s.headingPath.join(" > ")}|${s.text}`).join("\n");
    expect(all).toContain("Flu & you > Symptoms|Fever and cough.");
    expect(all).toContain("Influenza is a viral infection.");
    expect(all).not.toMatch(/alert|Home \| About/);
  });

  it("JSONL keeps row ids and reports bad rows by line", () => {
    const content = [
      JSON.stringify({
        id: "ext-42",
        title: "Gout",
        text: "Gout is a kind of arthritis.",
        url: "https://example.org/gout",
        licence: "CC0",
      }),
      "{broken",
      JSON.stringify({ id: "ext-43", title: "", text: "x" }),
      "",
      JSON.stringify({ id: "ext-44", title: "Ok", text: "Body", url: "ftp://example.org" }),
    ].join("\n");
    const results = importJsonl(content, "rows.jsonl", { relPath: "rows.jsonl", source: "Partner" });
    expect(results).toHaveLength(4);
    expect(ok(results[0])).toMatchObject({ id: "ext-42", source: "Partner", licence: "CC0", url: "https://example.org/gout" });
    expect(results[1]).toMatchObject({ ok: false, file: "rows.jsonl:2" });
    expect(results[2]).toMatchObject({ ok: false, file: "rows.jsonl:3", reason: expect.stringContaining("title") });
    expect(results[3]).toMatchObject({ ok: false, file: "rows.jsonl:5", reason: expect.stringContaining("url") });
  });

  it("gives only documents Postgres can store: a NUL in text is dropped, one in an id or a lone surrogate refuses the row", async () => {
    // Each used to fail the whole upload with a 500 (invalid byte sequence for encoding "UTF8": 0x00).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-nul-"));
    try {
      const file = path.join(tmp, "rows.jsonl");
      fs.writeFileSync(
        file,
        [
          `{"id":"ok-1","title":"Go\\u0000ut","text":"Gout is a kind\\u0000 of arthritis."}`,
          `{"id":"bad\\u0000id","title":"Gout","text":"Gout is a kind of arthritis."}`,
          `{"id":"bad-2","title":"Gout","text":"Gout \\ud800 is a kind of arthritis."}`,
        ].join("\n"),
      );
      const [first, second, third] = await importFile(file, { relPath: "rows.jsonl" });
      expect(ok(first)).toMatchObject({ id: "ok-1", title: "Gout" });
      expect(ok(first).sections[0]!.text).toBe("Gout is a kind of arthritis.");
      expect(second).toMatchObject({ ok: false, file: `${file}:2`, reason: expect.stringMatching(/"id" contains a NUL character/) });
      expect(third).toMatchObject({
        ok: false,
        file: `${file}:3`,
        reason: expect.stringMatching(/"sections\.0\.text" contains invalid Unicode/),
      });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("importPath over a folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-import-"));
    fs.mkdirSync(path.join(dir, "medquad", "3_GHR_QA"), { recursive: true });
    fs.writeFileSync(path.join(dir, "asthma.md"), MARKDOWN);
    fs.writeFileSync(path.join(dir, "_README.md"), "# Not content");
    fs.writeFileSync(path.join(dir, ".hidden.md"), "# Not content");
    fs.writeFileSync(
      path.join(dir, "leaflet.pdf"),
      makePdf(["Anaemia means too few red blood cells.", "Iron-rich foods help."], "Anaemia leaflet"),
    );
    fs.writeFileSync(path.join(dir, "broken.pdf"), Buffer.from("%PDF-1.4\nthis is not really a pdf"));
    fs.writeFileSync(path.join(dir, "empty.txt"), "   \n");
    fs.writeFileSync(path.join(dir, "medquad", "3_GHR_QA", "0000009.xml"), MEDQUAD_XML);
    fs.writeFileSync(path.join(dir, "ignored.docx"), "binary");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists supported files, skipping hidden and underscore files", () => {
    const files = listImportableFiles(dir).map((f) => path.relative(dir, f));
    expect(files).toEqual(["asthma.md", "broken.pdf", "empty.txt", "leaflet.pdf", path.join("medquad", "3_GHR_QA", "0000009.xml")]);
  });

  it("imports every kind and reports the bad files with a reason", async () => {
    const results: ImportResult[] = [];
    for await (const r of importPath(dir)) results.push(r);
    const failures = results.filter((r) => !r.ok).map((r) => path.basename(r.file));
    expect(failures.sort()).toEqual(["broken.pdf", "empty.txt"]);
    const docs = results.filter((r) => r.ok).map(ok);
    const pdf = docs.find((d) => d.title === "Anaemia leaflet")!;
    expect(pdf.sections.map((s) => s.headingPath[1])).toEqual(["Page 1", "Page 2"]);
    expect(pdf.sections[0].text).toContain("Anaemia means too few red blood cells.");
    const mq = docs.filter((d) => d.source === "MedQuAD");
    expect(mq.map((d) => d.id)).toEqual(["medquad:GHR/0000009/0000009-1", "medquad:GHR/0000009/0000009-2"]);
    expect(mq[1]).toMatchObject({ title: "X syndrome: Inheritance", licence: "CC BY 4.0", url: "https://ghr.nlm.nih.gov/condition/x" });
    expect(mq[1].sections[0]).toEqual({ headingPath: ["X syndrome", "Is X syndrome inherited ?"], text: "It is autosomal recessive." });
  });

  it("can leave questions out of MedQuAD documents (evaluation without leakage)", async () => {
    const [r] = await importFile(path.join(dir, "medquad", "3_GHR_QA", "0000009.xml"), { relPath: "x" }, { includeQuestions: false });
    expect(ok(r).sections[0].headingPath).toEqual(["X syndrome", "Overview"]);
  });

  it("reports a missing path clearly", async () => {
    await expect(importPath(path.join(dir, "nope")).next()).rejects.toThrow(/no such file or folder/);
  });
});

describe("source URLs", () => {
  it("every importer refuses non-http(s) URLs: MedQuAD, HTML and file documents store none", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-urls-"));
    try {
      const bad = [
        "javascript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox",
        "/relative/path",
      ];
      for (const [i, url] of bad.entries()) {
        const file = path.join(tmp, "medquad", "1_CancerGov_QA", `000000${i}.xml`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(
          file,
          MEDQUAD_XML.replace('url="https://ghr.nlm.nih.gov/condition/x"', `url="${url.replace(/</g, "&lt;").replace(/>/g, "&gt;")}"`),
        );
        const results = await importFile(file, { relPath: `medquad/${i}.xml` });
        expect(results.length, url).toBeGreaterThan(0);
        for (const r of results) expect(ok(r).url, url).toBeNull();
      }
      const html = path.join(tmp, "page.html");
      fs.writeFileSync(
        html,
        `<html><head><title>T</title><link rel="canonical" href="javascript:alert(1)"></head><body><h1>T</h1><p>Text about asthma.</p></body></html>`,
      );
      const [h] = await importFile(html, { relPath: "page.html" });
      expect(ok(h).url).toBeNull();
      const goodFile = path.join(tmp, "good.xml");
      fs.writeFileSync(goodFile, MEDQUAD_XML);
      const [good] = await importFile(goodFile, { relPath: "good.xml" });
      expect(ok(good).url).toBe("https://ghr.nlm.nih.gov/condition/x");
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
