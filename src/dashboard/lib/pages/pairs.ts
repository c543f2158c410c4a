/** The Pairs page (pairs.md): status, leg / timeframe / window / method / z-level controls, and the pair's analytics run in the browser. */
import { HEDGE_RATIO_METHODS } from "../../../engine/index.ts";
import { symbols } from "../common/api.ts";
import { pairsAnalytics } from "../pairs/view.ts";
import { statusBar } from "../common/status-bar.ts";
import { ensureStyles, numberInput, select, timeframeInput } from "../common/ui.ts";

export { HEDGE_RATIO_METHODS, numberInput, pairsAnalytics, select, statusBar, symbols, timeframeInput };

ensureStyles();
