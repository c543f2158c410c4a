/** The Statistics page (stats.md): status, timeframe / window controls, and the live per-symbol statistics table. */
import { ensurePanelStyles } from "../common/plot-panel.ts";
import { statsBlock } from "../stats/view.ts";
import { statusBar } from "../common/status-bar.ts";
import { ensureStyles, numberInput, timeframeInput } from "../common/ui.ts";

export { numberInput, statsBlock, statusBar, timeframeInput };

ensureStyles();
// The muted note style the analytics pages share.
ensurePanelStyles();
