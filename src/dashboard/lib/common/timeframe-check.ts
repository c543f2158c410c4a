/**
 * The timeframe check the analytics pages share: the store serves bars only of widths that divide one day, and the
 * live `bars:` channel is named by the canonical label ("60s" is "1m"), so a page checks and canonicalises the
 * control's value before asking, and shows a message instead of sending a request the API would refuse.
 */
import { dividesDay, parseTimeframe, type Timeframe } from "../../../engine/index.ts";

/** A timeframe the store serves, or why not. */
export type CheckedTimeframe = { readonly ok: true; readonly timeframe: Timeframe } | { readonly ok: false; readonly message: string };

/**
 * Checks a timeframe label for a bars request.
 *
 * @param label e.g. "1s", "15s", "1m", "60s"
 * @returns the parsed timeframe (canonical label, ms), or a message for the page
 */
export function checkTimeframe(label: string): CheckedTimeframe {
  let timeframe: Timeframe;
  try {
    timeframe = parseTimeframe(label);
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^parseTimeframe: /, "") };
  }
  if (!dividesDay(timeframe)) return { ok: false, message: `timeframe "${label}" does not divide one day; bars are aligned to whole days` };
  return { ok: true, timeframe };
}
