import { Hono } from "hono";
/**
 * The dashboard's static routes; mount last, after every API route.
 *
 * @param dir the built dashboard (absolute or relative to the working directory)
 * @returns a Hono sub-app answering GET for pages and assets; a page explaining `npm run build` when it is missing
 */
export declare function dashboardRoutes(dir: string): Hono;
