import type { ApiDeps } from "./deps.ts";
export interface ApiServerOptions {
    /** Default 127.0.0.1. */
    readonly host?: string;
    /** Default 8080; 0 picks a free port. */
    readonly port?: number;
    /** The built dashboard to serve at `/` (e.g. `dist/dashboard`); default none. */
    readonly dashboardDir?: string;
}
export interface RunningApiServer {
    /** e.g. `http://127.0.0.1:8080`. */
    readonly url: string;
    readonly port: number;
    close(): Promise<void>;
}
export declare class ApiServerConfigError extends Error {
    readonly name = "ApiServerConfigError";
}
export declare function startApiServer(deps: ApiDeps, options?: ApiServerOptions): Promise<RunningApiServer>;
