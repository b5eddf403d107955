import type { Family } from "./family";

export class FusedOps {
  family?: Family;
}
