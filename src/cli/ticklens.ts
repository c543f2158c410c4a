#!/usr/bin/env node
/**
 * `ticklens <command>`: the one entry point of every Ticklens process (`npm start`, `npm run demo`, `npm run
 * collect`, `npm run replay`, `npm run notebooks` call it). `ticklens --help` lists the commands, `ticklens
 * <command> --help` a command's options with their environment variables.
 */
import type { Command } from "./command.ts";
import { runCli } from "./command.ts";
import { collect } from "./commands/collect.ts";
import { demo } from "./commands/demo.ts";
import { notebooks } from "./commands/notebooks.ts";
import { replay } from "./commands/replay.ts";
import { sql } from "./commands/sql.ts";
import { start } from "./commands/start.ts";

export const COMMANDS: readonly Command[] = [start, demo, collect, replay, sql, notebooks];

await runCli(COMMANDS, process.argv.slice(2));
