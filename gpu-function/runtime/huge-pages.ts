// Transparent huge pages for the engine's weights. A batch-1 decode step streams every weight
// once (101 MB per token on bench:gpu-function's 512×8 fp32 model, more than the L3): with 4 KB
// pages that is ~25,000 TLB entries per token and hardware prefetchers that stop at every page
// boundary. This host's THP mode is `madvise` (the common default), so onnxruntime's weight and
// arena buffers, allocated through glibc malloc, stay on 4 KB pages unless malloc is told to
// madvise them: glibc's `glibc.malloc.hugetlb=1` tunable (glibc ≥ 2.35), read once at process
// start — so it is set in the environment of the process that will serve (scripts/start.ts) or
// benchmark (package.json), not from inside it. Measured in docs/engine-profile.md (eighth
// session): fp32 512×8 CPU per token −5 to −12 %, weights in 2 MB pages (AnonHugePages 0 → 291 MB).
import { readFileSync } from "node:fs";

const HUGETLB = "glibc.malloc.hugetlb";

/** `env` with glibc's malloc told to use transparent huge pages, unless it already says otherwise. */
export function withHugePages<E extends Record<string, string | undefined>>(env: E): E {
  const tunables = env.GLIBC_TUNABLES ?? "";
  if (tunables.includes(`${HUGETLB}=`)) return env;
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGETLB}=1` : `${HUGETLB}=1` };
}

/** Bytes of this process's anonymous memory in transparent huge pages (Linux), null where unknown. */
export function anonHugePageBytes(): number | null {
  try {
    const m = /^AnonHugePages:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/smaps_rollup", "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
