/**
 * Read responses shared between requests until the data changes: a stored batch or an upload starts a new
 * generation. Concurrent identical requests wait for one computation (single flight), so 64 dashboards asking
 * for the same bars cost one DuckDB query, not 64.
 */
import type { MiddlewareHandler } from "hono";

interface Entry {
  readonly generation: number;
  readonly at: number;
  readonly response: Promise<{ readonly status: number; readonly headers: [string, string][]; readonly body: ArrayBuffer } | null>;
}

export class ResponseCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();

  /** @param maxAgeMs a response is recomputed at least this often even if no change was signalled */
  constructor(
    private readonly maxAgeMs = 1_000,
    private readonly maxEntries = 1_000,
  ) {}

  /** The data changed: every cached response is stale. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Middleware for GET routes whose answer depends only on the URL, the Accept header and the stored data. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== "GET") return next();
      const key = `${c.req.url}\n${c.req.header("accept") ?? ""}`;
      const now = Date.now();
      const hit = this.entries.get(key);
      if (hit && hit.generation === this.generation && now - hit.at < this.maxAgeMs) {
        const cached = await hit.response;
        if (cached !== null) return new Response(cached.body, { status: cached.status, headers: cached.headers });
      }
      let settle!: (value: Awaited<Entry["response"]>) => void;
      const response = new Promise<Awaited<Entry["response"]>>((resolve) => (settle = resolve));
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { generation: this.generation, at: now, response });
      try {
        await next();
        // Only successful answers are shared; an error is computed afresh for each request.
        if (c.res.status === 200) {
          const body = await c.res.clone().arrayBuffer();
          const headers: [string, string][] = [];
          c.res.headers.forEach((value, name) => headers.push([name, value]));
          settle({ status: c.res.status, headers, body });
        } else {
          settle(null);
          this.entries.delete(key);
        }
      } catch (error) {
        settle(null);
        this.entries.delete(key);
        throw error;
      }
    };
  }
}
