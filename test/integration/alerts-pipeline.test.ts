/**
 * Alerts through the real pipeline: the project's Binance-compatible server replays the real futures capture, the
 * real collector stores it in a real DuckDB file, the alert service evaluates rules created over real HTTP, fires
 * go to `alert_history`, to a real `/ws/live` client and to a real webhook server. The expected fire times are
 * computed here, independently, from what the store holds (trades for single-symbol rules, 1 s bars for the pair
 * rule) with a plain reading of the rule semantics; hysteresis, duration and cooldown each have their own rule.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { AlertService, type AlertNotice } from "../../src/alerts/alert-service.ts";
import type { LiveSource } from "../../src/api/deps.ts";
import { startApiServer, type RunningApiServer } from "../../src/api/server.ts";
import { Collector } from "../../src/collector/collector.ts";
import { alignBars, ols } from "../../src/engine/index.ts";
import { startBinanceServer, type BinanceServer } from "../../src/replay/binance-server.ts";
import { readCaptureFile } from "../../src/replay/read-capture.ts";
import { silentLogger } from "../../src/runtime/logger.ts";
import { listHistory } from "../../src/store/alert-store.ts";
import { openStore, readTradeStream, type Store, type TickBatch } from "../../src/store/index.ts";
import { FUTURES_CAPTURE, repoPath } from "../helpers/paths.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const GRACE_MS = 2_000;

/** Forwards the collector's batches; lets the alert service subscribe before the collector exists. */
class Relay implements LiveSource {
  readonly listeners = new Set<(batch: TickBatch) => void>();
  collector: Collector | null = null;
  onBatch(listener: (batch: TickBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  status() {
    return this.collector!.status();
  }
}

/**
 * The rule semantics read plainly, one observation at a time: a rule fires when it is armed and the condition has
 * held for forMs; a fire (or a trigger inside the cooldown, which is swallowed) disarms it; it re-arms at an
 * observation that satisfies `rearmed`, and that observation does not itself fire.
 */
function expectedFires(
  obs: readonly { time: number; value: number }[],
  rule: { inAlert: (v: number) => boolean; rearmed: (v: number) => boolean; startArmed: boolean; forMs: number; cooldownMs: number },
): { fires: number[]; swallowed: number; shortEpisodes: number; blockedByHysteresis: number } {
  const fires: number[] = [];
  let armed = rule.startArmed;
  let since: number | null = null;
  let lastFire: number | null = null;
  let swallowed = 0;
  let shortEpisodes = 0;
  let blockedByHysteresis = 0;
  let wasAlert = false;
  for (const { time, value } of obs) {
    if (Number.isNaN(value)) continue;
    const alert = rule.inAlert(value);
    if (!armed) {
      if (alert && !wasAlert) blockedByHysteresis++; // a fresh entry into alert while waiting to re-arm
      armed = rule.rearmed(value);
      since = null;
    } else if (!alert) {
      if (since !== null) shortEpisodes++;
      since = null;
    } else {
      since ??= time;
      if (time - since >= rule.forMs) {
        armed = false;
        since = null;
        if (lastFire !== null && time - lastFire < rule.cooldownMs) swallowed++;
        else {
          fires.push(time);
          lastFire = time;
        }
      }
    }
    wasAlert = alert;
  }
  return { fires, swallowed, shortEpisodes, blockedByHysteresis };
}

describe("alerts through the replay server, the collector, the store, the alert service and /ws/live", () => {
  const tmp = useTempDir("ticklens-alerts-");
  let store: Store;
  let binance: BinanceServer;
  let collector: Collector;
  let alerts: AlertService;
  let api: RunningApiServer;
  let webhook: Server;
  const hooks: { body: any; attempt: number }[] = [];
  const notices: AlertNotice[] = [];
  let ws: WebSocket;
  const ids: Record<string, string> = {};
  const relay = new Relay();

  const rules = {
    hysteresis: {
      name: "BTC crosses above 87,700 (re-arms at 87,650)",
      severity: "warning",
      enabled: true,
      metric: { kind: "price", symbol: "BTCUSDT" },
      condition: { op: "crossesAbove", threshold: 87_700 },
      rearm: 87_650,
      channels: ["dashboard", "webhook"],
      webhookUrl: "", // set once the webhook server listens
    },
    duration: {
      name: "ETH/BTC z > 1.5 for 3 s",
      severity: "critical",
      enabled: true,
      metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 },
      condition: { op: ">", threshold: 1.5 },
      forMs: 3_000,
      channels: ["dashboard", "sound"],
    },
    cooldown: {
      name: "ETH moves 0.1 % in 30 s (cooldown 1 min)",
      severity: "info",
      enabled: true,
      metric: { kind: "changePct", symbol: "ETHUSDT", windowMs: 30_000 },
      condition: { op: "absAbove", threshold: 0.1 },
      cooldownMs: 60_000,
      channels: ["dashboard"],
    },
  };

  beforeAll(async () => {
    let attempts = 0;
    webhook = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        attempts++;
        hooks.push({ body: JSON.parse(body), attempt: attempts });
        // The first delivery fails: the notifier must retry it.
        res.statusCode = attempts === 1 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
    rules.hysteresis.webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;

    store = await openStore(tmp.path("alerts.duckdb"));
    alerts = await AlertService.start(store, relay, { pairGraceMs: GRACE_MS });
    api = await startApiServer({ store, live: relay, alerts }, { host: "127.0.0.1", port: 0 });
    for (const [key, rule] of Object.entries(rules)) {
      const res = await fetch(`${api.url}/api/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(rule) });
      expect(res.status).toBe(201);
      ids[key] = ((await res.json()) as { id: string }).id;
    }
    ws = new WebSocket(`${api.url.replace("http", "ws")}/ws/live`);
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data));
      if (frame.channel === "alerts" && frame.type === "update") notices.push(frame.data as AlertNotice);
    });
    await new Promise((resolve) => ws.once("open", resolve));
    ws.send(JSON.stringify({ op: "subscribe", channel: "alerts" }));

    binance = await startBinanceServer({ capture: readCaptureFile(repoPath(FUTURES_CAPTURE)), market: "futures", speed: "max" });
    collector = await Collector.start(store, {
      symbols: ["BTCUSDT", "ETHUSDT"],
      market: "futures",
      stream: "trade",
      wsUrl: binance.wsUrl,
      restUrl: binance.restUrl,
      logger: silentLogger(),
    });
    relay.collector = collector;
    collector.onBatch((batch) => {
      for (const l of relay.listeners) l(batch);
    });
    await binance.finished;
    const published = ["BTCUSDT", "ETHUSDT"].reduce((n, s) => n + binance.publishedIds(s, "trade").length, 0);
    // (expect.poll is for tests; a hook waits with vi.waitFor)
    await vi.waitFor(() => expect(alerts.status().trades, "every published trade to reach the alert service").toBeGreaterThanOrEqual(published - 2), { timeout: 60_000, interval: 100 });
  }, 120_000);

  afterAll(async () => {
    ws?.terminate();
    await collector?.stop();
    await api?.close();
    await alerts?.close();
    await store?.close();
    await binance?.close();
    webhook?.close();
  });

  /** What the store holds, read back as the feed saw it: each symbol's trades in id order at its stream time. */
  async function symbolObservations(symbol: string, value: (i: number, times: number[], prices: number[]) => number) {
    const { trades } = await readTradeStream(store, { symbols: [symbol] });
    const times: number[] = [];
    for (const t of trades) times.push(Math.max(times.at(-1) ?? Number.NEGATIVE_INFINITY, t.tradeTime));
    const prices = trades.map((t) => t.price);
    return trades.map((_, i) => ({ time: times[i], value: value(i, times, prices) }));
  }

  async function expectedByRule() {
    const clock = alerts.status().trades > 0 ? (await readTradeStream(store, { symbols: ["BTCUSDT", "ETHUSDT"] })).trades.reduce((m, t) => Math.max(m, t.tradeTime), 0) : 0;

    const price = await symbolObservations("BTCUSDT", (i, _t, prices) => prices[i]);
    const change = await symbolObservations("ETHUSDT", (i, times, prices) => {
      let j = i;
      while (j >= 0 && times[j] > times[i] - 30_000) j--;
      return j < 0 ? Number.NaN : 100 * (prices[i] / prices[j] - 1);
    });
    // The pair rule sees 1 s bars once final (their end + the grace passed), inner-aligned, at each bar's end.
    const pair = alignBars(
      await store.queryBars({ symbol: "ETHUSDT", timeframe: "1s" }),
      await store.queryBars({ symbol: "BTCUSDT", timeframe: "1s" }),
      { join: "inner" },
    );
    const z: { time: number; value: number }[] = [];
    for (let i = 0; i < pair.bucketStart.length; i++) {
      const end = pair.bucketStart[i] + 1_000;
      if (Math.floor((clock - GRACE_MS) / 1_000) * 1_000 < end) break; // still open when the stream ended
      if (i + 1 < 60) continue;
      const r = ols(pair.closeA.subarray(i + 1 - 60, i + 1), pair.closeB.subarray(i + 1 - 60, i + 1)).residuals;
      const mean = r.reduce((s, v) => s + v, 0) / 60;
      z.push({ time: end, value: (r[59] - mean) / Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / 59) });
    }
    return {
      hysteresis: expectedFires(price, { inAlert: (v) => v > 87_700, rearmed: (v) => v <= 87_650, startArmed: false, forMs: 0, cooldownMs: 0 }),
      duration: expectedFires(z, { inAlert: (v) => v > 1.5, rearmed: (v) => !(v > 1.5), startArmed: true, forMs: 3_000, cooldownMs: 0 }),
      cooldown: expectedFires(change, { inAlert: (v) => Math.abs(v) > 0.1, rearmed: (v) => !(Math.abs(v) > 0.1), startArmed: true, forMs: 0, cooldownMs: 60_000 }),
    };
  }

  it("fires each rule at exactly the times computed from the stored data, into alert_history", async () => {
    const expected = await expectedByRule();
    const total = Object.values(expected).reduce((n, e) => n + e.fires.length, 0);
    await expect.poll(async () => (await listHistory(store, { limit: 10_000 })).length, { timeout: 20_000, interval: 100, message: `${total} fires in alert_history` }).toBeGreaterThanOrEqual(total);
    const history = await listHistory(store, { limit: 10_000 });
    for (const key of Object.keys(rules) as (keyof typeof rules)[]) {
      const stored = history.filter((h) => h.ruleId === ids[key]).map((h) => Date.parse(h.firedAt)).sort((a, b) => a - b);
      expect(expected[key].fires.length, key).toBeGreaterThan(0);
      expect(stored, key).toEqual(expected[key].fires.map((t) => Math.floor(t)));
    }
    // Each rule's feature changed the outcome, or this would not test it.
    expect(expected.hysteresis.blockedByHysteresis, "entries above 87,700 before re-arming at 87,650").toBeGreaterThan(0);
    expect(expected.duration.shortEpisodes, "z above 1.5 for under 3 s").toBeGreaterThan(0);
    expect(expected.cooldown.swallowed, "triggers inside the cooldown").toBeGreaterThan(0);
    expect(history.length).toBe(total);
  });

  it("pushes every fire to /ws/live with its history id, channels and time", async () => {
    const history = await listHistory(store, { limit: 10_000 });
    await expect.poll(() => notices.length, { message: "a notice per fire" }).toBeGreaterThanOrEqual(history.length);
    const fired = notices.filter((n) => n.kind === "fired").map((n) => (n as Extract<AlertNotice, { kind: "fired" }>).alert);
    expect(fired.map((a) => a.id).sort((a, b) => a! - b!)).toEqual(history.map((h) => h.id).sort((a, b) => a - b));
    for (const a of fired) {
      const h = history.find((e) => e.id === a.id)!;
      expect(a.firedAt).toBe(h.firedAt);
      expect(a.ruleId).toBe(h.ruleId);
    }
    expect(fired.find((a) => a.ruleId === ids.duration)!.channels).toEqual(["dashboard", "sound"]);
    const health = (await (await fetch(`${api.url}/api/health`)).json()) as { alerts: { fired: number; enabledRules: number } };
    expect(health.alerts).toMatchObject({ fired: history.length, enabledRules: 3 });
    expect(await (await fetch(`${api.url}/metrics`)).text()).toContain(`ticklens_alerts_fired_total ${history.length}\n`);
  });

  it("POSTs the webhook rule's fires, retrying a failed delivery", async () => {
    const fires = (await listHistory(store, { ruleId: ids.hysteresis, limit: 10_000 })).length;
    await expect.poll(() => alerts.status().webhooks.delivered, { message: "every webhook delivered" }).toBe(fires);
    expect(alerts.status().webhooks.retried).toBeGreaterThanOrEqual(1);
    expect(hooks.length).toBe(fires + 1); // one 503, retried
    expect(hooks.every((h) => h.body.type === "ticklens.alert" && h.body.alert.ruleId === ids.hysteresis)).toBe(true);
  });

  it("acknowledges over HTTP and tells /ws/live", async () => {
    const [first] = await listHistory(store, { limit: 1 });
    const res = await fetch(`${api.url}/api/alerts/${first.id}/ack`, { method: "POST" });
    expect(res.status).toBe(200);
    await expect.poll(() => notices.some((n) => n.kind === "acknowledged" && n.event.id === first.id), { message: "the acknowledgement notice" }).toBe(true);
    expect((await fetch(`${api.url}/api/alerts/${first.id}/ack`, { method: "POST" })).status).toBe(409);
  });

  it("rebuilds every rule's state (armed, holding since, last fire) from the store on restart", async () => {
    await expect.poll(() => alerts.status().trades - (collector.status().stored ?? 0), { message: "the service to catch up" }).toBeGreaterThanOrEqual(-2);
    const live = alerts.ruleStates();
    const restarted = await AlertService.start(store, null, { pairGraceMs: GRACE_MS });
    try {
      const rebuilt = restarted.ruleStates();
      expect(Object.keys(rebuilt.rules).sort()).toEqual(Object.values(ids).sort());
      for (const id of Object.values(ids)) {
        const a = live.rules[id];
        const b = rebuilt.rules[id];
        expect({ armed: b.armed, holdingSince: b.holdingSince, lastValue: b.lastValue }, id).toEqual({ armed: a.armed, holdingSince: a.holdingSince, lastValue: a.lastValue });
        // The cooldown clock comes from alert_history (ms precision there).
        expect(b.lastFiredAt, id).toBe(Math.floor(a.lastFiredAt!));
      }
    } finally {
      await restarted.close();
    }
  });
});
