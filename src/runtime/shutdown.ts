/**
 * Stopping a long-running process on SIGINT / SIGTERM: the first signal runs the graceful stop and exits 0 when it
 * is done (1 if it failed); a genuine second signal exits at once (130).
 *
 * Under `npm run` one Ctrl-C arrives two or three times (the terminal signals the whole process group, and npm
 * forwards it again), so a repeat of the same signal within a second is the same request.
 *
 * Started by npm (`npx ticklens …` runs it under a shell that does not pass signals on, and dies of them), the
 * process also stops cleanly when the process that started it is gone, instead of running on orphaned and holding
 * the DuckDB file.
 */
import type { Logger } from "./logger.ts";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

export interface ShutdownOptions {
  /** Repeats of the first signal within this long are the same request, ms (default 1,000). */
  readonly repeatWindowMs?: number;
  /** Default process.exit. */
  readonly exit?: (code: number) => void;
  /** Stop when the parent process is gone (default: when started by npm, i.e. `npm_lifecycle_event` is set). */
  readonly stopWhenOrphaned?: boolean;
}

/**
 * @param stop the graceful stop (flush, close)
 * @param log where the signals are reported
 * @returns a function removing the handlers
 */
export function stopOnSignals(stop: () => Promise<void>, log: Logger, options: ShutdownOptions = {}): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const windowMs = options.repeatWindowMs ?? 1_000;
  let first: { readonly signal: string; readonly at: number } | null = null;
  const begin = (why: string) => {
    log.info(`${why}: stopping cleanly (send SIGINT or SIGTERM again to exit at once)`);
    stop().then(
      () => exit(0),
      (error: unknown) => {
        log.error({ err: error }, "stop failed");
        exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (first !== null) {
      if (first.signal === signal && Date.now() - first.at < windowMs) return;
      log.warn(`second ${signal}: exiting now`);
      exit(130);
      return;
    }
    first = { signal, at: Date.now() };
    begin(signal);
  };
  const handlers = SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const parent = process.ppid;
  const orphanWatch =
    (options.stopWhenOrphaned ?? process.env.npm_lifecycle_event !== undefined)
      ? setInterval(() => {
          if (process.ppid === parent || first !== null) return;
          first = { signal: "orphaned", at: Date.now() };
          clearInterval(orphanWatch);
          begin(`the process that started this one (pid ${parent}) is gone`);
        }, 500).unref()
      : undefined;
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    clearInterval(orphanWatch);
  };
}
