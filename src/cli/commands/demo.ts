/**
 * `ticklens demo` (`npm run demo`): the platform with no internet. The project's Binance-compatible server replays
 * a real recorded capture (looped, times moved to now), the collector streams it into data/demo.duckdb exactly as
 * it would stream Binance, and the API serves it.
 */
import { API_OPTIONS, apiConfig, COLLECTOR_OPTIONS } from "../../collector/config.ts";
import { componentLogger } from "../../runtime/logger.ts";
import { pickOptions, type OptionTable } from "../../runtime/options.ts";
import type { Command } from "../command.ts";

const DEMO_OPTIONS: OptionTable = [
  { name: "speed", env: "TICKLENS_DEMO_SPEED", value: "N", default: "1", help: "replay N times faster than real time (exchange times then run ahead of the clock)" },
  {
    name: "capture",
    env: "TICKLENS_DEMO_CAPTURE",
    value: "FILE",
    default: "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv",
    help: "the capture to replay (any file ticklens replay reads)",
  },
  { name: "db", env: "TICKLENS_DEMO_DB", value: "PATH", default: "data/demo.duckdb", help: "the DuckDB file" },
  ...pickOptions(COLLECTOR_OPTIONS, "status-every"),
  ...API_OPTIONS,
];

export const demo: Command = {
  name: "demo",
  summary: "the platform on a replayed real capture, no internet needed (npm run demo)",
  description:
    "Starts the project's Binance-compatible replay server on a real recorded capture (looped, times moved to now), " +
    "streams it into its own DuckDB file with the same collector, and serves the API and dashboard as ticklens " +
    "start does. SIGINT/SIGTERM stops cleanly; a second signal exits at once.",
  options: DEMO_OPTIONS,
  async run(values, log) {
    const speed = Number(values.string("speed"));
    if (!(speed > 0 && Number.isFinite(speed))) throw values.bad("speed", `must be a positive number, got "${values.string("speed")}"`);
    const statusEverySeconds = Number(values.string("status-every"));
    if (!(statusEverySeconds > 0)) throw values.bad("status-every", "must be a positive number of seconds");
    const api = apiConfig(values);
    const capturePath = values.string("capture")!;
    const db = values.string("db")!;
    log.info({ config: { speed, capture: capturePath, db, statusEverySeconds, api: { ...api, token: api.token === null ? null : "(set)" } } }, `pid ${process.pid}`);
    const [{ startBinanceServer }, { readCaptureFile }, { runDaemon }, { withApi }] = await Promise.all([
      import("../../replay/binance-server.ts"),
      import("../../replay/read-capture.ts"),
      import("../daemon.ts"),
      import("../with-api.ts"),
    ]);
    const server = await startBinanceServer({
      capture: readCaptureFile(capturePath),
      speed,
      repeat: Number.POSITIVE_INFINITY,
      rebaseTimes: true,
      logger: componentLogger("replay"),
    });
    log.info(`replaying ${capturePath} at ${speed}× on ${server.wsUrl}`);
    await runDaemon({
      logger: log,
      db,
      statusEverySeconds,
      collector: {
        symbols: server.timeline.symbols(),
        market: server.market,
        stream: "trade",
        wsUrl: server.wsUrl,
        restUrl: server.restUrl,
      },
      attach: withApi(api, log, "replay"),
      onStopped: () => server.close(),
    });
  },
};
