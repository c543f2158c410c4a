/**
 * Reads the committed Binance trade captures (data/samples) into engine `Trade`s, filtered exactly as the fixture
 * generators' `common.load_trades()` does, so a test sees the trades pandas saw.
 */
import type { Trade } from "../../src/engine/types.ts";
import { readRepoText } from "./paths.ts";

/**
 * The futures capture in file order (row_id order): rows with price 0 or qty 0 (84 off-book events) dropped,
 * tradeId = row_id (the capture kept no exchange id), isBuyerMaker from the 0/1 column. Not sorted by time: the
 * ~40 out-of-order trade times per symbol are left where the recorder wrote them.
 */
export function futuresCaptureTrades(relativePath: string): Trade[] {
  const lines = readRepoText(relativePath).trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${relativePath}: no column ${name}`);
    return i;
  };
  const [rowId, symbol, price, qty, time, maker] = ["row_id", "symbol", "price", "qty", "trade_time_ms", "is_buyer_maker"].map(col);
  const trades: Trade[] = [];
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split(",");
    const p = Number(f[price]);
    const q = Number(f[qty]);
    if (!(p > 0 && q > 0)) continue;
    trades.push({
      symbol: f[symbol],
      tradeId: Number(f[rowId]),
      price: p,
      qty: q,
      isBuyerMaker: f[maker] === "1",
      tradeTime: Number(f[time]),
    });
  }
  return trades;
}

/**
 * The spot capture in file order, tradeId = line number. It has no is_buyer_maker column: every trade is given
 * isBuyerMaker = false, so its buy/sell split means nothing and tests must not compare it.
 */
export function spotCaptureTrades(relativePath: string): Trade[] {
  const lines = readRepoText(relativePath).trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const [time, symbol, price, qty] = ["trade_time_ms", "symbol", "price", "qty"].map((name) => header.indexOf(name));
  return lines.slice(1).map((line, i) => {
    const f = line.split(",");
    return { symbol: f[symbol], tradeId: i + 1, price: Number(f[price]), qty: Number(f[qty]), isBuyerMaker: false, tradeTime: Number(f[time]) };
  });
}
