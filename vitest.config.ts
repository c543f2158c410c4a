import { defineConfig } from "vitest/config";
import SummaryLineReporter from "./test/reporters/summary-line.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Bucket labels and dates must not depend on the machine's zone.
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    reporters: ["default", new SummaryLineReporter()],
  },
});
