// The architecture's import rules (docs/architecture.md), checked by `npm run lint`.
// Paths are relative to the directory depcruise runs in (the repository root; the test in
// scripts/architecture.test.ts runs the same rules over a small fixture tree).

const TEST = "(\\.test\\.tsx?|\\.test-helper\\.ts|\\.spec\\.ts)$";
// The app side: routes, components, libraries and the Next.js entry files.
const APP_SIDE = "^(app|components|lib)/|^(proxy|instrumentation)\\.ts$";
// Everything inside the gpu-function except what the app may use.
const GPU_INTERNALS = "^gpu-function/(?!shared/)";
// What tests on the app side may start for real: the gpu-function server and tiny random models.
const GPU_TEST_ENTRIES = "^gpu-function/(server\\.ts|models/tiny\\.ts)$";
// The in-process embedder for CLIs, the benchmark and the retrieval evaluation (never the app).
const LOCAL_EMBEDDER = "^lib/rag/embed-local\\.ts$";
// What loads it on demand (CLIs only).
const CLI_EMBEDDER = "^lib/rag/embed-(local|factory)\\.ts$";
// Packages by their resolved path (node_modules/<name>/…).
const DATABASE_PACKAGES = "(^|/)node_modules/(drizzle-orm|drizzle-kit|pg|pg-[^/]+|@electric-sql/pglite[^/]*|@neondatabase/serverless|postgres)/";
const APP_PACKAGES = "(^|/)node_modules/(next|react|react-dom|ai|@ai-sdk/[^/]+)/";

/** "gpu-function/<from>/ never imports gpu-function/<to>" for each listed folder (tests too, unless testsMayStartServer). */
function layer(name, from, notTo, comment, { testsMayStartServer = false } = {}) {
  return {
    name,
    severity: "error",
    comment,
    from: { path: `^gpu-function/${from}/`, ...(testsMayStartServer ? { pathNot: TEST } : {}) },
    to: { path: `^gpu-function/(${notTo.join("|")})(/|\\.ts$)` },
  };
}

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make modules impossible to understand, test or move alone; split the shared part out.",
      from: {},
      to: { circular: true },
    },
    {
      name: "app-not-into-gpu-function",
      severity: "error",
      comment:
        "The app talks to the gpu-function over HTTP (OpenAI's protocol) and imports only gpu-function/shared/ (wire contracts and helpers both sides need).",
      from: { path: APP_SIDE, pathNot: `${TEST}|${LOCAL_EMBEDDER}` },
      to: { path: GPU_INTERNALS },
    },
    {
      name: "app-tests-only-start-gpu-function",
      severity: "error",
      comment: "App-side tests may start the real gpu-function server and write tiny models, nothing deeper.",
      from: { path: `^(app|components|lib)/.*${TEST}` },
      to: { path: GPU_INTERNALS, pathNot: GPU_TEST_ENTRIES },
    },
    {
      name: "local-embedder-not-in-app",
      severity: "error",
      comment:
        "lib/rag/embed-local.ts loads onnxruntime in-process for CLIs (through embed-factory.ts); routes, components and the chat pipeline embed through the gpu-function (embedder-kind.ts).",
      from: { path: "^(app|components|lib/chat)/|^(proxy|instrumentation)\\.ts$" },
      to: { path: CLI_EMBEDDER },
    },
    {
      name: "gpu-function-not-into-app",
      severity: "error",
      comment: "The gpu-function deploys alone (own package.json, no Next.js): it never imports the app, scripts or benchmarks.",
      from: { path: "^gpu-function/" },
      to: { path: "^(app|components|lib|scripts|bench|e2e)/|^(proxy|instrumentation)\\.ts$" },
    },
    {
      name: "gpu-function-no-database",
      severity: "error",
      comment: "Only the app talks to the database; the gpu-function gets data in requests.",
      from: { path: "^gpu-function/" },
      to: { path: DATABASE_PACKAGES },
    },
    {
      name: "gpu-function-no-app-framework",
      severity: "error",
      comment: "The gpu-function's image carries no Next.js, React or AI SDK (its tests may use the AI SDK as a client).",
      from: { path: "^gpu-function/", pathNot: TEST },
      to: { path: APP_PACKAGES },
    },
    {
      name: "gpu-function-shared-standalone",
      severity: "error",
      comment: "gpu-function/shared/ is what the app imports: it must not pull in the gpu-function's internals.",
      from: { path: "^gpu-function/shared/" },
      to: { path: GPU_INTERNALS },
    },
    {
      name: "components-no-database",
      severity: "error",
      comment: "Components are presentational: data comes from routes and lib/, never from lib/db or a database client.",
      from: { path: "^components/" },
      to: { path: `^lib/db/|${DATABASE_PACKAGES}` },
    },
    {
      name: "safety-knows-no-pipeline",
      severity: "error",
      comment: "lib/safety is pure policy (triage, disclaimers, contacts): the pipeline and the surfaces call it, it calls none of them.",
      from: { path: "^lib/safety/" },
      to: { path: "^(app|components|gpu-function)/|^lib/(?!safety/)" },
    },
    {
      name: "lib-not-into-surfaces",
      severity: "error",
      comment: "lib/ is used by routes and components, never the other way round (route handlers are tested from their own folder or lib/ tests).",
      from: { path: "^lib/", pathNot: TEST },
      to: { path: "^(app|components)/" },
    },
    {
      name: "lower-lib-not-into-pipeline",
      severity: "error",
      comment: "The chat pipeline (lib/chat) sits on top of db, rag, safety and rate limits; they never import it.",
      from: { path: "^lib/(db|rag|safety|rate-limit)/" },
      to: { path: "^lib/chat/" },
    },
    {
      name: "db-is-the-bottom",
      severity: "error",
      comment: "lib/db (schema, client, queries) depends on no other part of the app.",
      from: { path: "^lib/db/" },
      to: { path: "^(app|components)/|^lib/(?!db/)" },
    },
    {
      name: "graph-builder-knows-no-family",
      severity: "error",
      comment: "gpu-function/onnx (graph builder, autodiff, safetensors) is generic: it never imports a model family, the runtime or anything above (only shared/ helpers).",
      from: { path: "^gpu-function/onnx/" },
      to: { path: "^gpu-function/(?!onnx/|shared/)" },
    },
    layer("models-below-runtime", "models", ["runtime", "engine", "train", "jobs", "http", "data", "server"], "Model families build graphs; loading and serving them is the runtime's job."),
    layer("runtime-below-engine", "runtime", ["engine", "train", "jobs", "http", "data", "server"], "The runtime runs graphs; scheduling and sampling (engine) sit above it."),
    layer("engine-below-http", "engine", ["train", "jobs", "http", "server"], "The engine schedules and streams; HTTP and jobs call it."),
    layer("train-below-jobs", "train", ["jobs", "http", "server"], "The trainer is a library; the jobs API and the server drive it."),
    layer("data-below-train", "data", ["runtime", "engine", "train", "jobs", "http", "server"], "Dataset readers know no trainer or server."),
    layer("http-below-jobs", "http", ["jobs", "server"], "Routes get their services injected (http/deps.ts); their tests may start the whole server.", { testsMayStartServer: true }),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(\\.next|\\.data|test-results|playwright-report)/|^models/|^scripts/architecture-fixture/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
