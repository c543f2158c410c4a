import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlertService, type FiredAlert } from "../../src/alerts/alert-service.ts";
import { AlertFeed, type AlertRule } from "../../src/engine/index.ts";
import { createRule } from "../../src/store/alert-store.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { risingTrades, StoreFeed } from "../helpers/store-feed.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const T0 = 1_765_922_888_000;
const TRADES = 5_000;

/** A price that steps up by 1 every trade from 100: it crosses 110.5 at index 11 and 4,600.5 at index 4,501. */
const burst = risingTrades(TRADES, T0);

const rule = (name: string, threshold: number): Omit<AlertRule, "id"> => ({
  name,
  severity: "info",
  enabled: true,
  channels: ["dashboard"],
  metric: { kind: "price", symbol: "BTCUSDT" },
  condition: { op: "crossesAbove", threshold },
});

const tmp = useTempDir("ticklens-alerts-", "each");
let store: Store;
let service: AlertService | null = null;
beforeEach(async () => {
  store = await openStore(tmp.path("alerts.duckdb"));
});
afterEach(async () => {
  await service?.close();
  service = null;
  await store.close();
});

/** Resolves after `turns` turns of the event loop. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

describe("AlertService evaluates a burst a slice at a time", () => {
  it("sends a fire found early in a large batch before evaluating the rest, and ends with the fires of one pass", async () => {
    const early = await createRule(store, rule("early", 110.5));
    const late = await createRule(store, rule("late", 4_600.5));
    const feed = new StoreFeed(store);
    service = await AlertService.start(store, feed);
    const fired: FiredAlert[] = [];
    service.onNotice((n) => n.kind === "fired" && fired.push(n.alert));

    await feed.append(burst);
    // The batch has been announced and its first slice evaluated; the rest waits for later turns of the loop.
    expect(fired.map((a) => a.name)).toEqual(["early"]);
    expect(service.status().trades).toBeLessThan(TRADES);

    for (let i = 0; i < 100 && service.status().trades < TRADES; i++) await turns(1);
    expect(service.status().trades).toBe(TRADES);
    expect(fired.map((a) => a.name)).toEqual(["early", "late"]);

    // The same fires, at the same trades, as one pass of the engine over the whole batch.
    const reference = new AlertFeed([early, late].map(({ createdAt: _c, updatedAt: _u, ...r }) => r));
    const expected = reference.ingest(burst);
    expect(fired.map((a) => [a.ruleId, Date.parse(a.firedAt), a.value])).toEqual(expected.map((e) => [e.ruleId, e.time, e.value]));
  });

  it("reads the live state a reload keeps only once the batches before it are evaluated in full", async () => {
    const late = await createRule(store, rule("late", 4_600.5));
    const feed = new StoreFeed(store);
    service = await AlertService.start(store, feed);
    await createRule(store, rule("another", 1e9));
    await feed.append(burst);
    await service.reload(); // asked for while most of the burst still waits for its turn
    // "late" is unchanged, so it keeps its live state: that of after the whole burst, fire included.
    expect(service.ruleStates().rules[late.id]).toMatchObject({ lastFiredAt: T0 + 4_501, lastValue: 100 + TRADES - 1 });
  });
});
