// MedQuAD reader (NIH question–answer pairs, CC BY 4.0) shared by the trainer
// (gpu-function) and the knowledge-base ingestion (app). Reads XML from a path given
// by the caller; the data itself never lives in the repo. Only fs/path are used so the
// gpu-function can deploy this file alone.
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

import { fnv1a32 } from "./hash";

export interface MedQuadQaPair {
  /** Question id from the XML, e.g. "0000001_1-1". NOT unique across collections. */
  qid: string;
  /** Globally unique question id "<source>/<file>/<qid>"; the held-out split is keyed on it. */
  questionId: string;
  /** information | symptoms | treatment | causes | … (as annotated by MedQuAD). */
  qtype: string;
  question: string;
  /** Normalised answer text (whitespace collapsed, inline bullets on their own lines). */
  answer: string;
}

export interface MedQuadDocument {
  /** Document id from the XML, e.g. "0000001_1". NOT unique: ids repeat across collections and files. */
  id: string;
  /** Globally unique document key "<source>/<file stem>", e.g. "CancerGov/0000013_2_1". */
  key: string;
  /** `source` attribute, e.g. "CancerGov", "GARD", "MPlusHealthTopics". */
  source: string;
  /** Folder the file came from, e.g. "1_CancerGov_QA" ("" when parsed from a string). */
  collection: string;
  url: string;
  focus: string;
  /** Pairs with a non-empty answer only; empty ones are counted in `emptyAnswers`. */
  qaPairs: MedQuadQaPair[];
  /** Pairs whose answer was removed by the publisher (several collections ship without answers). */
  emptyAnswers: number;
}

export interface MedQuadCollectionStats {
  files: number;
  documents: number;
  qaPairs: number;
  emptyAnswers: number;
}

export interface MedQuadReadResult {
  documents: MedQuadDocument[];
  stats: MedQuadCollectionStats & {
    byCollection: Record<string, MedQuadCollectionStats>;
    failed: { file: string; reason: string }[];
  };
}

export class MedQuadParseError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = "MedQuadParseError";
  }
}

const PAIR_TAGS = new Set(["qapair", "pair"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Ids such as "0000001" must stay strings; numbers would lose the leading zeros.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => PAIR_TAGS.has(name.toLowerCase()),
});

type XmlNode = Record<string, unknown>;

function textOf(node: unknown): string {
  if (node == null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (typeof node === "object" && "#text" in (node as XmlNode)) return String((node as XmlNode)["#text"] ?? "");
  return "";
}

/** First child or attribute matching one of `names`, case-insensitively (collections differ in casing). */
function pick(node: unknown, ...names: string[]): unknown {
  if (!node || typeof node !== "object") return undefined;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (wanted.has(key.toLowerCase())) return value;
  }
  return undefined;
}

function attr(node: unknown, ...names: string[]): string {
  const v = pick(node, ...names.map((n) => `@_${n}`));
  return v == null ? "" : String(v);
}

/**
 * MedQuAD answers keep the indentation of the source HTML and flatten lists into
 * "    - item    - item". Collapse that into paragraphs and one bullet per line so the
 * chunker and the tokenizer see clean text.
 */
export function normalizeMedQuadText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((para) =>
      para
        .replace(/[ \t\n]{2,}-\s+/g, "\n- ")
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean)
        .join("\n"),
    )
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Parses one MedQuAD XML document. Most files use <Document id source url>, a few use
 * <doc docid corpus url> or <DiseaseFile>; all are accepted. `fileStem` (file name
 * without .xml) makes ids unique: several CancerGov files share one Document id.
 * Throws MedQuadParseError on malformed input.
 */
export function parseMedQuadXml(xml: string, collection = "", fileStem?: string): MedQuadDocument {
  let parsed: XmlNode;
  try {
    parsed = parser.parse(xml, true) as XmlNode;
  } catch (err) {
    throw new MedQuadParseError(`invalid XML (${(err as Error).message.split("\n")[0]})`);
  }
  const rootKey = Object.keys(parsed).find((k) => !k.startsWith("?") && !k.startsWith("#"));
  const doc = rootKey ? parsed[rootKey] : undefined;
  if (!doc || typeof doc !== "object") throw new MedQuadParseError("no root element with content");
  const id = attr(doc, "id", "docid", "fid");
  if (!id) throw new MedQuadParseError(`<${rootKey}> has no id attribute`);
  const source = attr(doc, "source", "corpus");
  const key = `${source || "MedQuAD"}/${fileStem ?? id}`;

  const rawPairs = (pick(pick(doc, "QAPairs"), "QAPair", "pair") as unknown[] | undefined) ?? [];
  const qaPairs: MedQuadQaPair[] = [];
  let emptyAnswers = 0;
  for (const [index, pair] of rawPairs.entries()) {
    if (!pair || typeof pair !== "object") continue;
    const q = pick(pair, "Question");
    const question = normalizeMedQuadText(textOf(q));
    const answer = normalizeMedQuadText(textOf(pick(pair, "Answer")));
    if (!question || !answer) {
      emptyAnswers++;
      continue;
    }
    const qid = attr(q, "qid") || `${id}-${attr(pair, "pid") || index + 1}`;
    qaPairs.push({ qid, questionId: `${key}/${qid}`, qtype: attr(q, "qtype") || "information", question, answer });
  }

  return {
    id,
    key,
    source,
    collection,
    url: attr(doc, "url"),
    focus: normalizeMedQuadText(textOf(pick(doc, "Focus", "doctitle-focus"))),
    qaPairs,
    emptyAnswers,
  };
}

export function readMedQuadFile(file: string, collection = path.basename(path.dirname(file))): MedQuadDocument {
  try {
    return parseMedQuadXml(fs.readFileSync(file, "utf8"), collection, path.basename(file, ".xml"));
  } catch (err) {
    if (err instanceof MedQuadParseError) throw new MedQuadParseError(err.message, file);
    throw err;
  }
}

/**
 * XML files under `dir`, grouped by collection. Accepts either the MedQuAD root (one
 * sub-folder per collection) or a single collection folder. Sorted, so every reader
 * sees the same order.
 */
export function listMedQuadFiles(dir: string): { collection: string; files: string[] }[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new MedQuadParseError(`not a directory: ${dir}`);
  }
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const xmlHere = entries.filter((e) => e.isFile() && e.name.endsWith(".xml")).map((e) => path.join(dir, e.name));
  const groups: { collection: string; files: string[] }[] = [];
  if (xmlHere.length > 0) groups.push({ collection: path.basename(dir), files: xmlHere });
  for (const sub of entries.filter((e) => e.isDirectory())) {
    const files = fs
      .readdirSync(path.join(dir, sub.name))
      .filter((n) => n.endsWith(".xml"))
      .sort()
      .map((n) => path.join(dir, sub.name, n));
    if (files.length > 0) groups.push({ collection: sub.name, files });
  }
  return groups;
}

/**
 * Reads a MedQuAD folder. Malformed files are reported in `stats.failed` and skipped;
 * pairs without answers are dropped and counted per collection.
 */
export function readMedQuad(dir: string): MedQuadReadResult {
  const documents: MedQuadDocument[] = [];
  const byCollection: Record<string, MedQuadCollectionStats> = {};
  const failed: { file: string; reason: string }[] = [];
  const total: MedQuadCollectionStats = { files: 0, documents: 0, qaPairs: 0, emptyAnswers: 0 };
  for (const { collection, files } of listMedQuadFiles(dir)) {
    const s = (byCollection[collection] ??= { files: 0, documents: 0, qaPairs: 0, emptyAnswers: 0 });
    for (const file of files) {
      s.files++;
      total.files++;
      let doc: MedQuadDocument;
      try {
        doc = readMedQuadFile(file, collection);
      } catch (err) {
        failed.push({ file, reason: (err as Error).message });
        continue;
      }
      s.emptyAnswers += doc.emptyAnswers;
      total.emptyAnswers += doc.emptyAnswers;
      if (doc.qaPairs.length === 0) continue;
      s.documents++;
      s.qaPairs += doc.qaPairs.length;
      total.documents++;
      total.qaPairs += doc.qaPairs.length;
      documents.push(doc);
    }
  }
  return { documents, stats: { ...total, byCollection, failed } };
}

// ── held-out split ──────────────────────────────────────────────────────────
/** Changing the salt or fraction changes the split: bump the version if you ever must. */
export const MEDQUAD_HELDOUT_SALT = "medchat-medquad-heldout-v1";
export const MEDQUAD_HELDOUT_FRACTION = 0.05;

/**
 * True when the question belongs to the fixed 5 % held-out set: never trained on,
 * used for retrieval and answer evaluation. Keyed on the MedQuAD question id
 * (MedQuadQaPair.questionId, e.g. "CancerGov/0000001_1/0000001_1-1"), so it is stable whatever order files are read in.
 */
export function isHeldOut(questionId: string): boolean {
  const h = fnv1a32(`${MEDQUAD_HELDOUT_SALT}:${questionId}`);
  return h % 10_000 < MEDQUAD_HELDOUT_FRACTION * 10_000;
}
