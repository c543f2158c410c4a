/**
 * The replay server's option error: thrown at start-up, never mid-stream, with the option named.
 */
import { UsageError } from "../runtime/options.ts";

/** An option of the replay server, its command line or its timeline is out of its domain; the message names it. */
export class ReplayOptionError extends UsageError {
  override readonly name = "ReplayOptionError";
}
