import { ApiError } from "./errors.js";
const queues = new WeakMap();
/**
 * Runs `fn` after every earlier upload to `store` has finished (success or not).
 *
 * @param store the store uploads go to
 * @param fn the upload
 * @returns what `fn` returns
 * @throws whatever `fn` throws
 * @example
 * await serialUpload(store, () => writeUpload(...));
 */
export function serialUpload(store, fn) {
    const next = (queues.get(store) ?? Promise.resolve()).then(fn);
    queues.set(store, next.catch(() => undefined));
    return next;
}
/**
 * Refuses a name already recorded, and returns the first synthetic id for the next upload.
 *
 * @param store the store
 * @param name the upload's name
 * @returns the first synthetic (negative) trade id free
 * @throws {ApiError} 409 `name_taken` on `name`
 * @example
 * const base = await prepareUpload(store, "jan-trades"); // -1 in an empty store
 */
export async function prepareUpload(store, name) {
    const [taken, lowest] = await store.read(async (c) => {
        const t = await c.runAndReadAll("SELECT count(*)::INTEGER FROM uploaded_data WHERE name = $1", [name]);
        const l = await c.runAndReadAll("SELECT coalesce(min(trade_id), 0)::DOUBLE FROM tick_data WHERE trade_id < 0");
        return [Number(t.getRows()[0][0]), Number(l.getRows()[0][0])];
    });
    if (taken > 0)
        throw nameTaken(name);
    return lowest - 1;
}
function nameTaken(name) {
    return new ApiError(409, "name_taken", `an upload named "${name}" exists already; choose another name`, "name");
}
/**
 * Stores a parsed, problem-free upload and its record in one transaction (ticks: the record is written within the
 * `appendTicks` transaction; bars: the bars and the record in one `store.transaction`), so a failure leaves nothing.
 *
 * @param store the store
 * @param name the upload's name
 * @param kind ticks or ohlc
 * @param parsed the parse result (its rows, not its problems)
 * @param checksum SHA-256 of the file, hex
 * @returns the record
 * @throws {ApiError} 409 `name_taken` on `name` when another writer recorded the name meanwhile, nothing written
 * @throws DuckDB's error, with nothing written
 * @example
 * const record = await writeUpload(store, "jan", "ticks", parsed, sha);
 */
export async function writeUpload(store, name, kind, parsed, checksum) {
    const source = `upload:${name}`;
    const uploadedAt = Date.now();
    let inserted;
    const record = async (c) => {
        try {
            await c.run(`INSERT INTO uploaded_data (name, kind, rows, first_time, last_time, checksum, uploaded_at)
         VALUES ($1, $2, $3, make_timestamp($4::BIGINT), make_timestamp($5::BIGINT), $6, make_timestamp($7::BIGINT))`, [name, kind === "ticks" ? "ticks" : "bars", parsed.rows, micros(parsed.firstTime), micros(parsed.lastTime), checksum, micros(uploadedAt)]);
        }
        catch (error) {
            // `name` is the table's only key: a writer outside the upload queue took it since prepareUpload checked.
            if (error instanceof Error && /Duplicate key/i.test(error.message))
                throw nameTaken(name);
            throw error;
        }
    };
    if (kind === "ticks") {
        // The record is written inside the ticks' own transaction: a failing record rolls the ticks back with it.
        const result = await store.appendTicks(parsed.ticks, { within: record });
        inserted = result.inserted;
    }
    else {
        inserted = await store.transaction(async (c) => {
            const n = await insertBars(c, parsed.bars, source);
            await record(c);
            return n;
        }, "upload");
    }
    return {
        name,
        kind,
        format: parsed.format,
        rows: parsed.rows,
        inserted,
        duplicates: parsed.rows - inserted,
        firstTime: iso(parsed.firstTime),
        lastTime: iso(parsed.lastTime),
        checksum,
        uploadedAt: new Date(uploadedAt).toISOString(),
        source,
    };
}
/** Bars through a TEMP stage (columnar appender), then one INSERT … ON CONFLICT DO NOTHING: stored bars win. */
async function insertBars(c, bars, source) {
    await c.run(`CREATE TEMP TABLE IF NOT EXISTS upload_bar_stage (
    symbol VARCHAR, timeframe VARCHAR, bucket_us BIGINT, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE,
    volume DOUBLE, quote_volume DOUBLE, trades BIGINT, buy_volume DOUBLE)`);
    await c.run("DELETE FROM upload_bar_stage");
    const appender = await c.createAppender("upload_bar_stage", "main", "temp");
    try {
        for (const b of bars) {
            appender.appendVarchar(b.symbol);
            appender.appendVarchar(b.timeframe);
            appender.appendBigInt(micros(b.bucketStart));
            appender.appendDouble(b.open);
            appender.appendDouble(b.high);
            appender.appendDouble(b.low);
            appender.appendDouble(b.close);
            appender.appendDouble(b.volume);
            appender.appendDouble(b.quoteVolume);
            appender.appendBigInt(BigInt(b.trades));
            appender.appendDouble(b.buyVolume);
            appender.endRow();
        }
        appender.flushSync();
    }
    finally {
        appender.closeSync();
    }
    const result = await c.run(`INSERT INTO ohlc_data
     SELECT symbol, timeframe, make_timestamp(bucket_us), open, high, low, close, volume, quote_volume, trades,
            CASE WHEN volume > 0 THEN quote_volume / volume END, buy_volume, greatest(volume - buy_volume, 0), $1
     FROM upload_bar_stage
     ON CONFLICT DO NOTHING`, [source]);
    await c.run("DELETE FROM upload_bar_stage");
    return result.rowsChanged;
}
function micros(ms) {
    return ms === null ? null : BigInt(Math.round(ms * 1000));
}
function iso(ms) {
    return ms === null ? null : new Date(ms).toISOString();
}
