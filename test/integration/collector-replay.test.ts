/**
 * The real collector against the project's Binance-compatible replay server, on the real futures capture, with
 * every fault on, into a real DuckDB file: every published trade id must be stored exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collector } from "../../src/collector/collector.ts";
import { startBinanceServer, type BinanceServer } from "../../src/replay/binance-server.ts";
import { readCaptureFile } from "../../src/replay/read-capture.ts";
import { silentLogger } from "../../src/runtime/logger.ts";
import { DEFAULT_RETRY } from "../../src/runtime/retry.ts";
import { captureLogger } from "../helpers/capture-logger.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { FUTURES_CAPTURE, repoPath, SPOT_CAPTURE } from "../helpers/paths.ts";
import { tempDir, useTempDir } from "../helpers/temp-dir.ts";

const SYMBOLS = ["BTCUSDT", "ETHUSDT"];

async function query(store: Store, sql: string): Promise<Record<string, unknown>[]> {
  return store.read(async (connection) => (await connection.runAndReadAll(sql)).getRowObjects());
}

async function storedIds(store: Store, symbol: string): Promise<number[]> {
  const rows = await query(store, `SELECT trade_id FROM tick_data WHERE symbol = '${symbol}' ORDER BY trade_id`);
  return rows.map((row) => Number(row.trade_id));
}

describe("collector against the replay server with every fault on", () => {
  const tmp = useTempDir("ticklens-it-");
  let server: BinanceServer;
  let store: Store;
  let collector: Collector;
  const log = captureLogger();

  beforeAll(async () => {
    server = await startBinanceServer({
      capture: readCaptureFile(repoPath(FUTURES_CAPTURE)),
      market: "futures",
      speed: 20, // the 16-minute capture in ~50 s, so faults land mid-stream
      pingIntervalMs: 500,
      pongTimeoutMs: 2_000,
      faults: {
        seed: 7,
        drop: { rate: 0.0005, max: 3, after: 200 },
        halfOpen: { rate: 0.0005, max: 1, after: 500 },
        shutdown: { rate: 0.0005, max: 1, after: 300 },
        // A fresh collector claims trades from the first one it sees; a loss before that is not its to fill.
        lose: { rate: 0.003, after: 50 },
        malformed: 0.002,
        duplicate: 0.003,
        rest429: { rate: 0.3, max: 6 },
        retryAfterSeconds: 1,
        shutdownGraceMs: 500,
      },
    });
    store = await openStore(tmp.path("ticks.duckdb"));
    collector = await Collector.start(store, {
      symbols: SYMBOLS,
      market: "futures",
      stream: "trade",
      wsUrl: server.wsUrl,
      restUrl: server.restUrl,
      watchdogMs: 1_500,
      backfillGraceMs: 300,
      quietCheckMs: 2_000,
      retry: { ...DEFAULT_RETRY, initialMs: 50, maxMs: 500 },
      logger: log.logger,
    });
  }, 30_000);

  afterAll(async () => {
    await collector?.stop();
    await store?.close();
    await server?.close();
  });

  it("stores every published trade id exactly once, after drops, half-open sockets, losses and 429s", async () => {
    await server.finished;
    // The replay publishes its first trade as the subscription opens, before the collector's socket joins; a
    // collector claims trades from the first one it receives (history before it is not its to fill).
    const expectedIds = async (symbol: string) => {
      const first = (await storedIds(store, symbol))[0] ?? 0;
      return server.publishedIds(symbol, "trade").filter((id) => id >= first);
    };
    const complete = async () => {
      for (const symbol of SYMBOLS) {
        if ((await storedIds(store, symbol)).length !== (await expectedIds(symbol)).length) return false;
      }
      return collector.status().missingIds === 0;
    };
    await expect.poll(complete, { timeout: 60_000, interval: 100, message: "every published trade to be stored" }).toBe(true).catch(async (error) => {
      const detail = [];
      for (const symbol of SYMBOLS) {
        const stored = new Set(await storedIds(store, symbol));
        const missing = (await expectedIds(symbol)).filter((id) => !stored.has(id));
        const lost = [...server.stats.faults.lost, ...server.stats.faults.malformed].filter((f) => missing.includes(f.id));
        detail.push(`${symbol}: ${missing.length} missing, first ${missing.slice(0, 10).join(",")}; lost on the wire: ${JSON.stringify(lost.slice(0, 5))}`);
      }
      const state = JSON.stringify({ status: collector.status(), counters: server.stats.counters });
      throw new Error(`${(error as Error).message}\n${detail.join("\n")}\n${state}\n${log.lines.slice(-15).join("\n")}`);
    });
    for (const symbol of SYMBOLS) {
      const published = server.publishedIds(symbol, "trade");
      const expected = await expectedIds(symbol);
      expect(expected.length).toBeGreaterThan(published.length - 5); // it joined at the very start
      expect(await storedIds(store, symbol)).toEqual(expected);
    }
    const stats = server.stats.counters;
    // The faults really happened: otherwise this test proves nothing.
    expect(stats.drop).toBeGreaterThan(0);
    expect(stats.halfOpen).toBeGreaterThan(0);
    expect(stats.lose).toBeGreaterThan(0);
    expect(stats.malformed).toBeGreaterThan(0);
    expect(stats.duplicate).toBeGreaterThan(0);
    expect(stats.rest429).toBeGreaterThan(0);
    const status = collector.status();
    expect(status.reconnects).toBeGreaterThan(0);
    expect(status.backfilled).toBeGreaterThan(0);
    expect(status.gapsFilled).toBe(status.gapsFound);
    expect(status.rateLimited).toBeGreaterThan(0);
  }, 120_000);

  it("keeps malformed frames and off-book futures trades in quarantine with their reasons", async () => {
    await collector.stop();
    const rows = await query(store, "SELECT reason, count(*) AS n FROM quarantine GROUP BY reason");
    const reasons = rows.map((r) => String(r.reason));
    expect(reasons.some((r) => r.includes("off-book futures trade"))).toBe(true);
    expect(reasons.some((r) => /not valid JSON|field '.'/.test(r))).toBe(true);
    const offBook = rows.filter((r) => String(r.reason).includes("off-book")).reduce((n, r) => n + Number(r.n), 0);
    // Every off-book event the server published reached quarantine at least once (reconnects may repeat some).
    expect(offBook).toBeGreaterThanOrEqual(SYMBOLS.map((s) => server.publishedIds(s, "offBook").length).reduce((a, b) => a + b) - Number(server.stats.counters.lose));
  });

  it("has brought 1 s, 1 m and 5 m bars up to date from what it stored", async () => {
    const rows = await query(
      store,
      "SELECT timeframe, sum(trades) AS trades FROM ohlc_data WHERE symbol = 'ETHUSDT' GROUP BY timeframe ORDER BY timeframe",
    );
    const total = (await storedIds(store, "ETHUSDT")).length;
    expect(rows.map((r) => [r.timeframe, Number(r.trades)])).toEqual([
      ["1m", total],
      ["1s", total],
      ["5m", total],
    ]);
  });
});

describe("collector on the aggTrade stream", () => {
  it("stores every published aggregate trade id exactly once, backfilling losses from /api/v3/aggTrades", async () => {
    const tmp = tempDir("ticklens-agg-");
    const server = await startBinanceServer({
      capture: readCaptureFile(repoPath(SPOT_CAPTURE)),
      speed: 2,
      faults: { seed: 3, lose: { rate: 0.01, after: 20 }, duplicate: 0.01, malformed: 0.005 },
    });
    const store = await openStore(tmp.path("agg.duckdb"));
    const collector = await Collector.start(store, {
      symbols: SYMBOLS,
      market: "spot",
      stream: "aggTrade",
      wsUrl: server.wsUrl,
      restUrl: server.restUrl,
      backfillGraceMs: 200,
      quietCheckMs: 1_000,
      logger: silentLogger(),
    });
    try {
      await server.finished;
      const expectedIds = async (symbol: string) => {
        const first = (await storedIds(store, symbol))[0] ?? 0;
        return server.publishedIds(symbol, "aggTrade").filter((id) => id >= first);
      };
      await expect
        .poll(
          async () => {
            for (const s of SYMBOLS) if ((await storedIds(store, s)).length !== (await expectedIds(s)).length) return false;
            return true;
          },
          { timeout: 30_000, interval: 100, message: "every aggregate trade" },
        )
        .toBe(true);
      for (const symbol of SYMBOLS) expect(await storedIds(store, symbol)).toEqual(await expectedIds(symbol));
      expect(server.stats.counters.lose).toBeGreaterThan(0);
      expect(collector.status().backfilled).toBeGreaterThan(0);
    } finally {
      await collector.stop();
      await store.close();
      await server.close();
      tmp.cleanup();
    }
  }, 60_000);
});
