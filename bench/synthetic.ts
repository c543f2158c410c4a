/**
 * Seeded synthetic price paths for benchmarks: the same seed gives the same numbers on every machine.
 */
import { seededRandom } from "../src/replay/seeded-random.ts";

/** Standard normal draws by Box–Muller. */
export function normals(n: number, seed: number): Float64Array {
  const next = seededRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    out[i] = r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

/** A random walk starting at `start` with N(0, sigma²) steps. */
export function randomWalk(n: number, seed: number, start = 100, sigma = 1): Float64Array {
  const steps = normals(n, seed);
  const out = new Float64Array(n);
  let level = start;
  for (let i = 0; i < n; i++) {
    level += sigma * steps[i];
    out[i] = level;
  }
  return out;
}

/** y = alpha + beta·x + AR(1) noise, x a random walk: a cointegrated pair. */
export function cointegratedPair(n: number, seed: number, beta = 1.5, alpha = 2, phi = 0.7): { y: Float64Array; x: Float64Array } {
  const x = randomWalk(n, seed, 500);
  const e = normals(n, seed + 1);
  const y = new Float64Array(n);
  let noise = 0;
  for (let i = 0; i < n; i++) {
    noise = phi * noise + e[i];
    y[i] = alpha + beta * x[i] + noise;
  }
  return { y, x };
}
