"""The Python side of `npm run bench:engine`: statsmodels / pandas doing the same work on the same inputs.

Reads the float64 files the TypeScript side wrote, times each task inside Python (interpreter and import
start-up excluded; best of --repeat runs), and prints JSON with the timings and the results to compare.
Usage: /usr/bin/python3 bench/engine_reference.py DIR --repeat N
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.regression.rolling import RollingOLS
from statsmodels.tsa.stattools import adfuller


def best_of(repeat, fn):
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    folder = sys.argv[1]
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    load = lambda name: np.fromfile(os.path.join(folder, name + ".f64"), dtype="<f8")
    meta = json.load(open(os.path.join(folder, "meta.json")))
    out = {}

    adf_x = load("adf")
    seconds, res = best_of(repeat, lambda: adfuller(adf_x, regression="c", autolag="AIC"))
    out["adf"] = {"seconds": seconds, "statistic": res[0], "pValue": res[1], "usedLag": res[2], "nobs": res[3]}

    y, x, w = load("rolling_y"), load("rolling_x"), meta["window"]

    def rolling():
        params = RollingOLS(y, sm.add_constant(x), window=w).fit().params
        spread = pd.Series(y - params[:, 0] - params[:, 1] * x)
        z = (spread - spread.rolling(w).mean()) / spread.rolling(w).std()
        return params, z.to_numpy()

    seconds, (params, z) = best_of(max(1, repeat // 2), rolling)
    pick = meta["checkIndices"]
    out["rolling"] = {"seconds": seconds, "beta": params[pick, 1].tolist(), "alpha": params[pick, 0].tolist(),
                      "z": z[pick].tolist()}

    k, n = meta["corrSeries"], meta["corrLength"]
    frame = pd.DataFrame(load("corr").reshape(k, n).T, columns=[f"S{i:02d}" for i in range(k)])
    seconds, matrix = best_of(repeat, lambda: frame.corr())
    out["correlation"] = {"seconds": seconds, "matrix": matrix.to_numpy().tolist()}

    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
