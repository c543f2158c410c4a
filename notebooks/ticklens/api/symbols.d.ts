/**
 * The symbols the store holds, and the 404 that names them when a request asks for another.
 */
import type { Store } from "../store/index.ts";
/** One stored symbol. Times are ISO 8601 UTC. */
export interface SymbolSummary {
    readonly symbol: string;
    readonly firstTradeTime: string;
    readonly lastTradeTime: string;
    readonly trades: number;
    readonly lastPrice: number;
}
export declare function listSymbols(store: Store): Promise<SymbolSummary[]>;
/** Throws a 404 naming the known symbols unless `symbol` has ticks. */
export declare function requireKnownSymbol(store: Store, symbol: string, field?: string): Promise<void>;
