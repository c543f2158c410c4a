/**
 * Nothing stored keeps the platform from starting: rules today's validation refuses (written by hand, by an older
 * version) and out-of-range history rows are read on start; the bad rules are listed disabled with their error,
 * the good ones are evaluated and fire.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AlertService, type FiredAlert } from "../../src/alerts/alert-service.ts";
import { createApp } from "../../src/api/app.ts";
import { createRule, listHistory } from "../../src/store/alert-store.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { risingTrades, StoreFeed } from "../helpers/store-feed.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const T0 = 1_765_922_888_000;
const trades = risingTrades(20, T0);

const good = {
  name: "BTC crosses 110.5",
  severity: "info",
  enabled: true,
  channels: ["dashboard"],
  metric: { kind: "price", symbol: "BTCUSDT" },
  condition: { op: "crossesAbove", threshold: 110.5 },
} as const;

/** Rows no API call could store today, each as the `alerts.rule` JSON, with the field its error names. */
const badRows: [string, string, string][] = [
  ["huge-window", JSON.stringify({ ...good, id: "huge-window", metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 9007199254740991 } }), "metric.window"],
  ["unknown-field", JSON.stringify({ ...good, id: "unknown-field", colour: "red" }), "colour"],
  ["not-an-object", JSON.stringify("just a string"), "name"],
  ["huge-cooldown", JSON.stringify({ ...good, id: "huge-cooldown", cooldownMs: 1e300 }), "cooldownMs"],
  ["other-id", JSON.stringify({ ...good, id: "something-else", metric: { kind: "price", symbol: "btc" } }), "metric.symbol"],
];

const tmp = useTempDir("ticklens-alerts-restart-", "each");
let store: Store | null = null;
let service: AlertService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
  await store?.close();
  store = null;
});

describe("a restart on stored rules today's validation refuses", () => {
  it("starts, lists them disabled with their error, and evaluates the valid rules", async () => {
    const path = tmp.path("restart.duckdb");
    let first: Store | null = await openStore(path);
    const valid = await createRule(first, good);
    await first.write(async (c) => {
      for (const [id, json] of badRows) await c.run("INSERT INTO alerts (id, rule, enabled) VALUES ($1, $2, true)", [id, json]);
      // A history row at the edge of DuckDB's timestamps, beyond a JavaScript Date.
      await c.run("INSERT INTO alert_history (id, rule_id, fired_at, message) VALUES (1, 'huge-window', TIMESTAMP '290000-01-01 00:00:00', 'x')");
      await c.run("INSERT INTO alert_history (id, rule_id, fired_at, message) VALUES (2, 'gone', TIMESTAMP '0001-01-01 00:00:00', 'y')");
    });
    await first.close();
    first = null;

    store = await openStore(path);
    const feed = new StoreFeed(store);
    service = await AlertService.start(store, feed);
    expect(service.status()).toMatchObject({ rules: 1, enabledRules: 1 });

    const { app } = createApp({ store, alerts: service });
    const listed = (await (await app.request("/api/alerts")).json()) as { rules: Record<string, unknown>[] };
    expect(listed.rules.map((r) => r.id).sort()).toEqual([valid.id, ...badRows.map(([id]) => id)].sort());
    for (const [id, , field] of badRows) {
      const rule = listed.rules.find((r) => r.id === id)!;
      expect(rule, id).toMatchObject({ id, enabled: false });
      expect(String(rule.error), id).toMatch(new RegExp(`^${field.replace(".", "\\.")} `));
      const one = await app.request(`/api/alerts/${id}`);
      expect(one.status).toBe(422);
      expect(((await one.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: "invalid_stored_rule",
        message: `the stored rule is not evaluated: ${String(rule.error)}`,
      });
    }
    expect(listed.rules.find((r) => r.id === valid.id)).not.toHaveProperty("error");

    // History reads survive the out-of-range rows.
    const history = await app.request("/api/alerts/history");
    expect(history.status).toBe(200);
    expect((await listHistory(store)).length).toBe(2);

    // The valid rule fires.
    const fired: FiredAlert[] = [];
    service.onNotice((n) => n.kind === "fired" && fired.push(n.alert));
    await feed.append(trades);
    await expect.poll(() => fired.map((a) => a.ruleId)).toEqual([valid.id]);

    // Rule changes keep working, and a PATCH mends a refused rule.
    const patch = (id: string, body: unknown) =>
      app.request(`/api/alerts/${id}`, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    expect((await patch(valid.id, { name: "renamed" })).status).toBe(200);
    const mended = await patch("huge-window", { metric: { window: 60 } });
    expect(mended.status).toBe(200);
    expect(await mended.json()).toMatchObject({ id: "huge-window", enabled: true, metric: { window: 60 } });
    expect((await patch("unknown-field", { name: "still bad" })).status).toBe(400);
    expect((await app.request("/api/alerts/not-an-object", { method: "DELETE" })).status).toBe(204);
    await service.reload();
    expect(service.status().rules).toBe(2);
  });
});
