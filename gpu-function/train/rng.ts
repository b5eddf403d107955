// Seeded pseudo-random numbers (mulberry32): fixed seed → identical shuffles, dropout
// masks and initial weights on every run. The state is one uint32, so it checkpoints.
import { MULBERRY32_INCREMENT, mulberry32Output } from "../shared/hash";

export class Rng {
  constructor(private state: number) {
    this.state = state >>> 0;
  }

  get seedState(): number {
    return this.state;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + MULBERRY32_INCREMENT) >>> 0;
    return mulberry32Output(this.state);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A derived generator, so independent streams (data order, dropout, init) don't interfere. */
  fork(salt: number): Rng {
    return new Rng(Math.imul(this.state ^ (salt * 0x9e3779b9), 0x85ebca6b) ^ salt);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}
