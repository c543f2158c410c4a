/**
 * `ticklens <command>`: the one entry point of every Ticklens process (`npm start`, `npm run demo`, `npm run
 * collect`, `npm run replay`, `npm run notebooks` call it, through bin/ticklens.cjs, which sizes libuv's thread
 * pool first). `ticklens --help` lists the commands, `ticklens <command> --help` a command's options with their
 * environment variables.
 */
import { runCli } from "./command.ts";
import { COMMANDS } from "./commands/index.ts";

await runCli(COMMANDS, process.argv.slice(2));
