// Marks a model folder's config.json may carry for MedChat. `medchat_small_model: true`
// says the model is too small to be trusted with free text (the committed default is):
// the app's CHAT_GROUNDING=auto then answers with quote mode only.
import { readFile } from "node:fs/promises";
import path from "node:path";

export const SMALL_MODEL_KEY = "medchat_small_model";

export async function isMarkedSmall(modelDir: string): Promise<boolean> {
  try {
    const config = JSON.parse(await readFile(path.join(modelDir, "config.json"), "utf8")) as Record<string, unknown>;
    return config[SMALL_MODEL_KEY] === true;
  } catch {
    return false;
  }
}
