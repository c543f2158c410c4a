/**
 * The live `pairs:<a>:<b>:<tf>:<window>` channel: a snapshot of the pair's analytics (the report of
 * `GET /api/analytics/pairs`, OLS hedge, inner join) over a recent lookback, then its latest point again at most
 * once per interval while either leg trades. One computation per channel serves every subscriber.
 */
import type { Store } from "../store/index.ts";
import { type LiveClient } from "./live-client.ts";
import type { LiveChannel } from "./live-protocol.ts";
type PairsChannel = Extract<LiveChannel, {
    kind: "pairs";
}>;
export declare class LivePairs {
    private readonly store;
    private readonly channels;
    private readonly timer;
    constructor(store: Store, intervalMs: number);
    /** Sends the snapshot; a pair without enough data yet answers `{ waiting: reason }` and updates once it has. */
    subscribe(client: LiveClient, channel: PairsChannel): Promise<void>;
    leave(client: LiveClient, name: string): void;
    /** Symbols that just traded: their pairs are recomputed on the next tick of the interval. */
    touch(symbols: Iterable<string>): void;
    get size(): number;
    close(): void;
    private recomputeDirty;
    private report;
}
export {};
