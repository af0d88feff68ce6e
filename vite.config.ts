import { defineConfig } from "vitest/config";
import type { Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { VitePWA } from "vite-plugin-pwa";

/**
 * The service worker (Workbox, through vite-plugin-pwa) precaches the whole built site —
 * the app, the database worker chunk, the sql.js wasm and the demo CSVs — so that after
 * one visit the app opens with no network. With base "./" its URL and scope are relative
 * to the page, so it follows whatever sub-path the site is served under. A new version is
 * offered, not forced: registerType "prompt", registered by src/lib/state/app-update.svelte.ts.
 */
const serviceWorker = VitePWA({
  registerType: "prompt",
  injectRegister: null,
  // The icons are in the glob below already.
  includeManifestIcons: false,
  manifest: {
    name: "CRM Lens",
    short_name: "CRM Lens",
    description: "Customer-relationship analytics that run in your browser. Your data never leaves the machine.",
    lang: "en",
    start_url: "./",
    scope: "./",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#2558c9",
    icons: [
      { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  },
  workbox: {
    globPatterns: ["**/*.{html,js,css,wasm,svg,png,csv}"],
    // The demo's orders.csv (2 MB) is just under Workbox's default limit: leave room for it to grow.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: "index.html",
    cleanupOutdatedCaches: true,
  },
});

/**
 * No service worker is built in development, but one left on this origin by a production
 * preview would go on serving the old build. The browser's update check fetches sw.js:
 * answer with a worker that unregisters itself and reloads its pages.
 */
const retireStaleServiceWorker: Plugin = {
  name: "crm-lens:retire-stale-service-worker",
  apply: "serve",
  configureServer(server) {
    server.middlewares.use("/sw.js", (_request, response) => {
      response.setHeader("Content-Type", "text/javascript");
      response.end(`self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.registration.unregister()
  .then(() => self.clients.matchAll({ type: "window" }))
  .then((pages) => pages.forEach((page) => page.navigate(page.url)))));`);
    });
  },
};

// base "./" makes the build work under any sub-path (GitHub Pages project sites).
export default defineConfig({
  base: "./",
  plugins: [svelte(), serviceWorker, retireStaleServiceWorker],
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 800 },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // Every dictionary loaded up front: tests switch i18n.locale and read it at once.
    setupFiles: ["tests/helpers/load-locales.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
