/**
 * A worker thread of the compute pool (`pool.ts`): piscina calls the default export with each task. The typed
 * arrays of an answer (an upload's columns) are moved to the event loop's thread, not copied.
 */
import { move, transferableSymbol, valueSymbol } from "piscina";
import { runTask, type ComputeAnswer, type ComputeTask } from "./tasks.ts";
import { buffersOf, recordViews } from "./transfer.ts";

export default function work({ task }: { task: ComputeTask }): unknown {
  const answer: ComputeAnswer = runTask(task);
  if (answer.kind !== "upload") return answer;
  const views = [...(answer.value.ticks?.values ?? []), ...(answer.value.bars ? recordViews(answer.value.bars) : [])];
  return move({ [transferableSymbol]: buffersOf(views), [valueSymbol]: answer } as never);
}
