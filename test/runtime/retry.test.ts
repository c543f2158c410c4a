import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY, httpRetry, retryAfterMs } from "../../src/runtime/retry.ts";

describe("the retry policy", () => {
  it("delays retry k uniformly up to min(maxMs, initialMs·2^k)", () => {
    const policy = { ...DEFAULT_RETRY, initialMs: 100, maxMs: 1_000 };
    expect([0, 1, 2, 3, 4, 40].map((k) => backoffDelay(k, policy, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2025-12-16T12:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "2" }), now)).toBe(2_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Tue, 16 Dec 2025 12:00:05 GMT" }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeNull();
    expect(retryAfterMs(new Headers(), now)).toBeNull();
  });

  it("waits longer on 429 and 418, backs off 5xx and 408, and refuses other statuses", () => {
    const none = new Headers();
    expect(httpRetry(429, new Headers({ "retry-after": "7" }), 0)).toEqual({ kind: "rate-limited", waitMs: 7_000 });
    expect(httpRetry(429, none, 0)).toEqual({ kind: "rate-limited", waitMs: DEFAULT_RETRY.rateLimitedMs });
    expect(httpRetry(418, none, 0)).toEqual({ kind: "banned", waitMs: DEFAULT_RETRY.bannedMs });
    for (const status of [500, 503, 408]) {
      const retry = httpRetry(status, none, 2);
      expect(retry.kind).toBe("backoff");
      expect(retry.kind === "backoff" && retry.waitMs).toBeLessThanOrEqual(DEFAULT_RETRY.initialMs * 4);
    }
    expect(httpRetry(400, none, 0)).toEqual({ kind: "refused" });
    expect(httpRetry(404, none, 0)).toEqual({ kind: "refused" });
  });
});
