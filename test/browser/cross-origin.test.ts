/**
 * A hostile web page on another origin (another port of 127.0.0.1, served by a tiny node:http server here) tries
 * to change the platform's state the ways a browser allows: a `no-cors` text/plain POST, a CORS JSON POST, a form
 * POST and a WebSocket to /ws/live. Every one is refused and the database holds no new rule, while the dashboard's
 * own pages still load and create a rule; with API_TOKEN the dashboard asks for the token once and keeps it.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../../src/api/server.ts";
import { listRules } from "../../src/store/alert-store.ts";
import { CHROMIUM, CHROMIUM_ARGS, startDashboard, type DashboardHarness } from "./dashboard-harness.ts";

const RULE = {
  name: "planted by a hostile page",
  severity: "info",
  enabled: true,
  metric: { kind: "price", symbol: "BTCUSDT" },
  condition: { op: ">", threshold: 1 },
  channels: ["dashboard"],
};

let h: DashboardHarness;
let hostile: Server;
let hostileUrl: string;
beforeAll(async () => {
  h = await startDashboard({ minTrades: 500 });
  hostile = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>cat pictures</title><h1>cats</h1>");
  });
  await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`;
}, 180_000);
afterAll(async () => {
  await new Promise<void>((resolve) => hostile?.close(() => resolve()) ?? resolve());
  await h?.close();
});

describe("a page of another origin", () => {
  it("cannot create a rule by fetch (no-cors text/plain, CORS JSON), by a form, nor open /ws/live", async () => {
    const before = (await listRules(h.store)).length;
    const page = await h.browser.newPage();
    const answers: { method: string; url: string; status: number }[] = [];
    page.on("response", (r) => {
      if (r.url().startsWith(h.url)) answers.push({ method: r.request().method(), url: r.url(), status: r.status() });
    });
    await page.goto(hostileUrl);
    const target = h.url;
    const results = await page.evaluate(
      async ({ target, rule }) => {
        const body = JSON.stringify(rule);
        const out: Record<string, string> = {};
        // A "simple" request: no preflight, the answer opaque to the page, but the server sees it.
        try {
          const r = await fetch(`${target}/api/alerts`, { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body });
          out.noCorsTextPlain = `sent (${r.type})`;
        } catch (e) {
          out.noCorsTextPlain = `failed: ${e}`;
        }
        try {
          const r = await fetch(`${target}/api/alerts`, { method: "POST", mode: "no-cors", body });
          out.noCorsDefault = `sent (${r.type})`;
        } catch (e) {
          out.noCorsDefault = `failed: ${e}`;
        }
        // JSON needs a preflight, which the server does not grant to this origin.
        try {
          const r = await fetch(`${target}/api/alerts`, { method: "POST", mode: "cors", headers: { "content-type": "application/json" }, body });
          out.corsJson = `answered ${r.status}`;
        } catch (e) {
          out.corsJson = `failed: ${e}`;
        }
        out.webSocket = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`${target.replace("http", "ws")}/ws/live`);
          ws.onopen = () => {
            ws.send(JSON.stringify({ op: "subscribe", channel: "status" }));
            resolve("opened");
          };
          ws.onclose = (e) => resolve(`closed ${e.code}`);
        });
        return out;
      },
      { target, rule: RULE },
    );
    expect(results.noCorsTextPlain).toBe("sent (opaque)");
    expect(results.corsJson).toMatch(/^failed: TypeError/);
    expect(results.webSocket).toMatch(/^closed/);

    // A form POST (text/plain encoding smuggling a JSON body), the oldest CSRF: the page navigates to the refusal.
    const formAnswer = page.waitForResponse((r) => r.url() === `${target}/api/alerts` && r.request().method() === "POST" && r.request().resourceType() === "document");
    await page.evaluate(
      ({ target, rule }) => {
        const form = document.createElement("form");
        form.method = "POST";
        form.action = `${target}/api/alerts`;
        form.enctype = "text/plain";
        const input = document.createElement("input");
        const json = JSON.stringify({ ...rule, pad: "" });
        input.name = json.slice(0, -2);
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        form.submit();
      },
      { target, rule: RULE },
    );
    const refused = await formAnswer;
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden_origin");

    // What reached the server was refused: 403 for the POSTs (the preflight found no route), 403 for the upgrade.
    const posts = answers.filter((a) => a.method === "POST" && a.url === `${target}/api/alerts`);
    expect(posts.length).toBeGreaterThanOrEqual(3);
    for (const a of posts) expect(a.status).toBe(403);
    expect((await listRules(h.store)).length).toBe(before);
    expect((await listRules(h.store)).map((r) => r.name)).not.toContain(RULE.name);
    await page.close();
  }, 60_000);
});

describe("a hostile name re-pointed at 127.0.0.1 (DNS rebinding)", () => {
  it("gets 421 for the pages and the API, so its page never runs on the platform's origin", async () => {
    // The browser resolves rebind.test to 127.0.0.1, as a rebinding DNS server would after the first lookup.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP rebind.test 127.0.0.1"] });
    try {
      const page = await browser.newPage();
      const port = new URL(h.url).port;
      for (const path of ["/alerts", "/api/symbols", "/api/health"]) {
        const res = await page.goto(`http://rebind.test:${port}${path}`);
        expect(res?.status(), path).toBe(421);
        expect(((await res!.json()) as { error: { code: string } }).error.code).toBe("misdirected_host");
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe("the dashboard's own pages", () => {
  it("load, and create a rule through the Alerts form", async () => {
    const p = await h.open("/alerts");
    const form = p.page.locator("[data-testid=alert-form]");
    await form.waitFor({ timeout: 15_000 });
    await form.locator("input[name=name]").fill("own origin rule");
    await form.locator("select[name=kind]").selectOption("price");
    await form.locator("input[name=symbol]").fill("BTCUSDT");
    await form.locator("select[name=op]").selectOption(">");
    await form.locator("input[name=threshold]").fill("1000000000");
    await p.page.locator("[data-testid=alert-save]").click();
    await expect.poll(async () => p.page.locator("[data-testid=alert-rules]").textContent(), { timeout: 10_000 }).toContain("own origin rule");
    expect((await listRules(h.store)).map((r) => r.name)).toContain("own origin rule");
    await expect.poll(async () => p.page.locator("[data-testid=connection]").textContent(), { timeout: 10_000 }).toContain("live");
    expect(p.problems).toEqual([]);
    await p.page.close();
  }, 60_000);

  it("with API_TOKEN, ask for the token once, keep it for the tab, and send it on every fetch and the live socket", async () => {
    const secured = await startApiServer({ store: h.store, live: h.collector, token: "browser-s3cret" }, { port: 0, dashboardDir: "dist/dashboard" });
    const page = await h.browser.newPage();
    try {
      const prompts: string[] = [];
      page.on("dialog", (d) => {
        prompts.push(d.type());
        void d.accept("browser-s3cret");
      });
      const unauthorized: string[] = [];
      page.on("response", (r) => {
        if (r.status() === 401) unauthorized.push(r.url());
      });
      await page.goto(`${secured.url}/alerts`);
      await expect.poll(async () => page.locator("[data-testid=alert-rules]").textContent(), { timeout: 15_000 }).toContain("own origin rule");
      expect(prompts).toEqual(["prompt"]);
      expect(await page.evaluate(() => sessionStorage.getItem("ticklens.apiToken"))).toBe("browser-s3cret");
      await expect.poll(async () => page.locator("[data-testid=connection]").textContent(), { timeout: 20_000 }).toContain("live");
      // Another page of the tab sends it from the start: no second prompt, no refusal.
      const refusedBefore = unauthorized.length;
      await page.goto(`${secured.url}/`);
      await expect.poll(async () => page.locator("[data-testid=connection]").textContent(), { timeout: 20_000 }).toContain("live");
      expect(prompts).toEqual(["prompt"]);
      expect(unauthorized.slice(refusedBefore)).toEqual([]);
    } finally {
      await page.close();
      await secured.close();
    }
  }, 90_000);

  it("with API_TOKEN, the Data page's downloads and uploads carry the token too", async () => {
    const secured = await startApiServer({ store: h.store, live: h.collector, token: "browser-s3cret" }, { port: 0, dashboardDir: "dist/dashboard" });
    const page = await h.browser.newPage({ acceptDownloads: true });
    try {
      page.on("dialog", (d) => void d.accept("browser-s3cret"));
      const unauthorized: string[] = [];
      page.on("response", (r) => {
        if (r.status() === 401) unauthorized.push(r.url());
      });
      await page.goto(`${secured.url}/data`);
      const link = page.locator("[data-testid=export-csv-link][href]");
      await link.waitFor({ timeout: 15_000 });
      await expect.poll(() => page.evaluate(() => sessionStorage.getItem("ticklens.apiToken")), { timeout: 15_000 }).toBe("browser-s3cret");
      const refusedBefore = unauthorized.length;
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const text = readFileSync((await download.path())!, "utf8");
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      expect(text.split("\n")[0]).toContain("trade_id");
      expect(text.split("\n").length).toBeGreaterThan(2);

      const form = page.locator("[data-testid=upload-form]");
      await form.locator("input[name=file]").setInputFiles({ name: "token-upload.csv", mimeType: "text/csv", buffer: Buffer.from(UPLOAD_CSV) });
      await page.locator("[data-testid=upload-submit]").click();
      await expect.poll(() => uploadNames(h), { timeout: 15_000 }).toEqual([expect.stringMatching(/^token-upload/)]);
      expect(unauthorized.slice(refusedBefore)).toEqual([]);
    } finally {
      await page.close();
      await secured.close();
    }
  }, 90_000);
});

/** A small upload in the platform's own export format: two trades of a symbol the replay does not have. */
const UPLOAD_CSV =
  "symbol,trade_id,price,qty,quote_qty,is_buyer_maker,trade_time_us,event_time_us,recv_time_us,source\n" +
  "TOKENUSDT,1,1.5,2,3,false,1765922880000000,1765922880000000,1765922880000000,x\n" +
  "TOKENUSDT,2,1.6,1,1.6,true,1765922881000000,1765922881000000,1765922881000000,x\n";

/** The names of the stored uploads. */
async function uploadNames(harness: DashboardHarness): Promise<string[]> {
  return harness.store.read(async (c) => (await c.runAndReadAll("SELECT name FROM uploaded_data ORDER BY name")).getRows().map((r) => String(r[0])));
}
