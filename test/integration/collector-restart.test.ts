/**
 * The collector daemon as users run it (`ticklens collect` in its own process) against the replay server:
 * killed with SIGKILL in the middle of a replay and started again, it resumes from the last stored id of each
 * symbol and loses nothing; SIGTERM flushes and exits 0; a second signal exits at once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startBinanceServer, type BinanceServer } from "../../src/replay/binance-server.ts";
import { readCaptureFile } from "../../src/replay/read-capture.ts";
import { openStore } from "../../src/store/index.ts";
import { FUTURES_CAPTURE, repoPath } from "../helpers/paths.ts";
import { tempDir, type TempDir } from "../helpers/temp-dir.ts";

const SYMBOLS = ["BTCUSDT", "ETHUSDT"];

interface Daemon {
  readonly child: ChildProcess;
  /** Latest `stored N` from the status line. */
  stored(): number;
  readonly stderr: string[];
  readonly exited: Promise<number | null>;
}

function startDaemon(server: BinanceServer, db: string): Daemon {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/ticklens.ts", "collect", "--symbols", SYMBOLS.join(","), "--market", "futures",
      "--ws-url", server.wsUrl, "--rest-url", server.restUrl, "--db", db, "--status-every", "0.3"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const stderr: string[] = [];
  let stored = 0;
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr.push(chunk);
    for (const match of chunk.matchAll(/stored ([\d,]+)/g)) stored = Number(match[1].replaceAll(",", ""));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stored: () => stored, stderr, exited };
}

const dirs: TempDir[] = [];
const servers: BinanceServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) d.cleanup();
});

async function setup(speed: number): Promise<{ server: BinanceServer; db: string }> {
  const tmp = tempDir("ticklens-restart-");
  dirs.push(tmp);
  const server = await startBinanceServer({ capture: readCaptureFile(repoPath(FUTURES_CAPTURE)), market: "futures", speed });
  servers.push(server);
  return { server, db: tmp.path("ticks.duckdb") };
}

describe("the collector daemon across crashes and signals", () => {
  it("resumes after kill -9 in the middle of a replay and loses no trade", async () => {
    const { server, db } = await setup(25);
    const first = startDaemon(server, db);
    await expect.poll(() => first.stored(), { timeout: 60_000, interval: 100, message: "the first run to store 3,000 trades" }).toBeGreaterThan(3_000);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe(null); // killed, not exited

    const second = startDaemon(server, db);
    await server.finished;
    const published = () => SYMBOLS.reduce((n, s) => n + server.publishedIds(s, "trade").length, 0);
    // The second run resumed from the stored ids and backfilled the gap the crash left over REST.
    await expect.poll(() => second.stderr.join("").includes("connected") && second.stored() > 0, { timeout: 30_000, message: "the second run" }).toBe(true);
    // Caught up once a status line (every 0.3 s) after the replay ended reports a quiet interval with no id missing.
    const ended = second.stderr.join("").length;
    const caughtUp = () => second.stderr.join("").slice(ended).split("\n").some((l) => l.includes("| 0 trades/s |") && !l.includes("ids missing"));
    await expect.poll(caughtUp, { timeout: 30_000, interval: 100, message: "the second run to catch up" }).toBe(true);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const store = await openStore(db, { readOnly: true });
    try {
      for (const symbol of SYMBOLS) {
        const rows = await store.read(async (c) =>
          (await c.runAndReadAll(`SELECT trade_id FROM tick_data WHERE symbol = '${symbol}' ORDER BY trade_id`)).getRows(),
        );
        const stored = rows.map((r) => Number(r[0]));
        // Claimed from the first trade the first run received (the replay publishes one as the socket opens).
        const expected = server.publishedIds(symbol, "trade").filter((id) => id >= stored[0]);
        expect(stored).toEqual(expected);
      }
      expect(published()).toBeGreaterThan(28_000);
    } finally {
      await store.close();
    }
  }, 180_000);

  it("exits at once on a second signal", async () => {
    const { server, db } = await setup(5);
    const daemon = startDaemon(server, db);
    await expect.poll(() => daemon.stored(), { timeout: 30_000, interval: 100, message: "the daemon to store trades" }).toBeGreaterThan(0);
    // Two pending signals of one kind merge into one delivery; two kinds arrive as two.
    daemon.child.kill("SIGTERM");
    daemon.child.kill("SIGINT");
    expect(await daemon.exited).toBe(130);
    expect(daemon.stderr.join("")).toMatch(/second SIG(INT|TERM): exiting now/);
  }, 60_000);
});
