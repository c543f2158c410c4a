/**
 * The worker-thread pool that takes CPU-heavy pure work (upload parsing, robust hedge ratios and ADF over long
 * windows) off the event loop that ingests trades and serves HTTP and `/ws/live`. One piscina pool per process,
 * made on first use; each task has a time budget past which it is aborted (its worker is terminated).
 *
 * The worker file is `worker.ts` next to this module when it runs from the TypeScript sources (vitest, tsx): the
 * worker then loads tsx first; from the tsc build it is the compiled `worker.js` next to the compiled module.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { ComputeAnswer, ComputeTask } from "./tasks.ts";

/** Time a task may run in a worker before it is aborted, ms. */
export const DEFAULT_TASK_BUDGET_MS = 15_000;

export interface ComputePoolOptions {
  /**
   * Worker threads at most (default: cores − 1, at least 1: one core stays with the event loop, which ingests
   * trades and serves the API).
   */
  readonly maxThreads?: number;
  /** How long an idle worker is kept, ms (default 60 s). */
  readonly idleTimeoutMs?: number;
}

/** A task ran past its time budget and was aborted. */
export class ComputeTimeoutError extends Error {
  constructor(
    readonly task: string,
    readonly budgetMs: number,
  ) {
    super(`${task} ran longer than its compute budget of ${budgetMs / 1000} s and was stopped`);
    this.name = "ComputeTimeoutError";
  }
}

/** A refusal computed in a worker: what the request answers (status, code, message, field). */
export class ComputeRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 422,
    readonly code: string,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = "ComputeRefusal";
  }
}

/** The worker module and what a worker needs to load it: tsx when the module is TypeScript. */
export function workerEntry(): { filename: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith(".ts")) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    return { filename: fileURLToPath(new URL("./worker.ts", import.meta.url)), execArgv: ["--import", tsx] };
  }
  return { filename: fileURLToPath(new URL("./worker.js", import.meta.url)), execArgv: [] };
}

/** Runs {@link ComputeTask}s on worker threads. */
export class ComputePool {
  readonly #pool: Piscina<{ task: ComputeTask }, ComputeAnswer>;
  #closed = false;

  constructor(options: ComputePoolOptions = {}) {
    const { filename, execArgv } = workerEntry();
    const maxThreads = options.maxThreads ?? Math.max(1, availableParallelism() - 1);
    this.#pool = new Piscina({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads,
      idleTimeout: options.idleTimeoutMs ?? 60_000,
    });
  }

  #inFlight = 0;

  /** Tasks handed to the pool and not yet settled (running or waiting for a thread). */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Runs a task in a worker.
   *
   * @param task the task and its input (structured-cloned; `transfer` lists buffers moved instead of copied)
   * @param options `{ budgetMs, transfer, signal }`: the time budget (default {@link DEFAULT_TASK_BUDGET_MS}),
   *   buffers to move, and a signal that aborts the task (e.g. the client went away)
   * @returns the task's result
   * @throws {ComputeRefusal} the task refused its input (a 4xx of the request)
   * @throws {ComputeTimeoutError} the task ran past its budget
   * @example
   * const json = await pool.run({ kind: "pairs", ... });
   */
  async run<K extends ComputeTask["kind"]>(
    task: Extract<ComputeTask, { kind: K }>,
    options: { budgetMs?: number; transfer?: ArrayBuffer[]; signal?: AbortSignal } = {},
  ): Promise<Extract<ComputeAnswer, { kind: K }>["value"]> {
    const budgetMs = options.budgetMs ?? DEFAULT_TASK_BUDGET_MS;
    const timeout = AbortSignal.timeout(budgetMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    let answer: ComputeAnswer;
    this.#inFlight++;
    try {
      answer = await this.#pool.run({ task }, { signal, transferList: options.transfer as never });
    } catch (error) {
      if (timeout.aborted) throw new ComputeTimeoutError(task.kind, budgetMs);
      throw error;
    } finally {
      this.#inFlight--;
    }
    if (answer.kind === "refusal") throw new ComputeRefusal(answer.status, answer.code, answer.message, answer.field);
    return answer.value as never;
  }

  /** Stops the workers (a running task is aborted). Calling it again does nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.close({ force: true });
  }
}

let shared: ComputePool | null = null;

/**
 * The process's pool, made on first use (no thread starts before a task needs one).
 *
 * @returns the shared pool
 * @example
 * const json = await computePool().run(task);
 */
export function computePool(): ComputePool {
  shared ??= new ComputePool();
  return shared;
}

/** Closes the process's pool if one was made (on shutdown, and after tests). */
export async function closeComputePool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
