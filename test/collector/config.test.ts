import { describe, expect, it } from "vitest";
import { ConfigError, readCollectorConfig } from "../../src/collector/config.ts";

describe("collector configuration: flags, then environment, then defaults", () => {
  it("defaults to live Binance spot trades of BTC and ETH into data/ticklens.duckdb", () => {
    expect(readCollectorConfig([], {})).toEqual({
      symbols: ["BTCUSDT", "ETHUSDT"],
      market: "spot",
      stream: "trade",
      wsUrl: "wss://stream.binance.com:9443",
      restUrl: "https://api.binance.com",
      db: "data/ticklens.duckdb",
      record: null,
      statusEverySeconds: 5,
      apiKey: null,
      host: "127.0.0.1",
      port: 8080,
      token: null,
      corsOrigins: [],
      allowedHosts: [],
    });
  });

  it("reads the extra Host names the API serves, and refuses a malformed one", () => {
    expect(readCollectorConfig(["--allowed-hosts", "dash.example.com, box.lan:8443"], {}).allowedHosts).toEqual(["dash.example.com", "box.lan:8443"]);
    expect(readCollectorConfig([], { TICKLENS_ALLOWED_HOSTS: "[::1]:9000" }).allowedHosts).toEqual(["[::1]:9000"]);
    expect(() => readCollectorConfig(["--allowed-hosts", "http://x.example/"], {})).toThrow(/--allowed-hosts.*TICKLENS_ALLOWED_HOSTS|TICKLENS_ALLOWED_HOSTS/);
  });

  it("uses the futures endpoints for --market futures", () => {
    const config = readCollectorConfig(["--market", "futures", "--stream", "aggTrade"], {});
    expect(config.wsUrl).toBe("wss://fstream.binance.com");
    expect(config.restUrl).toBe("https://fapi.binance.com");
    expect(config.stream).toBe("aggTrade");
  });

  it("lets a flag win over its environment variable", () => {
    const env = { TICKLENS_SYMBOLS: "solusdt", TICKLENS_DB: "/tmp/a.duckdb", TICKLENS_WS_URL: "ws://127.0.0.1:9" };
    const config = readCollectorConfig(["--symbols", "btcusdt, xrpusdt"], env);
    expect(config.symbols).toEqual(["BTCUSDT", "XRPUSDT"]);
    expect(config.db).toBe("/tmp/a.duckdb");
    expect(config.wsUrl).toBe("ws://127.0.0.1:9");
  });

  it("takes secrets from the environment only", () => {
    const config = readCollectorConfig([], { BINANCE_API_KEY: "k", API_TOKEN: "t", CORS_ORIGIN: "https://a.example, https://b.example" });
    expect(config).toMatchObject({ apiKey: "k", token: "t", corsOrigins: ["https://a.example", "https://b.example"] });
    expect(() => readCollectorConfig(["--api-token", "t"], {})).toThrow(/unknown option --api-token/);
  });

  it("names the flag and its variable when a value is wrong", () => {
    expect(() => readCollectorConfig(["--market", "margin"], {})).toThrow(ConfigError);
    expect(() => readCollectorConfig(["--market", "margin"], {})).toThrow(/--market \(or TICKLENS_MARKET\) must be spot or futures/);
    expect(() => readCollectorConfig([], { TICKLENS_STREAM: "depth" })).toThrow(/--stream \(or TICKLENS_STREAM\)/);
    expect(() => readCollectorConfig(["--symbols", "btc$usdt"], {})).toThrow(/invalid symbol "BTC\$USDT"/);
    expect(() => readCollectorConfig(["--ws-url", "ftp://x"], {})).toThrow(/--ws-url/);
    expect(() => readCollectorConfig(["--bogus", "1"], {})).toThrow(/unknown option --bogus/);
    expect(() => readCollectorConfig(["--port", "80a"], {})).toThrow(/--port \(or TICKLENS_PORT\) must be a port number/);
    expect(() => readCollectorConfig(["--db"], {})).toThrow(/--db needs a value/);
  });
});
