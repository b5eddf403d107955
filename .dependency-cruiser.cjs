// The architecture's import rules (docs/architecture.md), checked by `npm run lint`.
// Paths are relative to the directory depcruise runs in (the repository root; the test in
// scripts/architecture.test.ts runs the same rules over a small fixture tree).

const TEST = "(\\.test\\.tsx?|\\.test-helper\\.ts|\\.spec\\.ts)$";
// The app side: routes, components, libraries and the Next.js entry files.
const APP_SIDE = "^(app|components|lib)/|^(proxy|instrumentation)\\.ts$";
// Everything inside the gpu-function except what the app may use.
const GPU_INTERNALS = "^gpu-function/(?!shared/)";
// What tests on the app side may start for real: the gpu-function server and tiny random models.
const GPU_TEST_ENTRIES = "^gpu-function/(server\\.ts|models/tiny\\.ts|adapter-fixture\\.test-helper\\.ts)$";
// The in-process embedder for CLIs, the benchmark and the retrieval evaluation (never the app).
const LOCAL_EMBEDDER = "^lib/rag/embed-local\\.ts$";
// What loads it on demand (CLIs only).
const CLI_EMBEDDER = "^lib/rag/embed-(local|factory)\\.ts$";
// Packages by their resolved path (node_modules/<name>/…).
const DATABASE_PACKAGES =
  "(^|/)node_modules/(drizzle-orm|drizzle-kit|pg|pg-[^/]+|@electric-sql/pglite[^/]*|@neondatabase/serverless|postgres)/";
const APP_PACKAGES = "(^|/)node_modules/(next|react|react-dom|ai|@ai-sdk/[^/]+)/";

/** An error-level rule: `from` must never import `to`. */
function forbid(name, comment, from, to) {
  return { name, severity: "error", comment, from, to };
}

/** "gpu-function/<from>/ never imports gpu-function/<to>" for each listed folder (tests too, unless testsMayStartServer). */
function layer(name, from, notTo, comment, { testsMayStartServer = false } = {}) {
  const fromPath = { path: `^gpu-function/${from}/`, ...(testsMayStartServer ? { pathNot: TEST } : {}) };
  return forbid(name, comment, fromPath, { path: `^gpu-function/(${notTo.join("|")})(/|\\.ts$)` });
}

module.exports = {
  forbidden: [
    forbid(
      "no-circular",
      "Import cycles make modules impossible to understand, test or move alone; split the shared part out.",
      {},
      { circular: true },
    ),
    forbid(
      "app-not-into-gpu-function",
      "The app talks to the gpu-function over HTTP (OpenAI's protocol) and imports only gpu-function/shared/ (wire contracts and helpers both sides need).",
      { path: APP_SIDE, pathNot: `${TEST}|${LOCAL_EMBEDDER}` },
      { path: GPU_INTERNALS },
    ),
    forbid(
      "app-tests-only-start-gpu-function",
      "App-side tests may start the real gpu-function server and write tiny models and random adapters, nothing deeper.",
      { path: `^(app|components|lib)/.*${TEST}` },
      { path: GPU_INTERNALS, pathNot: GPU_TEST_ENTRIES },
    ),
    forbid(
      "local-embedder-not-in-app",
      "lib/rag/embed-local.ts loads onnxruntime in-process for CLIs (through embed-factory.ts); routes, components and the chat pipeline embed through the gpu-function (embedder-kind.ts).",
      { path: "^(app|components|lib/chat)/|^(proxy|instrumentation)\\.ts$" },
      { path: CLI_EMBEDDER },
    ),
    forbid(
      "gpu-function-not-into-app",
      "The gpu-function deploys alone (own package.json, no Next.js): it never imports the app, scripts or benchmarks.",
      { path: "^gpu-function/" },
      { path: "^(app|components|lib|scripts|bench|e2e)/|^(proxy|instrumentation)\\.ts$" },
    ),
    forbid(
      "gpu-function-no-database",
      "Only the app talks to the database; the gpu-function gets data in requests.",
      { path: "^gpu-function/" },
      { path: DATABASE_PACKAGES },
    ),
    forbid(
      "gpu-function-no-app-framework",
      "The gpu-function's image carries no Next.js, React or AI SDK (its tests may use the AI SDK as a client).",
      { path: "^gpu-function/", pathNot: TEST },
      { path: APP_PACKAGES },
    ),
    forbid(
      "gpu-function-shared-standalone",
      "gpu-function/shared/ is what the app imports: it must not pull in the gpu-function's internals.",
      { path: "^gpu-function/shared/" },
      { path: GPU_INTERNALS },
    ),
    forbid(
      "components-no-database",
      "Components are presentational: data comes from routes and lib/, never from lib/db or a database client.",
      { path: "^components/" },
      { path: `^lib/db/|${DATABASE_PACKAGES}` },
    ),
    forbid(
      "safety-knows-no-pipeline",
      "lib/safety is pure policy (triage, disclaimers, contacts): the pipeline and the surfaces call it, it calls none of them.",
      { path: "^lib/safety/" },
      { path: "^(app|components|gpu-function)/|^lib/(?!safety/)" },
    ),
    forbid(
      "lib-not-into-surfaces",
      "lib/ is used by routes and components, never the other way round (route handlers are tested from their own folder or lib/ tests).",
      { path: "^lib/", pathNot: TEST },
      { path: "^(app|components)/" },
    ),
    forbid(
      "lower-lib-not-into-pipeline",
      "The chat pipeline (lib/chat) sits on top of db, rag, safety and rate limits; they never import it.",
      { path: "^lib/(db|rag|safety|rate-limit)/" },
      { path: "^lib/chat/" },
    ),
    forbid(
      "pipeline-knows-no-surface",
      "The one chat pipeline (lib/chat) serves every surface; only its web adapter (web-handler.ts, /api/chat for the web chat and the widget) knows a surface's rules (widget sites).",
      { path: "^lib/chat/", pathNot: `^lib/chat/web-handler\\.ts$|${TEST}` },
      { path: "^lib/(partners|widget|admin)/" },
    ),
    forbid(
      "surfaces-independent",
      "The partner API (lib/partners) and the widget (lib/widget) do not import each other; the admin console may read both.",
      { path: "^lib/(partners|widget)/" },
      { path: "^lib/(partners|widget)/", pathNot: "^lib/$1/" },
    ),
    forbid(
      "lower-lib-knows-no-surface",
      "db, rag, safety, rate limits and training know no surface (partner API, widget, admin console).",
      { path: "^lib/(db|rag|safety|rate-limit|training)/" },
      { path: "^lib/(partners|widget|admin)/" },
    ),
    forbid(
      "db-is-the-bottom",
      "lib/db (schema, client, queries) depends on no other part of the app.",
      { path: "^lib/db/" },
      { path: "^(app|components)/|^lib/(?!db/)" },
    ),
    forbid(
      "graph-builder-knows-no-family",
      "gpu-function/onnx (graph builder, autodiff, safetensors) is generic: it never imports a model family, the runtime or anything above (only shared/ helpers).",
      { path: "^gpu-function/onnx/" },
      { path: "^gpu-function/(?!onnx/|shared/)" },
    ),
    layer(
      "models-below-runtime",
      "models",
      ["runtime", "engine", "train", "jobs", "http", "data", "server"],
      "Model families build graphs; loading and serving them is the runtime's job.",
    ),
    layer(
      "runtime-below-engine",
      "runtime",
      ["engine", "train", "jobs", "http", "data", "server"],
      "The runtime runs graphs; scheduling and sampling (engine) sit above it.",
    ),
    layer("engine-below-http", "engine", ["train", "jobs", "http", "server"], "The engine schedules and streams; HTTP and jobs call it."),
    layer("train-below-jobs", "train", ["jobs", "http", "server"], "The trainer is a library; the jobs API and the server drive it."),
    layer(
      "data-below-train",
      "data",
      ["runtime", "engine", "train", "jobs", "http", "server"],
      "Dataset readers know no trainer or server.",
    ),
    layer(
      "http-below-jobs",
      "http",
      ["jobs", "server"],
      "Routes get their services injected (http/deps.ts); their tests may start the whole server.",
      { testsMayStartServer: true },
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(\\.next|\\.data|test-results|playwright-report)/|^models/|^scripts/architecture-fixture/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
