/** A logger whose lines a test can read: the real logger (src/runtime/logger.ts), JSON lines kept in memory. */
import { createLogger, type Logger, type LogLevel } from "../../src/runtime/logger.ts";

export interface CapturedLog {
  readonly logger: Logger;
  /** Each line's message, in order. */
  readonly lines: string[];
  /** Each line as logged (level as a number, msg, component, the fields passed). */
  readonly records: Record<string, unknown>[];
}

export function captureLogger(level: LogLevel = "debug"): CapturedLog {
  const lines: string[] = [];
  const records: Record<string, unknown>[] = [];
  const destination = {
    write(line: string) {
      const record = JSON.parse(line) as Record<string, unknown>;
      records.push(record);
      lines.push(String(record.msg));
    },
  };
  return { logger: createLogger({ level, format: "json", destination }), lines, records };
}
