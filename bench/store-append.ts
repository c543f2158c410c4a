/**
 * `npm run bench:store -- [rows = 500000] [rowByRowRows = 3000]`: the store alone (no WebSocket, no parsing):
 * tick appends into a DuckDB file table by the columnar appender at several batch sizes, against the row-by-row
 * INSERT floor and the read_csv ceiling, all through the same idempotent path into the same `tick_data`.
 *
 * The row-by-row writer runs on a smaller sample: DuckDB 1.5 spends about a millisecond on each INSERT … ON
 * CONFLICT statement, so 500k rows would take minutes.
 */
import { writeFileSync } from "node:fs";
import { openStore, type Store } from "../src/store/database.ts";
import { formatTicksCsv, insertTicksRowByRow, loadTicksCsv } from "../src/store/tick-baselines.ts";
import type { Tick, TickBatch } from "../src/store/tick-batch.ts";
import { tempDir } from "../test/helpers/temp-dir.ts";
import { toBatch, toBatches } from "../test/store/helpers.ts";

const rows = Number(process.argv[2] ?? 500_000);
const rowByRowRows = Number(process.argv[3] ?? 3000);
const T0 = Date.UTC(2025, 11, 16, 22, 0, 0);

function syntheticTicks(n: number): Tick[] {
  const ticks: Tick[] = [];
  for (let i = 0; i < n; i++) {
    const btc = i % 3 === 0;
    const price = btc ? 87_000 + (i % 1000) / 10 : 2950 + (i % 500) / 100;
    const qty = 0.001 * (1 + (i % 17));
    const tradeTime = T0 + i * 3 + (i % 7) / 8; // ~330 trades/s, µs fractions
    ticks.push({
      symbol: btc ? "BTCUSDT" : "ETHUSDT",
      tradeId: 6_000_000_000 + i,
      price,
      qty,
      quoteQty: price * qty,
      isBuyerMaker: i % 2 === 0,
      tradeTime,
      eventTime: tradeTime + 1,
      recvTime: tradeTime + 35.25,
      source: "live",
    });
  }
  return ticks;
}

async function timed(label: string, n: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  const seconds = (performance.now() - start) / 1000;
  const rate = n / seconds;
  console.log(`${label.padEnd(56)} ${String(n).padStart(8)} rows ${seconds.toFixed(3).padStart(8)} s ${Math.round(rate).toLocaleString("en-US").padStart(10)} rows/s`);
  return rate;
}

async function fresh(tmp: ReturnType<typeof tempDir>, name: string): Promise<Store> {
  return openStore(tmp.path(`${name}.duckdb`));
}

async function main(): Promise<void> {
  const tmp = tempDir("ticklens-store-");
  try {
    const ticks = syntheticTicks(rows);
    const rates: Record<string, number> = {};

    for (const batchRows of [8192, 65_536, rows]) {
      const batches: TickBatch[] = toBatches(ticks, batchRows);
      const store = await fresh(tmp, `columnar-${batchRows}`);
      rates[`columnar ${batchRows}`] = await timed(`columnar appender, ${batchRows}-row batches`, rows, async () => {
        for (const batch of batches) await store.appendTicks(batch);
      });
      await timed("  then CHECKPOINT", rows, () => store.checkpoint());
      // Everything again: all duplicates, nothing new (the cost of idempotence on replays/overlaps).
      await timed(`  same batches again (all duplicates)`, rows, async () => {
        for (const batch of batches) await store.appendTicks(batch);
      });
      if (batchRows === rows) await timed("resample: 1s, 1m, 5m bars of every tick", rows, () => store.resample({ final: true }));
      await store.close();
    }

    const sample = toBatch(ticks.slice(0, rowByRowRows));
    for (const idempotent of [true, false]) {
      const store = await fresh(tmp, `rows-${idempotent}`);
      rates[`row ${idempotent}`] = await timed(
        `row-by-row prepared INSERT${idempotent ? " … ON CONFLICT DO NOTHING" : " (plain)"}`,
        rowByRowRows,
        () => store.write((c) => insertTicksRowByRow(c, sample, { idempotent })),
      );
      await store.close();
    }

    const csv = tmp.path("ticks.csv");
    writeFileSync(csv, formatTicksCsv(toBatch(ticks)));
    const store = await fresh(tmp, "csv");
    rates.csv = await timed("read_csv of the same rows (one file)", rows, () => store.write((c) => loadTicksCsv(c, csv)));
    await store.close();

    console.log(
      `columnar (8192-row batches) is ${(rates["columnar 8192"] / rates["row true"]).toFixed(0)}× row-by-row (idempotent), ` +
        `${(rates["columnar 8192"] / rates["row false"]).toFixed(0)}× row-by-row (plain); in one transaction, as read_csv, ` +
        `columnar runs at ${((rates[`columnar ${rows}`] / rates.csv) * 100).toFixed(0)}% of read_csv`,
    );
  } finally {
    tmp.cleanup();
  }
}

await main();
