/**
 * One entry point for the hedge ratio of y on x (y ≈ alpha + beta·x) by OLS, Huber, Theil–Sen or a Kalman
 * filter; every result carries a scalar alpha and beta (the latest, for the dynamic Kalman fit).
 */
import { InvalidParameterError, ZeroVarianceError } from "./errors.js";
import { huberRegression } from "./huber.js";
import { kalmanRegression } from "./kalman.js";
import { ols } from "./ols.js";
import { theilSenRegression } from "./theil-sen.js";
import { finitePair, requireLength } from "./validate.js";
/** Every accepted `method`, in a stable order (for menus and validation). */
export const HEDGE_RATIO_METHODS = ["ols", "huber", "theil-sen", "kalman"];
export function hedgeRatio(y, x, options = { method: "ols" }) {
    const fn = "hedgeRatio";
    const method = options.method;
    if (typeof method !== "string" || !HEDGE_RATIO_METHODS.includes(method)) {
        throw new InvalidParameterError(fn, "method", `must be one of ${HEDGE_RATIO_METHODS.map((m) => `"${m}"`).join(", ")}, got ${JSON.stringify(method)}`);
    }
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    requireLength(fn, "a hedge ratio", ys.length, 3);
    if (xs.every((v) => v === xs[0]))
        throw new ZeroVarianceError(fn, "x");
    switch (options.method) {
        case "ols":
            return { method: "ols", ...ols(ys, xs) };
        case "huber":
            return { method: "huber", ...huberRegression(ys, xs, options) };
        case "theil-sen":
            return { method: "theil-sen", ...theilSenRegression(ys, xs, options) };
        case "kalman":
            return { method: "kalman", ...kalmanRegression(ys, xs, options) };
    }
}
