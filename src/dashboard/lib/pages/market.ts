/** The Market page (index.md): status, symbol / timeframe / chart-kind controls and the live price chart. */
import { symbols } from "../common/api.ts";
import { priceChart } from "../market/price-chart.ts";
import { statusBar } from "../common/status-bar.ts";
import { ensureStyles, select, timeframeInput } from "../common/ui.ts";

export { priceChart, statusBar, symbols, select, timeframeInput };

ensureStyles();
