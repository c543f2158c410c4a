/**
 * What the store knows of one stored symbol: the type `GET /api/symbols` answers with and the dashboard reads.
 */

/** One stored symbol's trades at a glance. Times are ISO 8601 UTC. */
export interface SymbolSummary {
  /** Upper-case exchange symbol, e.g. `"BTCUSDT"`. */
  readonly symbol: string;
  /** Trade time of its first stored trade. */
  readonly firstTradeTime: string;
  /** Trade time of its last stored trade. */
  readonly lastTradeTime: string;
  /** Stored trades. */
  readonly trades: number;
  /** Price of its last trade (highest trade id), in quote currency. */
  readonly lastPrice: number;
}
