/**
 * What crosses between the event loop and a worker as typed arrays instead of objects: a structured clone of
 * 40,000 bar objects, or of an Arrow record batch (whose classes do not survive it), costs the sending and the
 * receiving thread time per object; typed arrays are moved (transferred) in constant time.
 */
import { Dictionary, makeData, RecordBatch, Struct, Utf8, vectorFromArray, type Data } from "apache-arrow";
import { TICK_SCHEMA, type TickBatch } from "../store/tick-batch.ts";

/** Records of one shape as columns: numbers in a Float64Array each, strings dictionary-encoded. */
export interface PackedRecords {
  readonly length: number;
  readonly numbers: Record<string, Float64Array>;
  readonly strings: Record<string, { readonly values: string[]; readonly index: Int32Array }>;
}

/**
 * Packs flat records (every field a number or a string, the same shape throughout) as columns.
 *
 * @param rows the records, e.g. bars
 * @returns the columns; {@link buffersOf} lists what to transfer
 * @example
 * const packed = packRecords(bars); const same = unpackRecords<Bar>(packed);
 */
export function packRecords(rows: readonly object[]): PackedRecords {
  const numbers: Record<string, Float64Array> = {};
  const strings: Record<string, { values: string[]; index: Int32Array }> = {};
  const first = rows[0] as Record<string, unknown> | undefined;
  if (first === undefined) return { length: 0, numbers, strings };
  for (const key of Object.keys(first)) {
    if (typeof first[key] === "number") {
      const column = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) column[i] = (rows[i] as Record<string, number>)[key];
      numbers[key] = column;
    } else {
      const values: string[] = [];
      const seen = new Map<string, number>();
      const index = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const value = String((rows[i] as Record<string, unknown>)[key]);
        let at = seen.get(value);
        if (at === undefined) {
          at = values.push(value) - 1;
          seen.set(value, at);
        }
        index[i] = at;
      }
      strings[key] = { values, index };
    }
  }
  return { length: rows.length, numbers, strings };
}

/**
 * The records {@link packRecords} packed, with the first record's key order.
 *
 * @param packed the columns
 * @returns the records
 * @example
 * const bars = unpackRecords<Bar>(packed);
 */
export function unpackRecords<T>(packed: PackedRecords): T[] {
  const numberKeys = Object.keys(packed.numbers);
  const stringKeys = Object.keys(packed.strings);
  const rows: T[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const row: Record<string, number | string> = {};
    for (const key of stringKeys) {
      const column = packed.strings[key];
      row[key] = column.values[column.index[i]];
    }
    for (const key of numberKeys) row[key] = packed.numbers[key][i];
    rows[i] = row as T;
  }
  return rows;
}

/** A tick batch's columns: the value buffers of each column and the dictionaries of the two string columns. */
export interface PackedTickBatch {
  readonly length: number;
  readonly values: ArrayBufferView[];
  readonly dictionaries: (string[] | null)[];
}

/**
 * A {@link TickBatch}'s columns, for a worker to send back.
 *
 * @param batch a batch with `TICK_SCHEMA` (from `TickBatchBuilder.finish`)
 * @returns the columns
 * @example
 * const packed = packTickBatch(builder.finish());
 */
export function packTickBatch(batch: TickBatch): PackedTickBatch {
  const children = batch.data.children as Data[];
  return {
    length: batch.numRows,
    values: children.map((child) => child.values as ArrayBufferView),
    dictionaries: children.map((child) => (child.dictionary ? (child.dictionary.toArray() as string[]) : null)),
  };
}

/**
 * The tick batch {@link packTickBatch} packed, with `TICK_SCHEMA`.
 *
 * @param packed the columns
 * @returns the batch, wrapping the arrays without copying them
 * @example
 * const batch = unpackTickBatch(packed);
 */
export function unpackTickBatch(packed: PackedTickBatch): TickBatch {
  const n = packed.length;
  const children = TICK_SCHEMA.fields.map((field, i) => {
    const dictionary = packed.dictionaries[i];
    if (dictionary !== null) {
      return makeData({ type: field.type as Dictionary, length: n, data: packed.values[i] as Int32Array, dictionary: vectorFromArray(dictionary, new Utf8()) });
    }
    return makeData({ type: field.type, length: n, data: packed.values[i] } as never);
  });
  return new RecordBatch(TICK_SCHEMA, makeData({ type: new Struct(TICK_SCHEMA.fields), length: n, children: children as Data[], nullCount: 0 }));
}

/**
 * The distinct array buffers under some typed arrays: the transfer list that moves them.
 *
 * @param views typed arrays (or packed columns' arrays)
 * @returns each underlying buffer once
 * @example
 * pool.run(task, { transfer: buffersOf(Object.values(packed.numbers)) });
 */
export function buffersOf(views: Iterable<ArrayBufferView>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) if (view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  return [...buffers];
}

/** Every typed array of packed records. */
export function recordViews(packed: PackedRecords): ArrayBufferView[] {
  return [...Object.values(packed.numbers), ...Object.values(packed.strings).map((column) => column.index)];
}
