/**
 * The tasks a worker runs, their inputs and answers: pure computation over plain data, the same functions the
 * event loop would call. A refusal (an API, engine or store input error) comes back as data, so the request answers
 * the same 4xx it answers when the work runs in process.
 */
import type { MessagePort } from "node:worker_threads";
import type { Bar } from "../engine/types.ts";
import { EngineInputError, InvalidParameterError, InvalidTradeError, NonFiniteValueError } from "../engine/index.ts";
import { StoreInputError } from "../store/errors.ts";
import { ApiError } from "../api/errors.ts";
import { pairsReport, seriesOfBars, type PairsQuery } from "../api/analytics/pairs-series.ts";
import { parseUpload, type ParseOptions, type ParseResult } from "../api/upload/parse.ts";
import { packRecords, packTickBatch, unpackRecords, type PackedRecords, type PackedTickBatch } from "./transfer.ts";

/** The pairs report of two legs' bars, answered as its JSON text. */
export interface PairsTask {
  readonly kind: "pairs";
  readonly barsA: PackedRecords;
  readonly barsB: PackedRecords;
  readonly query: PairsQuery;
}

/** An upload's validation and parsing ({@link parseUpload}); progress is posted on `progress` as `[lines, total]`. */
export interface UploadTask {
  readonly kind: "upload";
  readonly text: string;
  readonly options: Omit<ParseOptions, "onProgress">;
  readonly progress: MessagePort | null;
}

/** A spin of `ms` milliseconds, for the tests of the pool's budget and of the event loop's freedom. */
export interface SpinTask {
  readonly kind: "spin";
  readonly ms: number;
}

export type ComputeTask = PairsTask | UploadTask | SpinTask;

/** A {@link ParseResult} with its rows as columns. */
export type PackedParseResult = Omit<ParseResult, "ticks" | "bars"> & { ticks: PackedTickBatch | null; bars: PackedRecords | null };

export type ComputeAnswer =
  | { kind: "pairs"; value: string }
  | { kind: "upload"; value: PackedParseResult }
  | { kind: "spin"; value: number }
  | { kind: "refusal"; status: 400 | 404 | 413 | 422; code: string; message: string; field: string | null };

/**
 * Runs one task (in a worker; callable in process too).
 *
 * @param task the task
 * @returns its answer, or the refusal its input earned
 * @throws whatever else the task throws (a bug: the request answers 500)
 * @example
 * runTask({ kind: "spin", ms: 10 });
 */
export function runTask(task: ComputeTask): ComputeAnswer {
  try {
    switch (task.kind) {
      case "pairs": {
        const series = seriesOfBars(unpackRecords<Bar>(task.barsA), unpackRecords<Bar>(task.barsB), task.query);
        return { kind: "pairs", value: JSON.stringify(pairsReport(series)) };
      }
      case "upload": {
        const port = task.progress;
        const parsed = parseUpload(task.text, { ...task.options, onProgress: port ? (lines, total) => port.postMessage([lines, total]) : undefined });
        port?.close();
        const value: PackedParseResult = {
          ...parsed,
          ticks: parsed.ticks ? packTickBatch(parsed.ticks) : null,
          bars: parsed.bars ? packRecords(parsed.bars) : null,
        };
        return { kind: "upload", value };
      }
      case "spin": {
        const until = performance.now() + task.ms;
        let spins = 0;
        while (performance.now() < until) spins++;
        return { kind: "spin", value: spins };
      }
    }
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}

/** The 4xx an input error is (as `onApiError` answers it), or null for anything else. */
function refusalOf(error: unknown): Extract<ComputeAnswer, { kind: "refusal" }> | null {
  if (error instanceof ApiError) return { kind: "refusal", status: error.status as 400, code: error.code, message: error.message, field: error.field };
  if (error instanceof EngineInputError) {
    const field =
      error instanceof InvalidParameterError ? error.parameter : error instanceof NonFiniteValueError ? error.argument : error instanceof InvalidTradeError ? "trades" : null;
    return { kind: "refusal", status: 422, code: "unprocessable", message: error.message, field };
  }
  if (error instanceof StoreInputError) return { kind: "refusal", status: 400, code: "invalid_parameter", message: error.message, field: error.field };
  return null;
}
