import { timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors.js";
export function requireToken(deps) {
    return async (c, next) => {
        const token = deps.token ?? null;
        if (token !== null) {
            const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
            const a = Buffer.from(given);
            const b = Buffer.from(token);
            if (a.length !== b.length || !timingSafeEqual(a, b)) {
                throw new ApiError(401, "unauthorized", "this endpoint needs Authorization: Bearer <API_TOKEN>", "authorization");
            }
        }
        await next();
    };
}
