import { writeFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { Field, RecordBatch, Schema, Float64, makeData, Struct, vectorFromArray, Utf8 } from "apache-arrow";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.ts";
import { StoreInputError } from "../../src/store/errors.ts";
import { formatTicksCsv, insertTicksRowByRow, loadTicksCsv } from "../../src/store/tick-baselines.ts";
import { TICK_SCHEMA, TickBatchBuilder, type Tick } from "../../src/store/tick-batch.ts";
import { CHUNK_ROWS } from "../../src/store/tick-writer.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { captureTicks, tick, toBatch, toBatches } from "./helpers.ts";

const tmp = useTempDir("ticklens-store-", "each");
let store: Store;
beforeEach(async () => {
  store = await openStore(tmp.path("ticks.duckdb"));
});
afterEach(async () => {
  await store.close();
});

const T0 = 1_765_922_888_978;

/** Every stored tick, in key order, as the Tick the test built (times back to ms). */
async function storedTicks(s: Store = store): Promise<Tick[]> {
  return s.read(async (c) => {
    const reader = await c.runAndReadAll(`
      SELECT symbol, trade_id::DOUBLE AS id, price, qty, quote_qty, is_buyer_maker,
             epoch_us(trade_time) / 1000 AS tt, epoch_us(event_time) / 1000 AS et, epoch_us(recv_time) / 1000 AS rt, source
      FROM tick_data ORDER BY symbol, trade_id`);
    return reader.getRowObjectsJS().map((r) => ({
      symbol: r.symbol as string,
      tradeId: r.id as number,
      price: r.price as number,
      qty: r.qty as number,
      quoteQty: r.quote_qty as number,
      isBuyerMaker: r.is_buyer_maker as boolean,
      tradeTime: r.tt as number,
      eventTime: r.et as number,
      recvTime: r.rt as number,
      source: r.source as string,
    }));
  });
}

async function count(sql: string, s: Store = store): Promise<number> {
  return s.read(async (c) => Number((await c.runAndReadAll(sql)).getRows()[0][0]));
}

const byKey = (a: Tick, b: Tick) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : a.tradeId - b.tradeId);

describe("appendTicks stores Arrow batches column for column", () => {
  it("round-trips every field exactly, across several 2048-row chunks", async () => {
    // 5000 rows: two full chunks and a partial one; µs fractions in the times, both sides of is_buyer_maker.
    const ticks: Tick[] = [];
    for (let i = 0; i < 5000; i++) {
      const symbol = i % 3 === 0 ? "BTCUSDT" : "ETHUSDT";
      ticks.push({
        ...tick(symbol, 10_000 + i, T0 + i * 7 + 0.125, 87_000 + i / 8, 0.001 * (1 + (i % 5)), i % 7 < 3),
        source: i % 2 === 0 ? "live" : "backfill",
      });
    }
    expect(ticks.length).toBeGreaterThan(2 * CHUNK_ROWS);
    const result = await store.appendTicks(toBatch(ticks));
    expect(result).toEqual({ inserted: 5000, duplicates: 0, minTradeTime: T0 + 0.125, maxTradeTime: T0 + 4999 * 7 + 0.125 });
    expect(await storedTicks()).toEqual([...ticks].sort(byKey));
  });

  it("stores the real capture unchanged", async () => {
    const ticks = captureTicks();
    let inserted = 0;
    for (const batch of toBatches(ticks, 8192)) inserted += (await store.appendTicks(batch)).inserted;
    expect(inserted).toBe(28_398);
    expect(await storedTicks()).toEqual([...ticks].sort(byKey));
  });

  it("returns zeros for an empty batch", async () => {
    expect(await store.appendTicks(new TickBatchBuilder(4).finish())).toEqual({
      inserted: 0,
      duplicates: 0,
      minTradeTime: null,
      maxTradeTime: null,
    });
  });
});

describe("appendTicks is idempotent on (symbol, trade_id)", () => {
  it("stores a batch appended twice once and counts the second as duplicates", async () => {
    const batch = toBatch([tick("BTCUSDT", 1, T0), tick("BTCUSDT", 2, T0 + 1), tick("ETHUSDT", 1, T0 + 2)]);
    expect(await store.appendTicks(batch)).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(await store.appendTicks(batch)).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(await count("SELECT count(*) FROM tick_data")).toBe(3);
  });

  it("drops a duplicate inside one batch, keeping the first occurrence", async () => {
    const first = tick("BTCUSDT", 5, T0, 100);
    const again = { ...tick("BTCUSDT", 5, T0, 101), source: "backfill" };
    const result = await store.appendTicks(toBatch([first, tick("ETHUSDT", 5, T0), again, tick("BTCUSDT", 6, T0 + 1)]));
    expect(result).toMatchObject({ inserted: 3, duplicates: 1 });
    const stored = await storedTicks();
    expect(stored.find((t) => t.symbol === "BTCUSDT" && t.tradeId === 5)).toEqual(first);
  });

  it("inserts only the new rows of a batch that overlaps stored ones", async () => {
    await store.appendTicks(toBatch([1, 2, 3].map((id) => tick("BTCUSDT", id, T0 + id))));
    const result = await store.appendTicks(toBatch([2, 3, 4, 5].map((id) => tick("BTCUSDT", id, T0 + id))));
    expect(result).toEqual({ inserted: 2, duplicates: 2, minTradeTime: T0 + 2, maxTradeTime: T0 + 5 });
    expect((await storedTicks()).map((t) => t.tradeId)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("appendTicks is all or nothing", () => {
  it("stores nothing of a batch whose last chunk breaks a constraint, and the next batch goes in", async () => {
    await store.appendTicks(toBatch([tick("BTCUSDT", 1, T0)]));
    const before = await store.read(async (c) => (await c.runAndReadAll("SELECT * FROM tick_symbols")).getRowObjectsJson());
    // 3000 good rows, then a price of 0 (an off-book futures row) in the second chunk.
    const ticks = Array.from({ length: 3000 }, (_, i) => tick("ETHUSDT", 100 + i, T0 + i));
    ticks.push(tick("ETHUSDT", 99_999, T0 + 5000, 0));
    await expect(store.appendTicks(toBatch(ticks))).rejects.toThrow(/CHECK constraint/);
    expect(await count("SELECT count(*) FROM tick_data")).toBe(1);
    expect(await store.read(async (c) => (await c.runAndReadAll("SELECT * FROM tick_symbols")).getRowObjectsJson())).toEqual(
      before,
    );
    // The staging table and the appender are clean again.
    expect(await store.appendTicks(toBatch(ticks.slice(0, 3000)))).toMatchObject({ inserted: 3000, duplicates: 0 });
    expect(await count("SELECT count(*) FROM tick_data")).toBe(3001);
  });

  it("refuses NaN prices and quantities", async () => {
    await expect(store.appendTicks(toBatch([tick("BTCUSDT", 1, T0, Number.NaN)]))).rejects.toThrow(/CHECK constraint/);
    await expect(store.appendTicks(toBatch([tick("BTCUSDT", 1, T0, 100, Number.POSITIVE_INFINITY)]))).rejects.toThrow(
      /CHECK constraint/,
    );
    expect(await count("SELECT count(*) FROM tick_data")).toBe(0);
  });

  it("refuses a batch that is not TICK_SCHEMA, naming the column", async () => {
    const wrong = new Schema([new Field("symbol", new Utf8()), new Field("price", new Float64())]);
    const data = makeData({
      type: new Struct(wrong.fields),
      length: 1,
      children: [vectorFromArray(["BTCUSDT"], new Utf8()).data[0], vectorFromArray([1], new Float64()).data[0]],
    });
    const err = await store.appendTicks(new RecordBatch(wrong, data)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreInputError);
    expect((err as StoreInputError).message).toMatch(/batch has 2 columns; TICK_SCHEMA has 10/);

    const renamed = new Schema(TICK_SCHEMA.fields.map((f, i) => (i === 2 ? new Field("px", f.type, false) : f)));
    const good = toBatch([tick("BTCUSDT", 1, T0)]);
    const bad = new RecordBatch(renamed, makeData({ type: new Struct(renamed.fields), length: 1, children: good.data.children }));
    await expect(store.appendTicks(bad)).rejects.toThrow(/batch column 2 is "px", expected "price"/);
  });
});

describe("appendTicks runs extra work in the same transaction (options.within)", () => {
  const snapshot = async () =>
    store.read(async (c) => ({
      ticks: Number((await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0]),
      symbols: (await c.runAndReadAll("SELECT * FROM tick_symbols ORDER BY symbol")).getRowObjectsJson(),
      state: (await c.runAndReadAll("SELECT * FROM resample_state ORDER BY symbol, timeframe")).getRowObjectsJson(),
      uploads: Number((await c.runAndReadAll("SELECT count(*) FROM uploaded_data")).getRows()[0][0]),
    }));
  const recordSql = (name: string) => `INSERT INTO uploaded_data (name, kind, rows, checksum) VALUES ('${name}', 'ticks', 1, 'x')`;

  it("commits the ticks and the extra rows together, the extra work seeing the inserted ticks and the result", async () => {
    const seen: unknown[] = [];
    const result = await store.appendTicks(toBatch([tick("BTCUSDT", 1, T0), tick("BTCUSDT", 2, T0 + 1), tick("BTCUSDT", 2, T0 + 1)]), {
      within: async (c, appended) => {
        seen.push(Number((await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0]), appended);
        await c.run(recordSql("both"));
      },
    });
    expect(result).toEqual({ inserted: 2, duplicates: 1, minTradeTime: T0, maxTradeTime: T0 + 1 });
    expect(seen).toEqual([2, result]);
    expect(await snapshot()).toMatchObject({ ticks: 2, uploads: 1 });
  });

  for (const [how, fail] of [
    ["throws", async () => Promise.reject(new Error("record refused"))],
    ["breaks a constraint", async (c: DuckDBConnection) => {
      await c.run(recordSql("taken"));
    }],
  ] as const) {
    it(`rolls back every tick, tick_symbols and resample_state change when the extra work ${how}`, async () => {
      // Earlier committed state on every table the append touches, so "unchanged" is not just "empty".
      await store.appendTicks(toBatch([tick("BTCUSDT", 1, T0), tick("ETHUSDT", 1, T0)]));
      await store.resample({ final: true });
      await store.write((c) => c.run(recordSql("taken")));
      const before = await snapshot();
      expect(before.state.length).toBeGreaterThan(0);

      // 5000 rows over three chunks, widening both symbols' extents earlier and later, and a new symbol.
      const ticks = Array.from({ length: 5000 }, (_, i) => tick(["BTCUSDT", "ETHUSDT", "SOLUSDT"][i % 3], 100 + i, T0 - 60_000 + i * 30));
      const err = await store.appendTicks(toBatch(ticks), { within: fail }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(how === "throws" ? /record refused/ : /Duplicate key/);
      expect(await snapshot()).toEqual(before);
      // The resampler finds nothing pending from the rolled-back batch.
      expect(await store.resample()).toMatchObject({ barsWritten: 0 });

      // The stage and the appender are clean: the same batch goes in next, once.
      expect(await store.appendTicks(toBatch(ticks))).toMatchObject({ inserted: 5000, duplicates: 0 });
      expect(await count("SELECT count(*) FROM tick_data")).toBe(5002);
    });
  }

  it("runs the extra work for an empty batch too, committed or rolled back", async () => {
    const empty = new TickBatchBuilder(1).finish();
    expect(await store.appendTicks(empty, { within: async (c) => void (await c.run(recordSql("e"))) })).toMatchObject({ inserted: 0 });
    await expect(
      store.appendTicks(empty, {
        within: async (c) => {
          await c.run(recordSql("f"));
          throw new Error("no");
        },
      }),
    ).rejects.toThrow("no");
    expect(await count("SELECT string_agg(name, ',') = 'e' FROM uploaded_data")).toBe(1);
  });
});

describe("trade-id bookkeeping", () => {
  it("lastTradeIds gives the highest stored id per symbol, also after reopening", async () => {
    expect(await store.lastTradeIds()).toEqual(new Map());
    await store.appendTicks(toBatch([tick("BTCUSDT", 7, T0), tick("BTCUSDT", 9, T0 + 1), tick("ETHUSDT", 3, T0)]));
    await store.appendTicks(toBatch([tick("BTCUSDT", 8, T0 + 2)])); // out of order: the maximum stays 9
    await store.close();
    store = await openStore(tmp.path("ticks.duckdb"));
    expect(await store.lastTradeIds()).toEqual(new Map([["BTCUSDT", 9], ["ETHUSDT", 3]]));
  });

  it("missingTradeIds finds holes, including at the span's edges", async () => {
    const ids = [12, 13, 15, 16, 17, 20];
    await store.appendTicks(toBatch(ids.map((id) => tick("BTCUSDT", id, T0 + id))));
    await store.appendTicks(toBatch([tick("ETHUSDT", 14, T0)])); // another symbol's id fills nothing
    expect(await store.missingTradeIds("BTCUSDT", 10, 22)).toEqual([
      { first: 10, last: 11 },
      { first: 14, last: 14 },
      { first: 18, last: 19 },
      { first: 21, last: 22 },
    ]);
    expect(await store.missingTradeIds("BTCUSDT", 15, 17)).toEqual([]);
    expect(await store.missingTradeIds("BTCUSDT", 10, 22, 2)).toHaveLength(2);
    expect(await store.missingTradeIds("XRPUSDT", 1, 3)).toEqual([{ first: 1, last: 3 }]);
    await expect(store.missingTradeIds("BTCUSDT", 5, 4)).rejects.toThrow(/toId \(4\) is below fromId \(5\)/);
    await expect(store.missingTradeIds("BTCUSDT", 0.5, 4)).rejects.toThrow(StoreInputError);
  });
});

describe("the baseline writers store the same rows with the same idempotence", () => {
  // Small: one prepared INSERT … ON CONFLICT costs about a millisecond.
  const ticks = captureTicks().slice(0, 800);
  const withDuplicates = [...ticks.slice(0, 600), ...ticks.slice(400)]; // 200 rows twice

  it("row-by-row INSERT", async () => {
    const result = await store.write((c) => insertTicksRowByRow(c, toBatch(withDuplicates)));
    expect(result).toMatchObject({ inserted: 800, duplicates: 200 });
    expect(await store.write((c) => insertTicksRowByRow(c, toBatch(ticks.slice(0, 10))))).toMatchObject({ inserted: 0, duplicates: 10 });
    expect(await storedTicks()).toEqual([...ticks].sort(byKey));
  });

  it("row-by-row plain INSERT (not idempotent) fails whole on a duplicate", async () => {
    await expect(store.write((c) => insertTicksRowByRow(c, toBatch(withDuplicates), { idempotent: false }))).rejects.toThrow(
      /duplicate key/,
    );
    expect(await count("SELECT count(*) FROM tick_data")).toBe(0);
    expect(await store.write((c) => insertTicksRowByRow(c, toBatch(ticks), { idempotent: false }))).toMatchObject({ inserted: 800 });
  });

  it("read_csv of the same rows", async () => {
    const csv = tmp.path("ticks.csv");
    writeFileSync(csv, formatTicksCsv(toBatch(withDuplicates)));
    const result = await store.write((c) => loadTicksCsv(c, csv));
    expect(result).toMatchObject({ inserted: 800, duplicates: 200 });
    expect(await store.write((c) => loadTicksCsv(c, csv))).toMatchObject({ inserted: 0, duplicates: 1000 });
    expect(await storedTicks()).toEqual([...ticks].sort(byKey));
  });

  it("all three leave the same per-symbol extents for the resampler", async () => {
    const extents = async (s: Store) =>
      s.read(async (c) => (await c.runAndReadAll("SELECT * FROM tick_symbols ORDER BY symbol")).getRowObjectsJson());
    await store.appendTicks(toBatch(withDuplicates));
    const columnar = await extents(store);
    const other = await openStore(tmp.path("rows.duckdb"));
    await other.write((c) => insertTicksRowByRow(c, toBatch(withDuplicates)));
    expect(await extents(other)).toEqual(columnar);
    await other.close();
  });
});

describe("quarantine", () => {
  it("stores records as received, symbol optional, in one call", async () => {
    await store.writeQuarantine([
      { receivedAt: T0 + 0.5, source: "live", symbol: "BTCUSDT", reason: "price is 0 (X=ADL)", raw: '{"p":"0"}' },
      { receivedAt: T0 + 1, source: "live", symbol: null, reason: "not JSON", raw: "{\"stream\":" },
    ]);
    await store.writeQuarantine([]);
    const rows = await store.read(async (c) =>
      (
        await c.runAndReadAll(
          "SELECT epoch_us(received_at) / 1000 AS at, source, symbol, reason, raw FROM quarantine ORDER BY received_at",
        )
      ).getRowObjectsJS(),
    );
    expect(rows).toEqual([
      { at: T0 + 0.5, source: "live", symbol: "BTCUSDT", reason: "price is 0 (X=ADL)", raw: '{"p":"0"}' },
      { at: T0 + 1, source: "live", symbol: null, reason: "not JSON", raw: '{"stream":' },
    ]);
  });

  it("refuses a record without a finite receive time, writing none of the call", async () => {
    const err = await store
      .writeQuarantine([
        { receivedAt: T0, source: "live", symbol: null, reason: "r", raw: "x" },
        { receivedAt: Number.NaN, source: "live", symbol: null, reason: "r", raw: "y" },
      ])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreInputError);
    expect((err as Error).message).toMatch(/records\[1\]\.receivedAt/);
    expect(await count("SELECT count(*) FROM quarantine")).toBe(0);
  });
});
