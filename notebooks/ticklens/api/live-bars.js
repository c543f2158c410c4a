/**
 * The open bar of one `bars:<symbol>:<tf>` channel, kept in memory: read once from the store together with the
 * highest stored trade id, then advanced by each stored batch's newer trades through the engine's `toBars`.
 */
import { toBars } from "../engine/index.js";
import { barFromRow, bucketStartSql, ticksToBarsSql } from "../store/index.js";
/**
 * Reads the latest bucket's bar of a symbol and the highest stored trade id, in one statement (one snapshot), so
 * that exactly the trades above that id are the ones still to fold in.
 *
 * @param store the open store
 * @param symbol upper-case symbol
 * @param timeframe a store timeframe
 * @returns the seed
 * @throws {StoreClosedError} the store is closed
 * @example
 * const seed = await readOpenBarSeed(store, "BTCUSDT", parseTimeframe("1m"));
 */
export async function readOpenBarSeed(store, symbol, timeframe) {
    const lastBucket = bucketStartSql("(SELECT max(trade_time) FROM tick_data WHERE symbol = $1)", timeframe.micros);
    const bars = ticksToBarsSql(timeframe.micros, `FROM tick_data t WHERE t.symbol = $1 AND t.trade_time >= ${lastBucket}`);
    const rows = await store.read(async (c) => (await c.runAndReadAll(`SELECT (SELECT max(trade_id) FROM tick_data WHERE symbol = $1)::DOUBLE AS max_id,
                  (epoch_us(b.bucket_start) / 1000)::DOUBLE AS bucket_ms, b.open, b.high, b.low, b.close, b.volume,
                  b.quote_volume, b.trades::DOUBLE AS trades, b.vwap, b.buy_volume, b.sell_volume
           FROM (SELECT 1) one LEFT JOIN (${bars}) b ON true`, [symbol])).getRowObjectsJS(), "liveOpenBar");
    const r = rows[0];
    if (r === undefined || r.max_id === null)
        return { bar: null, maxTradeId: Number.NEGATIVE_INFINITY };
    const bar = r.bucket_ms === null ? null : barFromRow(symbol, timeframe.label, r);
    return { bar, maxTradeId: r.max_id };
}
/**
 * The open bar of one symbol and timeframe.
 *
 * Trades are folded in when their id is above every id already counted: live trades arrive in id order, and a
 * batch repeated by the feed (duplicates the store dropped) is then not counted twice. Two things the in-memory bar
 * leaves to the store, whose bars a new snapshot or the REST query reads exactly: trades older than the open bucket
 * (late or backfilled) are not folded, and a trade arriving out of time order inside the bucket is taken as the
 * latest (it becomes the close; the open is never replaced).
 */
export class OpenBar {
    timeframe;
    current;
    foldedId;
    /**
     * @param seed where the store stood when the channel opened
     * @param timeframe the bar width
     */
    constructor(seed, timeframe) {
        this.timeframe = timeframe;
        this.current = seed.bar;
        this.foldedId = seed.maxTradeId;
    }
    /** The open bar (null before the symbol's first trade). */
    get bar() {
        return this.current;
    }
    /**
     * Folds a batch's trades of this symbol in.
     *
     * @param trades the batch's trades of the symbol, in batch order
     * @returns the bars this changed, oldest first: the previous open bar when these trades closed it, then the new
     *   open bar; empty when nothing new was folded
     * @throws {InvalidTradeError} a trade the engine refuses (the store's CHECKs make that impossible for stored ticks)
     * @example
     * openBar.fold(trades); // [{ bucketStart: 1765922940000, close: 87012.5, trades: 311, … }]
     */
    fold(trades) {
        const fresh = [];
        let maxId = this.foldedId;
        for (const t of trades) {
            if (t.tradeId > this.foldedId) {
                fresh.push(t);
                if (t.tradeId > maxId)
                    maxId = t.tradeId;
            }
        }
        this.foldedId = maxId;
        if (fresh.length === 0)
            return [];
        const changed = [];
        for (const b of toBars(fresh, this.timeframe.label)) {
            const cur = this.current;
            if (cur === null || b.bucketStart > cur.bucketStart) {
                this.current = b;
                changed.push(b);
            }
            else if (b.bucketStart === cur.bucketStart) {
                const volume = cur.volume + b.volume;
                const quoteVolume = cur.quoteVolume + b.quoteVolume;
                this.current = {
                    ...cur,
                    high: Math.max(cur.high, b.high),
                    low: Math.min(cur.low, b.low),
                    close: b.close,
                    volume,
                    quoteVolume,
                    trades: cur.trades + b.trades,
                    vwap: quoteVolume / volume,
                    buyVolume: cur.buyVolume + b.buyVolume,
                    sellVolume: cur.sellVolume + b.sellVolume,
                };
                changed.push(this.current);
            }
            // b.bucketStart < cur.bucketStart: a late trade for a closed bucket, left to the store (see the class note).
        }
        return changed;
    }
}
