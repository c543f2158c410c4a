/**
 * The dashboard in a real browser (Debian chromium via playwright-core) against the real platform replaying the
 * real capture: every page loads clean, charts show data and follow the controls, zoom and pan move the visible
 * range, live bars arrive without a reload. Screenshots of each page go to test/out/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORRUPT_CAPTURE, repoPath } from "../helpers/paths.ts";
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

describe("Alerts", () => {
  it("creates a rule in the form; it fires, shows a notification and can be acknowledged", async () => {
    const p = await h.open("/alerts");
    const form = p.page.locator("[data-testid=alert-form]");
    await form.waitFor({ timeout: 15_000 });
    await form.locator("input[name=name]").fill("BTC above 1 (browser test)");
    await form.locator("select[name=kind]").selectOption("price");
    await form.locator("input[name=symbol]").fill("BTCUSDT");
    await form.locator("select[name=op]").selectOption(">");
    await form.locator("input[name=threshold]").fill("1");
    await form.locator("input[name=channel-sound]").check();
    await p.page.locator("[data-testid=alert-save]").click();
    // The rule is stored and listed.
    await expect.poll(async () => p.page.locator("[data-testid=alert-rules]").textContent(), { timeout: 10_000 }).toContain("BTC above 1 (browser test)");
    const rules = (await (await fetch(`${h.url}/api/alerts`)).json()) as { rules: { id: string; name: string }[] };
    const rule = rules.rules.find((r) => r.name === "BTC above 1 (browser test)")!;
    expect(rule).toBeDefined();
    // The next BTC trade fires it: a notification, and an active alert with its id.
    await p.page.locator(".tl-toast", { hasText: "BTC above 1 (browser test)" }).first().waitFor({ timeout: 20_000 });
    const active = p.page.locator("[data-testid=alert-active]");
    await expect.poll(async () => Number(await active.getAttribute("data-notified")), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // The alert goes out first and its history row is written just after.
    type History = { events: { id: number; acknowledgedAt: string | null }[] };
    const history = async () => (await (await fetch(`${h.url}/api/alerts/history?ruleId=${rule.id}`)).json()) as History;
    await expect.poll(async () => (await history()).events.length, { timeout: 5_000 }).toBe(1);
    await active.locator("[data-testid=alert-ack]").first().click();
    await expect
      .poll(async () => (await history()).events[0].acknowledgedAt, { timeout: 10_000 })
      .not.toBeNull();
    expect(p.problems).toEqual([]);
  }, 60_000);

  it("shows the API's refusal next to the field it names", async () => {
    const p = await h.open("/alerts");
    const form = p.page.locator("[data-testid=alert-form]");
    await form.waitFor({ timeout: 15_000 });
    await form.locator("input[name=name]").fill("bad rule");
    await form.locator("select[name=kind]").selectOption("price");
    await form.locator("input[name=symbol]").fill("BTCUSDT");
    await form.locator("select[name=op]").selectOption(">");
    await form.locator("input[name=threshold]").fill("100");
    await form.locator("input[name=rearm]").fill("200"); // on the wrong side of the threshold
    await p.page.locator("[data-testid=alert-save]").click();
    await expect.poll(async () => p.page.locator("[data-testid=alert-form-error]").textContent(), { timeout: 10_000 }).toContain("rearm");
  }, 60_000);
});

describe("alert notifications on every page", () => {
  it("a rule firing while the Market page is open shows its notification there", async () => {
    const p = await h.open("/");
    await p.page.locator("[data-testid=price-chart][data-ready='true']").waitFor({ timeout: 15_000 });
    const res = await fetch(`${h.url}/api/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ETH above 1 (market page)", severity: "critical", enabled: true, metric: { kind: "price", symbol: "ETHUSDT" }, condition: { op: ">", threshold: 1 }, channels: ["dashboard"] }),
    });
    expect(res.status).toBe(201);
    await p.page.locator(".tl-toast", { hasText: "ETH above 1 (market page)" }).first().waitFor({ timeout: 20_000 });
    expect(p.problems).toEqual([]);
  }, 60_000);
});

describe("Data", () => {
  it("uploads the corrupt capture and lists its problems by line and field, storing nothing", async () => {
    const uploads = async () =>
      ((await (await fetch(`${h.url}/api/sql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sql: "SELECT count(*)::INTEGER AS n FROM uploaded_data" }) })).json()) as { rows: number[][] }).rows[0][0];
    const before = await uploads();
    expect(typeof before).toBe("number");
    const p = await h.open("/data");
    const form = p.page.locator("[data-testid=upload-form]");
    await form.waitFor({ timeout: 15_000 });
    await form.locator("input[name=file]").setInputFiles(repoPath(CORRUPT_CAPTURE));
    await p.page.locator("[data-testid=upload-submit]").click();
    const errors = p.page.locator("[data-testid=upload-errors] li");
    await errors.first().waitFor({ timeout: 15_000 });
    const lines = await errors.allTextContents();
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/line \d+/i);
    expect(await uploads()).toBe(before); // all rows or none: nothing recorded
    expect(p.problems).toEqual([]);
  }, 60_000);

  it("runs SQL and shows the rows; export links download real files", async () => {
    const p = await h.open("/data");
    await p.page.locator("[data-testid=sql-run]").click();
    const result = p.page.locator("[data-testid=sql-result] table");
    await result.waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toContain("BTCUSDT");
    const href = await p.page.locator("[data-testid=export-csv-link]").getAttribute("href");
    expect(href).toMatch(/^\/api\/export\/csv\?/);
    const csv = await fetch(`${h.url}${href}`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\n").length).toBeGreaterThan(2);
    expect(p.problems).toEqual([]);
  }, 60_000);
});

describe("Pairs", () => {
  it("draws the analytics and recomputes in the browser, with no request, when the window or z levels change", async () => {
    const p = await h.open("/pairs");
    const box = p.page.locator("[data-testid=pairs-analytics][data-status='ok']");
    await box.waitFor({ timeout: 30_000 });
    for (const id of ["pairs-spread", "pairs-zscore", "pairs-hedge"]) {
      await p.page.locator(`[data-testid=${id}] svg`).first().waitFor({ timeout: 10_000 });
    }
    // The PnL chart needs a backtest; minutes into a replay the window may not have filled yet.
    await expect
      .poll(async () => (await p.page.locator("[data-testid=pairs-pnl] svg").count()) > 0 || /No backtest/.test((await p.page.locator("[data-testid=pairs-pnl]").textContent()) ?? ""), { timeout: 10_000 })
      .toBe(true);
    const verdict = p.page.locator("[data-testid=pairs-verdict]");
    expect(Number(await verdict.getAttribute("data-adf-pvalue"))).toBeGreaterThanOrEqual(0);
    expect(await verdict.textContent()).toMatch(/cointegrat|mean-revert/i);

    const before = Number(await box.getAttribute("data-recomputes"));
    const requests: string[] = [];
    p.page.on("request", (r) => requests.push(r.url()));
    await p.page.fill("input[name=window]", "90");
    await p.page.press("input[name=window]", "Tab");
    await expect.poll(async () => Number(await box.getAttribute("data-recomputes")), { timeout: 5_000 }).toBeGreaterThan(before);
    await p.page.fill("input[name=z-entry]", "1.5");
    await p.page.press("input[name=z-entry]", "Tab");
    await expect.poll(async () => Number(await box.getAttribute("data-recomputes")), { timeout: 5_000 }).toBeGreaterThan(before + 1);
    expect(requests.filter((u) => u.includes("/api/"))).toEqual([]);
    expect(p.problems).toEqual([]);
  }, 60_000);
});

describe("Correlation and Statistics", () => {
  it("shows the correlation matrix of the collected symbols", async () => {
    const p = await h.open("/correlation");
    const heatmap = p.page.locator("[data-testid=correlation-heatmap][data-status='ok']");
    await heatmap.waitFor({ timeout: 30_000 });
    const matrix = JSON.parse((await heatmap.getAttribute("data-matrix"))!) as (number | null)[][];
    const symbols = JSON.parse((await heatmap.getAttribute("data-symbols"))!) as string[];
    expect(symbols).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(matrix[0][0]).toBeCloseTo(1, 12);
    expect(matrix[0][1]).toBeCloseTo(matrix[1][0]!, 12);
    expect(Math.abs(matrix[0][1]!)).toBeLessThanOrEqual(1);
    expect(await p.page.locator("[data-testid=correlation-heatmap] svg").count()).toBeGreaterThan(0);
    expect(p.problems).toEqual([]);
  }, 60_000);

  it("downloads exactly the statistics table's rows as CSV, in its sort order", async () => {
    const p = await h.open("/stats");
    const table = p.page.locator("[data-testid=stats-table][data-status='ok']");
    await table.waitFor({ timeout: 30_000 });
    await table.locator("th").nth(1).click(); // sort by the second column
    const [download] = await Promise.all([p.page.waitForEvent("download"), p.page.locator("[data-testid=stats-csv]").click()]);
    const csv = (await (await download.createReadStream()).toArray()).join("").trim().split("\n");
    // What the table showed when the file was made (both come from the same rows).
    const shown = await table.evaluate((t) => Array.from(t.querySelectorAll("tr"), (r) => Array.from(r.querySelectorAll("th,td"), (c) => c.textContent!.trim())));
    expect(csv.length).toBe(shown.length);
    expect(csv.length).toBe(3); // header + BTCUSDT + ETHUSDT
    expect(csv[0].split(",")).toEqual(shown[0]);
    expect(csv.slice(1).map((line) => line.split(",")[0]).sort()).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(p.problems).toEqual([]);
  }, 60_000);
});
