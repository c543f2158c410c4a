/**
 * The API's side of the compute pool (`src/compute`): a worker's refusal or an exceeded budget becomes the request's
 * 4xx (`ApiError`), as if the work had run in process.
 */
import { ComputeRefusal, ComputeTimeoutError, computePool, type ComputePool } from "../compute/pool.ts";
import type { ComputeAnswer, ComputeTask } from "../compute/tasks.ts";
import { ApiError } from "./errors.ts";

/**
 * Runs a task on the pool, with the API's errors.
 *
 * @param task the task
 * @param options `{ budgetMs, transfer, pool }`
 * @returns the task's value
 * @throws {ApiError} the task's refusal, or 422 `compute_budget` when it ran past its budget
 * @example
 * const text = await runCompute({ kind: "pairs", barsA, barsB, query }, { budgetMs: 15_000 });
 */
export async function runCompute<K extends ComputeTask["kind"]>(
  task: Extract<ComputeTask, { kind: K }>,
  options: { budgetMs?: number; transfer?: ArrayBuffer[]; pool?: ComputePool; field?: string } = {},
): Promise<Extract<ComputeAnswer, { kind: K }>["value"]> {
  try {
    return (await (options.pool ?? computePool()).run(task, options)) as never;
  } catch (error) {
    if (error instanceof ComputeRefusal) throw new ApiError(error.status, error.code, error.message, error.field);
    if (error instanceof ComputeTimeoutError) throw new ApiError(422, "compute_budget", error.message, options.field ?? null);
    throw error;
  }
}
