/**
 * Runs the collector as a long-lived process: opens the store, streams, logs a status line every few seconds,
 * and on SIGINT/SIGTERM flushes, brings bars up to date, checkpoints and closes (a second signal exits at once).
 * Shared by `ticklens collect`, `ticklens start` and `ticklens demo`.
 */
import { Collector, type CollectorOptions, type CollectorStatus } from "../collector/collector.ts";
import { FrameRecorder } from "../collector/recorder.ts";
import { formatStatusLine } from "../collector/status-line.ts";
import { componentLogger, type Logger } from "../runtime/logger.ts";
import { stopOnSignals } from "../runtime/shutdown.ts";
import { openStore, type Store } from "../store/index.ts";

export interface DaemonOptions {
  readonly db: string;
  readonly collector: Omit<CollectorOptions, "onRawFrame" | "logger">;
  /** Raw frames are appended here when set. */
  readonly record?: string | null;
  readonly statusEverySeconds: number;
  /** The command's logger (the status line and the stop are logged on it; the collector gets a child). */
  readonly logger: Logger;
  /**
   * Called once the collector runs, to attach more to it (the API); what it returns runs first on stop, while
   * the store is still open.
   */
  readonly attach?: (running: { readonly collector: Collector; readonly store: Store }) => Promise<() => Promise<void>>;
  /** Runs after the collector has stopped and the store is closed (e.g. to stop a replay server). */
  readonly onStopped?: () => Promise<void>;
  /** Stop on SIGINT/SIGTERM and exit (default true). */
  readonly handleSignals?: boolean;
}

export interface RunningDaemon {
  readonly collector: Collector;
  readonly store: Store;
  /** Graceful stop, as on the first signal. Safe to call twice. */
  stop(): Promise<void>;
}

export async function runDaemon(options: DaemonOptions): Promise<RunningDaemon> {
  const log = options.logger;
  const store = await openStore(options.db);
  let recorder: FrameRecorder | null = null;
  const collector = await Collector.start(store, {
    ...options.collector,
    onRawFrame: options.record ? (text, t) => recorder?.write(text, t) : undefined,
    logger: componentLogger("collector"),
  });
  if (options.record) recorder = new FrameRecorder(options.record, collector.streamUrls().join(" "));
  const detach = (await options.attach?.({ collector, store })) ?? (async () => {});

  let before: CollectorStatus | null = null;
  const statusTimer = setInterval(() => {
    const now = collector.status();
    log.info(formatStatusLine(now, before, options.statusEverySeconds));
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
      log.info(`stopped. ${formatStatusLine(collector.status(), null, 1)}`);
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) stopOnSignals(stop, log);
  return { collector, store, stop };
}
