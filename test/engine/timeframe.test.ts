import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../../src/engine/errors.ts";
import { dividesDay, parseTimeframe } from "../../src/engine/timeframe.ts";

describe("parseTimeframe", () => {
  it("reads the bar lengths the platform stores", () => {
    expect(parseTimeframe("1s")).toEqual({ label: "1s", ms: 1_000, seconds: 1 });
    expect(parseTimeframe("15s")).toEqual({ label: "15s", ms: 15_000, seconds: 15 });
    expect(parseTimeframe("1m")).toEqual({ label: "1m", ms: 60_000, seconds: 60 });
    expect(parseTimeframe("5m")).toEqual({ label: "5m", ms: 300_000, seconds: 300 });
    expect(parseTimeframe("1h")).toEqual({ label: "1h", ms: 3_600_000, seconds: 3_600 });
  });

  it("gives one canonical label per length: the largest unit that divides it", () => {
    expect(parseTimeframe("60s").label).toBe("1m");
    expect(parseTimeframe("90s").label).toBe("90s");
    expect(parseTimeframe("120m").label).toBe("2h");
    expect(parseTimeframe("3600s").label).toBe("1h");
    // 86,400 s is "1d", the label the store (src/store/timeframe.ts) gives it too.
    expect(parseTimeframe("24h")).toEqual({ label: "1d", ms: 86_400_000, seconds: 86_400 });
    expect(parseTimeframe("1d")).toEqual(parseTimeframe("1440m"));
  });

  it("accepts an already parsed timeframe", () => {
    expect(parseTimeframe(parseTimeframe("300s"))).toEqual(parseTimeframe("5m"));
  });

  for (const bad of ["", "0s", "1", "s", "1.5m", "-1m", "1M", "1H", "2d", "1w", "5min", " 1s", "1s ", "25h", "01s"]) {
    it(`refuses ${JSON.stringify(bad)}, naming the timeframe parameter`, () => {
      expect(() => parseTimeframe(bad)).toThrow(InvalidParameterError);
      try {
        parseTimeframe(bad);
      } catch (error) {
        expect((error as InvalidParameterError).parameter).toBe("timeframe");
        expect((error as Error).message).toMatch(/^parseTimeframe: timeframe /);
      }
    });
  }

  it("refuses a value that is not a string", () => {
    expect(() => parseTimeframe(60 as unknown as string)).toThrow(/timeframe must be a string/);
  });
});

describe("dividesDay", () => {
  it("is true for the widths that tile a day (the store's), false for the others", () => {
    for (const label of ["1s", "15s", "1m", "5m", "15m", "1h", "8h", "1d"]) expect(dividesDay(parseTimeframe(label)), label).toBe(true);
    for (const label of ["7s", "7m", "5h", "25m"]) expect(dividesDay(parseTimeframe(label)), label).toBe(false);
  });
});
