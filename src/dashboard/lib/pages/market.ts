/** The Market page (index.md): status, symbol / timeframe / chart-kind controls and the live price chart. */
import { symbols } from "../api.ts";
import { priceChart } from "../price-chart.ts";
import { statusBar } from "../status-bar.ts";
import { ensureStyles, select, timeframeInput } from "../ui.ts";

export { priceChart, statusBar, symbols, select, timeframeInput };

ensureStyles();
