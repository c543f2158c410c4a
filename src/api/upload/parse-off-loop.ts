/**
 * The upload's parse (`parse.ts`, pure) on a worker thread for a large file: a 50 MB CSV is ~1.7 s of validation
 * that would otherwise hold the event loop (ingest, every other request, `/ws/live`). Progress lines still reach
 * the log, through a message port; the rows come back as columns, moved rather than copied.
 */
import { MessageChannel } from "node:worker_threads";
import type { ComputePool } from "../../compute/pool.ts";
import { unpackRecords, unpackTickBatch } from "../../compute/transfer.ts";
import { runCompute } from "../compute.ts";
import { parseUpload, type ParseOptions, type ParseResult, type UploadedBar } from "./parse.ts";

/** Files smaller than this many characters are parsed in process (~30 ms at most). */
export const OFF_LOOP_CHARS = 1 << 20;
/** Time a worker may spend on one upload before it is stopped, ms. */
export const UPLOAD_BUDGET_MS = 120_000;

/**
 * {@link parseUpload}, on a worker for a large text.
 *
 * @param text the file's text
 * @param options as {@link parseUpload}'s
 * @param pool the pool (default the process's)
 * @returns what {@link parseUpload} returns
 * @throws {ApiError} what {@link parseUpload} throws; 422 `compute_budget` past {@link UPLOAD_BUDGET_MS}
 * @example
 * const parsed = await parseUploadOffLoop(text, { kind: "ticks", format: "auto", ... });
 */
export async function parseUploadOffLoop(text: string, options: ParseOptions, pool?: ComputePool): Promise<ParseResult> {
  if (text.length < OFF_LOOP_CHARS) return parseUpload(text, options);
  const { onProgress, ...rest } = options;
  const channel = onProgress ? new MessageChannel() : null;
  channel?.port1.on("message", ([lines, total]: [number, number]) => onProgress?.(lines, total));
  try {
    const packed = await runCompute(
      { kind: "upload", text, options: rest, progress: channel?.port2 ?? null },
      { budgetMs: UPLOAD_BUDGET_MS, transfer: channel ? [channel.port2 as unknown as ArrayBuffer] : [], pool },
    );
    return {
      ...packed,
      ticks: packed.ticks ? unpackTickBatch(packed.ticks) : null,
      bars: packed.bars ? unpackRecords<UploadedBar>(packed.bars) : null,
    };
  } finally {
    channel?.port1.close();
  }
}

