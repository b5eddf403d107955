// Seeds the e2e app's database before the app starts, as an operator would with the CLIs:
// the starter knowledge base (so answers carry sources, deterministically — not ingested in
// the background while tests run) and the widget sites the widget specs embed.
import { createDb } from "../lib/db/client";
import { migrateDb } from "../lib/db/migrate";
import { createGpuFunctionEmbedder } from "../lib/rag/embed";
import { ensureStarterKnowledgeBase } from "../lib/rag/starter";
import { createWidgetSite, updateWidgetSite } from "../lib/widget/sites";

export interface E2eSeed {
  /** A site that allows the widget host page's origin. */
  widgetSite: string;
  /** A registered but disabled site. */
  disabledWidgetSite: string;
}

export async function seedAppDatabase(dataDir: string, gpu: { url: string; token: string }, widgetHostOrigin: string): Promise<E2eSeed> {
  const handle = await createDb({ url: "", dataDir });
  try {
    await migrateDb(handle);
    await ensureStarterKnowledgeBase(handle.db, createGpuFunctionEmbedder({ baseURL: gpu.url, token: gpu.token }));
    const site = await createWidgetSite(handle.db, {
      name: "Riverside Clinic",
      allowedOrigins: [widgetHostOrigin],
      talkToPersonUrl: "https://riverside.example/contact",
    });
    const disabled = await createWidgetSite(handle.db, { name: "Closed Clinic", allowedOrigins: [widgetHostOrigin] });
    await updateWidgetSite(handle.db, disabled.id, { enabled: false });
    return { widgetSite: site.id, disabledWidgetSite: disabled.id };
  } finally {
    await handle.close();
  }
}
