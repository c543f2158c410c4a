/** The webhook notifier against a real HTTP server on 127.0.0.1: retries, timeouts, refusals and its bounds. */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebhookNotifier, WEBHOOK_RETRY } from "../../src/alerts/webhook-notifier.ts";
import { captureLogger } from "../helpers/capture-logger.ts";

const servers: Server[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const s of servers.splice(0)) s.closeAllConnections(), s.close();
});

async function endpoint(handle: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => handle(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

/** The retry waits are fake: a test moves the clock past each one (no real waiting). */
const fakeRetryTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

describe("WebhookNotifier", () => {
  it("POSTs JSON and retries 5xx answers with backoff until one succeeds", async () => {
    const seen: { body: string; type: string | undefined }[] = [];
    const url = await endpoint((req, res, body) => {
      seen.push({ body, type: req.headers["content-type"] });
      res.statusCode = seen.length < 3 ? 500 : 200;
      res.end();
    });
    const log = captureLogger();
    fakeRetryTimers();
    const notifier = new WebhookNotifier({ logger: log.logger });
    notifier.notify(url, { alert: 1 });
    for (const retry of [1, 2]) {
      await expect.poll(() => notifier.stats().retried).toBe(retry);
      // Full jitter under a cap that doubles: the retry is due within initialMs·2^(retry-1).
      await vi.advanceTimersByTimeAsync(WEBHOOK_RETRY.initialMs * 2 ** (retry - 1));
    }
    await expect.poll(() => notifier.stats().delivered).toBe(1);
    expect(seen.map((s) => s.body)).toEqual(['{"alert":1}', '{"alert":1}', '{"alert":1}']);
    expect(seen[0].type).toBe("application/json");
    expect(notifier.stats()).toMatchObject({ delivered: 1, retried: 2, failed: 0, pending: 0 });
    expect(log.lines).toEqual([]);
  });

  it("waits a 429's Retry-After before trying again", async () => {
    let attempts = 0;
    const url = await endpoint((_req, res) => {
      attempts++;
      res.writeHead(attempts === 1 ? 429 : 204, attempts === 1 ? { "retry-after": "3" } : {});
      res.end();
    });
    fakeRetryTimers();
    const notifier = new WebhookNotifier({ logger: captureLogger().logger });
    notifier.notify(url, {});
    await expect.poll(() => notifier.stats().retried).toBe(1);
    await vi.advanceTimersByTimeAsync(2_900);
    expect(notifier.stats()).toMatchObject({ delivered: 0, pending: 1 }); // still waiting out the 3 s
    await vi.advanceTimersByTimeAsync(100);
    await expect.poll(() => notifier.stats().delivered).toBe(1);
    expect(attempts).toBe(2);
  });

  it("gives up after the retries on a silent endpoint, each attempt bounded by the timeout, and says so", async () => {
    let attempts = 0;
    const url = await endpoint(() => attempts++); // never answers
    const log = captureLogger();
    fakeRetryTimers(); // AbortSignal.timeout keeps real time: each attempt takes its 100 ms
    const notifier = new WebhookNotifier({ timeoutMs: 100, retries: 2, logger: log.logger });
    notifier.notify(url, { alert: 2 });
    for (const retry of [1, 2]) {
      await expect.poll(() => notifier.stats().retried).toBe(retry);
      await vi.advanceTimersByTimeAsync(WEBHOOK_RETRY.initialMs * 2 ** (retry - 1));
    }
    await expect.poll(() => notifier.stats().failed).toBe(1);
    expect(attempts).toBe(3);
    expect(log.lines[0]).toContain("failed after 3 attempt(s): no answer within 100 ms");
    expect(log.records[0]).toMatchObject({ level: 40 }); // warn
  });

  it("does not retry a 4xx refusal", async () => {
    let attempts = 0;
    const url = await endpoint((_req, res) => {
      attempts++;
      res.statusCode = 404;
      res.end();
    });
    const notifier = new WebhookNotifier({ logger: captureLogger().logger });
    notifier.notify(url, {});
    await expect.poll(() => notifier.stats().failed).toBe(1);
    expect(attempts).toBe(1);
    expect(notifier.stats().retried).toBe(0);
  });

  it("returns at once and bounds its queue, dropping the oldest waiting delivery", async () => {
    const answers: (() => void)[] = [];
    const bodies: string[] = [];
    const url = await endpoint((_req, res, body) => {
      bodies.push(body);
      answers.push(() => res.end());
    });
    const log = captureLogger();
    const notifier = new WebhookNotifier({ concurrency: 1, maxQueue: 2, logger: log.logger });
    for (let i = 0; i < 5; i++) notifier.notify(url, { i });
    expect(bodies).toEqual([]); // every call returned before the endpoint saw a request: nothing waited on the network
    // One in flight (0), queue bound 2: 1 and 2 were dropped for 3 and 4.
    expect(notifier.stats()).toMatchObject({ dropped: 2, pending: 3 });
    for (const n of [1, 2, 3]) {
      await expect.poll(() => answers.length).toBe(n);
      answers[n - 1]();
    }
    await expect.poll(() => notifier.stats().delivered).toBe(3);
    expect(bodies).toEqual(['{"i":0}', '{"i":3}', '{"i":4}']);
    expect(log.lines.filter((l) => l.includes("queue full"))).toHaveLength(2);
  });
});
