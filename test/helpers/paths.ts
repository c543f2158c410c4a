/**
 * Where the repository's files are, for a test wherever it sits (and whatever the working directory): the root,
 * the committed captures (data/samples, see PROVENANCE.md there) and the test fixtures. The capture and fixture
 * constants are repository-relative, as the fixture generators and the fixtures themselves name them;
 * {@link repoPath} makes one absolute and {@link readRepoText} reads one.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, absolute, ending in a separator. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A repository-relative path made absolute (an absolute path is returned as it is). */
export function repoPath(relative: string): string {
  return resolve(ROOT, relative);
}

/** A repository file as UTF-8 text. */
export function readRepoText(relative: string): string {
  return readFileSync(repoPath(relative), "utf8");
}

/** The Binance USDⓈ-M futures trade capture, BTCUSDT and ETHUSDT, 16 minutes (28,482 rows, 84 off-book). */
export const FUTURES_CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";
/** The Binance spot trade capture, BTCUSDT and ETHUSDT, 16 seconds (4,848 rows). */
export const SPOT_CAPTURE = "data/samples/binance-spot-trades-btcusdt-ethusdt-2025-12-16.csv";
/** Raw futures WebSocket frames as received, in the recorder's capture format. */
export const FUTURES_RAW_FRAMES = "data/samples/binance-futures-raw-frames.capture";
/** Raw spot WebSocket frames as received, in the recorder's capture format. */
export const SPOT_RAW_FRAMES = "data/samples/binance-spot-raw-frames.capture";
/** A tick capture with broken rows, each kind of fault once (test/fixtures/README.md). */
export const CORRUPT_CAPTURE = "test/fixtures/corrupt-ticks-capture.csv";
/** Reference values of the engine, written by scripts/fixtures/gen_*.py. */
export const ENGINE_FIXTURES = "test/fixtures/engine";
/** Reference bars of the store, written by scripts/fixtures. */
export const OHLC_FIXTURE = "test/fixtures/store/ohlc.json";
/** The committed notebooks. */
export const NOTEBOOKS = "notebooks";
