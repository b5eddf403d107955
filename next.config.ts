import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native (onnxruntime) and WASM (PGlite) files must not be bundled.
  serverExternalPackages: ["onnxruntime-node", "@electric-sql/pglite", "@electric-sql/pglite-pgvector", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
