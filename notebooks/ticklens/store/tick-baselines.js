import { symbolExtentUpsertSql, validateTickBatch } from "./tick-writer.js";
import { inTransaction } from "./transaction.js";
/** Header of the CSV that {@link formatTicksCsv} writes and {@link loadTicksCsv} reads; times are epoch µs. */
export const TICK_CSV_HEADER = "symbol,trade_id,price,qty,quote_qty,is_buyer_maker,trade_time_us,event_time_us,recv_time_us,source";
const EMPTY = { inserted: 0, duplicates: 0, minTradeTime: null, maxTradeTime: null };
/** Row-wise access to a TICK_SCHEMA batch's typed-array columns (no per-row Arrow objects). */
function columnsOf(batch) {
    const c = batch.data.children;
    const dict = (d) => (d.dictionary?.toArray() ?? []);
    const at = (d) => (i) => d.values[d.offset + i];
    const bit = (d) => (i) => {
        const j = d.offset + i;
        return ((d.values[j >> 3] >> (j & 7)) & 1) === 1;
    };
    const symbols = dict(c[0]);
    const sources = dict(c[9]);
    return {
        symbol: (i) => symbols[at(c[0])(i)],
        tradeId: at(c[1]),
        price: at(c[2]),
        qty: at(c[3]),
        quoteQty: at(c[4]),
        isBuyerMaker: bit(c[5]),
        tradeTime: at(c[6]),
        eventTime: at(c[7]),
        recvTime: at(c[8]),
        source: (i) => sources[at(c[9])(i)],
    };
}
/**
 * Inserts a batch one row per prepared-statement execution (the floor baseline), in one transaction.
 *
 * @param connection a writable connection with no open transaction
 * @param batch a record batch with `TICK_SCHEMA`
 * @param options `{ idempotent = true }`
 * @returns rows inserted and dropped as duplicates, and the batch's trade-time range in ms
 * @throws {StoreInputError} the batch does not match `TICK_SCHEMA` or holds nulls
 * @throws DuckDB's constraint error (or, not idempotent, its duplicate-key error), with nothing written
 * @example
 * await store.write((c) => insertTicksRowByRow(c, batch));
 */
export async function insertTicksRowByRow(connection, batch, options = {}) {
    validateTickBatch(batch, "insertTicksRowByRow");
    const rows = batch.numRows;
    if (rows === 0)
        return EMPTY;
    const col = columnsOf(batch);
    const statement = await connection.prepare(`INSERT INTO tick_data VALUES ($1, $2, $3, $4, $5, $6, make_timestamp($7), make_timestamp($8), make_timestamp($9), $10)
     ${options.idempotent === false ? "" : "ON CONFLICT DO NOTHING"}`);
    const extents = new Map();
    try {
        const inserted = await inTransaction(connection, async () => {
            let count = 0;
            for (let i = 0; i < rows; i++) {
                const symbol = col.symbol(i);
                const tradeTime = col.tradeTime(i);
                statement.bindVarchar(1, symbol);
                statement.bindBigInt(2, col.tradeId(i));
                statement.bindDouble(3, col.price(i));
                statement.bindDouble(4, col.qty(i));
                statement.bindDouble(5, col.quoteQty(i));
                statement.bindBoolean(6, col.isBuyerMaker(i));
                statement.bindBigInt(7, tradeTime);
                statement.bindBigInt(8, col.eventTime(i));
                statement.bindBigInt(9, col.recvTime(i));
                statement.bindVarchar(10, col.source(i));
                count += (await statement.run()).rowsChanged;
                const extent = extents.get(symbol);
                if (extent === undefined)
                    extents.set(symbol, { min: tradeTime, max: tradeTime });
                else if (tradeTime < extent.min)
                    extent.min = tradeTime;
                else if (tradeTime > extent.max)
                    extent.max = tradeTime;
            }
            if (count > 0) {
                for (const [symbol, { min, max }] of extents) {
                    await connection.run(symbolExtentUpsertSql("SELECT $1::VARCHAR AS symbol, make_timestamp($2::BIGINT) AS first_time, make_timestamp($3::BIGINT) AS last_time"), [symbol, min, max]);
                }
            }
            return count;
        });
        let min = Infinity;
        let max = -Infinity;
        for (const extent of extents.values()) {
            min = Math.min(min, Number(extent.min) / 1000);
            max = Math.max(max, Number(extent.max) / 1000);
        }
        return { inserted, duplicates: rows - inserted, minTradeTime: min, maxTradeTime: max };
    }
    finally {
        statement.destroySync();
    }
}
function csvText(value) {
    return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
/**
 * The batch as CSV text with {@link TICK_CSV_HEADER} (the input {@link loadTicksCsv} reads).
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns the CSV, header first, `\n` line ends
 * @throws {StoreInputError} the batch does not match `TICK_SCHEMA`
 * @example
 * writeFileSync("ticks.csv", formatTicksCsv(batch));
 */
export function formatTicksCsv(batch) {
    validateTickBatch(batch, "formatTicksCsv");
    const col = columnsOf(batch);
    const lines = [TICK_CSV_HEADER];
    for (let i = 0; i < batch.numRows; i++) {
        lines.push([
            csvText(col.symbol(i)),
            col.tradeId(i),
            col.price(i),
            col.qty(i),
            col.quoteQty(i),
            col.isBuyerMaker(i) ? 1 : 0,
            col.tradeTime(i),
            col.eventTime(i),
            col.recvTime(i),
            csvText(col.source(i)),
        ].join(","));
    }
    return lines.join("\n") + "\n";
}
/**
 * Loads a CSV written by {@link formatTicksCsv} with DuckDB's `read_csv` (the ceiling baseline), in one transaction.
 *
 * @param connection a writable connection with no open transaction
 * @param path the CSV file
 * @returns rows inserted and dropped as duplicates, and the file's trade-time range in ms
 * @throws DuckDB's error for an unreadable or malformed file, or a constraint violation, with nothing written
 * @example
 * await store.write((c) => loadTicksCsv(c, "/tmp/ticks.csv"));
 */
export async function loadTicksCsv(connection, path) {
    return inTransaction(connection, async () => {
        await connection.run(`CREATE OR REPLACE TEMP TABLE tick_csv_stage AS
       SELECT symbol, trade_id, price, qty, quote_qty, is_buyer_maker, make_timestamp(trade_time_us) AS trade_time,
              make_timestamp(event_time_us) AS event_time, make_timestamp(recv_time_us) AS recv_time, source
       FROM read_csv($1, header = true, auto_detect = false, columns = {
         'symbol': 'VARCHAR', 'trade_id': 'BIGINT', 'price': 'DOUBLE', 'qty': 'DOUBLE', 'quote_qty': 'DOUBLE',
         'is_buyer_maker': 'BOOLEAN', 'trade_time_us': 'BIGINT', 'event_time_us': 'BIGINT', 'recv_time_us': 'BIGINT',
         'source': 'VARCHAR'})`, [path]);
        const inserted = (await connection.run("INSERT INTO tick_data SELECT * FROM tick_csv_stage ON CONFLICT DO NOTHING")).rowsChanged;
        if (inserted > 0) {
            await connection.run(symbolExtentUpsertSql("SELECT symbol, min(trade_time) AS first_time, max(trade_time) AS last_time FROM tick_csv_stage GROUP BY symbol"));
        }
        const stats = (await connection.runAndReadAll("SELECT count(*)::DOUBLE AS n, epoch_us(min(trade_time)) / 1000 AS lo, epoch_us(max(trade_time)) / 1000 AS hi FROM tick_csv_stage")).getRowObjectsJS()[0];
        await connection.run("DROP TABLE tick_csv_stage");
        const rows = stats.n;
        return {
            inserted,
            duplicates: rows - inserted,
            minTradeTime: stats.lo ?? null,
            maxTradeTime: stats.hi ?? null,
        };
    });
}
