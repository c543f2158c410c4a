/** The Correlation page (correlation.md): status, timeframe / window controls, and the live correlation heatmap. */
import { correlationBlock } from "../correlation/view.ts";
import { statusBar } from "../shared/status-bar.ts";
import { ensureStyles, numberInput, timeframeInput } from "../shared/ui.ts";

export { correlationBlock, numberInput, statusBar, timeframeInput };

ensureStyles();
