/**
 * `--record FILE` writes raw frames as received in the capture format; the replay server plays that file back,
 * and a collector fed from it stores the very same ticks.
 */
import { describe, expect, it } from "vitest";
import { Collector } from "../../src/collector/collector.ts";
import { FrameRecorder } from "../../src/collector/recorder.ts";
import { startBinanceServer } from "../../src/replay/binance-server.ts";
import { readCaptureFile } from "../../src/replay/read-capture.ts";
import { silentLogger } from "../../src/runtime/logger.ts";
import { openStore } from "../../src/store/index.ts";
import { repoPath, SPOT_CAPTURE } from "../helpers/paths.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tmp = useTempDir("ticklens-record-");

/** Streams a capture file through a replay server into a fresh store; returns every stored tick as text. */
async function collectFrom(captureFile: string, db: string, record?: string): Promise<string[]> {
  const server = await startBinanceServer({ capture: readCaptureFile(captureFile), speed: "max" });
  const store = await openStore(db);
  let recorder: FrameRecorder | null = null;
  const collector = await Collector.start(store, {
    symbols: ["BTCUSDT", "ETHUSDT"],
    market: "spot",
    stream: "trade",
    wsUrl: server.wsUrl,
    restUrl: server.restUrl,
    onRawFrame: (text, t) => recorder?.write(text, t),
    logger: silentLogger(),
  });
  if (record) recorder = new FrameRecorder(record, collector.streamUrls()[0]);
  await server.finished;
  const total = () => server.publishedIds("BTCUSDT").length + server.publishedIds("ETHUSDT").length;
  await expect.poll(() => collector.status().stored, { timeout: 30_000, message: "every published trade stored" }).toBeGreaterThanOrEqual(total());
  await collector.stop();
  await recorder?.close();
  const rows = await store.read(async (c) =>
    (await c.runAndReadAll("SELECT symbol, trade_id, price, qty, is_buyer_maker, trade_time FROM tick_data ORDER BY ALL")).getRows(),
  );
  await store.close();
  await server.close();
  return rows.map((r) => r.map(String).join(","));
}

describe("recording raw frames", () => {
  it("replays a recording into exactly the ticks collected while recording", async () => {
    const recording = tmp.path("frames.capture");
    const original = await collectFrom(repoPath(SPOT_CAPTURE), tmp.path("a.duckdb"), recording);
    expect(original.length).toBe(4848); // the whole spot capture
    const replayed = await collectFrom(recording, tmp.path("b.duckdb"));
    expect(replayed).toEqual(original);
  }, 60_000);
});
