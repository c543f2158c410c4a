/**
 * Arrow tables to plain row objects, one conversion for both ways of querying, so a row from the DuckDB file and the
 * same row through the API are equal: 64-bit integers as numbers where exact, timestamps and dates as `Date`.
 */
import { DataType } from "apache-arrow";
const asIs = (value) => value;
const toDate = (value) => (value === null || value === undefined ? null : new Date(value));
const toSafeNumber = (value) => typeof value === "bigint" && Number.isSafeInteger(Number(value)) ? Number(value) : (value ?? null);
function converterFor(type) {
    if (DataType.isTimestamp(type) || DataType.isDate(type))
        return toDate;
    if (DataType.isInt(type) && type.bitWidth === 64)
        return toSafeNumber;
    return asIs;
}
/**
 * The rows of an Arrow table as plain objects.
 *
 * @param table any Arrow table (e.g. from {@link NotebookDb.arrow})
 * @returns one object per row, keyed by column name
 * @example
 * tableRows<{ symbol: string; n: number }>(await db.arrow("SELECT symbol, count(*) AS n FROM tick_data GROUP BY 1"));
 */
export function tableRows(table) {
    const columns = table.schema.fields.map((field, i) => ({
        name: field.name,
        convert: converterFor(field.type),
        vector: table.getChildAt(i),
    }));
    const rows = new Array(table.numRows);
    for (let r = 0; r < table.numRows; r++) {
        const row = {};
        for (const { name, convert, vector } of columns)
            row[name] = convert(vector?.get(r) ?? null);
        rows[r] = row;
    }
    return rows;
}
