/**
 * Per-symbol trade-id continuity. Binance ids are contiguous per symbol, so a jump means frames were lost: the
 * missing range is recorded as a hole to backfill, a repeated id is a duplicate, and a late id that falls in a
 * hole fills it (out-of-order delivery, or the backfill itself).
 */
/** Ids [fromId, toId] of `symbol` not yet seen. */
export interface Hole {
    readonly symbol: string;
    readonly fromId: number;
    readonly toId: number;
    /** When the hole was first seen, ms (local clock). */
    readonly foundAt: number;
}
export interface SequencerCounters {
    readonly gapsFound: number;
    readonly gapsFilled: number;
    readonly missingIds: number;
    readonly duplicates: number;
    /** Ids proven not to be market trades (REST skipped them): off-book events whose frames were lost. */
    readonly notMarketTrades: number;
}
export declare class TradeSequencer {
    private readonly state;
    private gapsFound;
    private duplicates;
    private notMarketTrades;
    /** @param lastStoredIds highest id already stored per symbol (resume after a restart or a crash). */
    constructor(lastStoredIds?: ReadonlyMap<string, number>);
    /**
     * True when the trade is new (store it); false for a duplicate (drop it).
     * @param earlyGraceMs after the very first trade of a symbol with no history, older ids arriving this soon are
     *   still taken (frames can come slightly out of order); history before the first trade is not claimed as a hole
     */
    accept(symbol: string, id: number, now: number, earlyGraceMs?: number): boolean;
    /** Holes older than `graceMs` (younger ones may still fill from out-of-order frames), oldest first. */
    holesDue(now: number, graceMs: number): Hole[];
    /**
     * Closes what is left of the holes in [fromId, toId] after a REST page that covered that range was taken:
     * REST lists market trades contiguously, so an id it skipped is not one (a futures off-book event).
     */
    closeCovered(symbol: string, fromId: number, toId: number): void;
    /** Highest id seen per symbol. */
    lastIds(): Map<string, number>;
    counters(): SequencerCounters;
    private fillHole;
}
