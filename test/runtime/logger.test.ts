import { describe, expect, it } from "vitest";
import { componentLogger, createLogger } from "../../src/runtime/logger.ts";

function collect() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe("the logger", () => {
  it("writes JSON lines with the level, the component and the process id", () => {
    const out = collect();
    const log = componentLogger("collector", createLogger({ format: "json", destination: out.destination }));
    log.info({ attempt: 2 }, "reconnecting");
    log.debug("not at info");
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0])).toMatchObject({ level: 30, component: "collector", pid: process.pid, attempt: 2, msg: "reconnecting" });
  });

  it("writes one human line per event in the pretty format, at the level asked", () => {
    const out = collect();
    const log = componentLogger("alerts", createLogger({ level: "warn", destination: out.destination, colorize: false }));
    log.info("quiet");
    log.warn({ url: "http://x" }, "webhook failed");
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: alerts: webhook failed \{"url":"http:\/\/x"\}\n$/);
  });
});
