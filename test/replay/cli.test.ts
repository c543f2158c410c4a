import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseFaults, parseReplayArgs } from "../../src/replay/options.ts";
import { ReplayOptionError } from "../../src/replay/replay-errors.ts";
import { ROOT, SPOT_CAPTURE as SPOT } from "../helpers/paths.ts";
import { connect } from "./replay-client.ts";

describe("replay command line (ticklens replay)", () => {
  it("parses files, speed, market, repeat, port and faults with default or given rates", () => {
    const cmd = parseReplayArgs(["--file", "a.csv", "--file", "b.capture", "--speed", "max", "--market", "futures", "--repeat", "3", "--port", "9000", "--faults", "drop,lose=0.02,429,418", "--seed", "9"]);
    expect(cmd.files).toEqual(["a.csv", "b.capture"]);
    expect(cmd.options).toMatchObject({ speed: "max", market: "futures", repeat: 3, port: 9000, host: "127.0.0.1", start: "subscribe" });
    expect(cmd.options.faults).toEqual({ seed: 9, drop: 0.0005, lose: 0.02, rest429: 0.05, ban418: true });
    expect(parseReplayArgs(["--file", "a", "--repeat", "inf"]).options.repeat).toBe(Infinity);
    expect(parseReplayArgs(["--file", "a"]).options.speed).toBe(1);
    expect(parseFaults("halfopen,shutdown=0.5,malformed,duplicate", 1)).toEqual({ seed: 1, halfOpen: 0.0002, shutdown: 0.5, malformed: 0.001, duplicate: 0.001 });
  });

  it("names the flag that is wrong, and its environment variable", () => {
    expect(() => parseReplayArgs([], {})).toThrow(/--file \(or TICKLENS_REPLAY_FILE\) is required/);
    expect(() => parseReplayArgs(["--file", "a", "--speed", "fast"], {})).toThrow(/--speed \(or TICKLENS_REPLAY_SPEED\) must be a positive number or "max"/);
    expect(() => parseReplayArgs(["--file", "a", "--market", "margin"], {})).toThrow(/--market \(or TICKLENS_REPLAY_MARKET\) must be spot or futures/);
    expect(() => parseReplayArgs(["--file", "a", "--faults", "flood"], {})).toThrow(/--faults \(or TICKLENS_REPLAY_FAULTS\) unknown fault "flood"/);
    expect(() => parseReplayArgs(["--file", "a", "--faults", "lose=2"], {})).toThrow(ReplayOptionError);
    expect(() => parseReplayArgs(["--file", "a", "--port", "x"], {})).toThrow(/--port \(or TICKLENS_REPLAY_PORT\) must be a number/);
    expect(() => parseReplayArgs(["--file", "a", "--colour"], {})).toThrow(ReplayOptionError);
    expect(() => parseReplayArgs(["--file", "a", "--colour"], {})).toThrow(/unknown option --colour/);
  });

  it("reads each option from its environment variable when the flag is not given", () => {
    const cmd = parseReplayArgs([], { TICKLENS_REPLAY_FILE: "a.csv,b.csv", TICKLENS_REPLAY_SPEED: "max", TICKLENS_REPLAY_REBASE: "1", TICKLENS_REPLAY_FAULTS: "418" });
    expect(cmd.files).toEqual(["a.csv", "b.csv"]);
    expect(cmd.options).toMatchObject({ speed: "max", rebaseTimes: true, faults: { seed: 1, ban418: true } });
  });

  it("prints its URLs as one JSON line, serves the capture, and exits cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ticklens.ts", "replay", "--file", SPOT, "--speed", "max"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(() => stdout.includes("\n"), { timeout: 30_000, message: "the URL line" }).toBe(true);
      const info = JSON.parse(stdout.split("\n")[0]);
      expect(info).toMatchObject({ market: "spot", speed: "max", repeat: 1, symbols: ["BTCUSDT", "ETHUSDT"] });
      expect(info.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      expect(info.restUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const c = connect(info.example);
      await expect.poll(() => c.frames.length, { timeout: 20_000, message: "the whole capture" }).toBe(4_848);
      c.ws.close();
      const rest = await fetch(`${info.restUrl}/api/v3/trades?symbol=BTCUSDT&limit=1`);
      expect(((await rest.json()) as { id: number }[])[0].id).toBe(1_710);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/replay: pid \d+/);
    expect(stderr).toMatch(/SIGTERM: stopping cleanly/);
    expect(stderr).toMatch(/published \d+\/5757 events/);
  });
});
