/**
 * Signals reach the platform the way it is run: `npm run collect`, `npm start` and `npx ticklens` in their own
 * processes, streaming the project's replay server. A SIGTERM to the npm process (what a supervisor holds) stops
 * the process it started cleanly within 10 s: npm exits 0, nothing of the tree is left, the DuckDB file opens
 * read-write again (the lock is released) and holds the stored trades with their bars. One Ctrl-C under npm, which
 * the process receives twice (the terminal signals the process group, npm forwards it), is one request.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startBinanceServer, type BinanceServer } from "../../src/replay/binance-server.ts";
import { readCaptureFile } from "../../src/replay/read-capture.ts";
import { openStore } from "../../src/store/index.ts";
import { FUTURES_CAPTURE, repoPath } from "../helpers/paths.ts";
import { tempDir, type TempDir } from "../helpers/temp-dir.ts";
import { buildCode, ROOT } from "./build.ts";

/** The stop requirement: from the signal to a clean exit. */
const STOP_WITHIN_MS = 10_000;

interface LogRecord {
  readonly level: number;
  readonly pid: number;
  readonly component?: string;
  readonly msg: string;
}

/** A process tree started by npm, its JSON log lines read from stderr. */
interface Started {
  readonly npm: ChildProcess;
  readonly records: LogRecord[];
  /** The pid the process gave in its first log line. */
  pid(): number | undefined;
  /** The latest `stored N` of a status line. */
  stored(): number;
  /** npm's exit, once it has exited and every process holding its stderr (the tree it started) is gone. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
}

/** Every tree started, so a failed test leaves none running. */
const trees: Started[] = [];

function startUnderNpm(args: readonly string[], options: { readonly detached?: boolean } = {}): Started {
  const npm = spawn("npm", args, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, TICKLENS_LOG_FORMAT: "json" },
    detached: options.detached ?? false,
  });
  const records: LogRecord[] = [];
  let rest = "";
  npm.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) records.push(JSON.parse(line) as LogRecord);
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  npm.on("close", (code, signal) => (exit = { code, signal }));
  const started: Started = {
    npm,
    records,
    pid: () => {
      const match = /^pid (\d+)$/.exec(records[0]?.msg ?? "");
      return match ? Number(match[1]) : undefined;
    },
    stored: () => {
      const last = [...records].reverse().find((r) => /stored [\d,]+/.test(r.msg));
      return last ? Number(/stored ([\d,]+)/.exec(last.msg)![1].replaceAll(",", "")) : 0;
    },
    exited: () => exit,
  };
  trees.push(started);
  return started;
}

/** Whether a process exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

/** The parent pid of a running process (Linux). */
function parentOf(pid: number): number {
  return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
}

let server: BinanceServer;
const dirs: TempDir[] = [];
const stopTimes: Record<string, number> = {};

beforeAll(async () => {
  await buildCode();
  server = await startBinanceServer({ capture: readCaptureFile(repoPath(FUTURES_CAPTURE)), market: "futures", speed: 10, repeat: Number.POSITIVE_INFINITY });
}, 300_000);

afterEach(() => {
  for (const tree of trees.splice(0)) {
    if (tree.exited() !== null) continue;
    const pid = tree.pid();
    if (pid !== undefined && alive(pid)) process.kill(pid, "SIGKILL");
    tree.npm.kill("SIGKILL");
  }
});

afterAll(async () => {
  await server?.close();
  for (const d of dirs) d.cleanup();
  console.info(`signals: stop times (signal → clean exit) ${JSON.stringify(stopTimes)}`);
});

function tempDb(): string {
  const dir = tempDir("ticklens-signals-");
  dirs.push(dir);
  return dir.path("signals.duckdb");
}

/** The collector's flags for the replay server. */
function feedFlags(db: string): string[] {
  return ["--symbols", "btcusdt,ethusdt", "--market", "futures", "--ws-url", server.wsUrl, "--rest-url", server.restUrl, "--db", db, "--status-every", "0.5"];
}

/** Waits until the process logged its pid and stored trades; returns the pid. */
async function untilStoring(started: Started): Promise<number> {
  await vi.waitFor(() => expect(started.stored(), "trades stored").toBeGreaterThan(500), { timeout: 120_000, interval: 100 });
  const first = started.records[0];
  expect(first.msg).toBe(`pid ${first.pid}`); // the first log line gives the process's own pid
  return first.pid;
}

/** The file opens read-write (nobody holds it) and every stored trade is in the 1 s and 1 m bars. */
async function expectClosedFileWithBars(db: string, stored: number): Promise<void> {
  const store = await openStore(db);
  try {
    const count = async (sql: string) => Number((await store.read(async (c) => (await c.runAndReadAll(sql)).getRows()))[0][0]);
    const trades = await count("SELECT count(*) FROM tick_data");
    expect(trades).toBe(stored);
    expect(trades).toBeGreaterThan(500);
    for (const timeframe of ["1s", "1m"]) {
      expect(await count(`SELECT sum(trades) FROM ohlc_data WHERE timeframe = '${timeframe}'`), timeframe).toBe(trades);
    }
  } finally {
    await store.close();
  }
}

/** Waits (the 10 s requirement) for npm to exit after `signal` was sent at `sentAt`, and records the time taken. */
async function stopped(started: Started, name: string, sentAt: number): Promise<void> {
  await vi.waitFor(() => expect(started.exited(), "npm's exit").not.toBeNull(), { timeout: STOP_WITHIN_MS, interval: 20 });
  stopTimes[name] = Math.round(performance.now() - sentAt);
}

describe("signals under npm", () => {
  it("npm run collect: a SIGTERM to the npm process stops the collector cleanly", async () => {
    const db = tempDb();
    const collect = startUnderNpm(["run", "collect", "--", ...feedFlags(db)]);
    const pid = await untilStoring(collect);
    expect(parentOf(pid)).toBe(collect.npm.pid); // the script's shell replaced itself: npm's child is the collector

    const sentAt = performance.now();
    collect.npm.kill("SIGTERM");
    await stopped(collect, "npm run collect", sentAt);
    expect(collect.exited()).toEqual({ code: 0, signal: null });
    expect(alive(pid)).toBe(false);
    expect(collect.records.at(-1)!.msg).toMatch(/^stopped\. /);
    expect(collect.records.filter((r) => r.level >= 50)).toEqual([]); // no error logged
    await expectClosedFileWithBars(db, collect.stored());
  }, 180_000);

  it("npm start: a SIGTERM to the npm process closes the API and stops the platform cleanly", async () => {
    const db = tempDb();
    // The dashboard build (prestart) is not what this test is about: --ignore-scripts skips it, the code is built.
    const start = startUnderNpm(["start", "--ignore-scripts", "--", ...feedFlags(db), "--port", "0"]);
    const pid = await untilStoring(start);
    const served = start.records.find((r) => r.msg.startsWith("dashboard and API on "));
    const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(served?.msg ?? "")?.[1];
    expect(url, "the API's URL in the log").toBeDefined();
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const { symbols } = (await (await fetch(`${url}/api/symbols`)).json()) as { symbols: { symbol: string }[] };
    expect(symbols.map((s) => s.symbol).sort()).toEqual(["BTCUSDT", "ETHUSDT"]);

    const sentAt = performance.now();
    start.npm.kill("SIGTERM");
    await stopped(start, "npm start", sentAt);
    expect(start.exited()).toEqual({ code: 0, signal: null });
    expect(alive(pid)).toBe(false);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow(); // nothing listens any more
    expect(start.records.filter((r) => r.level >= 50)).toEqual([]);
    await expectClosedFileWithBars(db, start.stored());
  }, 180_000);

  it("one Ctrl-C, which reaches the process twice under npm, is one request", async () => {
    const db = tempDb();
    // Its own process group, as a terminal's foreground job: Ctrl-C signals the whole group.
    const collect = startUnderNpm(["run", "collect", "--", ...feedFlags(db)], { detached: true });
    const pid = await untilStoring(collect);

    const sentAt = performance.now();
    process.kill(-collect.npm.pid!, "SIGINT"); // npm and the collector get it; npm forwards it once more
    await stopped(collect, "Ctrl-C under npm run collect", sentAt);
    expect(collect.exited()).toEqual({ code: 0, signal: null });
    expect(alive(pid)).toBe(false);
    const said = collect.records.map((r) => r.msg);
    expect(said.filter((m) => m.startsWith("SIGINT: stopping cleanly"))).toHaveLength(1);
    expect(said.some((m) => m.startsWith("second "))).toBe(false);
    await expectClosedFileWithBars(db, collect.stored());
  }, 180_000);

  it("npx ticklens collect: a SIGTERM to npm kills the shell between them, and the collector still stops cleanly", async () => {
    const db = tempDb();
    const collect = startUnderNpm(["exec", "--offline", "--", "ticklens", "collect", ...feedFlags(db)]);
    const pid = await untilStoring(collect);

    const sentAt = performance.now();
    collect.npm.kill("SIGTERM");
    await stopped(collect, "npx ticklens collect", sentAt); // the collector held npm's stderr: it has exited too
    expect(alive(pid)).toBe(false);
    expect(collect.records.some((r) => /is gone: stopping cleanly/.test(r.msg))).toBe(true);
    expect(collect.records.at(-1)!.msg).toMatch(/^stopped\. /);
    await expectClosedFileWithBars(db, collect.stored());
  }, 180_000);
});
