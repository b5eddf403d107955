import type { FusedOps } from "./fused-ops";

export interface Family {
  build(): FusedOps;
}
