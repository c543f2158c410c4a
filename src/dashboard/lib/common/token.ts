/**
 * The API token of a server started with `API_TOKEN`, asked once per tab: the first answer 401 `unauthorized`
 * prompts for it, and it is kept in sessionStorage (gone with the tab), sent as `Authorization: Bearer` on every
 * fetch and as a `Sec-WebSocket-Protocol` entry on the live socket (a browser cannot set headers there).
 */

const KEY = "ticklens.apiToken";
/** The subprotocol the server answers (src/api/http/auth.ts `LIVE_PROTOCOL`). */
const LIVE_PROTOCOL = "ticklens";

let asking: Promise<string | null> | null = null;

/** The token kept for this tab, or null. */
export function apiToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The headers that carry the token, none without one. */
export function authHeaders(): Record<string, string> {
  const token = apiToken();
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

/**
 * Asks the user for the token (one prompt however many requests were refused at once) and keeps it.
 *
 * @returns the token, or null when the user declined
 */
export function askApiToken(): Promise<string | null> {
  asking ??= Promise.resolve().then(() => {
    const given = window.prompt("This Ticklens server needs its API token (API_TOKEN). It is kept for this tab only.")?.trim() ?? "";
    asking = null;
    if (given === "") return null;
    try {
      sessionStorage.setItem(KEY, given);
    } catch {
      // Storage refused (private mode): the token is lost with the page, asked again next time.
    }
    return given;
  });
  return asking;
}

/** The WebSocket subprotocols that carry the token: `ticklens` and `bearer.<base64url(token)>`; none without one. */
export function liveProtocols(): string[] {
  const token = apiToken();
  if (token === null) return [];
  let binary = "";
  for (const byte of new TextEncoder().encode(token)) binary += String.fromCharCode(byte);
  return [LIVE_PROTOCOL, `bearer.${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`];
}
