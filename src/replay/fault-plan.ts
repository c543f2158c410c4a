/**
 * The faults the replay server can inject, their rates, and the seeded dice that decide them: each connection
 * rolls its own generator (run seed mixed with the connection number), so a run with the same seed and the same
 * client behaviour injects the same faults at the same frames.
 */
import { mixSeed, seededRandom, type Random } from "./seeded-random.ts";
import { ReplayOptionError } from "./replay-errors.ts";

/** Faults a stream connection can suffer, rolled once per trade frame about to be sent. */
export const STREAM_FAULTS = ["drop", "halfOpen", "shutdown", "lose", "malformed", "duplicate"] as const;
export type StreamFault = (typeof STREAM_FAULTS)[number];

/**
 * How often a fault fires: a probability per opportunity (trade frame, or REST request for `rest429`), or
 * that with a server-wide cap and a per-connection grace period.
 */
export type FaultRate =
  | number
  | {
      /** Probability per opportunity, in [0, 1]. */
      readonly rate: number;
      /** Fires at most this many times in the server's life. */
      readonly max?: number;
      /** Not before this many trade frames of the connection (or REST requests) have gone by. */
      readonly after?: number;
    };

export interface FaultOptions {
  /** Run seed (default 1). */
  readonly seed?: number;
  /** Terminate the socket abruptly (no close frame) instead of sending the frame. */
  readonly drop?: FaultRate;
  /** Stop sending and stop answering pings, but keep the socket open (a half-open TCP connection). */
  readonly halfOpen?: FaultRate;
  /** Send `serverShutdown`, keep streaming for `shutdownGraceMs`, then close. */
  readonly shutdown?: FaultRate;
  /** Never send the frame on this connection; it stays published (REST has it). */
  readonly lose?: FaultRate;
  /** Send a broken variant (invalid JSON, missing field, non-numeric price, wrong type) instead of the frame. */
  readonly malformed?: FaultRate;
  /** Send the frame twice. */
  readonly duplicate?: FaultRate;
  /** Answer a REST request with 429 and `Retry-After`. */
  readonly rest429?: FaultRate;
  /** `Retry-After` of a 429, seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** A request that ignores a 429's `Retry-After` gets 418 (an IP ban) instead of another 429 (default false). */
  readonly ban418?: boolean;
  /** `Retry-After` of a 418, seconds (default 2; Binance bans for 2 minutes to 3 days). */
  readonly banSeconds?: number;
  /** How long a connection keeps streaming after a `serverShutdown` fault before it is closed, ms (default 1000). */
  readonly shutdownGraceMs?: number;
}

interface Rule {
  readonly rate: number;
  readonly max: number;
  readonly after: number;
}

/** The malformed variants, cycled by the dice. */
export const MALFORMED_VARIANTS = ["invalid-json", "missing-field", "non-numeric-price", "wrong-type"] as const;
export type MalformedVariant = (typeof MALFORMED_VARIANTS)[number];

/** Server-wide fault rules and counters. */
export class FaultPlan {
  readonly seed: number;
  readonly retryAfterSeconds: number;
  readonly ban418: boolean;
  readonly banSeconds: number;
  readonly shutdownGraceMs: number;
  private readonly rules = new Map<string, Rule>();
  private readonly fired = new Map<string, number>();
  private readonly restRandom: Random;
  private restRequests = 0;

  /**
   * @param options rates per fault; absent faults never fire
   * @throws {ReplayOptionError} a rate outside [0, 1], a negative max/after, or a non-positive wait
   * @example
   * const plan = new FaultPlan({ seed: 7, lose: 0.01, rest429: { rate: 0.5, max: 2 } });
   */
  constructor(options: FaultOptions = {}) {
    this.seed = options.seed ?? 1;
    this.retryAfterSeconds = positive(options.retryAfterSeconds ?? 1, "retryAfterSeconds");
    this.ban418 = options.ban418 ?? false;
    this.banSeconds = positive(options.banSeconds ?? 2, "banSeconds");
    this.shutdownGraceMs = options.shutdownGraceMs ?? 1000;
    if (!(this.shutdownGraceMs >= 0)) throw new ReplayOptionError(`faults.shutdownGraceMs must be >= 0, got ${this.shutdownGraceMs}`);
    for (const name of [...STREAM_FAULTS, "rest429"] as const) {
      const spec = options[name];
      if (spec === undefined) continue;
      const rule = typeof spec === "number" ? { rate: spec, max: Infinity, after: 0 } : { max: Infinity, after: 0, ...spec };
      if (!(rule.rate >= 0 && rule.rate <= 1)) throw new ReplayOptionError(`faults.${name} rate must be in [0, 1], got ${rule.rate}`);
      if (!(rule.max >= 0)) throw new ReplayOptionError(`faults.${name}.max must be >= 0, got ${rule.max}`);
      if (!(rule.after >= 0)) throw new ReplayOptionError(`faults.${name}.after must be >= 0, got ${rule.after}`);
      if (rule.rate > 0 && rule.max > 0) this.rules.set(name, rule);
    }
    this.restRandom = seededRandom(mixSeed(this.seed, 0x7e57));
  }

  /** True when any stream fault can fire. */
  get streamFaults(): boolean {
    return STREAM_FAULTS.some((f) => this.rules.has(f));
  }

  /** A connection's own dice. */
  dice(connection: number): StreamDice {
    return new StreamDice(this, seededRandom(mixSeed(this.seed, connection)));
  }

  /** Rolls a fault for an opportunity number; counts it when it fires. */
  roll(name: string, random: Random, opportunity: number): boolean {
    const rule = this.rules.get(name);
    if (rule === undefined) return false;
    // Draw even when capped or too early, so later draws do not depend on the cap.
    const hit = random() < rule.rate;
    if (!hit || opportunity < rule.after) return false;
    const fired = this.fired.get(name) ?? 0;
    if (fired >= rule.max) return false;
    this.fired.set(name, fired + 1);
    return true;
  }

  /** Rolls the REST 429 fault for the next request. */
  rollRest429(): boolean {
    return this.roll("rest429", this.restRandom, this.restRequests++);
  }

  /** Times each fault has fired. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.fired);
  }
}

/** One connection's dice: rolls each stream fault per trade frame, in a fixed order. */
export class StreamDice {
  private frames = 0;

  constructor(
    private readonly plan: FaultPlan,
    private readonly random: Random,
  ) {}

  /** The fault (if any) for the next trade frame; at most one fires, the first in {@link STREAM_FAULTS} order. */
  next(): StreamFault | null {
    const n = this.frames++;
    let fault: StreamFault | null = null;
    for (const name of STREAM_FAULTS) if (this.plan.roll(name, this.random, n) && fault === null) fault = name;
    return fault;
  }

  /** A malformed variant of a frame. */
  variant(): MalformedVariant {
    return MALFORMED_VARIANTS[Math.floor(this.random() * MALFORMED_VARIANTS.length)];
  }
}

/**
 * Breaks a stream payload the way the variant says.
 * @param data the payload JSON (a trade or aggTrade object)
 * @param variant what to break
 * @returns the broken payload text (invalid JSON for `invalid-json`)
 * @throws {SyntaxError} when `data` is not JSON (it always is: it comes from the payload renderer)
 * @example
 * malformPayload('{"e":"trade","p":"1.5"}', "non-numeric-price"); // '{"e":"trade","p":"1.5x"}'
 */
export function malformPayload(data: string, variant: MalformedVariant): string {
  if (variant === "invalid-json") return data.slice(0, Math.max(1, Math.floor(data.length / 2)));
  const o = JSON.parse(data) as Record<string, unknown>;
  if (variant === "missing-field") delete o[o.e === "aggTrade" ? "a" : "t"];
  else if (variant === "non-numeric-price") o.p = `${String(o.p)}x`;
  else o.T = String(o.T); // wrong type: the trade time as a string
  return JSON.stringify(o);
}

function positive(value: number, name: string): number {
  if (!(value > 0)) throw new ReplayOptionError(`faults.${name} must be > 0, got ${value}`);
  return value;
}
