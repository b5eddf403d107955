// A child process for interrupted-answer.test.ts: opens the PGlite data folder MEDCHAT_TEST_DATA,
// answers one question from the OpenAI-compatible server at GPU_FUNCTION_URL (a slow one), and
// prints CHECKPOINTED once its answer row holds streamed text — the parent then kills it (-9).
import { createDb } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { listMessages } from "@/lib/db/messages";
import { gpuFunctionConfig } from "./model";
import { prepareChatTurn, streamChatTurn, type ChatDeps } from "./pipeline";

const handle = await createDb({ url: "", dataDir: process.env.MEDCHAT_TEST_DATA });
await migrateDb(handle);
const deps: ChatDeps = {
  db: handle.db,
  gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: process.env.GPU_FUNCTION_URL, CHAT_MODEL: "fake-model" }),
  env: {},
};
const turn = await prepareChatTurn(
  {
    surface: "web",
    visitorId: "visitor_killkillkillkill",
    conversationId: "conv-killed",
    userMessage: { id: "q-killed", text: "What is asthma?" },
    consent: true,
  },
  deps,
);
let announced = false;
for await (const event of streamChatTurn(turn, deps)) {
  if (event.type !== "text-delta" || announced) continue;
  const answer = (await listMessages(handle.db, "conv-killed")).find((m) => m.role === "assistant");
  if (JSON.stringify(answer?.parts ?? []).includes("Asthma")) {
    announced = true;
    process.stdout.write("CHECKPOINTED\n");
  }
}
process.stdout.write("FINISHED\n");
