/**
 * Line and field splitting shared by the CSV capture readers, with checked field conversions whose errors name
 * the capture, the line number and the column.
 */
import { isSymbol, SYMBOL_RULE } from "../engine/vocabulary.ts";
import { assignSyntheticIds, CaptureFormatError } from "./capture.ts";
import { parseDecimal, significantScale, formatDecimal } from "./decimal-text.ts";

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
export function csvLines(text: string): CsvLine[] {
  const out: CsvLine[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let start = 0;
  let lineNo = 0;
  while (start <= body.length) {
    let end = body.indexOf("\n", start);
    if (end === -1) end = body.length;
    lineNo++;
    let line = body.slice(start, end);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.trim() !== "") out.push({ lineNo, fields: line.split(",").map((f) => f.trim()) });
    start = end + 1;
  }
  return out;
}

/** Checked conversions of one line's fields; every error names the capture, line and column. */
export class FieldReader {
  constructor(
    private readonly capture: string,
    private readonly columns: readonly string[],
  ) {}

  /** Throws unless the line has exactly the expected number of fields (or one of `alsoAllowed`). */
  width(line: CsvLine, alsoAllowed: readonly number[] = []): void {
    const n = line.fields.length;
    if (n !== this.columns.length && !alsoAllowed.includes(n)) {
      throw this.error(line, `has ${n} fields, expected ${[this.columns.length, ...alsoAllowed].join(" or ")} (${this.columns.join(",")})`);
    }
  }

  /** A non-negative safe integer. */
  integer(line: CsvLine, column: number): number {
    const text = line.fields[column];
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw this.fieldError(line, column, "is not a non-negative integer");
    return value;
  }

  /** A non-negative decimal re-spelled plainly ("6e-05" → "0.00006"). */
  decimal(line: CsvLine, column: number): string {
    try {
      const d = parseDecimal(line.fields[column]);
      return formatDecimal(d, significantScale(d));
    } catch {
      throw this.fieldError(line, column, "is not a non-negative decimal");
    }
  }

  /** `1`/`0`, `true`/`false` in any case. */
  boolean(line: CsvLine, column: number): boolean {
    const text = line.fields[column].toLowerCase();
    if (text === "1" || text === "true") return true;
    if (text === "0" || text === "false") return false;
    throw this.fieldError(line, column, "is not a boolean (1/0/true/false)");
  }

  /** An exchange symbol, upper-cased. */
  symbol(line: CsvLine, column: number): string {
    const text = line.fields[column].toUpperCase();
    if (!isSymbol(text)) throw this.fieldError(line, column, `is not a symbol: ${SYMBOL_RULE}`);
    return text;
  }

  fieldError(line: CsvLine, column: number, what: string): CaptureFormatError {
    return this.error(line, `column ${this.columns[column] ?? column + 1} ${JSON.stringify(line.fields[column])} ${what}`);
  }

  error(line: CsvLine, what: string): CaptureFormatError {
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
export function isHeader(line: CsvLine, columns: readonly string[]): boolean {
  return line.fields.length >= 2 && line.fields.every((f, i) => f.toLowerCase() === columns[i]?.toLowerCase());
}

/** The data rows of a capture CSV that kept no exchange ids, with each row's symbol and its synthetic id. */
export interface SampleRows {
  /** The reader of the rows' fields (messages name the file, line and column). */
  readonly fields: FieldReader;
  /** The data lines, header excluded, in file order. */
  readonly rows: readonly CsvLine[];
  /** Each row's symbol, upper case. */
  readonly symbols: readonly string[];
  /** Each row's synthetic trade id: contiguous per symbol in file order. */
  readonly ids: Float64Array;
}

/**
 * Reads a capture CSV with a fixed header: checks the header and every row's width and symbol, and assigns the
 * synthetic ids.
 * @param text the whole CSV file
 * @param name the capture's name for messages
 * @param columns the header the file must start with
 * @param symbolColumn the index of the symbol column
 * @returns the rows, their symbols and ids, and the field reader for the other columns
 * @throws {CaptureFormatError} the header is missing, or a row's width or symbol is wrong (names line and column)
 * @example
 * const { rows, symbols, ids } = readSampleRows("t,symbol\n1,BTCUSDT\n", "a.csv", ["t", "symbol"], 1);
 */
export function readSampleRows(text: string, name: string, columns: readonly string[], symbolColumn: number): SampleRows {
  const lines = csvLines(text);
  if (lines.length === 0 || !isHeader(lines[0], columns)) {
    throw new CaptureFormatError(`${name}: expected the header ${columns.join(",")}`);
  }
  const fields = new FieldReader(name, columns);
  const rows = lines.slice(1);
  const symbols = rows.map((line) => {
    fields.width(line);
    return fields.symbol(line, symbolColumn);
  });
  return { fields, rows, symbols, ids: assignSyntheticIds(symbols) };
}
