/**
 * `npm run collect -- --symbols btcusdt,ethusdt --market spot|futures --stream trade|aggTrade --ws-url URL
 * --rest-url URL --db PATH [--record FILE]`: the collector daemon alone (each flag also settable by environment
 * variable, see config.ts). Logs and the status line go to stderr.
 */
import { runCollectorCommand, runMain } from "./command.ts";

runMain("collect", () => runCollectorCommand("collect"));
