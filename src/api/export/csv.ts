/**
 * The CSV export as a stream: pages of rows read from DuckDB one at a time (ticks by a (symbol, trade_id) keyset,
 * bars by windows of bucket starts), formatted and sent before the next is read, so memory stays flat however
 * large the export. Ticks use the store's tick CSV layout (times epoch µs), which `POST /api/upload` reads back.
 * Pairs series (already computed in memory by the engine) are formatted in slices of rows.
 */
import type { Store } from "../../store/index.ts";
import { PAIRS_EXPORT_COLUMNS, pairsRows } from "./pairs.ts";
import type { PairsSeries } from "../analytics/pairs-series.ts";
import { barsSql, sqlText, ticksSql, type ExportSelection } from "./query.ts";
import { TICKLENS_OHLC_HEADER, TICKLENS_TICKS_HEADER } from "../upload/formats.ts";

/** Rows per page of ticks. */
export const TICK_PAGE_ROWS = 20_000;
/** Buckets per window of bars. */
export const BAR_PAGE_BUCKETS = 5_000;

const encoder = new TextEncoder();

/**
 * The CSV text of a selection, as a byte stream pulled page by page.
 *
 * @param store the store
 * @param sel the checked selection
 * @returns a stream of UTF-8 CSV (header first)
 * @throws nothing up front; a failing read errors the stream (the response is cut short)
 * @example
 * return c.body(exportCsvStream(store, sel), 200, { "content-type": "text/csv; charset=utf-8" });
 */
export function exportCsvStream(store: Store, sel: ExportSelection): ReadableStream<Uint8Array> {
  const pages = sel.dataset === "ticks" ? tickPages(store, sel) : barPages(store, sel);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<string>;
      try {
        next = await pages.next();
      } catch (error) {
        // A read failing mid-export errors the stream: the transfer is aborted, never ended like a complete file.
        controller.error(error);
        return;
      }
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

const csvText = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

async function* tickPages(store: Store, sel: ExportSelection): AsyncGenerator<string> {
  yield `${TICKLENS_TICKS_HEADER.join(",")}\n`;
  let cursor: { symbol: string; id: string } | null = null;
  for (;;) {
    const after: string = cursor === null ? "" : ` AND (symbol > ${sqlText(cursor.symbol)} OR (symbol = ${sqlText(cursor.symbol)} AND trade_id > ${cursor.id}))`;
    const rows = await store.read(async (c) => {
      const reader = await c.runAndReadAll(
        `SELECT symbol, trade_id::VARCHAR, price, qty, quote_qty, is_buyer_maker::INTEGER, epoch_us(trade_time)::VARCHAR,
                epoch_us(event_time)::VARCHAR, epoch_us(recv_time)::VARCHAR, source
         FROM (${ticksSql(sel, after)}) LIMIT ${TICK_PAGE_ROWS}`,
      );
      return reader.getRowsJS();
    }, "export");
    if (rows.length === 0) return;
    let text = "";
    for (const r of rows) {
      text += `${csvText(String(r[0]))},${r[1]},${r[2]},${r[3]},${r[4]},${r[5]},${r[6]},${r[7]},${r[8]},${csvText(String(r[9]))}\n`;
    }
    yield text;
    const last = rows[rows.length - 1];
    cursor = { symbol: String(last[0]), id: String(last[1]) };
    if (rows.length < TICK_PAGE_ROWS) return;
  }
}

async function* barPages(store: Store, sel: ExportSelection): AsyncGenerator<string> {
  yield `${TICKLENS_OHLC_HEADER.join(",")}\n`;
  const step = sel.timeframe!.micros;
  const width = step * BAR_PAGE_BUCKETS;
  for (const symbol of sel.symbols) {
    const extent = await store.read(async (c) => {
      const sql = sel.fromTicks.has(symbol)
        ? `SELECT epoch_us(first_trade_time), epoch_us(last_trade_time) FROM tick_symbols WHERE symbol = ${sqlText(symbol)}`
        : `SELECT epoch_us(min(bucket_start)), epoch_us(max(bucket_start)) FROM ohlc_data
           WHERE symbol = ${sqlText(symbol)} AND timeframe = ${sqlText(sel.timeframe!.label)}`;
      return (await c.runAndReadAll(sql)).getRowsJS()[0];
    }, "export");
    if (extent === undefined || extent[0] === null) continue;
    const first = Number(extent[0]);
    const last = Number(extent[1]);
    let lo = Math.max(first - (((first % step) + step) % step), sel.fromUs ?? -Infinity);
    lo -= ((lo % step) + step) % step;
    const end = Math.min(last + 1, sel.toUs ?? Infinity);
    for (; lo < end; lo += width) {
      const rows = await store.read(async (c) => (await c.runAndReadAll(
        `SELECT symbol, timeframe, epoch_us(bucket_start)::VARCHAR, open, high, low, close, volume, quote_volume,
                trades::VARCHAR, vwap, buy_volume, sell_volume FROM (${barsSql(sel, symbol, lo, lo + width)})`,
      )).getRowsJS(), "export");
      if (rows.length === 0) continue;
      let text = "";
      for (const r of rows) {
        text += `${r[0]},${r[1]},${r[2]},${r[3]},${r[4]},${r[5]},${r[6]},${r[7]},${r[8]},${r[9]},${r[10] ?? ""},${r[11]},${r[12]}\n`;
      }
      yield text;
    }
  }
}

/** Rows per chunk of a pairs export. */
const PAIRS_CHUNK_ROWS = 5_000;

/** A number as CSV: the shortest text that reads back to the same double; empty for NaN (a rolling warm-up). */
const csvNumber = (v: number) => (Number.isFinite(v) ? String(v) : "");

/**
 * The CSV text of a pair's series, one row per aligned bucket: `bucket_start` (ISO 8601 UTC), `close_a`, `close_b`,
 * `spread`, `z_score`, `rolling_beta`, `rolling_correlation`; an empty field where a rolling series is not yet
 * defined. Numbers are written so they parse back to exactly the doubles `GET /api/analytics/pairs` returns.
 *
 * @param s the computed series
 * @returns a stream of UTF-8 CSV (header first)
 * @throws nothing
 * @example
 * return c.body(pairsCsvStream(await computePairsSeries(store, q)), 200, { "content-type": "text/csv; charset=utf-8" });
 */
export function pairsCsvStream(s: PairsSeries): ReadableStream<Uint8Array> {
  const rows = pairsRows(s);
  let header = true;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = "";
      if (header) {
        text = `${PAIRS_EXPORT_COLUMNS.join(",")}\n`;
        header = false;
      }
      for (let i = 0; i < PAIRS_CHUNK_ROWS; i++) {
        const next = rows.next();
        if (next.done) {
          if (text !== "") controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        const [t, ...values] = next.value;
        text += `${new Date(t).toISOString()},${values.map(csvNumber).join(",")}\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}
