/**
 * Read responses shared between requests until the data changes (a stored batch or an upload starts a new
 * generation), served stale-while-revalidate: after a change, one request recomputes the answer while the
 * others get the previous one at once — at most one recomputation old, and never older than `maxStaleMs`.
 * So 64 dashboards polling the same bars cost one DuckDB query per change, and none of them waits behind it.
 */
import type { MiddlewareHandler } from "hono";

interface Snapshot {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: ArrayBuffer;
}

interface Entry {
  /** Generation and time the value was computed at. */
  generation: number;
  at: number;
  value: Snapshot | null;
  /** The computation under way, if any: requests with nothing to serve wait for it. */
  pending: Promise<Snapshot | null> | null;
}

export class ResponseCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();

  /**
   * @param maxAgeMs a value is recomputed at least this often even with no change signalled
   * @param maxStaleMs a stale value is served while being recomputed only if younger than this
   */
  constructor(
    private readonly maxAgeMs = 1_000,
    private readonly maxStaleMs = 2_000,
    private readonly maxEntries = 1_000,
  ) {}

  /** The data changed: every cached value is stale from now on. */
  invalidate(): void {
    this.generation++;
  }

  /** Middleware for GET routes whose answer depends only on the URL, the Accept header and the stored data. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== "GET") return next();
      const key = `${c.req.url}\n${c.req.header("accept") ?? ""}`;
      const now = Date.now();
      let entry = this.entries.get(key);
      if (entry === undefined) {
        if (this.entries.size >= this.maxEntries) this.entries.clear();
        entry = { generation: -1, at: 0, value: null, pending: null };
        this.entries.set(key, entry);
      }
      const fresh = entry.generation === this.generation && now - entry.at < this.maxAgeMs;
      if (entry.value !== null && (fresh || (entry.pending !== null && now - entry.at < this.maxStaleMs))) {
        return replay(entry.value);
      }
      if (entry.pending !== null) {
        const value = await entry.pending;
        if (value !== null) return replay(value);
        return next(); // the computation failed: this request computes (and reports) its own answer
      }
      // This request computes; those arriving meanwhile get the stale value, or wait if there is none.
      const generation = this.generation;
      let settle!: (value: Snapshot | null) => void;
      entry.pending = new Promise((resolve) => (settle = resolve));
      try {
        await next();
        if (c.res.status === 200) {
          const headers: [string, string][] = [];
          c.res.headers.forEach((value, name) => headers.push([name, value]));
          const value = { status: 200, headers, body: await c.res.clone().arrayBuffer() };
          Object.assign(entry, { value, generation, at: now });
          settle(value);
        } else {
          settle(null); // errors are not shared: each request gets its own
        }
      } catch (error) {
        settle(null);
        throw error;
      } finally {
        entry.pending = null;
      }
    };
  }
}

function replay(value: Snapshot): Response {
  return new Response(value.body, { status: value.status, headers: value.headers });
}
