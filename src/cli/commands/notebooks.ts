/**
 * `ticklens notebooks` (`npm run notebooks`): Jupyter on notebooks/ with the tslab kernel, on 127.0.0.1, the
 * project's code kept compiled while it runs (scripts/notebooks/start.sh); `--setup` installs what the notebooks
 * need instead (scripts/notebooks-setup.sh).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "../command.ts";

/** The checkout holding this file (source or compiled copy): the first directory above it with the scripts. */
function checkoutRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "scripts", "notebooks", "start.sh"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no scripts/notebooks/start.sh above ${here}: is this a Ticklens checkout?`);
  }
}

export const notebooks: Command = {
  name: "notebooks",
  summary: "Jupyter on notebooks/ with the TypeScript (tslab) kernel; --setup installs it",
  usage: "[options] [-- JUPYTER_ARGS…]",
  description:
    "Starts Jupyter on notebooks/ at http://127.0.0.1:8888 with the tslab kernel, keeping the project's compiled " +
    "code current while it runs (restart a kernel to pick up a change). Arguments after -- go to `jupyter notebook`, " +
    "e.g. ticklens notebooks -- --no-browser --port 8890. --setup installs Debian's Jupyter (apt-get as root, " +
    "else it prints the command), the tslab kernel and its registration, and compiles the code, then exits.",
  options: [{ name: "setup", env: "TICKLENS_NOTEBOOKS_SETUP", type: "boolean", help: "install what the notebooks need, then exit" }],
  positionals: true,
  async run(values, log) {
    const root = checkoutRoot();
    const setup = values.boolean("setup");
    const script = setup ? "scripts/notebooks-setup.sh" : "scripts/notebooks/start.sh";
    const args = setup ? [] : [...values.positionals];
    log.debug(`pid ${process.pid}: bash ${script} ${args.join(" ")}`);
    const child = spawn("bash", [join(root, script), ...args], { cwd: root, stdio: "inherit" });
    // Ctrl-C reaches the child from the terminal by itself (Jupyter asks before it stops); a SIGTERM is passed on.
    const onInt = () => {};
    const onTerm = () => child.kill("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    const code = await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (status, signal) => resolve(status ?? 128 + (signal === null ? 0 : constants.signals[signal])));
    }).finally(() => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    });
    return code;
  },
};

