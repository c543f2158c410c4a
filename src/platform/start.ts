/**
 * `npm start`: the platform in one process — the collector streaming Binance into the DuckDB file, and the API
 * (REST + /ws/live) serving it. Takes the collector's flags plus `--host` / `--port` (see src/collector/config.ts).
 */
import { runCollectorCommand, runMain } from "../collector/command.ts";
import { withApi } from "./with-api.ts";

runMain("start", () => runCollectorCommand("start", (config) => withApi("start", config.host, config.port)));
