/**
 * The /ws/live wire protocol: the client's request frames, the server's reply frames, and the channel names, each
 * parsed once here so the hub only ever sees a well-formed request or a typed refusal naming the field.
 */
import { isSymbol, SYMBOL_RULE } from "../../engine/index.ts";
import { parseTimeframe, StoreInputError, type Timeframe } from "../../store/index.ts";

/** A subscribable channel, parsed; `name` is its canonical spelling (upper-case symbols, canonical timeframe). */
export type LiveChannel =
  | { readonly kind: "trades"; readonly name: string; readonly symbol: string }
  | { readonly kind: "bars"; readonly name: string; readonly symbol: string; readonly timeframe: Timeframe }
  | { readonly kind: "status"; readonly name: string }
  | {
      readonly kind: "pairs";
      readonly name: string;
      readonly a: string;
      readonly b: string;
      readonly timeframe: Timeframe;
      readonly window: number;
    }
  | { readonly kind: "alerts"; readonly name: string };

/** A client frame that passed validation. */
export type LiveRequest =
  | { readonly op: "subscribe" | "unsubscribe"; readonly channel: LiveChannel }
  | { readonly op: "ping" };

/** The kinds of frame the server sends. */
export type LiveFrameType = "snapshot" | "update" | "error" | "subscribed" | "unsubscribed" | "heartbeat";

/** Every server frame: `{ type, channel, data }` (`channel` null for heartbeats and frame-level errors). */
export interface LiveFrame {
  /** What the frame is. */
  readonly type: LiveFrameType;
  /** The canonical channel name it concerns, or null. */
  readonly channel: string | null;
  /** The payload: ticks, bars, a status, `{ field, message }` for errors, `{ time }` for heartbeats. */
  readonly data: unknown;
  /** On updates: when the server published the frame, ms since the Unix epoch (server clock), to measure delivery. */
  readonly time?: number;
}

/** A refused client frame: the field at fault (`"json"`, `"op"`, `"channel"`) and why. */
export class LiveProtocolError extends Error {
  constructor(
    /** The offending field of the client frame. */
    readonly field: string,
    message: string,
    /** The channel text the client sent, when there was one. */
    readonly channel: string | null = null,
  ) {
    super(message);
    this.name = "LiveProtocolError";
  }
}

/** Longest client frame accepted, characters: requests are tiny, so anything bigger is refused unread. */
export const MAX_CLIENT_FRAME_CHARS = 4096;
const MAX_PAIR_WINDOW = 100_000;

/**
 * Parses one client text frame.
 *
 * @param text the frame as received
 * @returns the request
 * @throws {LiveProtocolError} not JSON, not an object, an unknown `op`, or an invalid channel (field `"channel"`)
 * @example
 * parseLiveRequest('{"op":"subscribe","channel":"trades:btcusdt"}'); // { op: "subscribe", channel: { kind: "trades", name: "trades:BTCUSDT", … } }
 */
export function parseLiveRequest(text: string): LiveRequest {
  if (text.length > MAX_CLIENT_FRAME_CHARS) {
    throw new LiveProtocolError("json", `frame of ${text.length} characters; at most ${MAX_CLIENT_FRAME_CHARS} accepted`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new LiveProtocolError("json", "the frame is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new LiveProtocolError("json", 'the frame must be a JSON object such as {"op":"subscribe","channel":"status"}');
  }
  const { op, channel } = body as { op?: unknown; channel?: unknown };
  if (op === "ping") return { op };
  if (op !== "subscribe" && op !== "unsubscribe") {
    throw new LiveProtocolError("op", `op must be "subscribe", "unsubscribe" or "ping", got ${JSON.stringify(op) ?? "nothing"}`);
  }
  if (typeof channel !== "string") {
    throw new LiveProtocolError("channel", `channel must be a string, got ${JSON.stringify(channel) ?? "nothing"}`);
  }
  return { op, channel: parseLiveChannel(channel) };
}

/**
 * Parses a channel name: `trades:<symbol>`, `bars:<symbol>:<tf>`, `status`, `pairs:<a>:<b>:<tf>:<window>`, `alerts`.
 * A timeframe is any width the store accepts (`Ns`, `Nm`, `Nh`, `1d` that divide one day).
 *
 * @param text the channel as the client wrote it (symbols in any case)
 * @returns the parsed channel with its canonical name
 * @throws {LiveProtocolError} (field `"channel"`) an unknown kind, a malformed symbol, timeframe or window
 * @example
 * parseLiveChannel("bars:ethusdt:60s").name; // "bars:ETHUSDT:1m"
 */
export function parseLiveChannel(text: string): LiveChannel {
  const parts = text.split(":");
  const fail = (why: string): never => {
    throw new LiveProtocolError("channel", `channel ${JSON.stringify(text.slice(0, 100))}: ${why}`, text);
  };
  const symbol = (s: string): string => {
    const upper = s.toUpperCase();
    if (!isSymbol(upper)) fail(`symbol ${JSON.stringify(s)} ${SYMBOL_RULE}`);
    return upper;
  };
  const timeframe = (s: string): Timeframe => {
    try {
      return parseTimeframe(s);
    } catch (error) {
      if (error instanceof StoreInputError) return fail(`timeframe: ${error.message}`);
      throw error;
    }
  };
  const arity = (n: number, form: string) => {
    if (parts.length !== n) fail(`expected ${form}`);
  };
  switch (parts[0]) {
    case "trades": {
      arity(2, "trades:<symbol>");
      const s = symbol(parts[1]);
      return { kind: "trades", name: `trades:${s}`, symbol: s };
    }
    case "bars": {
      arity(3, "bars:<symbol>:<timeframe>");
      const s = symbol(parts[1]);
      const tf = timeframe(parts[2]);
      return { kind: "bars", name: `bars:${s}:${tf.label}`, symbol: s, timeframe: tf };
    }
    case "status":
      arity(1, "status");
      return { kind: "status", name: "status" };
    case "alerts":
      arity(1, "alerts");
      return { kind: "alerts", name: "alerts" };
    case "pairs": {
      arity(5, "pairs:<a>:<b>:<timeframe>:<window>");
      const a = symbol(parts[1]);
      const b = symbol(parts[2]);
      if (a === b) fail("the two symbols of a pair must differ");
      const tf = timeframe(parts[3]);
      const window = /^[1-9][0-9]{0,5}$/.test(parts[4]) ? Number(parts[4]) : Number.NaN;
      if (!(window >= 2 && window <= MAX_PAIR_WINDOW)) fail(`window must be a whole number from 2 to ${MAX_PAIR_WINDOW}`);
      return { kind: "pairs", name: `pairs:${a}:${b}:${tf.label}:${window}`, a, b, timeframe: tf, window };
    }
    default:
      return fail('unknown channel; expected "trades:<symbol>", "bars:<symbol>:<tf>", "status", "pairs:<a>:<b>:<tf>:<window>" or "alerts"');
  }
}
