/**
 * Serves the built dashboard (dist/dashboard, made by `npm run build`) at `/`, so one URL gives the API, the live
 * socket and the pages. Framework links pages without `.html` (`/pairs`), and its hashed assets never change.
 */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { Hono } from "hono";
const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
};
async function isFile(path) {
    return stat(path).then((s) => s.isFile(), () => false);
}
/**
 * The dashboard's static routes; mount last, after every API route.
 *
 * @param dir the built dashboard (absolute or relative to the working directory)
 * @returns a Hono sub-app answering GET for pages and assets; a page explaining `npm run build` when it is missing
 */
export function dashboardRoutes(dir) {
    const root = resolve(dir);
    const routes = new Hono();
    routes.get("*", async (c, next) => {
        const path = decodeURIComponent(c.req.path);
        if (path.startsWith("/api/") || path === "/ws/live" || path === "/metrics")
            return next();
        // normalize() folds "..": anything that escapes the root is simply not found.
        const relative = normalize(path === "/" ? "/index" : path).replace(/\/+$/, "");
        const candidates = extname(relative) === "" ? [`${relative}.html`, `${relative}/index.html`] : [relative];
        for (const candidate of candidates) {
            const file = join(root, candidate);
            if (!file.startsWith(root + sep) || !(await isFile(file)))
                continue;
            const immutable = candidate.startsWith("/_observablehq/") || candidate.startsWith("/_import/") || candidate.startsWith("/_npm/");
            return c.body(await readFile(file), 200, {
                "content-type": TYPES[extname(file)] ?? "application/octet-stream",
                "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
            });
        }
        if (path === "/" && !(await isFile(join(root, "index.html")))) {
            return c.html(`<!doctype html><meta charset="utf-8"><title>Ticklens</title><p>The dashboard is not built. Run <code>npm run build</code>, then reload. ` +
                `The API is here: <a href="/api/docs">/api/docs</a>.</p>`);
        }
        return next();
    });
    return routes;
}
