/**
 * A local stand-in for Binance's market-data endpoints that replays real captures: one HTTP server answers the
 * REST API and upgrades `/stream?streams=…` (combined) and `/ws/<stream>` (raw) to WebSocket streams, all fed
 * by one replay cursor. It keeps the ledger of what it has published so tests can check a collector against it.
 *
 * Replay position: there is one timeline for the whole server, like the real exchange. A connection receives
 * the events published after it subscribed ("now" in replay time); what it missed is on REST. With the default
 * `start: "subscribe"` the replay begins at the first subscription, so the first client sees the capture from
 * its first event.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { silentLogger, type Logger } from "../runtime/logger.ts";
import { renderStreamData } from "./binance-payloads.ts";
import { isMarket, MARKETS, type Market } from "../engine/vocabulary.ts";
import type { Capture } from "./capture.ts";
import { FaultPlan, type FaultOptions } from "./fault-plan.ts";
import { ReplayClock, type ReplaySpeed } from "./replay-clock.ts";
import { ReplayOptionError } from "./replay-errors.ts";
import { ReplayTimeline, type SymbolBook } from "./replay-timeline.ts";
import { createRestHandler } from "./rest-api.ts";
import { StreamSession, type FaultRecord, type SessionConfig, type SessionHost } from "./stream-session.ts";
import { publishedIdList, publishedSummary, type PublishedSummary } from "./trade-history.ts";

export interface BinanceServerOptions {
  /** The capture(s) to replay; several are merged by time (their symbols must differ). */
  readonly capture: Capture | readonly Capture[];
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Payload shapes and REST paths; default: the capture's own market, else spot. */
  readonly market?: Market;
  /** A multiple of real time by trade timestamps (default 1), or `"max"`: as fast as the clients drain. */
  readonly speed?: ReplaySpeed;
  /** Passes over the capture, ids and times continued (default 1); `Infinity` loops for ever. */
  readonly repeat?: number;
  /** When the replay begins: at the first subscription (default), when listening, or on {@link BinanceServer.start}. */
  readonly start?: "subscribe" | "listen" | "manual";
  /** Shift all times so the replay's first event is "now" on the wall clock (default false: capture times). */
  readonly rebaseTimes?: boolean;
  /** Derive `@aggTrade` events from trade captures (default true). */
  readonly deriveAggTrades?: boolean;
  /** Injected faults (none by default). */
  readonly faults?: FaultOptions;
  /** Server ping period, ms (default 20 000). */
  readonly pingIntervalMs?: number;
  /** Drop a connection whose pong has not come this long after a ping, ms (default 60 000). */
  readonly pongTimeoutMs?: number;
  /** Close connections this old, ms (default 24 h). */
  readonly maxLifetimeMs?: number;
  /** Send `serverShutdown` this long before the lifetime close, ms (default 0: no notice). */
  readonly lifetimeNoticeMs?: number;
  /** Destroy a half-open (faulted) socket after this, ms (default 120 000). */
  readonly halfOpenTimeoutMs?: number;
  /** Streams per connection (default 1024). */
  readonly maxStreams?: number;
  /** Incoming messages per second per connection (default 5; pongs are not counted). */
  readonly maxMessagesPerSecond?: number;
  /** "max" speed waits while a connection has more unsent bytes than this (default 1 MiB). */
  readonly highWaterBytes?: number;
  /** At a fixed speed, a connection with more unsent bytes than this is dropped as too slow (default 64 MiB). */
  readonly maxBufferedBytes?: number;
  /** REST weight per IP per minute (default Binance's: spot 6000, futures 2400). */
  readonly weightLimitPerMinute?: number;
  /** Where it logs (start, finish, slow consumers dropped); default silent. */
  readonly logger?: Logger;
}

/** Published ids of one symbol. */
export interface SymbolLedger {
  /** Market trades (`@trade` ids `t`, REST trades). */
  readonly trade: PublishedSummary;
  /** Aggregate trades (`@aggTrade` ids `a`). */
  readonly aggTrade: PublishedSummary;
  /** Futures off-book events sent on `@trade` with `X` not MARKET: a collector must not store them. */
  readonly offBook: PublishedSummary;
}

/** A snapshot of the server's state. */
export interface ReplayStats {
  readonly market: Market;
  readonly speed: ReplaySpeed;
  readonly repeat: number;
  /** Wall-clock ms the replay started, or null. */
  readonly startedAt: number | null;
  /** Positions published so far, and in all. */
  readonly cursor: number;
  readonly total: number;
  readonly finished: boolean;
  readonly connections: { readonly open: number; readonly opened: number };
  /**
   * Event counters: framesSent, drop, halfOpen, shutdown, lose, malformed, duplicate, pongTimeouts,
   * slowConsumers, tooManyMessages, lifetimeCloses, shutdownNotices, restRequests, rest429, rest418.
   */
  readonly counters: Readonly<Record<string, number>>;
  /** Trades a connection did not get intact (first 10 000 of each kind). */
  readonly faults: {
    readonly lost: readonly FaultRecord[];
    readonly malformed: readonly FaultRecord[];
    readonly duplicated: readonly FaultRecord[];
  };
  /** Per symbol, what has been published (it is on REST, whatever reached each connection). */
  readonly published: Readonly<Record<string, SymbolLedger>>;
}

export interface BinanceServer {
  /** WebSocket base, e.g. `ws://127.0.0.1:40123`: add `/stream?streams=…` or `/ws/<stream>`. */
  readonly wsUrl: string;
  /** REST base, e.g. `http://127.0.0.1:40123`: add `/api/v3/…` (spot) or `/fapi/v1/…` (futures). */
  readonly restUrl: string;
  readonly port: number;
  readonly market: Market;
  readonly timeline: ReplayTimeline;
  /** Resolves when the last pass has been published (never, when looping for ever). */
  readonly finished: Promise<void>;
  /** A snapshot, freshly computed on each read. */
  readonly stats: ReplayStats;
  /**
   * A stream URL.
   * @param streams e.g. `["btcusdt@trade", "ethusdt@aggTrade"]`
   * @param options `combined` (default true) for `/stream?streams=`, else `/ws/…`; `micro` adds `timeUnit=MICROSECOND`
   */
  streamUrl(streams: readonly string[], options?: { readonly combined?: boolean; readonly micro?: boolean }): string;
  /** Starts the replay (for `start: "manual"`; harmless otherwise). */
  start(): void;
  /** Published ids summary of a symbol. */
  published(symbol: string, kind?: "trade" | "aggTrade" | "offBook"): PublishedSummary;
  /** Every published id of a symbol, ascending: what a collector must hold exactly once. */
  publishedIds(symbol: string, kind?: "trade" | "aggTrade" | "offBook"): number[];
  /** Sends `serverShutdown` to every connection and closes them after `graceMs` (default 0). */
  shutdown(graceMs?: number): void;
  /** Destroys every stream connection abruptly (no close frame). */
  dropConnections(): void;
  /** Stops the replay and closes every connection and the listener. */
  close(): Promise<void>;
}

const MAX_RECORDS = 10_000;

/**
 * Starts a Binance-compatible replay server.
 * @param options captures, address, market, speed, repeat, faults and limits
 * @returns the running server
 * @throws {ReplayOptionError} an option is out of its domain (named in the message)
 * @throws {CaptureFormatError} captures share a symbol or repeat an id
 * @example
 * const server = await startBinanceServer({ capture: readCaptureFile("data/samples/binance-spot-trades-btcusdt-ethusdt-2025-12-16.csv"), speed: "max" });
 * const ws = new WebSocket(server.streamUrl(["btcusdt@trade"]));
 * // … ws.on("message", …); await server.finished; await server.close();
 */
export async function startBinanceServer(options: BinanceServerOptions): Promise<BinanceServer> {
  const captures = Array.isArray(options.capture) ? (options.capture as readonly Capture[]) : [options.capture as Capture];
  const market = options.market ?? captures.find((c) => c.market !== null)?.market ?? "spot";
  if (!isMarket(market)) throw new ReplayOptionError(`market must be ${MARKETS.map((m) => `"${m}"`).join(" or ")}, got ${JSON.stringify(market)}`);
  const speed = options.speed ?? 1;
  if (speed !== "max" && !(typeof speed === "number" && speed > 0 && Number.isFinite(speed))) {
    throw new ReplayOptionError(`speed must be a positive number or "max", got ${JSON.stringify(speed)}`);
  }
  const startMode = options.start ?? "subscribe";
  if (!["subscribe", "listen", "manual"].includes(startMode)) throw new ReplayOptionError(`start must be subscribe, listen or manual, got ${startMode}`);
  const config: SessionConfig = {
    pingIntervalMs: nonNegative("pingIntervalMs", options.pingIntervalMs ?? 20_000),
    pongTimeoutMs: nonNegative("pongTimeoutMs", options.pongTimeoutMs ?? 60_000),
    maxLifetimeMs: nonNegative("maxLifetimeMs", options.maxLifetimeMs ?? 24 * 3600_000),
    lifetimeNoticeMs: nonNegative("lifetimeNoticeMs", options.lifetimeNoticeMs ?? 0),
    halfOpenTimeoutMs: nonNegative("halfOpenTimeoutMs", options.halfOpenTimeoutMs ?? 120_000),
    shutdownGraceMs: nonNegative("faults.shutdownGraceMs", options.faults?.shutdownGraceMs ?? 1000),
    maxStreams: nonNegative("maxStreams", options.maxStreams ?? 1024),
    maxMessagesPerSecond: nonNegative("maxMessagesPerSecond", options.maxMessagesPerSecond ?? 5),
    highWaterBytes: nonNegative("highWaterBytes", options.highWaterBytes ?? 1 << 20),
    maxBufferedBytes: nonNegative("maxBufferedBytes", options.maxBufferedBytes ?? 64 << 20),
  };
  const log = options.logger ?? silentLogger();
  const timeline = new ReplayTimeline(captures, { market, repeat: options.repeat, deriveAggTrades: options.deriveAggTrades });
  const plan = new FaultPlan(options.faults);
  const counters = new Map<string, number>();
  const count = (what: string, n = 1) => counters.set(what, (counters.get(what) ?? 0) + n);
  const records = { lost: [] as FaultRecord[], malformed: [] as FaultRecord[], duplicated: [] as FaultRecord[] };
  const sessions = new Set<StreamSession>();
  let opened = 0;
  let subscriberWaiters: (() => void)[] = [];
  let resolveFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));

  const cache = { pos: -1, ms: "", us: "" };
  const host: SessionHost = {
    config,
    payload(pos, micro) {
      if (cache.pos !== pos) {
        cache.pos = pos;
        cache.ms = "";
        cache.us = "";
      }
      if (micro) return cache.us || (cache.us = renderStreamData(timeline, pos, true));
      return cache.ms || (cache.ms = renderStreamData(timeline, pos, false));
    },
    streamOf: (pos) => timeline.streams[pos % timeline.length],
    isTrade: (pos) => timeline.events[pos % timeline.length].kind !== "frame",
    idOf(pos) {
      const pass = Math.floor(pos / timeline.length);
      const i = pos - pass * timeline.length;
      const e = timeline.events[i];
      return e.kind === "frame" ? -1 : e.id + pass * timeline.idStep[i];
    },
    subscribed(session) {
      if (session.subscriptions.size === 0) return;
      if (startMode === "subscribe") startReplay();
      const waiters = subscriberWaiters;
      subscriberWaiters = [];
      for (const w of waiters) w();
    },
    closed(session) {
      sessions.delete(session);
    },
    count,
    record(kind, record) {
      if (records[kind].length < MAX_RECORDS) records[kind].push(record);
    },
  };

  const clock = new ReplayClock(timeline, speed, {
    deliver(pos, stream) {
      for (const s of sessions) s.deliver(pos, stream);
    },
    gate() {
      let anyActive = false;
      for (const s of sessions) {
        if (!s.active) continue;
        anyActive = true;
        if (s.blocked) return s.drained();
      }
      if (anyActive) return null;
      return new Promise<void>((resolve) => subscriberWaiters.push(resolve));
    },
    beginBurst() {
      for (const s of sessions) s.cork();
    },
    endBurst() {
      for (const s of sessions) s.uncork();
    },
    afterBurst() {
      for (const s of sessions) {
        if (s.active && s.ws.bufferedAmount > config.maxBufferedBytes) {
          count("slowConsumers");
          log.warn(`connection ${s.id}: ${s.ws.bufferedAmount} bytes unsent, dropped as too slow`);
          s.terminate();
        }
      }
    },
    finished() {
      log.info(`replay finished: ${timeline.total} events published`);
      resolveFinished();
    },
  });

  function startReplay(): void {
    if (clock.started !== null) return;
    if (options.rebaseTimes) timeline.timeOffsetUs = Date.now() * 1000 - timeline.atUs[0];
    log.info(`replay started: ${timeline.length} events × ${timeline.repeat} pass(es), speed ${speed}`);
    clock.start();
  }

  const wss = new WebSocketServer({ noServer: true, autoPong: false, perMessageDeflate: false, maxPayload: 64 * 1024 });
  const rest = createRestHandler({ timeline, cursor: () => clock.cursor, plan, weightLimitPerMinute: options.weightLimitPerMinute, count });
  const server: Server = createServer(rest);
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const parsed = parseStreamRequest(req.url ?? "/", config.maxStreams);
    if (typeof parsed === "string") {
      socket.end(`HTTP/1.1 ${parsed}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const id = ++opened;
      const session = new StreamSession(ws, host, id, parsed.combined, parsed.micro, parsed.streams, plan.streamFaults ? plan.dice(id) : null);
      sessions.add(session);
      host.subscribed(session);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as { port: number; address: string; family: string };
  const hostText = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const wsUrl = `ws://${hostText}:${address.port}`;
  const restUrl = `http://${hostText}:${address.port}`;
  if (startMode === "listen") startReplay();

  const book = (symbol: string): SymbolBook => {
    const b = timeline.books.get(symbol);
    if (b === undefined) throw new ReplayOptionError(`symbol ${symbol} is not in the capture (${timeline.symbols().join(", ")})`);
    return b;
  };
  const list = (b: SymbolBook, kind: "trade" | "aggTrade" | "offBook") =>
    kind === "trade" ? b.trades : kind === "aggTrade" ? b.aggTrades : b.offBook;

  return {
    wsUrl,
    restUrl,
    port: address.port,
    market,
    timeline,
    finished,
    get stats(): ReplayStats {
      const cursor = clock.cursor;
      const published: Record<string, SymbolLedger> = {};
      for (const [symbol, b] of timeline.books) {
        published[symbol] = {
          trade: publishedSummary(timeline, b.trades, cursor),
          aggTrade: publishedSummary(timeline, b.aggTrades, cursor),
          offBook: publishedSummary(timeline, b.offBook, cursor),
        };
      }
      return {
        market,
        speed,
        repeat: timeline.repeat,
        startedAt: clock.started,
        cursor,
        total: timeline.total,
        finished: clock.finished,
        connections: { open: sessions.size, opened },
        counters: Object.fromEntries(counters),
        faults: { lost: [...records.lost], malformed: [...records.malformed], duplicated: [...records.duplicated] },
        published,
      };
    },
    streamUrl(streams, opts = {}) {
      const micro = opts.micro ? "timeUnit=MICROSECOND" : "";
      if (opts.combined === false) return `${wsUrl}/ws/${streams.join("/")}${micro ? `?${micro}` : ""}`;
      return `${wsUrl}/stream?streams=${streams.join("/")}${micro ? `&${micro}` : ""}`;
    },
    start: startReplay,
    published: (symbol, kind = "trade") => publishedSummary(timeline, list(book(symbol), kind), clock.cursor),
    publishedIds: (symbol, kind = "trade") => publishedIdList(timeline, list(book(symbol), kind), clock.cursor),
    shutdown(graceMs = 0) {
      for (const s of sessions) s.shutdown(graceMs);
    },
    dropConnections() {
      for (const s of [...sessions]) s.terminate();
    },
    async close() {
      clock.stop();
      for (const s of [...sessions]) s.terminate();
      const waiters = subscriberWaiters;
      subscriberWaiters = [];
      for (const w of waiters) w();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a stream URL asks for, or the HTTP status line to refuse it with. */
function parseStreamRequest(
  rawUrl: string,
  maxStreams: number,
): { combined: boolean; micro: boolean; streams: string[] } | string {
  const url = new URL(rawUrl, "http://replay");
  // Futures also serves its market streams under /public and /market.
  const path = url.pathname.replace(/^\/(?:public|market)(?=\/)/, "");
  let combined: boolean;
  let streams: string[];
  if (path === "/stream" || path === "/stream/") {
    combined = true;
    streams = (url.searchParams.get("streams") ?? "").split("/").filter(Boolean);
  } else if (path === "/ws" || path.startsWith("/ws/")) {
    combined = false;
    streams = decodeURIComponent(path.slice(3)).split("/").filter(Boolean);
  } else {
    return "404 Not Found";
  }
  const unit = url.searchParams.get("timeUnit");
  if (unit !== null && !/^(MICROSECOND|MILLISECOND)$/i.test(unit)) return "400 Bad Request";
  if (streams.length > maxStreams) return "400 Bad Request";
  return { combined, micro: unit !== null && unit.toUpperCase() === "MICROSECOND", streams: [...new Set(streams)] };
}

function nonNegative(name: string, value: number): number {
  if (!(value >= 0)) throw new ReplayOptionError(`${name} must be a non-negative number, got ${value}`);
  return value;
}
