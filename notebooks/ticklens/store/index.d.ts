/** The store's public face: DuckDB schema, tick appends, resampling and bar queries. Re-exports only. */
export { openStore, Store, DEFAULT_TIMEFRAMES, DEFAULT_ALLOWED_LATENESS_MS, type OpenStoreOptions } from "./database.ts";
export { StoreError, StoreInputError, ReadOnlyStoreError, StoreClosedError, SchemaVersionError } from "./errors.ts";
export { MIGRATIONS, SCHEMA_VERSION, migrate, readSchemaVersion, type Migration, type MigrationResult } from "./schema.ts";
export { TICK_SCHEMA, TickBatchBuilder, msToMicros, type Tick, type TickBatch } from "./tick-batch.ts";
export { TickWriter, CHUNK_ROWS, validateTickBatch, symbolExtentUpsertSql, type AppendResult, type AppendOptions } from "./tick-writer.ts";
export { insertTicksRowByRow, loadTicksCsv, formatTicksCsv, TICK_CSV_HEADER, type RowByRowOptions } from "./tick-baselines.ts";
export { lastTradeIds, missingTradeIds, type TradeIdRange } from "./tick-ids.ts";
export { writeQuarantine, type QuarantineRecord } from "./quarantine.ts";
export { resample, type ResampleOptions, type ResampleResult, type ResampleSettings } from "./resampler.ts";
export { queryBars, type BarsQuery } from "./bars-query.ts";
export { BAR_COLUMNS, barFromRow, bucketStartSql, ticksToBarsSql, barsToBarsSql } from "./bar-sql.ts";
export { parseTimeframe, type Timeframe } from "./timeframe.ts";
export { inTransaction } from "./transaction.ts";
export { tradesOfBatch, readTradeStream, type TradeStreamQuery, type TradeStream } from "./trade-stream.ts";
