/** The store's public face: DuckDB schema, tick appends, resampling and bar queries. Re-exports only. */
export { openStore, Store, DEFAULT_TIMEFRAMES, DEFAULT_ALLOWED_LATENESS_MS } from "./database.js";
export { StoreError, StoreInputError, ReadOnlyStoreError, StoreClosedError, SchemaVersionError } from "./errors.js";
export { MIGRATIONS, SCHEMA_VERSION, migrate, readSchemaVersion } from "./schema.js";
export { TICK_SCHEMA, TickBatchBuilder, msToMicros } from "./tick-batch.js";
export { TickWriter, CHUNK_ROWS, validateTickBatch, symbolExtentUpsertSql } from "./tick-writer.js";
export { insertTicksRowByRow, loadTicksCsv, formatTicksCsv, TICK_CSV_HEADER } from "./tick-baselines.js";
export { lastTradeIds, missingTradeIds } from "./tick-ids.js";
export { writeQuarantine } from "./quarantine.js";
export { resample } from "./resampler.js";
export { queryBars } from "./bars-query.js";
export { BAR_COLUMNS, barFromRow, bucketStartSql, ticksToBarsSql, barsToBarsSql } from "./bar-sql.js";
export { parseTimeframe } from "./timeframe.js";
export { inTransaction } from "./transaction.js";
export { tradesOfBatch, readTradeStream } from "./trade-stream.js";
