/** The look-back choices the dashboard offers wherever a range of stored data is asked for (backtests, exports). */

/** Label and look-back in ms; 0 means everything stored. */
export const LOOK_BACKS: readonly (readonly [string, number])[] = [
  ["last 15 min", 15 * 60_000],
  ["last hour", 3_600_000],
  ["last 6 hours", 6 * 3_600_000],
  ["last 24 hours", 24 * 3_600_000],
  ["all stored", 0],
];
