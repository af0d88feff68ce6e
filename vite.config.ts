import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// base "./" makes the build work under any sub-path (GitHub Pages project sites).
export default defineConfig({
  base: "./",
  plugins: [svelte()],
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 800 },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
