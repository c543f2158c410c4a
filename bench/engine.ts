/**
 * `npm run bench:engine`: the engine against statsmodels / pandas doing the same work on the same inputs.
 *
 * Inputs are generated here (seeded), written as raw float64 for Python, and both sides time their own work
 * (Python's interpreter and import start-up excluded). Results are compared before any ratio is printed: a fast
 * wrong answer is a failure. Ratios are Python seconds / TypeScript seconds, measured in this run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adfTest, correlationMatrix, rollingOls, rollingZScore, spread } from "../src/engine/index.ts";
import { cointegratedPair, randomWalk } from "./synthetic.ts";

const PYTHON = "/usr/bin/python3";
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const ROLLING_N = 1_000_000;
const WINDOW = 1_000;
const CORR_SERIES = 20;
const CORR_N = 100_000;

interface Reference {
  adf: { seconds: number; statistic: number; pValue: number; usedLag: number; nobs: number };
  rolling: { seconds: number; beta: number[]; alpha: number[]; z: number[] };
  correlation: { seconds: number; matrix: number[][] };
}

function bestOf<T>(repeat: number, work: () => T): { seconds: number; result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result = work(); // warm-up: lets the JIT compile before timing, as Python's C code needs none
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    result = work();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { seconds: best, result };
}

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), "ticklens-bench-"));
  try {
    const adfInput = randomWalk(10_000, 42);
    const { y, x } = cointegratedPair(ROLLING_N, 7);
    const corrInputs = Array.from({ length: CORR_SERIES }, (_, i) => randomWalk(CORR_N, 1000 + i));
    // The z-score needs two windows of warm-up (rolling betas, then their spread's window): check past it.
    const checkIndices = [WINDOW * 2 - 2, 123_456, 500_000, ROLLING_N - 1];

    writeFileSync(join(dir, "adf.f64"), Buffer.from(adfInput.buffer));
    writeFileSync(join(dir, "rolling_y.f64"), Buffer.from(y.buffer));
    writeFileSync(join(dir, "rolling_x.f64"), Buffer.from(x.buffer));
    const corrFlat = new Float64Array(CORR_SERIES * CORR_N);
    corrInputs.forEach((s, i) => corrFlat.set(s, i * CORR_N));
    writeFileSync(join(dir, "corr.f64"), Buffer.from(corrFlat.buffer));
    writeFileSync(
      join(dir, "meta.json"),
      JSON.stringify({ window: WINDOW, checkIndices, corrSeries: CORR_SERIES, corrLength: CORR_N }),
    );

    console.error(`bench:engine: timing statsmodels/pandas (${PYTHON}, best of ${REPEAT})…`);
    let reference: Reference;
    try {
      reference = JSON.parse(
        execFileSync(PYTHON, ["bench/engine_reference.py", dir, "--repeat", String(REPEAT)], {
          encoding: "utf8",
          maxBuffer: 64 << 20,
        }),
      ) as Reference;
    } catch (error) {
      console.error(
        "bench:engine needs Debian's statsmodels and pandas for /usr/bin/python3:\n" +
          "  apt-get update && apt-get install -y python3-statsmodels python3-pandas python3-scipy",
      );
      throw error;
    }

    console.error("bench:engine: timing the engine…");
    const adf = bestOf(REPEAT, () => adfTest(adfInput, { regression: "c", autolag: "AIC" }));
    const rolling = bestOf(Math.max(1, Math.floor(REPEAT / 2)), () => {
      const fit = rollingOls(y, x, WINDOW);
      const z = rollingZScore(spread(y, x, fit.beta, fit.alpha), WINDOW);
      return { ...fit, z };
    });
    const inputsBySymbol = Object.fromEntries(corrInputs.map((s, i) => [`S${String(i).padStart(2, "0")}`, s]));
    const corr = bestOf(REPEAT, () => correlationMatrix(inputsBySymbol));

    const checks = {
      adf: Math.max(
        relErr(adf.result.statistic, reference.adf.statistic),
        Math.abs(adf.result.pValue - reference.adf.pValue),
        adf.result.usedLag === reference.adf.usedLag && adf.result.nobs === reference.adf.nobs ? 0 : Infinity,
      ),
      rolling: Math.max(
        ...checkIndices.flatMap((index, k) => [
          relErr(rolling.result.beta[index], reference.rolling.beta[k]),
          relErr(rolling.result.alpha[index], reference.rolling.alpha[k]),
          relErr(rolling.result.z[index], reference.rolling.z[k]),
        ]),
      ),
      correlation: Math.max(
        ...corr.result.matrix.flatMap((row, i) => row.map((r, j) => Math.abs(r - reference.correlation.matrix[i][j]))),
      ),
    };
    const rows = [
      ["ADF, autolag AIC, 10,000 points", reference.adf.seconds, adf.seconds, checks.adf, 1e-8],
      [`rolling OLS + rolling z-score, ${ROLLING_N.toLocaleString("en")} points, window ${WINDOW}`,
        reference.rolling.seconds, rolling.seconds, checks.rolling, 1e-6],
      [`correlation matrix, ${CORR_SERIES} × ${CORR_N.toLocaleString("en")}`, reference.correlation.seconds, corr.seconds,
        checks.correlation, 1e-9],
    ] as const;

    let failed = false;
    console.log("task | python s | engine s | speed-up (python/engine) | max difference | same result");
    for (const [task, py, ts, diff, tol] of rows) {
      const same = diff <= tol;
      failed ||= !same;
      console.log(`${task} | ${py.toFixed(4)} | ${ts.toFixed(4)} | ${(py / ts).toFixed(1)}× | ${diff.toExponential(2)} | ${same ? "yes" : `NO (> ${tol})`}`);
    }
    if (failed) {
      console.error("bench:engine: results differ from the reference beyond tolerance");
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
