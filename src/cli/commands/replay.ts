/**
 * `ticklens replay` (`npm run replay`): the project's Binance-compatible server on captures, optionally with
 * faults. Prints one JSON line with its URLs on stdout, logs on stderr, stops cleanly on SIGINT/SIGTERM.
 */
import { REPLAY_OPTIONS, replayCommand } from "../../replay/options.ts";
import type { Command } from "../command.ts";

export const replay: Command = {
  name: "replay",
  summary: "a Binance-compatible server replaying captures, with faults on demand",
  description:
    "Serves captures (data/samples/, --record files, Binance's trades/aggTrades dumps) over Binance's WebSocket " +
    "and REST protocols, optionally with faults. Prints one JSON line with its URLs on stdout. See src/replay/README.md.",
  options: REPLAY_OPTIONS,
  async run(values, log) {
    const command = replayCommand(values);
    log.info(`pid ${process.pid}`);
    const [{ startBinanceServer }, { readCaptureFile }, { stopOnSignals }] = await Promise.all([
      import("../../replay/binance-server.ts"),
      import("../../replay/read-capture.ts"),
      import("../../runtime/shutdown.ts"),
    ]);
    const captures = command.files.map((f) => readCaptureFile(f, { symbol: command.symbol }));
    const server = await startBinanceServer({ ...command.options, capture: captures, logger: log });
    const tl = server.timeline;
    process.stdout.write(
      `${JSON.stringify({
        wsUrl: server.wsUrl,
        restUrl: server.restUrl,
        market: server.market,
        speed: command.options.speed,
        repeat: tl.repeat,
        symbols: tl.symbols(),
        events: tl.length,
        example: server.streamUrl(tl.symbols().map((s) => `${s.toLowerCase()}@trade`)),
      })}\n`,
    );
    log.info(`serving ${command.files.join(", ")} on ${server.wsUrl} (REST ${server.restUrl})`);
    stopOnSignals(async () => {
      const s = server.stats;
      log.info(`published ${s.cursor}/${s.total} events; counters ${JSON.stringify(s.counters)}`);
      await server.close();
    }, log);
  },
};
