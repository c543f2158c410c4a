/**
 * Seeded synthetic price paths for benchmarks: the same seed gives the same numbers on every machine.
 */

/** mulberry32: a small, fast 32-bit PRNG; good enough to shape benchmark inputs, not for statistics. */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller. */
export function normals(n: number, seed: number): Float64Array {
  const next = uniform(seed);
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
