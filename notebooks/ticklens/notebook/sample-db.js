/**
 * The notebooks' database: the committed real futures capture loaded into a Ticklens DuckDB file by the store's
 * own writer and resampler, so a notebook reads exactly what the collector would have stored. Built once, when
 * missing or older than the store's schema, then only ever opened read-only.
 */
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { readFuturesSampleCsv } from "../replay/futures-sample-csv.js";
import { openStore, SCHEMA_VERSION, TickBatchBuilder } from "../store/index.js";
import { projectPath, SAMPLE_CAPTURE, SAMPLE_DB } from "./project-paths.js";
/**
 * Makes sure the sample database exists and is current, building it if not. The build writes a temporary file and
 * renames it into place, so a notebook running at the same time never sees half a database.
 *
 * @param options `{ path, capture }`
 * @returns the absolute path of the database file
 * @throws {CaptureFormatError} the capture is malformed (line and column named)
 * @throws DuckDB's error when the file cannot be written
 * @example
 * const path = await ensureSampleDb(); // ".../data/notebook-sample.duckdb"
 */
export async function ensureSampleDb(options = {}) {
    const path = projectPath(options.path ?? (process.env.TICKLENS_NOTEBOOK_DB || SAMPLE_DB));
    if (existsSync(path) && (await schemaVersionOf(path)) === SCHEMA_VERSION)
        return path;
    const capturePath = projectPath(options.capture ?? SAMPLE_CAPTURE);
    const started = performance.now();
    const ticks = marketTicks(capturePath);
    // Same directory (so the rename is atomic), same extension (so it is git-ignored like the file itself).
    const building = join(dirname(path), `building-${process.pid}-${basename(path)}`);
    const removeBuilding = () => {
        rmSync(building, { force: true });
        rmSync(`${building}.wal`, { force: true });
    };
    removeBuilding();
    try {
        const store = await openStore(building);
        try {
            const builder = new TickBatchBuilder(ticks.length);
            for (const tick of ticks)
                builder.push(tick);
            await store.appendTicks(builder.finish());
            await store.resample({ final: true });
            await store.checkpoint();
        }
        finally {
            await store.close();
        }
        rmSync(`${path}.wal`, { force: true }); // a stale log beside the old file must not be replayed into the new one
        renameSync(building, path);
    }
    catch (error) {
        removeBuilding();
        throw error;
    }
    const ms = Math.round(performance.now() - started);
    console.error(`ensureSampleDb: built ${path} from ${basename(capturePath)} (${ticks.length} trades) in ${ms} ms`);
    return path;
}
/**
 * The capture's order-book trades as the collector would store them: ids as the replay server assigns them
 * (contiguous per symbol in file order), off-book rows (price 0) left out, receive time = trade time.
 */
function marketTicks(capturePath) {
    const capture = readFuturesSampleCsv(readFileSync(capturePath, "utf8"), basename(capturePath));
    const ticks = [];
    for (const event of capture.events) {
        if (event.kind !== "trade" || event.status !== "MARKET")
            continue;
        const price = Number(event.price);
        const qty = Number(event.qty);
        const time = event.timeUs / 1000;
        ticks.push({
            symbol: event.symbol,
            tradeId: event.id,
            price,
            qty,
            quoteQty: price * qty,
            isBuyerMaker: event.isBuyerMaker,
            tradeTime: time,
            eventTime: time,
            recvTime: time,
            source: "replay",
        });
    }
    return ticks;
}
/** The schema version of an existing file, or null when it is not a readable Ticklens database. */
async function schemaVersionOf(path) {
    try {
        const store = await openStore(path, { readOnly: true });
        const version = store.schemaVersion;
        await store.close();
        return version;
    }
    catch {
        return null;
    }
}
