// An Ollama Modelfile for an exported GGUF: FROM the model, ADAPTER for a separate LoRA GGUF,
// the chat template as a Go template (ChatML; other templates are left to the GGUF's own
// tokenizer.chat_template, which Ollama reads), the stop tokens and the system prompt.

export interface ModelfileSpec {
  /** GGUF path relative to the Modelfile. */
  from: string;
  adapter?: string;
  chatTemplate?: string;
  stopTexts: string[];
  system: string;
  contextLength: number;
  comment: string;
}

// The system prompt comes from .System (the Modelfile's SYSTEM or the request's), the turns from
// .Messages without system entries (Ollama may list the system prompt there too), as Qwen2's template does.
const CHATML_GO_TEMPLATE = `{{- if .System }}<|im_start|>system
{{ .System }}<|im_end|>
{{ end }}
{{- range .Messages }}{{- if ne .Role "system" }}<|im_start|>{{ .Role }}
{{ .Content }}<|im_end|>
{{ end }}{{- end }}<|im_start|>assistant
`;

/** True for the ChatML template MedChat's models ship (<|im_start|>role\ncontent<|im_end|>\n). */
export function isChatMl(template: string | undefined): boolean {
  return !!template && template.includes("'<|im_start|>' + message['role'] + '\\n'") && template.includes("<|im_end|>");
}

function quoted(value: string, what: string): string {
  if (value.includes('"""')) throw new Error(`Modelfile ${what} cannot contain """`);
  return `"""${value}"""`;
}

function relativePath(p: string): string {
  if (/[\s"]/.test(p)) throw new Error(`Modelfile path ${p} must not contain spaces or quotes`);
  return p.startsWith("/") || p.startsWith("./") ? p : `./${p}`;
}

export function modelfile(spec: ModelfileSpec): string {
  const lines = spec.comment.split("\n").map((l) => `# ${l}`);
  lines.push(`FROM ${relativePath(spec.from)}`);
  if (spec.adapter) lines.push(`ADAPTER ${relativePath(spec.adapter)}`);
  if (isChatMl(spec.chatTemplate)) lines.push(`TEMPLATE ${quoted(CHATML_GO_TEMPLATE, "TEMPLATE")}`);
  lines.push(`SYSTEM ${quoted(spec.system, "SYSTEM")}`);
  for (const stop of spec.stopTexts) lines.push(`PARAMETER stop ${JSON.stringify(stop)}`);
  lines.push(`PARAMETER num_ctx ${spec.contextLength}`);
  return `${lines.join("\n")}\n`;
}
