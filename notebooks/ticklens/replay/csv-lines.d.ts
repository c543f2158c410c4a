/**
 * Line and field splitting shared by the CSV capture readers, with checked field conversions whose errors name
 * the capture, the line number and the column.
 */
import { CaptureFormatError } from "./capture.ts";
/** One non-blank CSV line. */
export interface CsvLine {
    /** 1-based line number in the file. */
    readonly lineNo: number;
    readonly fields: readonly string[];
}
/**
 * Non-blank lines of a CSV text split on commas (these formats never quote), BOM and `\r` removed.
 * @param text the whole file
 * @returns the lines in file order
 * @throws never
 * @example
 * csvLines("a,b\n\n1,2\r\n").map((l) => l.lineNo); // [1, 3]
 */
export declare function csvLines(text: string): CsvLine[];
/** Checked conversions of one line's fields; every error names the capture, line and column. */
export declare class FieldReader {
    private readonly capture;
    private readonly columns;
    constructor(capture: string, columns: readonly string[]);
    /** Throws unless the line has exactly the expected number of fields (or one of `alsoAllowed`). */
    width(line: CsvLine, alsoAllowed?: readonly number[]): void;
    /** A non-negative safe integer. */
    integer(line: CsvLine, column: number): number;
    /** A non-negative decimal re-spelled plainly ("6e-05" → "0.00006"). */
    decimal(line: CsvLine, column: number): string;
    /** `1`/`0`, `true`/`false` in any case. */
    boolean(line: CsvLine, column: number): boolean;
    /** An exchange symbol, upper-cased. */
    symbol(line: CsvLine, column: number): string;
    fieldError(line: CsvLine, column: number, what: string): CaptureFormatError;
    error(line: CsvLine, what: string): CaptureFormatError;
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
export declare function isHeader(line: CsvLine, columns: readonly string[]): boolean;
