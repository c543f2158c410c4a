import { describe, expect, it } from "vitest";
import wabtInit from "wabt";
import { centredGram } from "../../src/engine/gram.ts";
import { gramWasmBase64 } from "../../src/engine/wasm/gram-wasm.ts";
import { randomWalk } from "../../bench/synthetic.ts";
import { readRepoText } from "../helpers/paths.ts";

/** XᵀX of centred columns by the textbook double loop: the yardstick for both kernels. */
function naiveGram(columns: Float64Array[]): Float64Array {
  const k = columns.length;
  const means = columns.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let r = 0; r < columns[i].length; r++) s += (columns[i][r] - means[i]) * (columns[j][r] - means[j]);
      out[i * k + j] = s;
    }
  }
  return out;
}

describe("the Gram kernel of the correlation matrix", () => {
  // Odd counts on purpose: 7 columns pad the last block of four, 3001 rows leave an odd SIMD tail, and
  // 3001 > 1024 crosses chunk boundaries.
  const columns = Array.from({ length: 7 }, (_, i) => randomWalk(3001, 50 + i));

  it("gives the textbook sums with WebAssembly SIMD and in plain JavaScript", () => {
    const expected = naiveGram(columns);
    for (const useSimd of [true, false]) {
      const got = centredGram(columns, useSimd);
      for (let i = 0; i < 7; i++) {
        for (let j = i; j < 7; j++) {
          expect(Math.abs(got[i * 7 + j] - expected[i * 7 + j]) / Math.abs(expected[i * 7 + j])).toBeLessThan(1e-11);
        }
      }
    }
  });

  it("ships WebAssembly that is exactly what gram.wat assembles to (npm run build:wasm)", async () => {
    const wabt = await wabtInit();
    const source = readRepoText("src/engine/wasm/gram.wat");
    const module = wabt.parseWat("gram.wat", source, { simd: true });
    const { buffer } = module.toBinary({});
    module.destroy();
    expect(Buffer.from(buffer).toString("base64")).toBe(gramWasmBase64);
    expect(WebAssembly.validate(Buffer.from(gramWasmBase64, "base64"))).toBe(true);
  });
});
