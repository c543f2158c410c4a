import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/database.ts";
import { ReadOnlyStoreError, SchemaVersionError, StoreClosedError, StoreInputError } from "../../src/store/errors.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/schema.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { tick, toBatch } from "./helpers.ts";

const tmp = useTempDir("ticklens-store-", "each");

const TABLES = [
  "alert_history",
  "alerts",
  "analytics_cache",
  "ohlc_data",
  "quarantine",
  "resample_state",
  "schema_version",
  "tick_data",
  "tick_symbols",
  "uploaded_data",
];

describe("openStore migrates the schema", () => {
  it("applies every migration once on a new file and nothing on reopen", async () => {
    const path = tmp.path("db/ticklens.duckdb"); // the directory does not exist yet
    const first = await openStore(path);
    expect(first.migration).toEqual({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.version) });
    expect(first.schemaVersion).toBe(SCHEMA_VERSION);
    const tables = await first.read(async (c) =>
      (await c.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1")).getRows().flat(),
    );
    expect(tables).toEqual(TABLES);
    await first.close();

    const again = await openStore(path);
    expect(again.migration).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    const versions = await again.read(async (c) =>
      (await c.runAndReadAll("SELECT version, name FROM schema_version ORDER BY version")).getRowObjectsJS(),
    );
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    await again.close();
  });

  it("refuses a file whose schema is newer than the code", async () => {
    const path = tmp.path("newer.duckdb");
    await (await openStore(path)).close();
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await c.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION + 1}, 'from the future', now() AT TIME ZONE 'UTC')`);
    c.closeSync();
    instance.closeSync();
    await expect(openStore(path)).rejects.toThrow(SchemaVersionError);
    await expect(openStore(path, { readOnly: true })).rejects.toThrow(
      new RegExp(`schema version ${SCHEMA_VERSION + 1}; this code knows up to ${SCHEMA_VERSION}`),
    );
  });

  it("refuses to open a DuckDB file without a schema read-only", async () => {
    const path = tmp.path("plain.duckdb");
    const instance = await DuckDBInstance.create(path);
    (await instance.connect()).closeSync();
    instance.closeSync();
    await expect(openStore(path, { readOnly: true })).rejects.toThrow(/no schema_version table/);
  });

  it("refuses malformed options, naming them", async () => {
    await expect(openStore(":memory:", { timeframes: ["1x"] })).rejects.toThrow(StoreInputError);
    await expect(openStore(":memory:", { timeframes: ["7m"] })).rejects.toThrow(/does not divide one day/);
    await expect(openStore(":memory:", { allowedLatenessMs: -1 })).rejects.toThrow(/allowedLatenessMs/);
    await expect(openStore(":memory:", { readOnly: true })).rejects.toThrow(/in-memory/);
  });
});

describe("a read-only store", () => {
  it("reads what a writer stored but cannot write, through the store or raw SQL", async () => {
    const path = tmp.path("ro.duckdb");
    const writer = await openStore(path);
    await writer.appendTicks(toBatch([tick("BTCUSDT", 1, 1_765_922_888_978)]));
    await writer.close();

    const reader = await openStore(path, { readOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.migration.applied).toEqual([]);
    expect(await reader.lastTradeIds()).toEqual(new Map([["BTCUSDT", 1]]));
    await expect(reader.appendTicks(toBatch([tick("BTCUSDT", 2, 1_765_922_888_979)]))).rejects.toThrow(ReadOnlyStoreError);
    await expect(reader.resample()).rejects.toThrow(ReadOnlyStoreError);
    await expect(reader.writeQuarantine([])).rejects.toThrow(ReadOnlyStoreError);
    // DuckDB itself refuses too: the file is attached read-only, not merely guarded by this class.
    await expect(reader.read((c) => c.run("DELETE FROM tick_data"))).rejects.toThrow(/read-only/);
    await reader.checkpoint(); // a no-op, not an error
    await reader.close();
  });
});

describe("closing", () => {
  it("is idempotent, waits for queued writes, and refuses later use", async () => {
    const store = await openStore(tmp.path("close.duckdb"));
    const pending = store.appendTicks(toBatch([tick("ETHUSDT", 7, 1_765_922_888_978)]));
    const closed = store.close();
    expect(store.close()).toBe(closed);
    await closed;
    expect((await pending).inserted).toBe(1);
    await expect(store.lastTradeIds()).rejects.toThrow(StoreClosedError);
    await expect(store.appendTicks(toBatch([tick("ETHUSDT", 8, 1)]))).rejects.toThrow(StoreClosedError);

    const reopened = await openStore(tmp.path("close.duckdb"));
    expect(await reopened.lastTradeIds()).toEqual(new Map([["ETHUSDT", 7]]));
    await reopened.checkpoint();
    await reopened.close();
  });
});
