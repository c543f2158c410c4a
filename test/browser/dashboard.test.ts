/**
 * The dashboard in a real browser (Debian chromium via playwright-core) against the real platform replaying the
 * real capture: every page loads clean, charts show data and follow the controls, zoom and pan move the visible
 * range, live bars arrive without a reload. Screenshots of each page go to test/out/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDashboard, type DashboardHarness, type WatchedPage } from "./dashboard-harness.ts";

const PAGES = ["/", "/pairs", "/correlation", "/stats", "/alerts", "/data"];

let h: DashboardHarness;
beforeAll(async () => {
  h = await startDashboard();
  process.stderr.write(`browser tests: screenshots in ${h.screenshots}\n`);
}, 180_000);
afterAll(async () => h?.close());

/** The chart's state as the page exposes it on its container. */
interface ChartState {
  readonly data: Record<string, string | undefined>;
  readonly range: { from: number; to: number } | null;
}

async function chartState(p: WatchedPage): Promise<ChartState & Record<string, any>> {
  const state = await p.page.locator("[data-testid=price-chart]").evaluate((e) => ({
    data: { ...(e as HTMLElement).dataset },
    range: (e as unknown as { ticklensChart: { visibleRange(): { from: number; to: number } | null } }).ticklensChart.visibleRange(),
  }));
  return { ...state.data, ...state };
}

describe("every page", () => {
  it.each(PAGES)("%s loads with no console error and no failed request, in light and dark", async (path) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const p = await h.open(path, { colorScheme });
      await p.page.waitForLoadState("networkidle").catch(() => {});
      await p.page.waitForTimeout(1_500); // live frames and first renders
      const name = path === "/" ? "market" : path.slice(1);
      await p.page.screenshot({ path: `${h.screenshots}/${name}-${colorScheme}.png`, fullPage: true });
      expect(p.problems, `${path} (${colorScheme})`).toEqual([]);
      expect(await p.page.locator("main h1").first().textContent()).toBeTruthy();
      await p.page.close();
    }
  }, 60_000);
});

describe("Market", () => {
  it("shows the stored bars and follows the symbol and timeframe controls", async () => {
    const p = await h.open("/");
    const chart = p.page.locator("[data-testid=price-chart][data-ready='true']");
    await chart.waitFor({ timeout: 15_000 });
    const first = await chartState(p);
    expect(first.symbol).toBe("BTCUSDT");
    expect(first.timeframe).toBe("1m");
    expect(Number(first.bars)).toBeGreaterThan(0);
    // The newest bar matches the API's.
    const api = (await (await fetch(`${h.url}/api/ohlc/BTCUSDT?timeframe=1m&limit=1`)).json()) as { bars: { bucketStart: number }[] };
    expect(api.bars.length).toBe(1);

    await p.page.selectOption("select[name=symbol]", "ETHUSDT");
    await p.page.locator("[data-testid=price-chart][data-symbol='ETHUSDT'][data-ready='true']").waitFor({ timeout: 15_000 });
    const eth = await chartState(p);
    expect(Number(eth.lastClose)).toBeLessThan(10_000); // ETH trades near 2,950, BTC near 87,000

    await p.page.selectOption("select[name=timeframe]", "1s");
    await p.page.locator("[data-testid=price-chart][data-timeframe='1s'][data-ready='true']").waitFor({ timeout: 15_000 });
    const seconds = await chartState(p);
    expect(Number(seconds.bars)).toBeGreaterThan(Number(eth.bars));

    await p.page.selectOption("select[name=timeframe]", "custom");
    await p.page.fill("input[name=timeframe-custom]", "15s");
    await p.page.press("input[name=timeframe-custom]", "Enter");
    await p.page.locator("[data-testid=price-chart][data-timeframe='15s'][data-ready='true']").waitFor({ timeout: 15_000 });
    expect(p.problems).toEqual([]);
  }, 60_000);

  it("zooms with the wheel and pans with a drag, and shows the bar under the crosshair", async () => {
    const p = await h.open("/");
    await p.page.selectOption("select[name=timeframe]", "1s");
    const chart = p.page.locator("[data-testid=price-chart][data-timeframe='1s'][data-ready='true']");
    await chart.waitFor({ timeout: 15_000 });
    const box = (await chart.boundingBox())!;
    const before = (await chartState(p)).range!;
    await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await p.page.mouse.wheel(0, -600);
    await p.page.waitForTimeout(300);
    const zoomed = (await chartState(p)).range!;
    expect(zoomed.to - zoomed.from).toBeLessThan(before.to - before.from);

    await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await p.page.mouse.down();
    await p.page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 3, { steps: 10 });
    await p.page.mouse.up();
    await p.page.waitForTimeout(300);
    const panned = (await chartState(p)).range!;
    expect(panned.from).toBeLessThan(zoomed.from);

    await p.page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
    const tooltip = p.page.locator("[data-testid=price-chart] .tl-tooltip");
    await tooltip.waitFor({ state: "visible", timeout: 5_000 });
    expect(await tooltip.textContent()).toMatch(/O .* H .*\nL .* C .*\nvolume .* trades/s);
    expect(p.problems).toEqual([]);
  }, 60_000);

  it("updates the open bar live, without a reload", async () => {
    const p = await h.open("/");
    await p.page.selectOption("select[name=timeframe]", "1s");
    await p.page.locator("[data-testid=price-chart][data-timeframe='1s'][data-ready='true']").waitFor({ timeout: 15_000 });
    const navigations: string[] = [];
    p.page.on("framenavigated", (f) => navigations.push(f.url()));
    const first = await chartState(p);
    await p.page.waitForFunction(
      (stamp) => Number((document.querySelector("[data-testid=price-chart]") as HTMLElement).dataset.updatedAt ?? 0) > stamp,
      Number(first.updatedAt ?? 0),
      { timeout: 15_000 },
    );
    expect(navigations).toEqual([]);
    await expect.poll(async () => p.page.locator("[data-testid=connection]").textContent(), { timeout: 5_000 }).toContain("live");
    expect(await p.page.locator("[data-testid=health]").textContent()).toMatch(/trades\/s/);
  }, 60_000);
});
