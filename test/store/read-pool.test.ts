/**
 * The reader pool: user SQL and exports run on connections of their own, and the other reads share a pool, so a
 * chart's read never waits behind a slow query, a query paused mid-stream or an export. Orders of completion are
 * asserted, never durations.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/database.ts";
import { StoreInputError } from "../../src/store/errors.ts";
import { withCaptureApp } from "../api/api-store.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { tick, toBatch } from "./helpers.ts";

const tmp = useTempDir("ticklens-read-pool-", "each");

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A query that runs for many seconds on any machine, until interrupted. */
const SLOW_SQL = "SELECT sum(hash(i)) FROM range(100000000000) t(i)";

describe("reads do not queue behind each other", () => {
  it("a bars read completes while a slow SQL query still runs on its own connection", async () => {
    const store = await openStore(tmp.path("pool.duckdb"));
    await store.appendTicks(toBatch([tick("BTCUSDT", 1, 1_765_000_000_000), tick("BTCUSDT", 2, 1_765_000_061_000)]));
    await store.resample({ final: true });
    const done: string[] = [];
    let sqlConnection: DuckDBConnection | null = null;
    const started = gate();
    const slow = store
      .read(async (c) => {
        sqlConnection = c;
        const running = c.run(SLOW_SQL);
        started.open();
        return running;
      }, "sql")
      .then(
        () => done.push("sql"),
        () => done.push("sql interrupted"),
      );
    await started.opened;
    const bars = await store.queryBars({ symbol: "BTCUSDT", timeframe: "1m" });
    done.push("bars");
    const ids = await store.lastTradeIds();
    done.push("lastTradeIds");
    expect(bars.length).toBeGreaterThan(0);
    expect(ids.get("BTCUSDT")).toBe(2);
    expect(store.readLoad().sql.busy).toBe(1);
    (sqlConnection as DuckDBConnection | null)?.interrupt();
    await slow;
    expect(done).toEqual(["bars", "lastTradeIds", "sql interrupted"]);
    await store.close();
  });

  it("an export and a query paused mid-stream hold only their own lanes; reads of a lane wait their turn", async () => {
    const store = await openStore(tmp.path("lanes.duckdb"), { readers: 2 });
    const done: string[] = [];
    const holdSql = gate();
    const holdExport = gate();
    const sqlPaused = gate();
    const sql = store.read(async (c) => {
      const result = await c.stream("SELECT * FROM range(1000000)");
      await result.fetchChunk(); // paused mid-stream until released
      sqlPaused.open();
      await holdSql.opened;
      done.push("sql");
    }, "sql");
    const secondSql = store.read(async () => void done.push("second sql"), "sql");
    const exporting = store.read(async () => {
      await holdExport.opened;
      done.push("export");
    }, "export");
    await sqlPaused.opened;
    // More general reads at once than the pool has connections: they take turns, and all finish.
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) => store.read(async (c) => {
        await c.run("SELECT 1");
        done.push(`read ${n}`);
      })),
    );
    expect([...done].sort()).toEqual(["read 1", "read 2", "read 3", "read 4", "read 5"]);
    expect(store.readLoad()).toMatchObject({ sql: { busy: 1, waiting: 1 }, export: { busy: 1, waiting: 0 }, general: { busy: 0, waiting: 0 } });
    holdExport.open();
    await exporting;
    holdSql.open();
    await Promise.all([sql, secondSql]);
    expect(done.slice(5)).toEqual(["export", "sql", "second sql"]);
    await store.close();
  });

  it("refuses a reader count outside [1, 64]", async () => {
    await expect(openStore(":memory:", { readers: 0 })).rejects.toBeInstanceOf(StoreInputError);
  });

  it("close waits for the reads of every lane", async () => {
    const store = await openStore(":memory:");
    const hold = gate();
    const done: string[] = [];
    const sql = store.read(async () => {
      await hold.opened;
      done.push("sql");
    }, "sql");
    const closed = store.close().then(() => done.push("closed"));
    hold.open();
    await Promise.all([sql, closed]);
    expect(done).toEqual(["sql", "closed"]);
  });
});

describe("the API: /api/ohlc answers while /api/sql waits behind a query holding the SQL connection", () => {
  let ctx!: { store: import("../../src/store/database.ts").Store; app: Awaited<ReturnType<typeof import("../../src/api/app.ts").createApp>>["app"] };
  withCaptureApp((store, app) => (ctx = { store, app }));

  it("answers /api/ohlc and /api/symbols first", async () => {
    const { store, app } = ctx;
    const done: string[] = [];
    const hold = gate();
    const paused = gate();
    const holding = store.read(async (c) => {
      const result = await c.stream("SELECT * FROM range(1000000)");
      await result.fetchChunk();
      paused.open();
      await hold.opened;
    }, "sql");
    await paused.opened;
    const sql = Promise.resolve(
      app.request("/api/sql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sql: "SELECT 42 AS x" }) }),
    ).then(async (res) => {
      done.push(`sql ${res.status}`);
      return res.json();
    });
    const ohlc = await app.request("/api/ohlc/BTCUSDT?timeframe=1m&limit=10");
    done.push(`ohlc ${ohlc.status}`);
    const symbols = await app.request("/api/symbols");
    done.push(`symbols ${symbols.status}`);
    hold.open();
    await holding;
    expect(await sql).toMatchObject({ rows: [[42]] });
    expect(done).toEqual(["ohlc 200", "symbols 200", "sql 200"]);
  });
});
