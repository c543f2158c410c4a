const DECIMAL = /^\d+(?:\.\d+)?$/;
const SYMBOL = /^[A-Z0-9]{2,32}$/;
/**
 * Parses one WebSocket message of a combined (`{"stream","data"}`) or raw stream.
 * Checks every field a tick needs and says which one was wrong.
 */
export function parseFrame(text, context) {
    let message;
    try {
        message = JSON.parse(text);
    }
    catch {
        return reject("frame is not valid JSON");
    }
    if (!isObject(message))
        return reject("frame is not a JSON object");
    let payload = message;
    let stream = null;
    if ("stream" in message || "data" in message) {
        if (typeof message.stream !== "string")
            return reject("combined frame has no string field 'stream'");
        stream = message.stream;
        payload = message.data;
        if (!isObject(payload))
            return reject(`combined frame for ${stream} has no object field 'data'`);
    }
    else if ("id" in message && ("result" in message || "error" in message)) {
        return { kind: "reply", id: message.id };
    }
    const event = payload.e;
    if (event === "serverShutdown")
        return { kind: "shutdown" };
    if (event === "trade" || event === "aggTrade")
        return parseTrade(payload, event, context);
    if (stream !== null && !stream.endsWith("@trade") && !stream.endsWith("@aggTrade"))
        return { kind: "other", stream };
    if (typeof event === "string")
        return { kind: "other", stream: stream ?? event };
    return reject(`frame has no event type 'e'${stream ? ` (stream ${stream})` : ""}`);
}
function parseTrade(data, event, context) {
    const symbol = typeof data.s === "string" && SYMBOL.test(data.s) ? data.s : null;
    if (symbol === null)
        return reject(`${event}: field 's' is not a symbol: ${JSON.stringify(data.s)}`);
    // No closures in here: it runs once per trade, up to hundreds of thousands of times a second.
    const idField = event === "trade" ? "t" : "a";
    const tradeId = data[idField];
    if (!Number.isSafeInteger(tradeId) || tradeId < 0) {
        return failTrade(event, symbol, `field '${idField}' (trade id) is not a non-negative integer: ${JSON.stringify(tradeId)}`);
    }
    if (typeof data.p !== "string" || !DECIMAL.test(data.p))
        return failTrade(event, symbol, `field 'p' (price) is not a decimal string: ${JSON.stringify(data.p)}`);
    if (typeof data.q !== "string" || !DECIMAL.test(data.q))
        return failTrade(event, symbol, `field 'q' (quantity) is not a decimal string: ${JSON.stringify(data.q)}`);
    if (!Number.isSafeInteger(data.T) || data.T <= 0)
        return failTrade(event, symbol, `field 'T' (trade time) is not a positive integer: ${JSON.stringify(data.T)}`);
    if (!Number.isSafeInteger(data.E) || data.E <= 0)
        return failTrade(event, symbol, `field 'E' (event time) is not a positive integer: ${JSON.stringify(data.E)}`);
    if (typeof data.m !== "boolean")
        return failTrade(event, symbol, `field 'm' (buyer is maker) is not a boolean: ${JSON.stringify(data.m)}`);
    // USD-M futures report insurance-fund, ADL and other off-book fills on the trade stream; only MARKET trades
    // traded. Their ids are taken all the same, and REST never lists them.
    if (data.X !== undefined && data.X !== "MARKET") {
        return failTrade(event, symbol, `off-book futures trade (X=${JSON.stringify(data.X)})`, tradeId);
    }
    const price = Number(data.p);
    const qty = Number(data.q);
    if (price === 0)
        return failTrade(event, symbol, "price is 0", tradeId);
    if (qty === 0)
        return failTrade(event, symbol, "quantity is 0", tradeId);
    const scale = context.timesInMicros ? 1 / 1000 : 1;
    return {
        kind: "trade",
        tick: {
            symbol,
            tradeId: tradeId,
            price,
            qty,
            quoteQty: price * qty,
            isBuyerMaker: data.m,
            tradeTime: data.T * scale,
            eventTime: data.E * scale,
            recvTime: context.recvTime,
            source: context.source,
        },
    };
}
/** A trade frame refused, with where it came from; `usedId` when its id was taken all the same. */
function failTrade(event, symbol, reason, usedId) {
    return reject(`${event} ${symbol}: ${reason}`, symbol, usedId);
}
function reject(reason, symbol = null, tradeId) {
    return tradeId === undefined ? { kind: "rejected", reason, symbol } : { kind: "rejected", reason, symbol, tradeId };
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
