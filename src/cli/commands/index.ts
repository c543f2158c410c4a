/** The subcommands of `ticklens`, in the order `ticklens --help` lists them. */
import type { Command } from "../command.ts";
import { collect } from "./collect.ts";
import { demo } from "./demo.ts";
import { notebooks } from "./notebooks.ts";
import { replay } from "./replay.ts";
import { sql } from "./sql.ts";
import { start } from "./start.ts";

export const COMMANDS: readonly Command[] = [start, demo, collect, replay, sql, notebooks];
