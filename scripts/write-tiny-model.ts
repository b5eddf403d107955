// Writes a tiny random model directory (HF layout) for trying the server with MODEL_DIR:
//   npx tsx scripts/write-tiny-model.ts gpt-oss /tmp/tiny-gpt-oss [seed]
//   MODEL_DIR=/tmp/tiny-gpt-oss npm run gpu-function
import { writeTinyModel, type TinyModelOptions } from "../gpu-function/models/tiny";

const FAMILIES: TinyModelOptions["family"][] = ["llama", "gpt-neo", "gpt-oss"];

async function main(): Promise<void> {
  const [family, dir, seed] = process.argv.slice(2);
  if (!FAMILIES.includes(family as TinyModelOptions["family"]) || !dir) {
    console.error(`usage: write-tiny-model.ts <${FAMILIES.join("|")}> <dir> [seed]`);
    process.exit(2);
  }
  const config = await writeTinyModel(dir, {
    family: family as TinyModelOptions["family"],
    seed: seed ? Number(seed) : 0,
    maxPositions: 1024,
  });
  console.log(`wrote a tiny ${String(config.model_type)} model to ${dir}`);
}

void main();
