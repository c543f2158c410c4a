import type { Bar, Trade } from "../engine/types.ts";
import { type Store, type Timeframe } from "../store/index.ts";
/** The state the channel starts from, read in one statement so the bar and the id agree. */
export interface OpenBarSeed {
    /** The bar of the latest trade's bucket, or null when the symbol has no trades. */
    readonly bar: Bar | null;
    /** Highest trade id stored for the symbol at that moment (−∞ when none). */
    readonly maxTradeId: number;
}
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
export declare function readOpenBarSeed(store: Store, symbol: string, timeframe: Timeframe): Promise<OpenBarSeed>;
/**
 * The open bar of one symbol and timeframe.
 *
 * Trades are folded in when their id is above every id already counted: live trades arrive in id order, and a
 * batch repeated by the feed (duplicates the store dropped) is then not counted twice. Two things the in-memory bar
 * leaves to the store, whose bars a new snapshot or the REST query reads exactly: trades older than the open bucket
 * (late or backfilled) are not folded, and a trade arriving out of time order inside the bucket is taken as the
 * latest (it becomes the close; the open is never replaced).
 */
export declare class OpenBar {
    private readonly timeframe;
    private current;
    private foldedId;
    /**
     * @param seed where the store stood when the channel opened
     * @param timeframe the bar width
     */
    constructor(seed: OpenBarSeed, timeframe: Timeframe);
    /** The open bar (null before the symbol's first trade). */
    get bar(): Bar | null;
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
    fold(trades: readonly Trade[]): Bar[];
}
