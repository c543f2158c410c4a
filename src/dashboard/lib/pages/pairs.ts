/** The Pairs page (pairs.md): status, leg / timeframe / window / method / z-level controls, and the pair's analytics run in the browser. */
import { HEDGE_RATIO_METHODS } from "../../../engine/index.ts";
import { symbols } from "../api.ts";
import { pairsAnalytics } from "../pairs-view.ts";
import { statusBar } from "../status-bar.ts";
import { ensureStyles, numberInput, select, timeframeInput } from "../ui.ts";

export { HEDGE_RATIO_METHODS, numberInput, pairsAnalytics, select, statusBar, symbols, timeframeInput };

ensureStyles();
