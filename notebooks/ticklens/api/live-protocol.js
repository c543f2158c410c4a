/**
 * The /ws/live wire protocol: the client's request frames, the server's reply frames, and the channel names, each
 * parsed once here so the hub only ever sees a well-formed request or a typed refusal naming the field.
 */
import { parseTimeframe, StoreInputError } from "../store/index.js";
/** A refused client frame: the field at fault (`"json"`, `"op"`, `"channel"`) and why. */
export class LiveProtocolError extends Error {
    field;
    channel;
    constructor(
    /** The offending field of the client frame. */
    field, message, 
    /** The channel text the client sent, when there was one. */
    channel = null) {
        super(message);
        this.field = field;
        this.channel = channel;
        this.name = "LiveProtocolError";
    }
}
/** Longest client frame accepted, characters: requests are tiny, so anything bigger is refused unread. */
export const MAX_CLIENT_FRAME_CHARS = 4096;
const SYMBOL = /^[A-Z0-9]{2,32}$/;
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
export function parseLiveRequest(text) {
    if (text.length > MAX_CLIENT_FRAME_CHARS) {
        throw new LiveProtocolError("json", `frame of ${text.length} characters; at most ${MAX_CLIENT_FRAME_CHARS} accepted`);
    }
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        throw new LiveProtocolError("json", "the frame is not valid JSON");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new LiveProtocolError("json", 'the frame must be a JSON object such as {"op":"subscribe","channel":"status"}');
    }
    const { op, channel } = body;
    if (op === "ping")
        return { op };
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
export function parseLiveChannel(text) {
    const parts = text.split(":");
    const fail = (why) => {
        throw new LiveProtocolError("channel", `channel ${JSON.stringify(text.slice(0, 100))}: ${why}`, text);
    };
    const symbol = (s) => {
        const upper = s.toUpperCase();
        if (!SYMBOL.test(upper))
            fail(`symbol ${JSON.stringify(s)} must be 2 to 32 letters and digits`);
        return upper;
    };
    const timeframe = (s) => {
        try {
            return parseTimeframe(s);
        }
        catch (error) {
            if (error instanceof StoreInputError)
                return fail(`timeframe: ${error.message}`);
            throw error;
        }
    };
    const arity = (n, form) => {
        if (parts.length !== n)
            fail(`expected ${form}`);
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
            if (a === b)
                fail("the two symbols of a pair must differ");
            const tf = timeframe(parts[3]);
            const window = /^[1-9][0-9]{0,5}$/.test(parts[4]) ? Number(parts[4]) : Number.NaN;
            if (!(window >= 2 && window <= MAX_PAIR_WINDOW))
                fail(`window must be a whole number from 2 to ${MAX_PAIR_WINDOW}`);
            return { kind: "pairs", name: `pairs:${a}:${b}:${tf.label}:${window}`, a, b, timeframe: tf, window };
        }
        default:
            return fail('unknown channel; expected "trades:<symbol>", "bars:<symbol>:<tf>", "status", "pairs:<a>:<b>:<tf>:<window>" or "alerts"');
    }
}
