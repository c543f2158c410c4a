import { afterEach, describe, expect, it } from "vitest";
import { stopOnSignals } from "../../src/runtime/shutdown.ts";
import { captureLogger } from "../helpers/capture-logger.ts";

let remove: (() => void) | null = null;
afterEach(() => remove?.());

/** The handlers as a signal would run them (process.emit calls the listeners; no real signal is sent). */
function setUp(stop: () => Promise<void>) {
  const log = captureLogger();
  const exits: number[] = [];
  let exited!: (code: number) => void;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  remove = stopOnSignals(stop, log.logger, { exit: (code) => (exits.push(code), exited(code)), stopWhenOrphaned: false });
  return { log, exits, exit };
}

describe("stopping on signals", () => {
  it("stops once on the first signal, takes its repeat within a second as the same request, and exits 0", async () => {
    let stops = 0;
    const { log, exits, exit } = setUp(async () => void stops++);
    process.emit("SIGINT");
    process.emit("SIGINT"); // the same Ctrl-C, forwarded again by npm
    expect(await exit).toBe(0);
    expect([stops, exits]).toEqual([1, [0]]);
    expect(log.lines).toEqual(["SIGINT: stopping cleanly (send SIGINT or SIGTERM again to exit at once)"]);
  });

  it("exits at once with 130 on a genuine second signal", async () => {
    const { log, exit } = setUp(() => new Promise(() => {})); // a stop that hangs
    process.emit("SIGTERM");
    process.emit("SIGINT");
    expect(await exit).toBe(130);
    expect(log.lines.at(-1)).toBe("second SIGINT: exiting now");
  });

  it("exits 1 when the stop fails, and logs why", async () => {
    const { log, exit } = setUp(async () => {
      throw new Error("checkpoint failed");
    });
    process.emit("SIGTERM");
    expect(await exit).toBe(1);
    expect(log.records.at(-1)).toMatchObject({ msg: "stop failed", err: { message: "checkpoint failed" } });
  });
});
