/**
 * Centred first and second moments of two series over a sliding window, in O(n) total.
 *
 * Plain running sums of x, x², x·y lose every digit of the variance at prices near 87,000 (x² ≈ 7.7e9 against a
 * window variance of ~1). Here the sums are kept as deviations from an anchor near the window's mean, and the
 * anchor is re-chosen (with an exact two-pass sum) every `window` steps, so rounding can build up over at most
 * one window of updates and the cost stays at about two passes over the data.
 */
/**
 * Visits every full window of `window` points, in order of its last index (`window - 1` … `n - 1`).
 * Inputs must already be validated (finite, equal length, window ≤ n); this is an internal kernel.
 */
export function forEachRollingCoMoment(x, y, window, visit) {
    const n = x.length;
    for (let blockEnd = window - 1; blockEnd < n; blockEnd += window) {
        const start = blockEnd - window + 1;
        let kx = 0;
        let ky = 0;
        for (let i = start; i <= blockEnd; i++) {
            kx += x[i];
            ky += y[i];
        }
        kx /= window;
        ky /= window;
        let dx = 0;
        let dy = 0;
        let dxx = 0;
        let dyy = 0;
        let dxy = 0;
        for (let i = start; i <= blockEnd; i++) {
            const a = x[i] - kx;
            const b = y[i] - ky;
            dx += a;
            dy += b;
            dxx += a * a;
            dyy += b * b;
            dxy += a * b;
        }
        const last = Math.min(blockEnd + window - 1, n - 1);
        for (let end = blockEnd; end <= last; end++) {
            if (end > blockEnd) {
                const ai = x[end] - kx;
                const bi = y[end] - ky;
                const ao = x[end - window] - kx;
                const bo = y[end - window] - ky;
                dx += ai - ao;
                dy += bi - bo;
                dxx += ai * ai - ao * ao;
                dyy += bi * bi - bo * bo;
                dxy += ai * bi - ao * bo;
            }
            const mx = dx / window;
            const my = dy / window;
            visit(end, kx + mx, ky + my, nonNegative(dxx - dx * mx, dxx), nonNegative(dyy - dy * my, dyy), dxy - dx * my);
        }
    }
}
/**
 * A centred sum of squares, with rounding noise of a constant window (a few ulps of the raw sum) taken as 0,
 * so a flat stretch of prices reads as zero variance rather than as a tiny random one.
 */
function nonNegative(centred, raw) {
    return centred <= raw * 1e-13 ? 0 : centred;
}
