/**
 * XᵀX of mean-centred columns (the heart of the correlation matrix), computed a cache-sized chunk of rows at a
 * time. A WebAssembly SIMD kernel does the sums two rows per instruction where the runtime has SIMD (Node, every
 * current browser); otherwise the same blocking runs in plain JavaScript.
 */
import { mean } from "./ols.js";
import { gramWasmBase64 } from "./wasm/gram-wasm.js";
/** Rows per chunk: 20 series × 1024 rows × 8 bytes stays well inside a core's L2 cache (fastest measured). */
const CHUNK = 1024;
const BYTES = 8;
let kernel;
/** The SIMD kernel, compiled once (412 bytes, so synchronous compilation is allowed on a browser's main thread). */
function simdKernel() {
    if (kernel !== undefined)
        return kernel;
    try {
        const bytes = Uint8Array.from(atob(gramWasmBase64), (c) => c.charCodeAt(0));
        const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
        kernel = instance.exports;
    }
    catch {
        kernel = null; // no WebAssembly SIMD here: the JavaScript kernel gives the same sums
    }
    return kernel;
}
/**
 * Upper triangle (j ≥ i) of XᵀX for the mean-centred columns, row-major k×k. Columns must be finite and equally
 * long (the caller validates).
 */
export function centredGram(columns, useSimd = true) {
    const simd = useSimd ? simdKernel() : null;
    return simd === null ? javascriptGram(columns) : wasmGram(columns, simd);
}
function wasmGram(columns, simd) {
    const k = columns.length;
    const n = columns[0].length;
    const rows = Math.ceil(k / 4) * 4; // zero rows pad the last block of four: they add nothing
    const stride = CHUNK * BYTES;
    const outOffset = rows * stride;
    const needed = outOffset + 8 * BYTES;
    const pages = Math.ceil((needed - simd.memory.buffer.byteLength) / 65_536);
    if (pages > 0)
        simd.memory.grow(pages);
    const memory = new Float64Array(simd.memory.buffer);
    memory.fill(0, 0, needed / BYTES);
    const sums = new Float64Array(simd.memory.buffer, outOffset, 8);
    const means = columns.map(mean);
    const gram = new Float64Array(k * k);
    for (let start = 0; start < n; start += CHUNK) {
        const len = Math.min(CHUNK, n - start);
        const padded = len + (len % 2); // f64x2 reads two rows: a zero pads an odd tail
        for (let c = 0; c < k; c++) {
            const column = columns[c];
            const m = means[c];
            const offset = c * CHUNK;
            for (let i = 0; i < len; i++)
                memory[offset + i] = column[start + i] - m;
            if (padded > len)
                memory[offset + len] = 0;
        }
        for (let a = 0; a < k; a += 2) {
            for (let b = a - (a % 4); b < k; b += 4) {
                simd.block24(a * stride, (a + 1) * stride, b * stride, stride, padded * BYTES, outOffset);
                addBlock(gram, k, a, b, sums);
            }
        }
    }
    return gram;
}
/** Adds a 2×4 block of sums (rows a, a+1 × columns b…b+3) into the upper triangle. */
function addBlock(gram, k, a, b, sums) {
    for (let r = 0; r < 2; r++) {
        for (let c = 0; c < 4; c++) {
            const i = a + r;
            const j = b + c;
            if (i < k && j < k && j >= i)
                gram[i * k + j] += sums[r * 4 + c];
        }
    }
}
/** The same blocking in plain JavaScript: eight products per six loads keeps the loop computing, not waiting. */
function javascriptGram(columns) {
    const k = columns.length;
    const n = columns[0].length;
    const rows = Math.ceil(k / 4) * 4;
    const means = columns.map(mean);
    const buffer = new Float64Array(rows * CHUNK);
    const gram = new Float64Array(k * k);
    const sums = new Float64Array(8);
    for (let start = 0; start < n; start += CHUNK) {
        const len = Math.min(CHUNK, n - start);
        for (let c = 0; c < k; c++) {
            const column = columns[c];
            const m = means[c];
            const offset = c * CHUNK;
            for (let i = 0; i < len; i++)
                buffer[offset + i] = column[start + i] - m;
        }
        for (let a = 0; a < k; a += 2) {
            const a0 = a * CHUNK;
            const a1 = a0 + CHUNK;
            for (let b = a - (a % 4); b < k; b += 4) {
                const b0 = b * CHUNK;
                let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0; // prettier-ignore
                for (let i = 0; i < len; i++) {
                    const x0 = buffer[a0 + i];
                    const x1 = buffer[a1 + i];
                    const y0 = buffer[b0 + i];
                    const y1 = buffer[b0 + CHUNK + i];
                    const y2 = buffer[b0 + 2 * CHUNK + i];
                    const y3 = buffer[b0 + 3 * CHUNK + i];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s02 += x0 * y2;
                    s03 += x0 * y3; // prettier-ignore
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s12 += x1 * y2;
                    s13 += x1 * y3; // prettier-ignore
                }
                sums.set([s00, s01, s02, s03, s10, s11, s12, s13]);
                addBlock(gram, k, a, b, sums);
            }
        }
    }
    return gram;
}
