/**
 * A first guess at how to read a CSV before it is sent, from its first line: the API recognises our own exports
 * and Binance's files by itself (`format=auto`), but any other header needs `format=generic` and a column map
 * (`map=time:<col>,price:<col>,qty:<col>[,symbol:<col>…]`). Guessing the map from common column names saves the
 * trader typing it for the usual `timestamp,symbol,price,qty` files; the API still checks every line.
 */

/** What the form should send for a file. */
export interface UploadGuess {
  /** `auto` when the API will recognise the layout itself, else `generic`. */
  readonly format: "auto" | "generic";
  /** The generic column map, or "" with `auto` (or when no map could be guessed). */
  readonly map: string;
  /** What the header holds (for the form's hint), e.g. `timestamp, symbol, price, qty`. */
  readonly columns: readonly string[];
  /** Whether rows name their symbol (otherwise the form's symbol is needed). */
  readonly hasSymbol: boolean;
}

/** Logical value → header names it is commonly written as (lower case). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  time: ["time", "timestamp", "ts", "datetime", "date_time", "trade_time", "transact_time", "date"],
  price: ["price", "p", "last", "last_price", "trade_price"],
  qty: ["qty", "quantity", "size", "amount", "q", "volume", "base_qty"],
  symbol: ["symbol", "pair", "instrument", "ticker", "market"],
  tradeId: ["trade_id", "tradeid", "id"],
  isBuyerMaker: ["is_buyer_maker", "buyer_maker", "m"],
  side: ["side", "taker_side"],
};

/** First header fields of the layouts the API detects itself (our exports, Binance trades / aggTrades / klines). */
const KNOWN_FIRST = new Set(["symbol", "id", "agg_trade_id", "a", "open_time"]);

/**
 * Guesses how to send a file from its first line.
 *
 * @param firstLine the file's first line (header or first row)
 * @returns the guess; `auto` for headerless numeric files and known headers
 * @example
 * guessUpload("timestamp,symbol,price,qty").map; // "time:timestamp,price:price,qty:qty,symbol:symbol"
 */
export function guessUpload(firstLine: string): UploadGuess {
  const columns = firstLine.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
  const lower = columns.map((c) => c.toLowerCase());
  const numeric = lower.every((c) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(c) || c === "true" || c === "false");
  const known = KNOWN_FIRST.has(lower[0]) && !(lower[0] === "symbol" && lower.length < 10);
  const hasSymbol = lower.some((c) => SYNONYMS.symbol.includes(c));
  if (numeric || known) return { format: "auto", map: "", columns, hasSymbol };
  const map: string[] = [];
  for (const [key, names] of Object.entries(SYNONYMS)) {
    const i = lower.findIndex((c) => names.includes(c));
    if (i >= 0 && !map.some((m) => m.endsWith(`:${columns[i]}`))) map.push(`${key}:${columns[i]}`);
  }
  const complete = ["time", "price", "qty"].every((k) => map.some((m) => m.startsWith(`${k}:`)));
  return { format: "generic", map: complete ? map.join(",") : "", columns, hasSymbol };
}

/** The first line of a file, read from its first 64 KB only (the file may be 50 MB). */
export async function firstLineOf(file: Blob): Promise<string> {
  const head = await file.slice(0, 64 * 1024).text();
  return head.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
}

/** A default upload name from the file name: valid for the API (letters, digits, `.`, `_`, `-`) and unique-ish. */
export function uploadNameFor(fileName: string, now = new Date()): string {
  const base = fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, 40);
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${base || "upload"}-${stamp}`;
}
