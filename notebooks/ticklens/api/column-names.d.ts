/**
 * Column names made unique the same way everywhere a result is keyed by name (the SQL endpoint's Arrow answer,
 * the notebooks' file queries, the dashboard's SQL table): `SELECT 1 AS a, 2 AS a` gives `a`, `a_1`. Pure, so the
 * browser bundle can take it without the server.
 */
/**
 * @param names column names in order, repeats allowed
 * @returns the names with repeats suffixed `_1`, `_2`, …
 * @example
 * uniqueNames(["a", "a", "b"]); // ["a", "a_1", "b"]
 */
export declare function uniqueNames(names: readonly string[]): string[];
