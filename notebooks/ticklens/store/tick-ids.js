import { StoreInputError } from "./errors.js";
/**
 * The highest stored trade id of every symbol.
 *
 * @param connection any connection to the store's database
 * @returns symbol → highest trade_id (empty for an empty store)
 * @throws DuckDB's error if the query fails
 * @example
 * const ids = await lastTradeIds(connection); // Map { "BTCUSDT" => 6812345678, "ETHUSDT" => 5312345678 }
 */
export async function lastTradeIds(connection) {
    const reader = await connection.runAndReadAll("SELECT symbol, max(trade_id)::DOUBLE AS id FROM tick_data GROUP BY symbol");
    const ids = new Map();
    for (const row of reader.getRowObjectsJS())
        ids.set(row.symbol, row.id);
    return ids;
}
/**
 * The ids in [fromId, toId] with no stored row for `symbol`, as inclusive ranges, lowest first.
 *
 * @param connection any connection to the store's database
 * @param symbol e.g. `"BTCUSDT"`
 * @param fromId first id of the span (a safe integer)
 * @param toId last id of the span, inclusive (≥ fromId)
 * @param limit at most this many ranges (default 10,000)
 * @returns the missing ranges; `[]` when the span is complete
 * @throws {StoreInputError} an id or limit that is not a safe integer, or toId < fromId
 * @example
 * await missingTradeIds(connection, "BTCUSDT", 100, 200); // [{ first: 151, last: 157 }]
 */
export async function missingTradeIds(connection, symbol, fromId, toId, limit = 10_000) {
    const fn = "missingTradeIds";
    for (const [name, value] of [["fromId", fromId], ["toId", toId], ["limit", limit]]) {
        if (!Number.isSafeInteger(value))
            throw new StoreInputError(fn, name, `must be a safe integer, got ${value}`);
    }
    if (toId < fromId)
        throw new StoreInputError(fn, "toId", `(${toId}) is below fromId (${fromId})`);
    if (limit < 1)
        throw new StoreInputError(fn, "limit", `must be ≥ 1, got ${limit}`);
    // Sentinels just outside the span turn missing edges into ordinary gaps between neighbours.
    const reader = await connection.runAndReadAll(`WITH ids AS (
       SELECT trade_id FROM tick_data WHERE symbol = $1 AND trade_id BETWEEN $2 AND $3
       UNION ALL SELECT $2 - 1
       UNION ALL SELECT $3 + 1
     ), neighbours AS (
       SELECT trade_id, lead(trade_id) OVER (ORDER BY trade_id) AS next_id FROM ids
     )
     SELECT (trade_id + 1)::DOUBLE AS first, (next_id - 1)::DOUBLE AS last
     FROM neighbours WHERE next_id > trade_id + 1
     ORDER BY first
     LIMIT $4::BIGINT`, [symbol, BigInt(fromId), BigInt(toId), limit]);
    return reader.getRowObjectsJS().map((row) => ({ first: row.first, last: row.last }));
}
