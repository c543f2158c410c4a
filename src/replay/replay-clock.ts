/**
 * The replay cursor and its pace: at speed N the cursor follows the capture's schedule N times faster than real
 * time; at "max" it moves as fast as the connected clients drain (the slowest open, subscribed connection sets
 * the pace, so server memory stays bounded). Every position the cursor passes is published.
 */
import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { ReplayTimeline } from "./replay-timeline.ts";

/** Replay speed: a multiple of real time, or as fast as clients read. */
export type ReplaySpeed = number | "max";

export interface ClockHooks {
  /** Sends a position to every connection subscribed to its stream. */
  deliver(pos: number, stream: string): void;
  /** "max" only: null when every connection can take more, else a promise to wait on before going on. */
  gate(): Promise<void> | null;
  /** Before each burst: frames sent until `endBurst` may be written to the sockets together. */
  beginBurst(): void;
  /** After each burst: flush what the burst sent. */
  endBurst(): void;
  /** After each burst (fixed speed): drop connections too slow for the pace. */
  afterBurst(): void;
  /** The cursor reached the end of the last pass. */
  finished(): void;
}

/** Positions sent per macrotask before yielding to the event loop (sockets, REST, timers). */
const BURST = 512;

/** Moves the replay cursor through the timeline at the configured speed and hands each position to delivery. */
export class ReplayClock {
  /** Positions below this are published. */
  cursor = 0;
  private running = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private wallStart = 0;
  private startedAt: number | null = null;

  /**
   * @param tl the timeline
   * @param speed a positive multiple of real time, or "max"
   * @param hooks delivery and pacing callbacks
   */
  constructor(
    private readonly tl: ReplayTimeline,
    readonly speed: ReplaySpeed,
    private readonly hooks: ClockHooks,
  ) {}

  /** Wall-clock ms at which the replay started, or null before. */
  get started(): number | null {
    return this.startedAt;
  }

  get finished(): boolean {
    return this.cursor >= this.tl.total;
  }

  /** Starts the replay; later calls do nothing. */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.startedAt = Date.now();
    this.wallStart = performance.now();
    if (this.speed === "max") void this.runMax();
    else this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private step(): void {
    const pos = this.cursor;
    const i = pos % this.tl.length;
    const stream = this.tl.streams[i];
    this.cursor = pos + 1;
    if (stream !== "") this.hooks.deliver(pos, stream);
  }

  private tick(): void {
    this.timer = null;
    if (this.stopped) return;
    const speed = this.speed as number;
    const origin = this.tl.atUs[0];
    const now = origin + (performance.now() - this.wallStart) * 1000 * speed;
    let n = 0;
    this.hooks.beginBurst();
    while (this.cursor < this.tl.total && this.tl.atOf(this.cursor) <= now && n < BURST) {
      this.step();
      n++;
    }
    this.hooks.endBurst();
    if (n > 0) this.hooks.afterBurst();
    if (this.cursor >= this.tl.total) return this.hooks.finished();
    if (n === BURST) {
      this.timer = setTimeout(() => this.tick(), 0);
      return;
    }
    const waitMs = (this.tl.atOf(this.cursor) - now) / 1000 / speed;
    this.timer = setTimeout(() => this.tick(), Math.max(0, Math.min(waitMs, 2 ** 31 - 1)));
  }

  private async runMax(): Promise<void> {
    while (!this.stopped && this.cursor < this.tl.total) {
      const wait = this.hooks.gate();
      if (wait !== null) {
        await wait;
        continue;
      }
      this.hooks.beginBurst();
      for (let n = 0; n < BURST && this.cursor < this.tl.total; n++) this.step();
      this.hooks.endBurst();
      await yieldToLoop();
    }
    if (!this.stopped) this.hooks.finished();
  }
}
