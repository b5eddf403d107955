// Reads a dataset file as rows with the line each row starts on, so a bad row can be
// reported precisely and skipped. Accepts JSONL (one object per line) and a top-level
// JSON array (how many Hugging Face datasets ship, e.g. medical_o1_sft.json). The
// array is split into elements with a small scanner instead of one JSON.parse, so a
// malformed element costs that element only.

import { ImportFormatError, RowError, assertValidChatExample, type ChatExample, type ImportIssue, type ImportResult } from "./chat-example";

export interface SourceRow {
  line: number;
  value: unknown;
}

export interface ParsedRows {
  rows: SourceRow[];
  issues: ImportIssue[];
}

export function parseRows(text: string): ParsedRows {
  const start = text.search(/\S/);
  if (start >= 0 && text[start] === "[") return parseJsonArray(text, start);
  return parseJsonl(text);
}

function parseJsonl(text: string): ParsedRows {
  const rows: SourceRow[] = [];
  const issues: ImportIssue[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return; // blank lines are separators, not rows
    try {
      rows.push({ line, value: JSON.parse(raw) });
    } catch (err) {
      issues.push({ line, reason: `invalid JSON: ${(err as Error).message}` });
    }
  });
  return { rows, issues };
}

function parseJsonArray(text: string, open: number): ParsedRows {
  const rows: SourceRow[] = [];
  const issues: ImportIssue[] = [];
  let line = 1 + countNewlines(text, 0, open);
  let depth = 1;
  let inString = false;
  let escaped = false;
  let elementStart = -1;
  let elementLine = 0;
  let i = open + 1;

  const closeElement = (end: number) => {
    if (elementStart < 0) return;
    const slice = text.slice(elementStart, end);
    try {
      rows.push({ line: elementLine, value: JSON.parse(slice) });
    } catch (err) {
      issues.push({ line: elementLine, reason: `invalid JSON: ${(err as Error).message}` });
    }
    elementStart = -1;
  };

  for (; i < text.length && depth > 0; i++) {
    const ch = text[i];
    if (ch === "\n") line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && (ch === "," || ch === "]")) {
      closeElement(i);
      if (ch === "]") depth = 0;
      continue;
    }
    if (depth === 1 && elementStart < 0 && !/\s/.test(ch)) {
      elementStart = i;
      elementLine = line;
    }
    if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
  }
  if (depth !== 0) throw new ImportFormatError(`JSON array opened on line ${1 + countNewlines(text, 0, open)} is never closed`);
  const rest = text.slice(i);
  if (rest.trim() !== "") throw new ImportFormatError(`unexpected text after the JSON array on line ${line}`);
  return { rows, issues };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Maps every row through `mapRow`; rows it rejects (RowError) are reported, not dropped silently. */
export function importRows(text: string, mapRow: (row: Record<string, unknown>, line: number) => ChatExample): ImportResult {
  const { rows, issues } = parseRows(text);
  const examples: ChatExample[] = [];
  for (const { line, value } of rows) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      issues.push({ line, reason: "row is not a JSON object" });
      continue;
    }
    try {
      examples.push(assertValidChatExample(mapRow(value as Record<string, unknown>, line)));
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      issues.push({ line, reason: err.message });
    }
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { examples, issues };
}

/** A required non-empty string field; the RowError names the field. */
export function stringField(row: Record<string, unknown>, field: string): string {
  const v = row[field];
  if (v === undefined || v === null) throw new RowError(`missing field "${field}"`);
  if (typeof v !== "string") throw new RowError(`field "${field}" must be a string, got ${typeOf(v)}`);
  if (v.trim() === "") throw new RowError(`field "${field}" is empty`);
  return v;
}

/** An optional string field: absent/null/blank → undefined, other types are an error. */
export function optionalStringField(row: Record<string, unknown>, field: string): string | undefined {
  const v = row[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new RowError(`field "${field}" must be a string, got ${typeOf(v)}`);
  return v.trim() === "" ? undefined : v;
}

export function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
