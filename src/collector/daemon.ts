/**
 * Runs the collector as a long-lived process: opens the store, streams, prints a status line every few seconds
 * to stderr, and on SIGINT/SIGTERM flushes, brings bars up to date, checkpoints and closes (a second signal
 * exits at once). Shared by `npm run collect` and `npm run demo`.
 */
import { componentLogger } from "../runtime/logger.ts";
import { openStore, type Store } from "../store/index.ts";
import { Collector, type CollectorOptions, type CollectorStatus } from "./collector.ts";
import { FrameRecorder } from "./recorder.ts";
import { formatStatusLine } from "./status-line.ts";

export interface DaemonOptions {
  readonly db: string;
  readonly collector: Omit<CollectorOptions, "onRawFrame" | "logger">;
  /** Raw frames are appended here when set. */
  readonly record?: string | null;
  readonly statusEverySeconds: number;
  /** Prefix of every log line, e.g. `collect`. */
  readonly name: string;
  /**
   * Called once the collector runs, to attach more to it (the API); what it returns runs first on stop, while
   * the store is still open.
   */
  readonly attach?: (running: { readonly collector: Collector; readonly store: Store }) => Promise<() => Promise<void>>;
  /** Runs after the collector has stopped and the store is closed (e.g. to stop a replay server). */
  readonly onStopped?: () => Promise<void>;
}

export interface RunningDaemon {
  readonly collector: Collector;
  readonly store: Store;
  /** Graceful stop, as on the first signal. */
  stop(): Promise<void>;
}

export async function runDaemon(options: DaemonOptions): Promise<RunningDaemon> {
  const log = (line: string) => process.stderr.write(`${options.name}: ${line}\n`);
  const store = await openStore(options.db);
  let recorder: FrameRecorder | null = null;
  const collector = await Collector.start(store, {
    ...options.collector,
    onRawFrame: options.record ? (text, t) => recorder?.write(text, t) : undefined,
    logger: componentLogger(options.name),
  });
  if (options.record) recorder = new FrameRecorder(options.record, collector.streamUrls().join(" "));
  const detach = (await options.attach?.({ collector, store })) ?? (async () => {});

  let before: CollectorStatus | null = null;
  const statusTimer = setInterval(() => {
    const now = collector.status();
    log(formatStatusLine(now, before, options.statusEverySeconds));
    before = now;
  }, options.statusEverySeconds * 1000);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(statusTimer);
      await detach();
      await collector.stop();
      await recorder?.close();
      await store.checkpoint();
      await store.close();
      await options.onStopped?.();
      log(`stopped. ${formatStatusLine(collector.status(), null, 1)}`);
    })();
    return stopping;
  };
  // Under `npm run` one Ctrl-C arrives two or three times (the terminal signals the whole process group and npm
  // and tsx forward it again): a repeat of the same signal within a second is the same request.
  let first: { signal: string; at: number } | null = null;
  const onSignal = (signal: string) => {
    if (stopping) {
      if (first !== null && first.signal === signal && Date.now() - first.at < 1_000) return;
      log(`second ${signal}: exiting now`);
      process.exit(130);
    }
    first = { signal, at: Date.now() };
    log(`${signal}: flushing and closing (send it again to exit at once)`);
    stop().then(
      () => process.exit(0),
      (error) => {
        log(`stop failed: ${(error as Error).stack ?? error}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  return { collector, store, stop };
}
