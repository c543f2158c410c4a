const NOW_UTC = "(now() AT TIME ZONE 'UTC')";
export const MIGRATIONS = [
    {
        version: 1,
        name: "ticks, bars and the resampler's state",
        sql: `
      -- One row per exchange trade. The key makes appends idempotent: a trade seen twice (reconnect overlap,
      -- REST backfill of a hole that the stream later filled) is stored once. Off-book rows (price or qty 0)
      -- are not trades, so they cannot enter.
      CREATE TABLE tick_data (
        symbol          VARCHAR   NOT NULL,
        trade_id        BIGINT    NOT NULL,
        price           DOUBLE    NOT NULL CHECK (isfinite(price) AND price > 0),
        qty             DOUBLE    NOT NULL CHECK (isfinite(qty) AND qty > 0),
        quote_qty       DOUBLE    NOT NULL CHECK (isfinite(quote_qty)),
        is_buyer_maker  BOOLEAN   NOT NULL,
        trade_time      TIMESTAMP NOT NULL,
        event_time      TIMESTAMP NOT NULL,
        recv_time       TIMESTAMP NOT NULL,
        source          VARCHAR   NOT NULL,
        PRIMARY KEY (symbol, trade_id)
      );

      -- Closed bars, labelled by the bucket's left edge (epoch-aligned), rewritten in place when late trades land.
      CREATE TABLE ohlc_data (
        symbol        VARCHAR   NOT NULL,
        timeframe     VARCHAR   NOT NULL,
        bucket_start  TIMESTAMP NOT NULL,
        open          DOUBLE    NOT NULL,
        high          DOUBLE    NOT NULL,
        low           DOUBLE    NOT NULL,
        close         DOUBLE    NOT NULL,
        volume        DOUBLE    NOT NULL,
        quote_volume  DOUBLE    NOT NULL,
        trades        BIGINT    NOT NULL,
        vwap          DOUBLE,
        buy_volume    DOUBLE    NOT NULL,
        sell_volume   DOUBLE    NOT NULL,
        source        VARCHAR   NOT NULL,
        PRIMARY KEY (symbol, timeframe, bucket_start)
      );

      -- Per symbol, kept in the same transaction as every tick append: the trade-time extent (its maximum over all
      -- symbols is the resampler's watermark) and the earliest trade time appended since the last resample run.
      CREATE TABLE tick_symbols (
        symbol            VARCHAR   PRIMARY KEY,
        first_trade_time  TIMESTAMP NOT NULL,
        last_trade_time   TIMESTAMP NOT NULL,
        pending_from      TIMESTAMP
      );

      -- Per symbol and stored timeframe: every bucket that starts before the bucket of dirty_from is written and
      -- current; from there on bars are missing or stale. Survives restarts, so a crash between an append and a
      -- resample run loses nothing.
      CREATE TABLE resample_state (
        symbol      VARCHAR   NOT NULL,
        timeframe   VARCHAR   NOT NULL,
        dirty_from  TIMESTAMP,
        PRIMARY KEY (symbol, timeframe)
      );
    `,
    },
    {
        version: 2,
        name: "quarantine, alerts, analytics cache, uploads",
        sql: `
      -- Frames and REST rows that failed validation, as received, with the reason.
      CREATE TABLE quarantine (
        received_at  TIMESTAMP NOT NULL,
        source       VARCHAR   NOT NULL,
        symbol       VARCHAR,
        reason       VARCHAR   NOT NULL,
        raw          VARCHAR   NOT NULL
      );

      CREATE TABLE alerts (
        id          VARCHAR   PRIMARY KEY,
        rule        JSON      NOT NULL,
        enabled     BOOLEAN   NOT NULL DEFAULT true,
        created_at  TIMESTAMP NOT NULL DEFAULT ${NOW_UTC},
        updated_at  TIMESTAMP NOT NULL DEFAULT ${NOW_UTC}
      );

      CREATE SEQUENCE alert_history_id START 1;
      CREATE TABLE alert_history (
        id               BIGINT    PRIMARY KEY DEFAULT nextval('alert_history_id'),
        rule_id          VARCHAR   NOT NULL,
        fired_at         TIMESTAMP NOT NULL,
        value            DOUBLE,
        threshold        DOUBLE,
        message          VARCHAR   NOT NULL,
        acknowledged_at  TIMESTAMP
      );

      -- Expensive analytics results keyed by what they were computed from; a changed inputs_hash means stale.
      CREATE TABLE analytics_cache (
        key          VARCHAR   PRIMARY KEY,
        inputs_hash  VARCHAR   NOT NULL,
        computed_at  TIMESTAMP NOT NULL,
        payload      JSON      NOT NULL
      );

      CREATE TABLE uploaded_data (
        name         VARCHAR   PRIMARY KEY,
        kind         VARCHAR   NOT NULL CHECK (kind IN ('ticks', 'bars')),
        rows         BIGINT    NOT NULL,
        first_time   TIMESTAMP,
        last_time    TIMESTAMP,
        checksum     VARCHAR   NOT NULL,
        uploaded_at  TIMESTAMP NOT NULL DEFAULT ${NOW_UTC}
      );
    `,
    },
];
/** The schema version this code writes and expects. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
/**
 * Reads the schema version of an open database.
 *
 * @param connection any connection to the database
 * @returns the highest applied migration, 0 when `schema_version` is empty, null when the table does not exist
 * @throws DuckDB's error if the query itself fails
 * @example
 * await readSchemaVersion(connection); // 2
 */
export async function readSchemaVersion(connection) {
    const exists = await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'schema_version'");
    if (exists.getRowObjectsJS()[0].n === 0)
        return null;
    const reader = await connection.runAndReadAll("SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_version");
    return reader.getRowObjectsJS()[0].v;
}
/**
 * Brings the database up to {@link SCHEMA_VERSION}: applies every migration newer than the recorded version, in
 * order, each in one transaction together with its `schema_version` row (so a failed migration leaves nothing).
 * Re-running is a no-op.
 *
 * @param connection a writable connection with no open transaction
 * @returns the versions before and after and the ones applied
 * @throws DuckDB's error when a migration fails (that migration is rolled back; earlier ones stay applied)
 * @example
 * const { applied } = await migrate(connection); // [1, 2] on a new file, [] afterwards
 */
export async function migrate(connection) {
    await connection.run(`
    CREATE TABLE IF NOT EXISTS schema_version (
      version     INTEGER   PRIMARY KEY,
      name        VARCHAR   NOT NULL,
      applied_at  TIMESTAMP NOT NULL
    )`);
    const from = (await readSchemaVersion(connection)) ?? 0;
    const applied = [];
    for (const migration of MIGRATIONS) {
        if (migration.version <= from)
            continue;
        await connection.run("BEGIN TRANSACTION");
        try {
            await connection.run(migration.sql);
            await connection.run(`INSERT INTO schema_version VALUES ($1, $2, ${NOW_UTC})`, [migration.version, migration.name]);
            await connection.run("COMMIT");
        }
        catch (error) {
            await connection.run("ROLLBACK").catch(() => undefined);
            throw error;
        }
        applied.push(migration.version);
    }
    return { from, to: Math.max(from, SCHEMA_VERSION), applied };
}
