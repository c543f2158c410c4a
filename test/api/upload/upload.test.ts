// POST /api/upload against real DuckDB files: the committed Binance capture, our own export, and a real corrupt capture.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import { openStore, TickBatchBuilder, type Store } from "../../../src/store/index.ts";
import { ApiError } from "../../../src/api/errors.ts";
import { parseUpload } from "../../../src/api/upload/parse.ts";
import { writeUpload } from "../../../src/api/upload/store.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { CORRUPT_CAPTURE, FUTURES_CAPTURE as CAPTURE, readRepoText } from "../../helpers/paths.ts";
import { useTempDir } from "../../helpers/temp-dir.ts";

const CORRUPT = readRepoText(CORRUPT_CAPTURE);
const trades = futuresCaptureTrades(CAPTURE);
const tmp = useTempDir("ticklens-upload-test-");
let n = 0;
const stores: Store[] = [];

afterAll(async () => {
  for (const s of stores) await s.close();
});

async function fresh(maxUploadBytes?: number) {
  const store = await openStore(tmp.path(`s${n++}.duckdb`));
  stores.push(store);
  return { store, app: createApp({ store, maxUploadBytes }).app };
}

const one = (store: Store, sql: string) => store.read(async (c) => Number((await c.runAndReadAll(sql)).getRows()[0][0]));
const written = async (store: Store) => [await one(store, "SELECT count(*) FROM tick_data"), await one(store, "SELECT count(*) FROM uploaded_data"), await one(store, "SELECT count(*) FROM ohlc_data")];
const post = (app: { request: (u: string, i: RequestInit) => Response | Promise<Response> }, query: string, body: BodyInit, type = "text/csv") =>
  app.request(`/api/upload?${query}`, { method: "POST", headers: { "content-type": type }, body });

const btc = trades.filter((t) => t.symbol === "BTCUSDT").slice(0, 3000);
/** Binance's published trades layout, from the capture (ids: the capture's row ids). */
function binanceTradesCsv(header: boolean, micros: boolean): string {
  const rows = btc.map((t) => `${t.tradeId},${t.price},${t.qty},${t.price * t.qty},${micros ? t.tradeTime * 1000 : t.tradeTime},${t.isBuyerMaker ? "True" : "False"},True`);
  return (header ? "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n" : "") + rows.join("\n") + "\n";
}

describe("POST /api/upload", () => {
  it("round-trips our CSV export into a fresh store with the same rows", async () => {
    const a = await fresh();
    const builder = new TickBatchBuilder(trades.length);
    for (const t of trades) builder.push({ ...t, quoteQty: t.price * t.qty, eventTime: t.tradeTime + 0.25, recvTime: t.tradeTime + 3.125, source: "live" });
    await a.store.appendTicks(builder.finish());
    const csv = await (await a.app.request("/api/export/csv?dataset=ticks")).text();

    const b = await fresh();
    const res = await post(b.app, "kind=ticks&name=roundtrip", csv);
    expect(res.status).toBe(201);
    const record = (await res.json()) as Record<string, unknown>;
    expect(record).toMatchObject({ name: "roundtrip", kind: "ticks", format: "ticklens", rows: trades.length, inserted: trades.length, source: "upload:roundtrip" });
    expect(record.checksum).toBe(createHash("sha256").update(csv).digest("hex"));
    const cols = "symbol, trade_id, price, qty, quote_qty, is_buyer_maker, trade_time, event_time, recv_time";
    const rows = (s: Store) => s.read(async (c) => (await c.runAndReadAll(`SELECT ${cols} FROM tick_data ORDER BY symbol, trade_id`)).getRowsJS());
    expect(await rows(b.store)).toEqual(await rows(a.store));
    const rec = await b.store.read(async (c) => (await c.runAndReadAll("SELECT name, kind, rows, checksum FROM uploaded_data")).getRowsJS());
    expect(rec).toEqual([["roundtrip", "ticks", BigInt(trades.length), record.checksum]]);
  });

  for (const [header, micros] of [[true, false], [false, false], [false, true]] as const) {
    it(`stores Binance trades (${header ? "with" : "without"} header, ${micros ? "µs" : "ms"} times) with their trade ids`, async () => {
      const { store, app } = await fresh();
      const res = await post(app, "kind=ticks&name=bn&symbol=btcusdt", binanceTradesCsv(header, micros));
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ format: "binance-trades", rows: btc.length, inserted: btc.length });
      const back = await store.read(async (c) =>
        (await c.runAndReadAll("SELECT trade_id::DOUBLE, price, epoch_us(trade_time)::DOUBLE / 1000, is_buyer_maker FROM tick_data ORDER BY trade_id")).getRowsJS(),
      );
      const sorted = [...btc].sort((x, y) => x.tradeId - y.tradeId);
      expect(back).toEqual(sorted.map((t) => [t.tradeId, t.price, t.tradeTime, t.isBuyerMaker]));
      expect(await one(store, "SELECT count(*) FROM tick_data WHERE symbol = 'BTCUSDT' AND source = 'upload:bn'")).toBe(btc.length);
    });
  }

  it("gives aggTrades negative synthetic ids that later uploads continue below", async () => {
    const { store, app } = await fresh();
    const agg = btc.slice(0, 100).map((t, i) => `${i + 1},${t.price},${t.qty},${i * 2},${i * 2 + 1},${t.tradeTime},${t.isBuyerMaker},True`).join("\n");
    expect((await post(app, "kind=ticks&name=agg1&symbol=BTCUSDT", agg)).status).toBe(201);
    expect((await post(app, "kind=ticks&name=agg2&symbol=ETHUSDT&format=binance-aggtrades", agg)).status).toBe(201);
    const ids = await store.read(async (c) => (await c.runAndReadAll("SELECT min(trade_id)::DOUBLE, max(trade_id)::DOUBLE, count(DISTINCT trade_id)::DOUBLE FROM tick_data")).getRowsJS()[0]);
    expect(ids).toEqual([-200, -1, 200]);
  });

  it("stores Binance klines as bars (kind=ohlc), timeframe inferred, and exports them back", async () => {
    const { store, app } = await fresh();
    const t0 = Date.UTC(2025, 11, 16, 0, 0);
    const klines = Array.from({ length: 30 }, (_, i) => {
      const o = 100 + i;
      return `${t0 + i * 60_000},${o},${o + 2},${o - 1},${o + 1},10,${t0 + i * 60_000 + 59_999},${10 * o},${5 + i},4,${4 * o},0`;
    });
    const csv = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n" + klines.join("\n");
    const res = await post(app, "kind=ohlc&name=kl&symbol=SOLUSDT", csv);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: "ohlc", format: "binance-klines", rows: 30, inserted: 30, firstTime: new Date(t0).toISOString() });
    expect(await one(store, "SELECT count(*) FROM ohlc_data WHERE symbol = 'SOLUSDT' AND timeframe = '1m' AND sell_volume = 6")).toBe(30);
    expect(await one(store, "SELECT count(*) FROM uploaded_data WHERE kind = 'bars'")).toBe(1);
    const exported = (await (await app.request("/api/export/csv?dataset=ohlc&symbol=SOLUSDT&timeframe=1m")).text()).trimEnd().split("\n");
    expect(exported.length).toBe(31);
    expect(exported[1]).toBe(`SOLUSDT,1m,${t0 * 1000},100,102,99,101,10,1000,5,100,4,6`);
    // Our bar export is itself an accepted upload.
    const again = await fresh();
    const back = await post(again.app, "kind=ohlc&name=bars-back", exported.join("\n"));
    expect(back.status).toBe(201);
    expect(await one(again.store, "SELECT count(*) FROM ohlc_data")).toBe(30);
  });

  it("maps a generic CSV's columns and reads its wall-clock times in the given zone", async () => {
    const { store, app } = await fresh();
    const csv = "when,px,size,side\n2025-12-16 13:29:12.5,100.5,2,buy\n2025-12-16 13:29:13,101,1,sell\n";
    const res = await post(app, "kind=ticks&name=gen&format=generic&symbol=BTCUSDT&timezone=Europe/Berlin&map=time:when,price:px,qty:size,side:side", csv);
    expect(res.status).toBe(201);
    const rows = await store.read(async (c) => (await c.runAndReadAll("SELECT epoch_us(trade_time)::DOUBLE, is_buyer_maker, trade_id::DOUBLE FROM tick_data ORDER BY trade_time")).getRowsJS());
    expect(rows).toEqual([[Date.UTC(2025, 11, 16, 12, 29, 12, 500) * 1000, false, -1], [Date.UTC(2025, 11, 16, 12, 29, 13) * 1000, true, -2]]);
  });

  it("accepts the file as the multipart field 'file'", async () => {
    const { store, app } = await fresh();
    const form = new FormData();
    form.set("file", new Blob([binanceTradesCsv(true, false)], { type: "text/csv" }), "trades.csv");
    const res = await app.request("/api/upload?kind=ticks&name=mp&symbol=BTCUSDT", { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(await one(store, "SELECT count(*) FROM tick_data")).toBe(btc.length);
  });

  it("accepts a multipart body whose boundary is mixed case, as Chromium sends it", async () => {
    const { store, app } = await fresh();
    const boundary = "----WebKitFormBoundaryAbCdEf0123XyZ";
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="trades.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      `${binanceTradesCsv(true, false)}\r\n--${boundary}--\r\n`;
    const res = await app.request("/api/upload?kind=ticks&name=mixed-case&symbol=BTCUSDT", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(res.status).toBe(201);
    expect(await one(store, "SELECT count(*) FROM tick_data")).toBe(btc.length);
  });

  it("refuses the real corrupt capture whole, listing problems by line and field, and writes nothing", async () => {
    const { store, app } = await fresh();
    const res = await post(app, "kind=ticks&name=corrupt&format=generic&timezone=UTC&map=time:timestamp,price:price,qty:qty,symbol:symbol", CORRUPT);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; field: string }; problems: { line: number; field: string; message: string }[]; problemCount: number };
    expect(body.error.code).toBe("invalid_csv");
    expect(body.error.field).toBe("line");
    expect(body.problems.length).toBe(20);
    expect(body.problemCount).toBeGreaterThan(100);
    expect(body.problems[0]).toEqual({ line: 17, field: "line", message: "blank line inside the data" });
    const lines = CORRUPT.split(/\r?\n/);
    const fragment = lines.findIndex((l) => l === "5") + 1;
    expect(fragment).toBeGreaterThan(0);
    const all = await (await post(app, "kind=ticks&name=corrupt2&format=generic&timezone=UTC&map=time:timestamp,price:price,qty:qty,symbol:symbol", CORRUPT.split(/\r?\n/).slice(0, fragment + 1).join("\n"))).json() as typeof body;
    expect(all.problems.some((p) => p.line === fragment && /has 1 field/.test(p.message))).toBe(true);
    expect(await written(store)).toEqual([0, 0, 0]);
  });

  it("refuses a file past maxUploadBytes with 413 and writes nothing", async () => {
    const { store, app } = await fresh(1000);
    const res = await post(app, "kind=ticks&name=big&symbol=BTCUSDT", binanceTradesCsv(true, false));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("file");
    expect(await written(store)).toEqual([0, 0, 0]);
  });

  it("refuses a second upload with the same name (409) and keeps the first", async () => {
    const { store, app } = await fresh();
    expect((await post(app, "kind=ticks&name=dup&symbol=BTCUSDT", binanceTradesCsv(true, false))).status).toBe(201);
    const res = await post(app, "kind=ticks&name=dup&symbol=ETHUSDT", binanceTradesCsv(true, false));
    expect(res.status).toBe(409);
    expect(await written(store)).toEqual([btc.length, 1, 0]);
  });
});

describe("an upload of ticks and its record are one transaction", () => {
  const record = (name: string) => `INSERT INTO uploaded_data (name, kind, rows, checksum) VALUES ('${name}', 'ticks', 1, 'other')`;
  const snapshot = async (store: Store) =>
    store.read(async (c) => ({
      ticks: Number((await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0]),
      symbols: (await c.runAndReadAll("SELECT * FROM tick_symbols ORDER BY symbol")).getRowObjectsJson(),
      uploads: (await c.runAndReadAll("SELECT name, checksum FROM uploaded_data ORDER BY name")).getRowsJS(),
    }));

  it("a name taken by another writer after the 409 check → 409 name_taken, no ticks stored, the next upload stores all", async () => {
    const { store } = await fresh();
    // Stands in for a writer outside the upload queue that records the same name between prepareUpload's check and
    // the write: it commits its record just before the upload's appendTicks transaction starts.
    let race = true;
    const racing = new Proxy(store, {
      get(target, prop) {
        if (prop === "appendTicks") {
          return async (...args: Parameters<Store["appendTicks"]>) => {
            if (race) await target.write((c) => c.run(record("raced")));
            race = false;
            return target.appendTicks(...args);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const app = createApp({ store: racing }).app;
    const res = await post(app, "kind=ticks&name=raced&symbol=BTCUSDT", binanceTradesCsv(true, false));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "name_taken", field: "name" } });
    expect(await snapshot(store)).toEqual({ ticks: 0, symbols: [], uploads: [["raced", "other"]] });

    // The writer's connection is usable again and the same file goes in under a free name.
    const ok = await post(app, "kind=ticks&name=second&symbol=BTCUSDT", binanceTradesCsv(true, false));
    expect(ok.status).toBe(201);
    expect(await one(store, "SELECT count(*) FROM tick_data WHERE source = 'upload:second'")).toBe(btc.length);
  });

  it("writeUpload with a recorded name rolls back the ticks it inserted, leaving earlier rows as they were", async () => {
    const { store } = await fresh();
    const builder = new TickBatchBuilder(10);
    for (const t of trades.slice(0, 10)) builder.push({ ...t, quoteQty: t.price * t.qty, eventTime: t.tradeTime, recvTime: t.tradeTime, source: "live" });
    await store.appendTicks(builder.finish());
    await store.write((c) => c.run(record("jan")));
    const before = await snapshot(store);
    const parsed = parseUpload(binanceTradesCsv(true, true), {
      kind: "ticks", format: "auto", map: null, symbol: "BTCUSDT", timeUnit: "auto", timeZone: null, timeframe: null, source: "upload:jan", syntheticBase: -1,
    });
    expect(parsed).toMatchObject({ problemCount: 0, rows: btc.length });
    const err = await writeUpload(store, "jan", "ticks", parsed, "abc").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, field: "name" });
    expect(await snapshot(store)).toEqual(before);
    expect(await one(store, "SELECT count(*) FROM tick_data WHERE source = 'upload:jan'")).toBe(0);
  });
});

describe("upload bad-input corpus", () => {
  const good = "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n1,10,1,10,1765922888978,true,true\n";
  const q = "kind=ticks&name=x&symbol=BTCUSDT";
  const generic = "kind=ticks&name=x&format=generic&map=time:t,price:p,qty:q&symbol=BTCUSDT";
  const cases: [string, string, BodyInit, string, number, string][] = [
    ["no kind", "name=x", good, "text/csv", 400, "kind"],
    ["bad kind", "kind=trades&name=x", good, "text/csv", 400, "kind"],
    ["no name", "kind=ticks", good, "text/csv", 400, "name"],
    ["bad name", "kind=ticks&name=../etc", good, "text/csv", 400, "name"],
    ["long name", `kind=ticks&name=${"a".repeat(65)}`, good, "text/csv", 400, "name"],
    ["bad format", `${q}&format=xlsx`, good, "text/csv", 400, "format"],
    ["bad symbol", "kind=ticks&name=x&symbol=B", good, "text/csv", 400, "symbol"],
    ["missing symbol", "kind=ticks&name=x", good, "text/csv", 400, "symbol"],
    ["bad timeUnit", `${q}&timeUnit=h`, good, "text/csv", 400, "timeUnit"],
    ["bad timezone", `${q}&timezone=Mars/Olympus`, good, "text/csv", 400, "timezone"],
    ["timeframe on ticks", `${q}&timeframe=1m`, good, "text/csv", 400, "timeframe"],
    ["unknown param", `${q}&foo=1`, good, "text/csv", 400, "query"],
    ["json body", q, "{}", "application/json", 415, "content-type"],
    ["empty body", q, "", "text/csv", 400, "file"],
    ["binary body", q, new Uint8Array([0x1f, 0x8b, 0xff, 0xfe, 0x00]), "application/octet-stream", 400, "file"],
    ["form without file", q, (() => { const f = new FormData(); f.set("other", "x"); return f; })(), "", 400, "file"],
    ["form with text file field", q, (() => { const f = new FormData(); f.set("file", "a,b"); return f; })(), "", 400, "file"],
    ["unknown layout", q, "a,b,c\n1,2,3\n", "text/csv", 400, "format"],
    ["wrong explicit format", `${q}&format=binance-klines`, good, "text/csv", 400, "format"],
    ["klines as ticks", "kind=ticks&name=x&symbol=BTCUSDT", "1765922880000,1,1,1,1,1,1765922939999,1,1,1,1,0\n", "text/csv", 400, "kind"],
    ["trades as ohlc", "kind=ohlc&name=x&symbol=BTCUSDT", good, "text/csv", 400, "kind"],
    ["generic without map", "kind=ticks&name=x&format=generic&symbol=BTCUSDT", "t,p,q\n", "text/csv", 400, "map"],
    ["map missing qty", "kind=ticks&name=x&format=generic&map=time:t,price:p", "t,p,q\n", "text/csv", 400, "map"],
    ["map unknown name", "kind=ticks&name=x&map=time:t,price:p,qty:q,colour:c", "t,p,q\n", "text/csv", 400, "map"],
    ["map malformed", "kind=ticks&name=x&map=time", "t,p,q\n", "text/csv", 400, "map"],
    ["map column absent", generic.replace("qty:q", "qty:size"), "t,p,q\n1765922888978,1,1\n", "text/csv", 400, "map"],
    ["header only", q, "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n", "text/csv", 422, "line"],
    ["negative price", q, good.replace("1,10,1,10", "1,-10,1,10"), "text/csv", 422, "price"],
    ["zero qty", q, good.replace("1,10,1,10", "1,10,0,10"), "text/csv", 422, "qty"],
    ["NaN price", q, good.replace("1,10,1,10", "1,NaN,1,10"), "text/csv", 422, "price"],
    ["Infinity qty", q, good.replace("1,10,1,10", "1,10,Infinity,10"), "text/csv", 422, "qty"],
    ["bad id", q, good.replace("\n1,10", "\n1.5,10"), "text/csv", 422, "id"],
    ["huge id", q, good.replace("\n1,10", "\n99999999999999999999,10"), "text/csv", 422, "id"],
    ["bad bool", q, good.replace("true,true", "yes,true"), "text/csv", 422, "is_buyer_maker"],
    ["time in seconds is wrong unit", q, good.replace("1765922888978", "17659"), "text/csv", 422, "time"],
    ["time text", q, good.replace("1765922888978", "noon"), "text/csv", 422, "time"],
    ["short line", q, good + "2,10,1\n", "text/csv", 422, "line"],
    ["long line", q, good + "2,10,1,10,1765922888978,true,true,extra\n", "text/csv", 422, "line"],
    ["blank line inside", q, good + "\n2,10,1,10,1765922888978,true,true\n", "text/csv", 422, "line"],
    ["unclosed quote", generic, 't,p,q\n"1765922888978,1,1\n', "text/csv", 422, "line"],
    ["generic wall clock without zone", generic, "t,p,q\n2025-12-16 13:29:12,1,1\n", "text/csv", 422, "t"],
    ["generic bad date", `${generic}&timezone=UTC`, "t,p,q\n2025-02-30 13:29:12,1,1\n", "text/csv", 422, "t"],
    ["generic bad symbol cell", "kind=ticks&name=x&map=time:t,price:p,qty:q,symbol:s", "t,p,q,s\n1765922888978,1,1,BTC-USDT\n", "text/csv", 422, "s"],
    ["generic bad side", "kind=ticks&name=x&symbol=BTCUSDT&map=time:t,price:p,qty:q,side:d", "t,p,q,d\n1765922888978,1,1,up\n", "text/csv", 422, "d"],
    ["ticklens bad µs", "kind=ticks&name=x", "symbol,trade_id,price,qty,quote_qty,is_buyer_maker,trade_time_us,event_time_us,recv_time_us,source\nBTCUSDT,1,1,1,1,0,1765922888978,1765922888978000,1765922888978000,live\n", "text/csv", 422, "trade_time_us"],
    ["klines high below low", "kind=ohlc&name=x&symbol=BTCUSDT", "1765922880000,10,9,11,10,1,1765922939999,10,1,0,0,0\n", "text/csv", 422, "high"],
    ["klines odd width", "kind=ohlc&name=x&symbol=BTCUSDT", "1765922880000,10,11,9,10,1,1765922886999,10,1,0,0,0\n", "text/csv", 422, "close_time"],
    ["klines buy above volume", "kind=ohlc&name=x&symbol=BTCUSDT", "1765922880000,10,11,9,10,1,1765922939999,10,1,2,0,0\n", "text/csv", 422, "taker_buy_volume"],
    ["klines misaligned", "kind=ohlc&name=x&symbol=BTCUSDT", "1765922881000,10,11,9,10,1,1765922940999,10,1,0,0,0\n", "text/csv", 422, "open_time"],
    ["klines fractional count", "kind=ohlc&name=x&symbol=BTCUSDT", "1765922880000,10,11,9,10,1,1765922939999,10,1.5,0,0,0\n", "text/csv", 422, "count"],
  ];
  it.each(cases)("%s → refused naming the field, nothing written", async (_name, query, body, type, status, field) => {
    const { store, app } = await fresh();
    const init: RequestInit = { method: "POST", body };
    if (type !== "") init.headers = { "content-type": type };
    const res = await app.request(`/api/upload?${query}`, init);
    const json = (await res.json()) as { error: { code: string; message: string; field: string | null }; problems?: { field: string }[] };
    expect({ status: res.status, field: json.error.field }).toEqual({ status, field });
    if (status === 422) expect(json.problems?.[0].field).toBe(field);
    expect(await written(store)).toEqual([0, 0, 0]);
  });
});
