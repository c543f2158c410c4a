/**
 * DuckDB query results as an Arrow IPC stream (`application/vnd.apache.arrow.stream`), for clients (pandas, polars,
 * the dashboard) that want typed columns instead of JSON.
 */
import { DuckDBTypeId } from "@duckdb/node-api";
import { Bool, DateDay, Float32, Float64, Int16, Int32, Int64, Int8, Table, TimestampMicrosecond, Uint16, Uint32, Uint64, Uint8, Utf8, tableToIPC, vectorFromArray, } from "apache-arrow";
/** The content type of an Arrow IPC stream. */
export const ARROW_STREAM_TYPE = "application/vnd.apache.arrow.stream";
/**
 * Encodes result columns as one Arrow IPC stream. Numbers, booleans, strings, dates and timestamps keep their
 * type (timestamps as microseconds, UTC, no zone, like the store); anything else (decimals as float64; lists,
 * structs, intervals, huge integers as JSON text) is converted so no value is lost silently.
 *
 * @param columns the columns, in order, all of the same length
 * @returns the IPC stream bytes
 * @throws {TypeError} columns of different lengths (a caller bug)
 * @example
 * const r = await c.runAndReadAll("SELECT 1::INTEGER AS a");
 * const bytes = toArrowStream([{ name: "a", type: r.columnType(0), values: r.getColumnsJS()[0] }]);
 */
export function toArrowStream(columns) {
    const length = columns.length > 0 ? columns[0].values.length : 0;
    const vectors = {};
    for (const column of columns) {
        if (column.values.length !== length)
            throw new TypeError(`column ${column.name} has ${column.values.length} values, expected ${length}`);
        vectors[column.name] = toVector(column);
    }
    return tableToIPC(new Table(vectors), "stream");
}
function toVector(column) {
    const { type, values } = column;
    const as = (arrowType, convert = (v) => v) => vectorFromArray(values.map((v) => (v === null || v === undefined ? null : convert(v))), arrowType);
    switch (type.typeId) {
        case DuckDBTypeId.BOOLEAN:
            return as(new Bool());
        case DuckDBTypeId.TINYINT:
            return as(new Int8());
        case DuckDBTypeId.SMALLINT:
            return as(new Int16());
        case DuckDBTypeId.INTEGER:
            return as(new Int32());
        case DuckDBTypeId.BIGINT:
            return as(new Int64(), (v) => BigInt(v));
        case DuckDBTypeId.UTINYINT:
            return as(new Uint8());
        case DuckDBTypeId.USMALLINT:
            return as(new Uint16());
        case DuckDBTypeId.UINTEGER:
            return as(new Uint32());
        case DuckDBTypeId.UBIGINT:
            return as(new Uint64(), (v) => BigInt(v));
        case DuckDBTypeId.FLOAT:
            return as(new Float32());
        case DuckDBTypeId.DOUBLE:
        case DuckDBTypeId.DECIMAL:
            return as(new Float64(), Number);
        case DuckDBTypeId.VARCHAR:
            return as(new Utf8(), String);
        case DuckDBTypeId.DATE:
            return as(new DateDay(), (v) => validDate(v));
        case DuckDBTypeId.TIMESTAMP:
        case DuckDBTypeId.TIMESTAMP_S:
        case DuckDBTypeId.TIMESTAMP_MS:
        case DuckDBTypeId.TIMESTAMP_NS:
        case DuckDBTypeId.TIMESTAMP_TZ:
            // vectorFromArray takes epoch milliseconds for timestamp types whatever the unit.
            return as(new TimestampMicrosecond(), (v) => validDate(v)?.getTime() ?? null);
        default:
            return as(new Utf8(), (v) => (typeof v === "string" ? v : JSON.stringify(v, jsonReplacer)));
    }
}
function validDate(v) {
    return v instanceof Date && Number.isFinite(v.getTime()) ? v : null;
}
function jsonReplacer(_key, value) {
    if (typeof value === "bigint")
        return value.toString();
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString("base64");
    return value;
}
