/** The Correlation page (correlation.md): status, timeframe / window controls, and the live correlation heatmap. */
import { correlationBlock } from "../correlation/view.ts";
import { statusBar } from "../common/status-bar.ts";
import { ensureStyles, numberInput, timeframeInput } from "../common/ui.ts";

export { correlationBlock, numberInput, statusBar, timeframeInput };

ensureStyles();
