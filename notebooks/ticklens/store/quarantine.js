/**
 * The quarantine table: frames and REST rows that failed validation, kept as received with the reason, written
 * in batches (one appender pass, one transaction per call) so a burst of bad frames costs one commit.
 */
import { timestampValue } from "@duckdb/node-api";
import { StoreInputError } from "./errors.js";
import { inTransaction } from "./transaction.js";
/**
 * Appends quarantined records in one transaction (all or none).
 *
 * @param connection a writable connection with no open transaction
 * @param records the records; an empty list writes nothing
 * @returns when committed
 * @throws {StoreInputError} a record's receivedAt is not a finite number (`records[i].receivedAt`)
 * @throws DuckDB's error if the append fails (nothing written)
 * @example
 * await writeQuarantine(connection, [{ receivedAt: Date.now(), source: "live", symbol: "BTCUSDT", reason: "price is 0", raw }]);
 */
export async function writeQuarantine(connection, records) {
    if (records.length === 0)
        return;
    records.forEach((record, i) => {
        if (!Number.isFinite(record.receivedAt)) {
            throw new StoreInputError("writeQuarantine", `records[${i}].receivedAt`, `must be a finite number of ms, got ${record.receivedAt}`);
        }
    });
    await inTransaction(connection, async () => {
        const appender = await connection.createAppender("quarantine");
        try {
            for (const record of records) {
                appender.appendTimestamp(timestampValue(BigInt(Math.round(record.receivedAt * 1000))));
                appender.appendVarchar(record.source);
                if (record.symbol === null)
                    appender.appendNull();
                else
                    appender.appendVarchar(record.symbol);
                appender.appendVarchar(record.reason);
                appender.appendVarchar(record.raw);
                appender.endRow();
            }
            appender.flushSync();
        }
        finally {
            try {
                appender.closeSync();
            }
            catch {
                // Already failed in flushSync; that error is the one thrown.
            }
        }
    });
}
