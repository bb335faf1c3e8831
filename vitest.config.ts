import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: [
      "test/unit/**/*.test.ts",
      "test/unit/**/*.test.tsx",
      "test/integration/**/*.test.ts",
      "test/fuzz/**/*.test.ts",
      "test/multi-instance/**/*.test.ts",
    ],
    environment: "node",
    pool: "forks",
  },
});
