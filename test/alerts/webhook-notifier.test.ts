/** The webhook notifier against a real HTTP server on 127.0.0.1: retries, timeouts, refusals and its bounds. */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebhookNotifier } from "../../src/alerts/webhook-notifier.ts";

const servers: Server[] = [];
afterEach(() => {
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

describe("WebhookNotifier", () => {
  it("POSTs JSON and retries 5xx answers with backoff until one succeeds", async () => {
    const seen: { body: string; type: string | undefined }[] = [];
    const url = await endpoint((req, res, body) => {
      seen.push({ body, type: req.headers["content-type"] });
      res.statusCode = seen.length < 3 ? 500 : 200;
      res.end();
    });
    const logs: string[] = [];
    const notifier = new WebhookNotifier({ backoffMs: 10, log: (l) => logs.push(l) });
    notifier.notify(url, { alert: 1 });
    await expect.poll(() => notifier.stats().delivered, { message: "delivery" }).toBe(1);
    expect(seen.map((s) => s.body)).toEqual(['{"alert":1}', '{"alert":1}', '{"alert":1}']);
    expect(seen[0].type).toBe("application/json");
    expect(notifier.stats()).toMatchObject({ delivered: 1, retried: 2, failed: 0, pending: 0 });
    expect(logs).toEqual([]);
  });

  it("gives up after the retries on a silent endpoint, each attempt bounded by the timeout, and says so", async () => {
    let attempts = 0;
    const url = await endpoint(() => attempts++); // never answers
    const logs: string[] = [];
    const notifier = new WebhookNotifier({ timeoutMs: 100, retries: 2, backoffMs: 10, log: (l) => logs.push(l) });
    notifier.notify(url, { alert: 2 });
    await expect.poll(() => notifier.stats().failed, { message: "giving up" }).toBe(1);
    expect(attempts).toBe(3);
    expect(logs[0]).toContain("failed after 3 attempt(s): no answer within 100 ms");
  });

  it("does not retry a 4xx refusal", async () => {
    let attempts = 0;
    const url = await endpoint((_req, res) => {
      attempts++;
      res.statusCode = 404;
      res.end();
    });
    const notifier = new WebhookNotifier({ backoffMs: 10, log: () => {} });
    notifier.notify(url, {});
    await expect.poll(() => notifier.stats().failed, { message: "the refusal" }).toBe(1);
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
    const logs: string[] = [];
    const notifier = new WebhookNotifier({ concurrency: 1, maxQueue: 2, log: (l) => logs.push(l) });
    for (let i = 0; i < 5; i++) notifier.notify(url, { i });
    expect(bodies).toEqual([]); // every call returned before the endpoint saw a request: nothing waited on the network
    // One in flight (0), queue bound 2: 1 and 2 were dropped for 3 and 4.
    expect(notifier.stats()).toMatchObject({ dropped: 2, pending: 3 });
    await expect.poll(() => answers.length, { message: "the first POST" }).toBe(1);
    answers[0]();
    await expect.poll(() => answers.length, { message: "the second POST" }).toBe(2);
    answers[1]();
    await expect.poll(() => answers.length, { message: "the third POST" }).toBe(3);
    answers[2]();
    await expect.poll(() => notifier.stats().delivered, { message: "three deliveries" }).toBe(3);
    expect(bodies).toEqual(['{"i":0}', '{"i":3}', '{"i":4}']);
    expect(logs.filter((l) => l.includes("queue full"))).toHaveLength(2);
  });
});
