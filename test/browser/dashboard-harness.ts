/**
 * The platform as a user runs it, for browser tests and the dashboard benchmark: the dashboard built by
 * `npm run build`, the replay server looping the real futures capture (times moved to now), the real collector
 * into a real DuckDB file, the alert manager and the API serving the pages, and Debian's chromium driven by
 * playwright-core. Every page opened records console errors, page errors, failed requests and 4xx/5xx answers.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { vi } from "vitest";
import { AlertService } from "../../src/alerts/alert-service.ts";
import { startApiServer, type RunningApiServer } from "../../src/api/server.ts";
import { Collector } from "../../src/collector/collector.ts";
import { startBinanceServer, type BinanceServer } from "../../src/replay/binance-server.ts";
import { readCaptureFile } from "../../src/replay/read-capture.ts";
import { silentLogger } from "../../src/runtime/logger.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { FUTURES_CAPTURE, repoPath, ROOT } from "../helpers/paths.ts";
import { tempDir } from "../helpers/temp-dir.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

/** A page that remembers everything that went wrong on it. */
export interface WatchedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, in order. */
  readonly problems: string[];
}

export interface DashboardHarness {
  readonly url: string;
  readonly store: Store;
  readonly collector: Collector;
  readonly alerts: AlertService;
  readonly browser: Browser;
  /** Where screenshots go (created). */
  readonly screenshots: string;
  open(path: string, options?: { colorScheme?: "light" | "dark" }): Promise<WatchedPage>;
  close(): Promise<void>;
}

/** Builds the dashboard (esbuild + Observable Framework), failing with its output if the build fails. */
export function buildDashboard(): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-dashboard.ts"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Chromium from Debian; scripts/test-setup.sh installs it (`npm test` runs that first). */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "bash scripts/test-setup.sh" as root, or: sudo apt-get install -y --no-install-recommends chromium`);
  }
}

export async function startDashboard(options: { speed?: number; minTrades?: number; screenshots?: string } = {}): Promise<DashboardHarness> {
  requireChromium();
  buildDashboard();
  const tmp = tempDir("ticklens-browser-");
  const binance: BinanceServer = await startBinanceServer({
    capture: readCaptureFile(repoPath(FUTURES_CAPTURE)),
    market: "futures",
    speed: options.speed ?? 10,
    repeat: Number.POSITIVE_INFINITY,
    rebaseTimes: true,
  });
  const store = await openStore(tmp.path("dashboard.duckdb"));
  const collector = await Collector.start(store, {
    symbols: ["BTCUSDT", "ETHUSDT"],
    market: "futures",
    stream: "trade",
    wsUrl: binance.wsUrl,
    restUrl: binance.restUrl,
    logger: silentLogger(),
  });
  const alerts = await AlertService.start(store, collector, { logger: silentLogger() });
  const api: RunningApiServer = await startApiServer(
    { store, live: collector, alerts, feed: { mode: "replay", url: binance.wsUrl } },
    { host: "127.0.0.1", port: 0, dashboardDir: "dist/dashboard" },
  );
  const minTrades = options.minTrades ?? 3_000;
  await vi.waitFor(
    () => {
      if (collector.status().stored < minTrades) throw new Error(`only ${collector.status().stored} of ${minTrades} trades stored`);
    },
    { timeout: 60_000, interval: 200 },
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const screenshots = repoPath(options.screenshots ?? "test/out/screenshots");
  mkdirSync(screenshots, { recursive: true });

  return {
    url: api.url,
    store,
    collector,
    alerts,
    browser,
    screenshots,
    async open(path, { colorScheme = "light" } = {}) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme, acceptDownloads: true });
      const problems: string[] = [];
      page.on("console", (m) => {
        // A refused upload is an expected 4xx (the page shows its line errors); anything else is a problem.
        if (m.type() === "error" && !m.location().url.includes("/api/upload")) problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`exception: ${e.message}`));
      page.on("requestfailed", (r) => {
        // A socket or stream the page itself closes on navigation is not a failure.
        if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
      });
      page.on("response", (r) => {
        if (r.status() >= 400 && !r.request().url().includes("/api/upload")) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      await page.goto(`${api.url}${path}`);
      return { page, problems };
    },
    async close() {
      await browser.close();
      await api.close();
      await alerts.close();
      await collector.stop();
      await store.close();
      await binance.close();
      tmp.cleanup();
    },
  };
}
