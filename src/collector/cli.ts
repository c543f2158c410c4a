/**
 * `npm run collect -- --symbols btcusdt,ethusdt --market spot|futures --stream trade|aggTrade --ws-url URL
 * --rest-url URL --db PATH [--record FILE]`: the collector daemon. Logs and the status line go to stderr.
 * SIGINT/SIGTERM flush, bring bars up to date, checkpoint and close; a second signal exits at once.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { openStore } from "../store/index.ts";
import { Collector, type CollectorStatus } from "./collector.ts";
import { ConfigError, readCollectorConfig } from "./config.ts";
import { FrameRecorder } from "./recorder.ts";
import { formatStatusLine } from "./status-line.ts";

async function main(): Promise<void> {
  let config;
  try {
    config = readCollectorConfig(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`collect: ${(error as Error).message}\n`);
      process.exit(2);
    }
    throw error;
  }
  process.stderr.write(`collect: config ${JSON.stringify(config)}\n`);
  if (config.db !== ":memory:") mkdirSync(dirname(config.db), { recursive: true });
  const store = await openStore(config.db);
  let recorder: FrameRecorder | null = null;
  const collector = await Collector.start(store, {
    symbols: config.symbols,
    market: config.market,
    stream: config.stream,
    wsUrl: config.wsUrl,
    restUrl: config.restUrl,
    apiKey: process.env.BINANCE_API_KEY,
    onRawFrame: config.record === null ? undefined : (text, t) => recorder?.write(text, t),
  });
  if (config.record !== null) recorder = new FrameRecorder(config.record, collector.streamUrls().join(" "));

  let before: CollectorStatus | null = null;
  const statusTimer = setInterval(() => {
    const now = collector.status();
    process.stderr.write(`collect: ${formatStatusLine(now, before, config.statusEverySeconds)}\n`);
    before = now;
  }, config.statusEverySeconds * 1000);

  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) {
      process.stderr.write(`collect: second ${signal}, exiting now\n`);
      process.exit(130);
    }
    stopping = true;
    process.stderr.write(`collect: ${signal}: flushing and closing (send it again to exit at once)\n`);
    clearInterval(statusTimer);
    await collector.stop();
    await recorder?.close();
    await store.checkpoint();
    await store.close();
    process.stderr.write(`collect: stopped. ${formatStatusLine(collector.status(), null, 1)}\n`);
    process.exit(0);
  };
  process.on("SIGINT", () => void onSignal("SIGINT"));
  process.on("SIGTERM", () => void onSignal("SIGTERM"));
}

main().catch((error) => {
  process.stderr.write(`collect: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
