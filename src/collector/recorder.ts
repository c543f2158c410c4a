/**
 * `--record FILE`: raw frames as received, in the capture format the replay server plays back — first line the
 * stream URL, then one `recv_epoch_seconds: frame` line per frame.
 */
import { createWriteStream, type WriteStream } from "node:fs";

export class FrameRecorder {
  private readonly out: WriteStream;

  constructor(path: string, url: string) {
    this.out = createWriteStream(path, { flags: "a" });
    this.out.write(`${url}\n`);
  }

  write(text: string, recvTime: number): void {
    this.out.write(`${(recvTime / 1000).toFixed(6)}: ${text}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
