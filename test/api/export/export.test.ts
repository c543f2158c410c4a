// Export endpoints against a real DuckDB file filled with the committed Binance futures capture (28k trades).
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import { TICK_PAGE_ROWS } from "../../../src/api/export/csv.ts";
import { openStore, TickBatchBuilder, TICK_CSV_HEADER, type Store } from "../../../src/store/index.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE as CAPTURE } from "../../helpers/paths.ts";
import { useTempDir } from "../../helpers/temp-dir.ts";

const tmp = useTempDir("ticklens-export-test-");
let store: Store;
let app: ReturnType<typeof createApp>["app"];

beforeAll(async () => {
  store = await openStore(tmp.path("export.duckdb"));
  const trades = futuresCaptureTrades(CAPTURE);
  const builder = new TickBatchBuilder(trades.length);
  for (const t of trades) builder.push({ ...t, quoteQty: t.price * t.qty, eventTime: t.tradeTime, recvTime: t.tradeTime + 1.5, source: "live" });
  await store.appendTicks(builder.finish());
  app = createApp({ store }).app;
});

afterAll(async () => {
  await store.close();
});

const count = async (sql: string) => store.read(async (c) => Number((await c.runAndReadAll(sql)).getRows()[0][0]));

describe("GET /api/export/csv", () => {
  it("streams every tick, across several pages, in the store's tick CSV layout with download headers", async () => {
    const res = await app.request("/api/export/csv?dataset=ticks");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ticklens-ticks-all.csv"');
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines[0]).toBe(TICK_CSV_HEADER);
    const stored = await count("SELECT count(*) FROM tick_data");
    expect(stored).toBeGreaterThan(TICK_PAGE_ROWS); // the export crossed a page boundary
    expect(lines.length - 1).toBe(stored);
    expect(new Set(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).size).toBe(stored);
  });

  it("narrows to one symbol and a [from, to) range", async () => {
    const from = 1765922900000;
    const to = 1765922960000;
    const res = await app.request(`/api/export/csv?dataset=ticks&symbol=ethusdt&from=${from}&to=${new Date(to).toISOString()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("ticklens-ticks-ETHUSDT.csv");
    const rows = (await res.text()).trimEnd().split("\n").slice(1);
    const expected = await count(
      `SELECT count(*) FROM tick_data WHERE symbol = 'ETHUSDT' AND trade_time >= make_timestamp(${from * 1000}) AND trade_time < make_timestamp(${to * 1000})`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(rows.length).toBe(expected);
    for (const row of rows) {
      const f = row.split(",");
      expect(f[0]).toBe("ETHUSDT");
      expect(Number(f[6])).toBeGreaterThanOrEqual(from * 1000);
      expect(Number(f[6])).toBeLessThan(to * 1000);
    }
  });

  it("exports bars equal to store.queryBars for the same timeframe", async () => {
    const res = await app.request("/api/export/csv?dataset=ohlc&symbol=BTCUSDT&timeframe=1m");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("ticklens-ohlc-BTCUSDT-1m.csv");
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("symbol,timeframe,bucket_start_us,open,high,low,close,volume,quote_volume,trades,vwap,buy_volume,sell_volume");
    const bars = await store.queryBars({ symbol: "BTCUSDT", timeframe: "1m", source: "ticks" });
    expect(lines.length - 1).toBe(bars.length);
    lines.slice(1).forEach((line, i) => {
      const f = line.split(",");
      const b = bars[i];
      expect(Number(f[2]) / 1000).toBe(b.bucketStart);
      expect([Number(f[3]), Number(f[4]), Number(f[5]), Number(f[6])]).toEqual([b.open, b.high, b.low, b.close]);
      expect(Number(f[7])).toBe(b.volume);
      expect(Number(f[9])).toBe(b.trades);
    });
  });

  it("exports 1 s bars across several windows without losing or repeating a bucket", async () => {
    const res = await app.request("/api/export/csv?dataset=ohlc&timeframe=1s");
    const rows = (await res.text()).trimEnd().split("\n").slice(1);
    const expected =
      (await store.queryBars({ symbol: "BTCUSDT", timeframe: "1s", source: "ticks" })).length +
      (await store.queryBars({ symbol: "ETHUSDT", timeframe: "1s", source: "ticks" })).length;
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r.split(",").slice(0, 3).join())).size).toBe(expected);
  });
});

describe("GET /api/export/parquet", () => {
  it("writes a Parquet file that DuckDB's read_parquet reads back with the same rows", async () => {
    const res = await app.request("/api/export/parquet?dataset=ticks&symbol=BTCUSDT");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ticklens-ticks-BTCUSDT.parquet"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("PAR1");
    const file = tmp.path("back.parquet");
    writeFileSync(file, bytes);
    const diff = await store.read(async (c) => {
      const r = await c.runAndReadAll(
        `SELECT count(*) FROM (
           (SELECT symbol, trade_id, price, qty, quote_qty, is_buyer_maker, trade_time, event_time, recv_time, source FROM read_parquet('${file}')
            EXCEPT ALL SELECT * FROM tick_data WHERE symbol = 'BTCUSDT')
           UNION ALL
           (SELECT * FROM tick_data WHERE symbol = 'BTCUSDT'
            EXCEPT ALL SELECT symbol, trade_id, price, qty, quote_qty, is_buyer_maker, trade_time, event_time, recv_time, source FROM read_parquet('${file}')))`,
      );
      return Number(r.getRows()[0][0]);
    });
    expect(diff).toBe(0);
    const n = await store.read(async (c) => Number((await c.runAndReadAll(`SELECT count(*) FROM read_parquet('${file}')`)).getRows()[0][0]));
    expect(n).toBe(await count("SELECT count(*) FROM tick_data WHERE symbol = 'BTCUSDT'"));
  });

  it("writes bars of every symbol as Parquet", async () => {
    const res = await app.request("/api/export/parquet?dataset=ohlc&timeframe=5m");
    expect(res.status).toBe(200);
    const file = tmp.path("bars.parquet");
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const rows = await store.read(async (c) =>
      (await c.runAndReadAll(`SELECT symbol, count(*)::INTEGER FROM read_parquet('${file}') GROUP BY 1 ORDER BY 1`)).getRowsJS(),
    );
    const btc = (await store.queryBars({ symbol: "BTCUSDT", timeframe: "5m", source: "ticks" })).length;
    expect(rows).toEqual([["BTCUSDT", btc], ["ETHUSDT", (await store.queryBars({ symbol: "ETHUSDT", timeframe: "5m", source: "ticks" })).length]]);
  });
});

// The pairs export must carry exactly the numbers of GET /api/analytics/pairs (the shared computePairsSeries).
interface PairsJson {
  n: number;
  bucketStart: number[];
  closeA: number[];
  closeB: number[];
  spread: (number | null)[];
  zScore: (number | null)[];
  rollingBeta: (number | null)[];
  rollingCorrelation: (number | null)[];
}
const pairsJson = async (query: string) => {
  const res = await app.request(`/api/analytics/pairs?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PairsJson;
};
/** The JSON series as export rows: [iso, closeA, closeB, spread, zScore, rollingBeta, rollingCorrelation]. */
const expectedRows = (j: PairsJson) =>
  j.bucketStart.map((t, i) => [new Date(t).toISOString(), j.closeA[i], j.closeB[i], j.spread[i], j.zScore[i], j.rollingBeta[i], j.rollingCorrelation[i]]);

describe("GET /api/export/csv?dataset=pairs", () => {
  const queries = [
    "a=ETHUSDT&b=BTCUSDT&timeframe=1s&window=60&method=huber",
    "a=btcusdt&b=ethusdt&timeframe=5s&window=10&method=kalman&join=ffill",
    "a=ETHUSDT&b=BTCUSDT&timeframe=1s&window=5&method=theil-sen&from=1765922900000&to=2025-12-16T22:09:20Z",
  ];
  it.each(queries)("equals the analytics endpoint's series row by row (%s)", async (query) => {
    const json = await pairsJson(query);
    const res = await app.request(`/api/export/csv?dataset=pairs&${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("bucket_start,close_a,close_b,spread,z_score,rolling_beta,rolling_correlation");
    expect(lines.length - 1).toBe(json.n);
    const rows = lines.slice(1).map((line) => line.split(",").map((f, k) => (k === 0 ? f : f === "" ? null : Number(f))));
    // Exact equality: the CSV writes each double's shortest round-trip text, so it parses back to the same double.
    expect(rows).toEqual(expectedRows(json));
    expect(rows[0][4]).toBeNull(); // the z-score's warm-up is an empty field
  });

  it("names the file after the pair and timeframe", async () => {
    const res = await app.request("/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=15s&window=5");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ticklens-pairs-ETHUSDT-BTCUSDT-15s.csv"');
    await res.text();
  });
});

describe("GET /api/export/parquet?dataset=pairs", () => {
  it("writes a Parquet file that read_parquet reads back with the analytics endpoint's rows", async () => {
    const query = "a=ETHUSDT&b=BTCUSDT&timeframe=1s&window=30&method=ols";
    const json = await pairsJson(query);
    const res = await app.request(`/api/export/parquet?dataset=pairs&${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ticklens-pairs-ETHUSDT-BTCUSDT-1s.parquet"');
    const file = tmp.path("pairs.parquet");
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const { types, rows } = await store.read(async (c) => ({
      types: (await c.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`)).getRowsJS(),
      rows: (
        await c.runAndReadAll(
          `SELECT strftime(bucket_start, '%Y-%m-%dT%H:%M:%S.%g') || 'Z', close_a, close_b, spread, z_score, rolling_beta, rolling_correlation
           FROM read_parquet('${file}')`,
        )
      ).getRowsJS(),
    }));
    expect(types).toEqual([
      ["bucket_start", "TIMESTAMP"],
      ["close_a", "DOUBLE"],
      ["close_b", "DOUBLE"],
      ["spread", "DOUBLE"],
      ["z_score", "DOUBLE"],
      ["rolling_beta", "DOUBLE"],
      ["rolling_correlation", "DOUBLE"],
    ]);
    expect(rows.length).toBe(json.n);
    expect(rows).toEqual(expectedRows(json));
  });
});

describe("export bad-input corpus", () => {
  const cases: [string, number, string][] = [
    ["/api/export/csv?dataset=nope", 400, "dataset"],
    ["/api/export/csv?dataset=pairs", 400, "a"],
    ["/api/export/parquet?dataset=pairs", 400, "a"],
    ["/api/export/csv?dataset=PAIRS&a=ETHUSDT&b=BTCUSDT", 400, "dataset"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT", 400, "b"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=ETHUSDT", 400, "b"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=SOLUSDT", 404, "b"],
    ["/api/export/parquet?dataset=pairs&a=DOGEUSDT&b=BTCUSDT", 404, "a"],
    ["/api/export/csv?dataset=pairs&a=ETH-USDT&b=BTCUSDT", 400, "a"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT'--", 400, "b"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&window=2", 400, "window"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&window=ten", 400, "window"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&window=3.5", 400, "window"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&window=100001", 400, "window"],
    ["/api/export/parquet?dataset=pairs&a=ETHUSDT&b=BTCUSDT&window=-5", 400, "window"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=500", 422, "window"],
    ["/api/export/parquet?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=1h&window=3", 422, "window"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&method=magic", 400, "method"],
    ["/api/export/parquet?dataset=pairs&a=ETHUSDT&b=BTCUSDT&method=OLS", 400, "method"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&join=outer", 400, "join"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=1w", 400, "timeframe"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=7m", 400, "timeframe"],
    ["/api/export/parquet?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=0s", 400, "timeframe"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&from=yesterday", 400, "from"],
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&from=1765922960000&to=1765922900000", 400, "to"],
    ["/api/export/parquet?dataset=pairs&a=ETHUSDT&b=BTCUSDT&from=1765922900000&to=1765922900000", 400, "to"],
    // A ticks/ohlc parameter on a pairs export is unknown there: zod strict names it only as "query".
    ["/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&symbol=BTCUSDT", 400, "query"],
    ["/api/export/parquet?dataset=pairs&a=ETHUSDT&b=BTCUSDT&limit=5", 400, "query"],
    ["/api/export/csv?symbol=DOGEUSDT", 404, "symbol"],
    ["/api/export/parquet?symbol=DOGEUSDT", 404, "symbol"],
    ["/api/export/csv?dataset=ohlc&symbol=XRPUSDT", 404, "symbol"],
    ["/api/export/csv?symbol=b", 400, "symbol"],
    ["/api/export/csv?symbol=BTC-USDT", 400, "symbol"],
    ["/api/export/csv?symbol=" + "A".repeat(40), 400, "symbol"],
    ["/api/export/csv?from=yesterday", 400, "from"],
    ["/api/export/csv?to=12x", 400, "to"],
    ["/api/export/csv?from=2025-13-45", 400, "from"],
    ["/api/export/csv?from=1765922960000&to=1765922900000", 400, "to"],
    ["/api/export/csv?from=1765922900000&to=1765922900000", 400, "to"],
    ["/api/export/csv?timeframe=1m", 400, "timeframe"],
    ["/api/export/csv?dataset=ohlc&timeframe=7m", 400, "timeframe"],
    ["/api/export/csv?dataset=ohlc&timeframe=0s", 400, "timeframe"],
    ["/api/export/csv?dataset=ohlc&timeframe=1w", 400, "timeframe"],
    ["/api/export/csv?dataset=ohlc&timeframe=1m;DROP", 400, "timeframe"],
    ["/api/export/parquet?dataset=ohlc&timeframe=13s", 400, "timeframe"],
    // An unknown parameter is named only as "query" by validation.ts (zod strict: the issue has no path).
    ["/api/export/csv?limit=5", 400, "query"],
    ["/api/export/csv?symbol=BTCUSDT'--", 400, "symbol"],
    ["/api/export/parquet?from=abc", 400, "from"],
    ["/api/export/xlsx", 404, ""],
  ];
  it.each(cases)("%s → %i naming %s", async (url, status, field) => {
    const res = await app.request(url);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string; field: string | null } };
    expect(typeof body.error.code).toBe("string");
    if (field !== "") expect(body.error.field).toBe(field);
  });

  it("writes nothing to the store while refusing", async () => {
    const before = await count("SELECT (SELECT count(*) FROM tick_data) + (SELECT count(*) FROM ohlc_data)");
    for (const [url] of cases) await (await app.request(url)).arrayBuffer();
    expect(await count("SELECT (SELECT count(*) FROM tick_data) + (SELECT count(*) FROM ohlc_data)")).toBe(before);
  });

  it("names the known symbols in the 404", async () => {
    const body = (await (await app.request("/api/export/csv?symbol=DOGEUSDT")).json()) as { error: { message: string } };
    expect(body.error.message).toContain("BTCUSDT, ETHUSDT");
  });
});
