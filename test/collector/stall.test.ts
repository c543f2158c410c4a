/**
 * Health tells the truth: a collector replayed trades the store already holds (a second demo on the same file)
 * receives frames and stores nothing; its state is `stalled`, and `/api/health`, `/metrics` and the status line say
 * why, instead of "live".
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { Collector } from "../../src/collector/collector.ts";
import { formatStatusLine } from "../../src/collector/status-line.ts";
import { startBinanceServer, type BinanceServer } from "../../src/replay/binance-server.ts";
import { readCaptureFile } from "../../src/replay/read-capture.ts";
import { silentLogger } from "../../src/runtime/logger.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { FUTURES_CAPTURE, repoPath } from "../helpers/paths.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const SYMBOLS = ["BTCUSDT", "ETHUSDT"];
const tmp = useTempDir("ticklens-stall-", "all");

const collectorOptions = (server: BinanceServer) => ({
  symbols: SYMBOLS,
  market: "futures" as const,
  stream: "trade" as const,
  wsUrl: server.wsUrl,
  restUrl: server.restUrl,
  stallWindowMs: 1_000,
  quietCheckMs: 60_000,
  logger: silentLogger(),
});

async function until(condition: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(condition()).toBe(true), { timeout: 30_000, interval: 20 });
}

describe("a collector receiving only trades the store holds", () => {
  const open: { stop?: () => Promise<void> }[] = [];
  let store: Store;
  afterAll(async () => {
    for (const o of open.reverse()) await o.stop?.();
    await store?.close();
  });

  it("is stalled, and health, metrics and the status line say so", async () => {
    const capture = readCaptureFile(repoPath(FUTURES_CAPTURE));
    store = await openStore(tmp.path("stall.duckdb"));

    // The first run stores the capture.
    const first = await startBinanceServer({ capture, market: "futures", speed: "max" });
    open.push({ stop: () => first.close() });
    const collector1 = await Collector.start(store, collectorOptions(first));
    open.push({ stop: () => collector1.stop() });
    await first.finished;
    await until(() => collector1.status().stored > 0 && collector1.status().pendingBatches === 0);
    // Once nothing arrives, nothing is stalled: silence is not a stall.
    await until(() => collector1.status().recent !== null && collector1.status().recent!.received === 0);
    expect(collector1.status().state).toBe("live");
    await collector1.stop();
    const storedOnce = collector1.status().stored;
    expect(storedOnce).toBeGreaterThan(1_000);

    // The second replays the same trades: every one is a duplicate.
    const second = await startBinanceServer({ capture, market: "futures", speed: 20 });
    open.push({ stop: () => second.close() });
    const collector2 = await Collector.start(store, collectorOptions(second));
    open.push({ stop: () => collector2.stop() });
    await until(() => collector2.status().state === "stalled");
    const status = collector2.status();
    expect(status.stored).toBe(0);
    expect(status.stall).toMatchObject({ stored: 0 });
    expect(status.stall!.received).toBeGreaterThan(0);
    expect(status.stall!.duplicates).toBeGreaterThan(0);
    expect(status.stall!.reason).toMatch(/^receiving but storing nothing: [\d,]+ duplicates in the last 1 s$/);

    const { app } = createApp({ store, live: collector2 });
    const health = (await (await app.request("/api/health")).json()) as { status: string; detail: string | null };
    expect(health.status).toBe("stalled");
    expect(health.detail).toMatch(/receiving but storing nothing/);
    const metrics = await (await app.request("/metrics")).text();
    expect(metrics).toMatch(/ticklens_collector_stalled 1/);
    expect(metrics).toMatch(/ticklens_collector_live 0/);
    expect(formatStatusLine(collector2.status(), status, 5)).toMatch(/^stalled \(receiving but storing nothing: [\d,]+ duplicates in the last 1 s\) \| 0 trades\/s/);
    expect(Number((await store.read(async (c) => (await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0])))).toBe(storedOnce);
  }, 60_000);
});
