/** The Market page (index.md): status, symbol / timeframe / chart-kind controls and the live price chart. */
import { symbols } from "../shared/api.ts";
import { priceChart } from "../market/price-chart.ts";
import { statusBar } from "../shared/status-bar.ts";
import { ensureStyles, select, timeframeInput } from "../shared/ui.ts";

export { priceChart, statusBar, symbols, select, timeframeInput };

ensureStyles();
