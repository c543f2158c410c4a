/** The webhook notifier resolves each host again before each POST and refuses link-local and metadata targets. */
import { describe, expect, it } from "vitest";
import { WebhookNotifier } from "../../src/alerts/webhook-notifier.ts";
import { captureLogger } from "../helpers/capture-logger.ts";

describe("WebhookNotifier refuses link-local and metadata targets when it sends", () => {
  it.each([
    ["a name that resolves to 169.254.169.254 now", "https://hooks.example.com/T0/secret", ["93.184.216.34", "169.254.169.254"]],
    ["a name that resolves to fe80::1", "https://hooks.example.com/T0/secret", ["fe80::1"]],
    ["a name that resolves to ::ffff:169.254.169.254", "https://hooks.example.com/T0/secret", ["::ffff:169.254.169.254"]],
    ["the metadata host", "http://metadata.google.internal/computeMetadata/v1/", ["10.0.0.1"]],
    ["a hex spelling of 169.254.169.254", "http://0xA9FEA9FE/latest/meta-data", ["169.254.169.254"]],
  ])("%s: nothing is sent, the refusal is logged with the URL redacted", async (_, url, addresses) => {
    const log = captureLogger();
    const sent: string[] = [];
    const notifier = new WebhookNotifier({
      logger: log.logger,
      lookup: async () => addresses,
      fetch: (async (target: string) => {
        sent.push(target);
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    });
    notifier.notify(url, { alert: 1 });
    await expect.poll(() => notifier.stats().failed).toBe(1);
    expect(sent).toEqual([]);
    expect(notifier.stats()).toMatchObject({ delivered: 0, retried: 0 });
    const text = log.lines.map((l) => JSON.stringify(l)).join("\n");
    expect(text).toContain("refused");
    expect(text).not.toContain("secret");
    expect(text).not.toContain("meta-data");
    expect(text).not.toContain("computeMetadata");
    await notifier.close();
  });

  it("posts to a name that resolves to a public address", async () => {
    const sent: string[] = [];
    const notifier = new WebhookNotifier({
      logger: captureLogger().logger,
      lookup: async () => ["93.184.216.34"],
      fetch: (async (target: string) => {
        sent.push(target);
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    });
    notifier.notify("https://hooks.example.com/T0/secret", { alert: 1 });
    await expect.poll(() => notifier.stats().delivered).toBe(1);
    expect(sent).toEqual(["https://hooks.example.com/T0/secret"]);
    await notifier.close();
  });
});
