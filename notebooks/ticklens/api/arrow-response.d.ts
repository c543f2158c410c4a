import type { Context } from "hono";
export declare function wantsArrow(c: Context): boolean;
/** Columns (equal lengths) as one Arrow IPC stream response. */
export declare function arrowResponse(columns: Record<string, Float64Array | string[] | number[] | boolean[]>): Response;
