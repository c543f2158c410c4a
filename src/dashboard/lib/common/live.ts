/**
 * The page's one connection to `/ws/live`: channels are subscribed by name with a handler; the socket reconnects
 * on its own (capped backoff) and re-subscribes, so every handler gets a fresh snapshot after a drop.
 */

import { liveProtocols } from "./token.ts";

/** A server frame, as `src/api/live/protocol.ts` defines it. */
export interface LiveFrame {
  readonly type: "snapshot" | "update" | "error" | "subscribed" | "unsubscribed" | "heartbeat";
  readonly channel: string | null;
  readonly data: unknown;
  readonly time?: number;
}

/** What the connection indicator shows. */
export type ConnectionState = "connecting" | "live" | "reconnecting";

type Handler = (frame: LiveFrame) => void;

class LiveConnection {
  #ws: WebSocket | null = null;
  #state: ConnectionState = "connecting";
  #attempt = 0;
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(readonly url: string) {
    this.#open();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /**
   * Subscribes `handler` to a channel (a snapshot first, then updates; again after every reconnect).
   *
   * @returns the unsubscribe function
   */
  subscribe(channel: string, handler: Handler): () => void {
    let set = this.#handlers.get(channel);
    if (set === undefined) {
      set = new Set();
      this.#handlers.set(channel, set);
      this.#send({ op: "subscribe", channel });
    }
    set.add(handler);
    return () => {
      const current = this.#handlers.get(channel);
      if (current === undefined || !current.delete(handler) || current.size > 0) return;
      this.#handlers.delete(channel);
      this.#send({ op: "unsubscribe", channel });
    };
  }

  /** Calls `listener` now and on every change of the connection state. */
  onState(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    listener(this.#state);
    return () => this.#stateListeners.delete(listener);
  }

  #setState(state: ConnectionState): void {
    this.#state = state;
    for (const l of this.#stateListeners) l(state);
  }

  #send(message: object): void {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(message));
  }

  #open(): void {
    // With API_TOKEN, the token goes as a subprotocol entry (read on every reconnect: a prompt may have set it).
    const ws = new WebSocket(this.url, liveProtocols());
    this.#ws = ws;
    ws.onopen = () => {
      this.#attempt = 0;
      this.#setState("live");
      for (const channel of this.#handlers.keys()) this.#send({ op: "subscribe", channel });
    };
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as LiveFrame;
      if (frame.channel === null) return;
      // Server canonical names match what pages subscribe with (upper-case symbols, canonical timeframes).
      for (const handler of this.#handlers.get(frame.channel) ?? []) handler(frame);
    };
    ws.onclose = () => {
      if (this.#ws !== ws) return;
      this.#setState("reconnecting");
      const delay = Math.min(10_000, 250 * 2 ** this.#attempt++) * (0.5 + Math.random() / 2);
      setTimeout(() => this.#open(), delay);
    };
  }
}

let shared: LiveConnection | null = null;

/** The page's live connection (opened on first use). */
export function live(): LiveConnection {
  shared ??= new LiveConnection(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws/live`);
  return shared;
}
