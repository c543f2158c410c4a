/**
 * The replay server's option error: thrown at start-up, never mid-stream, with the option named.
 */

/** An option of the replay server, its CLI or its timeline is out of its domain; the message names it. */
export class ReplayOptionError extends Error {
  override readonly name = "ReplayOptionError";
}
