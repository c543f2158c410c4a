/**
 * A small seeded pseudo-random generator (mulberry32) so fault runs are reproducible, and seed mixing to give
 * each connection its own independent stream from one run seed.
 */

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A mulberry32 generator.
 * @param seed any 32-bit integer (other numbers are truncated)
 * @returns the generator
 * @throws never
 * @example
 * const r = seededRandom(42); r(); // always the same first number for seed 42
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a run seed with stream numbers (connection index, a salt per use) into a new 32-bit seed.
 * @param seed the run seed
 * @param parts further integers to mix in
 * @returns a 32-bit seed
 * @throws never
 * @example
 * seededRandom(mixSeed(1, 7)); // connection 7's generator for run seed 1
 */
export function mixSeed(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}
