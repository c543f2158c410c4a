/**
 * Market-data types that cross the engine's boundary (collector, store, API, dashboard, notebooks).
 * Defined once here; every other part imports them.
 */
export {};
