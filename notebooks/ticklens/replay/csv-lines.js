/**
 * Line and field splitting shared by the CSV capture readers, with checked field conversions whose errors name
 * the capture, the line number and the column.
 */
import { CaptureFormatError } from "./capture.js";
import { parseDecimal, significantScale, formatDecimal } from "./decimal-text.js";
/**
 * Non-blank lines of a CSV text split on commas (these formats never quote), BOM and `\r` removed.
 * @param text the whole file
 * @returns the lines in file order
 * @throws never
 * @example
 * csvLines("a,b\n\n1,2\r\n").map((l) => l.lineNo); // [1, 3]
 */
export function csvLines(text) {
    const out = [];
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let start = 0;
    let lineNo = 0;
    while (start <= body.length) {
        let end = body.indexOf("\n", start);
        if (end === -1)
            end = body.length;
        lineNo++;
        let line = body.slice(start, end);
        if (line.endsWith("\r"))
            line = line.slice(0, -1);
        if (line.trim() !== "")
            out.push({ lineNo, fields: line.split(",").map((f) => f.trim()) });
        start = end + 1;
    }
    return out;
}
/** Checked conversions of one line's fields; every error names the capture, line and column. */
export class FieldReader {
    capture;
    columns;
    constructor(capture, columns) {
        this.capture = capture;
        this.columns = columns;
    }
    /** Throws unless the line has exactly the expected number of fields (or one of `alsoAllowed`). */
    width(line, alsoAllowed = []) {
        const n = line.fields.length;
        if (n !== this.columns.length && !alsoAllowed.includes(n)) {
            throw this.error(line, `has ${n} fields, expected ${[this.columns.length, ...alsoAllowed].join(" or ")} (${this.columns.join(",")})`);
        }
    }
    /** A non-negative safe integer. */
    integer(line, column) {
        const text = line.fields[column];
        const value = Number(text);
        if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
            throw this.fieldError(line, column, "is not a non-negative integer");
        return value;
    }
    /** A non-negative decimal re-spelled plainly ("6e-05" → "0.00006"). */
    decimal(line, column) {
        try {
            const d = parseDecimal(line.fields[column]);
            return formatDecimal(d, significantScale(d));
        }
        catch {
            throw this.fieldError(line, column, "is not a non-negative decimal");
        }
    }
    /** `1`/`0`, `true`/`false` in any case. */
    boolean(line, column) {
        const text = line.fields[column].toLowerCase();
        if (text === "1" || text === "true")
            return true;
        if (text === "0" || text === "false")
            return false;
        throw this.fieldError(line, column, "is not a boolean (1/0/true/false)");
    }
    /** An exchange symbol, upper-cased. */
    symbol(line, column) {
        const text = line.fields[column].toUpperCase();
        if (!/^[A-Z0-9]{2,32}$/.test(text))
            throw this.fieldError(line, column, "is not a symbol");
        return text;
    }
    fieldError(line, column, what) {
        return this.error(line, `column ${this.columns[column] ?? column + 1} ${JSON.stringify(line.fields[column])} ${what}`);
    }
    error(line, what) {
        return new CaptureFormatError(`${this.capture} line ${line.lineNo}: ${what}`);
    }
}
/**
 * True when a line's fields equal the header names (case-insensitive).
 * @param line a CSV line
 * @param columns the expected header names, in order
 * @returns whether the line is that header
 * @throws never
 * @example
 * isHeader(csvLines("ID,price\n")[0], ["id", "price"]); // true
 */
export function isHeader(line, columns) {
    return line.fields.length >= 2 && line.fields.every((f, i) => f.toLowerCase() === columns[i]?.toLowerCase());
}
