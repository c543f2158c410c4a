/**
 * Validates every line of an uploaded CSV and, only when all are good, turns them into a tick batch or bars:
 * a file is accepted whole or not at all, and a refusal lists the first problems by line and field.
 */
import { TickBatchBuilder } from "../store/index.js";
import { parseTimeframe } from "../store/index.js";
import { ApiError } from "./errors.js";
import { chooseLayout } from "./upload-formats.js";
import { clip, epochToMs, wallClockToMs } from "./upload-time.js";
/** Most problems listed in a refusal (the total is counted in full). */
export const MAX_PROBLEMS = 20;
const SYMBOL = /^[A-Z0-9]{2,32}$/;
/** Splits one CSV line; quoted fields may hold commas and doubled quotes. Returns null on an unclosed quote. */
export function splitCsvLine(line) {
    if (!line.includes('"'))
        return line.split(",");
    const out = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
            if (ch === '"' && line[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                field += ch;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === ",") {
            out.push(field);
            field = "";
        }
        else
            field += ch;
    }
    if (quoted)
        return null;
    out.push(field);
    return out;
}
/**
 * Reads and checks a whole file.
 *
 * @param text the file, UTF-8 decoded
 * @param options kind, format, column map, symbol, time unit and zone, source, synthetic id base
 * @returns rows or problems (never both)
 * @throws {ApiError} 400 when the request's parameters do not fit the file (format, kind, map, symbol, timezone)
 * @example
 * const r = parseUpload("id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n1,10,1,10,1765922888978,true,true\n",
 *   { kind: "ticks", format: "auto", map: null, symbol: "BTCUSDT", timeUnit: "auto", timeZone: null, timeframe: null, source: "upload:x", syntheticBase: -1 });
 * r.rows; // 1
 */
export function parseUpload(text, options) {
    const lines = text.split(/\r?\n/);
    // One final newline (or several) ends the file; blank lines before the last data line are damage.
    let end = lines.length;
    while (end > 0 && lines[end - 1].trim() === "")
        end--;
    const problems = [];
    let problemCount = 0;
    const problem = (line, field, message) => {
        problemCount++;
        if (problems.length < MAX_PROBLEMS)
            problems.push({ line, field, message });
    };
    const empty = (format) => ({
        format,
        rows: 0,
        ticks: null,
        bars: null,
        problems,
        problemCount,
        firstTime: null,
        lastTime: null,
    });
    if (end === 0) {
        problem(1, "line", "the file is empty");
        return empty(options.format === "auto" ? "generic" : options.format);
    }
    const first = splitCsvLine(lines[0].replace(/^\uFEFF/, "")) ?? [lines[0]];
    const layout = chooseLayout(first, options.kind, options.format, options.map);
    const start = layout.hasHeader ? 1 : 0;
    const rows = end - start;
    if (rows === 0) {
        problem(2, "line", "the file has a header but no rows");
        return empty(layout.format);
    }
    const needsSymbol = layout.index.symbol === undefined;
    if (needsSymbol && options.symbol === null) {
        throw new ApiError(400, "invalid_parameter", `symbol: the ${layout.format} file has no symbol column; pass symbol=<SYMBOL>`, "symbol");
    }
    const reader = new RowReader(layout, options, problem);
    const builder = options.kind === "ticks" ? new TickBatchBuilder(rows) : null;
    const bars = [];
    let firstTime = Infinity;
    let lastTime = -Infinity;
    for (let i = start; i < end; i++) {
        const lineNo = i + 1;
        if ((i - start) % 100_000 === 0 && i > start)
            options.onProgress?.(i - start, rows);
        const raw = lines[i];
        if (raw.trim() === "") {
            problem(lineNo, "line", "blank line inside the data");
            continue;
        }
        const fields = splitCsvLine(raw);
        if (fields === null) {
            problem(lineNo, "line", "unclosed quote");
            continue;
        }
        if (fields.length !== layout.columns.length) {
            problem(lineNo, "line", `has ${fields.length} field(s), expected ${layout.columns.length} (${layout.columns.join(",")}): "${clip(raw)}"`);
            continue;
        }
        const before = problemCount;
        reader.begin(fields, lineNo);
        if (builder !== null) {
            const tick = reader.tick(i - start);
            if (tick !== null && problemCount === before) {
                if (problemCount === 0)
                    builder.push(tick);
                firstTime = Math.min(firstTime, tick.tradeTime);
                lastTime = Math.max(lastTime, tick.tradeTime);
            }
        }
        else {
            const bar = reader.bar();
            if (bar !== null && problemCount === before) {
                if (problemCount === 0)
                    bars.push(bar);
                firstTime = Math.min(firstTime, bar.bucketStart);
                lastTime = Math.max(lastTime, bar.bucketStart);
            }
        }
    }
    if (problemCount > 0)
        return { ...empty(layout.format), rows };
    return {
        format: layout.format,
        rows,
        ticks: builder === null ? null : builder.finish(),
        bars: builder === null ? bars : null,
        problems,
        problemCount,
        firstTime,
        lastTime,
    };
}
/** Reads the values of one line by logical name, reporting each bad value as a problem. */
class RowReader {
    layout;
    options;
    problem;
    fields = [];
    line = 0;
    constructor(layout, options, problem) {
        this.layout = layout;
        this.options = options;
        this.problem = problem;
    }
    begin(fields, line) {
        this.fields = fields;
        this.line = line;
    }
    raw(key) {
        const i = this.layout.index[key];
        return i === undefined ? undefined : this.fields[i].trim();
    }
    fail(key, message) {
        const i = this.layout.index[key];
        this.problem(this.line, i === undefined ? key : this.layout.columns[i], message);
        return null;
    }
    /** A finite number; `positive` demands > 0, else ≥ 0. */
    number(key, positive) {
        const s = this.raw(key) ?? "";
        const v = s === "" ? Number.NaN : Number(s);
        if (!Number.isFinite(v))
            return this.fail(key, `"${clip(s)}" is not a number`);
        if (positive ? !(v > 0) : v < 0)
            return this.fail(key, `${v} must be ${positive ? "> 0" : "≥ 0"}`);
        return v;
    }
    integer(key) {
        const s = this.raw(key) ?? "";
        if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(Number(s)))
            return this.fail(key, `"${clip(s)}" is not an integer`);
        return Number(s);
    }
    bool(key) {
        const s = (this.raw(key) ?? "").toLowerCase();
        if (s === "true" || s === "1")
            return true;
        if (s === "false" || s === "0")
            return false;
        return this.fail(key, `"${clip(s)}" is not true/false/1/0`);
    }
    symbol() {
        const s = this.raw("symbol");
        if (s === undefined)
            return this.options.symbol;
        const upper = s.toUpperCase();
        if (!SYMBOL.test(upper))
            return this.fail("symbol", `"${clip(s)}" is not a symbol (2 to 32 letters and digits)`);
        return upper;
    }
    time(key) {
        const s = this.raw(key) ?? "";
        const format = this.layout.format;
        const unit = format === "ticklens" ? "us" : format === "generic" ? this.options.timeUnit : "auto";
        const isEpoch = /^-?\d+(\.\d+)?$/.test(s);
        const v = isEpoch || format !== "generic" ? epochToMs(s, unit) : wallClockToMs(s, this.options.timeZone);
        if (typeof v === "string")
            return this.fail(key, v);
        return v;
    }
    tick(row) {
        const symbol = this.symbol();
        const price = this.number("price", true);
        const qty = this.number("qty", true);
        const tradeTime = this.time("time");
        const hasId = this.layout.index.tradeId !== undefined;
        const tradeId = hasId ? this.integer("tradeId") : this.options.syntheticBase - row;
        let isBuyerMaker = false;
        if (this.layout.index.isBuyerMaker !== undefined)
            isBuyerMaker = this.bool("isBuyerMaker");
        else if (this.layout.index.side !== undefined) {
            // The taker's side: a taker sell means the buyer was the maker.
            const side = (this.raw("side") ?? "").toLowerCase();
            if (side === "buy" || side === "sell")
                isBuyerMaker = side === "sell";
            else
                isBuyerMaker = this.fail("side", `"${clip(side)}" is not buy/sell`);
        }
        let quoteQty = price !== null && qty !== null ? price * qty : null;
        if (this.layout.index.quoteQty !== undefined)
            quoteQty = this.number("quoteQty", false);
        const eventTime = this.layout.index.eventTime !== undefined ? this.time("eventTime") : tradeTime;
        const recvTime = this.layout.index.recvTime !== undefined ? this.time("recvTime") : tradeTime;
        if (symbol === null || price === null || qty === null || tradeTime === null || tradeId === null || isBuyerMaker === null)
            return null;
        if (quoteQty === null || eventTime === null || recvTime === null)
            return null;
        return { symbol, tradeId, price, qty, quoteQty, isBuyerMaker, tradeTime, eventTime, recvTime, source: this.options.source };
    }
    bar() {
        const symbol = this.symbol();
        const bucketStart = this.time("time");
        let timeframe = this.options.timeframe;
        if (this.layout.index.timeframe !== undefined) {
            const tf = this.raw("timeframe") ?? "";
            timeframe = validTimeframe(tf) ? parseTimeframe(tf).label : this.fail("timeframe", `"${clip(tf)}" is not a timeframe (e.g. 1m)`);
        }
        else if (timeframe === null && bucketStart !== null) {
            const closeTime = this.time("closeTime");
            if (closeTime !== null) {
                // ms files close at open + width - 1 ms, µs files at open + width - 1 µs.
                timeframe = labelOf(Math.round((closeTime - bucketStart) / 1000) * 1000);
                if (timeframe === null)
                    this.fail("closeTime", "close_time - open_time is not a fixed timeframe dividing a day; pass timeframe=");
            }
        }
        const open = this.number("open", true);
        const high = this.number("high", true);
        const low = this.number("low", true);
        const close = this.number("close", true);
        const volume = this.number("volume", false);
        const quoteVolume = this.number("quoteVolume", false);
        const trades = this.integer("trades");
        const buyVolume = this.number("buyVolume", false);
        if (symbol === null || bucketStart === null || timeframe === null || open === null || high === null || low === null)
            return null;
        if (close === null || volume === null || quoteVolume === null || trades === null || buyVolume === null)
            return null;
        if (high < Math.max(open, close, low) || low > Math.min(open, close))
            return this.fail("high", `high ${high} / low ${low} do not bound open ${open} and close ${close}`);
        if (trades < 0)
            return this.fail("trades", `${trades} must be ≥ 0`);
        if (buyVolume > volume * (1 + 1e-9))
            return this.fail("buyVolume", `taker buy volume ${buyVolume} exceeds volume ${volume}`);
        const stepMs = parseTimeframe(timeframe).micros / 1000;
        if (bucketStart % stepMs !== 0)
            return this.fail("time", `${bucketStart} ms is not a ${timeframe} bucket start`);
        return { symbol, timeframe, bucketStart, open, high, low, close, volume, quoteVolume, trades, buyVolume };
    }
}
function validTimeframe(label) {
    try {
        parseTimeframe(label);
        return true;
    }
    catch {
        return false;
    }
}
/** A bar width in ms as a timeframe label, or null when it is not one that divides a day. */
function labelOf(ms) {
    const units = [
        [86_400_000, "d"],
        [3_600_000, "h"],
        [60_000, "m"],
        [1000, "s"],
    ];
    for (const [size, unit] of units) {
        if (ms > 0 && ms % size === 0) {
            const label = `${ms / size}${unit}`;
            return validTimeframe(label) ? parseTimeframe(label).label : null;
        }
    }
    return null;
}
