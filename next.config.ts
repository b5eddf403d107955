import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native (onnxruntime) and WASM (PGlite) files must not be bundled.
  serverExternalPackages: ["onnxruntime-node", "@electric-sql/pglite", "@electric-sql/pglite-pgvector", "pg"],
  poweredByHeader: false,
  // Files read at run time by path (the tracer is told to ignore those dynamic paths):
  // SQL migrations applied at start and the starter knowledge base ingested on first start.
  outputFileTracingIncludes: { "/*": ["./drizzle/**/*", "./lib/rag/starter-kb/**/*"] },
};

export default nextConfig;
