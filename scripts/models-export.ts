// Exports a model for other runtimes:
//   npm run models:export -- gguf <model dir> [--adapter <peft dir>] [--lora merged|adapter|both]
//                                  [--type f32|f16|q8_0|q4_0] [--out file.gguf] [--name text]
// Writes GGUF files llama.cpp / Ollama load (tokenizer and chat template inside) and an Ollama
// Modelfile beside them whose SYSTEM prompt carries MedChat's disclaimer. See README "GGUF export".
import path from "node:path";
import { parseArgs } from "node:util";

import { GGUF_TYPES, LORA_MODES, exportGguf, type GgufFileType, type LoraMode } from "../gpu-function/export/gguf-export";
import { answerDisclaimer } from "../lib/safety/disclaimers";

const USAGE = `usage: npm run models:export -- gguf <model dir> [--adapter <peft dir>] [--lora ${LORA_MODES.join("|")}] [--type ${GGUF_TYPES.join("|")}] [--out file.gguf] [--name text]`;

/** The system prompt of the exported chat model: what MedChat is, what it will not do, and its disclaimer. */
export const EXPORT_SYSTEM_PROMPT =
  "You are MedChat, an AI assistant that gives general health information to the public. You are not a doctor: " +
  "do not diagnose, do not prescribe or change doses, and tell the person to seek emergency care at once for emergency signs. " +
  answerDisclaimer();

function fail(msg: string): never {
  console.error(`models:export: ${msg}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        adapter: { type: "string" },
        lora: { type: "string" },
        type: { type: "string" },
        out: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    fail((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [format, modelDir, ...extra] = positionals;
  if (format !== "gguf") fail(format === undefined ? "missing format (gguf)" : `unknown format "${format}" (only gguf)`);
  if (!modelDir) fail("missing <model dir>");
  if (extra.length > 0) fail(`unexpected argument "${extra[0]}"`);
  const type = (values.type ?? "f16") as GgufFileType;
  if (!GGUF_TYPES.includes(type)) fail(`--type must be one of ${GGUF_TYPES.join(", ")}, got "${values.type}"`);
  if (values.lora !== undefined && !LORA_MODES.includes(values.lora as LoraMode))
    fail(`--lora must be one of ${LORA_MODES.join(", ")}, got "${values.lora}"`);
  const stem = [path.basename(path.resolve(modelDir)), values.adapter && path.basename(path.resolve(values.adapter)), type]
    .filter(Boolean)
    .join("-");
  const out = values.out ?? path.join(".data", "export", stem, `${stem}.gguf`);
  const t0 = performance.now();
  const result = await exportGguf({
    modelDir,
    adapterDir: values.adapter,
    lora: values.lora as LoraMode | undefined,
    type,
    out,
    name: values.name,
    system: EXPORT_SYSTEM_PROMPT,
  });
  const fallback = [...result.tensorTypes].filter(([, t]) => t === 1 && type.startsWith("q")).map(([n]) => n);
  console.log(`GGUF export (${result.arch}, ${type}) in ${((performance.now() - t0) / 1000).toFixed(1)} s:`);
  for (const [role, file] of Object.entries(result.files)) console.log(`  ${role.padEnd(16)} ${file}`);
  if (fallback.length > 0) console.log(`  f16 (rows not a multiple of 32 values, as llama.cpp's converter does): ${fallback.join(", ")}`);
  for (const note of result.notes) console.log(`  note: ${note}`);
  console.log(`Ollama: ollama create medchat -f ${result.files.modelfile}`);
}

main().catch((e: unknown) => {
  console.error(`models:export: ${(e as Error).message}`);
  process.exit(1);
});
