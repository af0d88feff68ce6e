/** Memory during a run: the main thread's JS heap, sampled, and the renderer process's peak RSS. */
import type { CDPSession, Page } from "@playwright/test";
import { readFileSync } from "node:fs";

const HEAP_SAMPLE_MS = 100;

/** Samples the main thread's JS heap every HEAP_SAMPLE_MS until stopped; resolves to the peak. */
export function sampleHeap(page: Page): { stop: () => Promise<number> } {
  let running = true;
  let peak = 0;
  const loop = (async () => {
    while (running) {
      const used = await page
        .evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)
        .catch(() => 0);
      peak = Math.max(peak, used);
      await new Promise((r) => setTimeout(r, HEAP_SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

/**
 * Peak RSS (VmHWM) of the biggest renderer process. Dedicated workers live in their page's
 * renderer, so this counts the worker and sql.js's WASM memory that performance.memory
 * (main-thread heap only) misses. The biggest renderer is ours: the other contexts are closed
 * and the rest are blank or spare renderers. Linux only (/proc); undefined elsewhere.
 */
export async function peakRendererBytes(cdp: CDPSession): Promise<number | undefined> {
  const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; id: number }[] };
  let biggest: { rss: number; hwm: number } | undefined;
  for (const p of processInfo.filter((q) => q.type === "renderer")) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      if (!biggest || kb("VmRSS") > biggest.rss) biggest = { rss: kb("VmRSS"), hwm: kb("VmHWM") };
    } catch {
      // Process gone or no /proc.
    }
  }
  return biggest ? biggest.hwm * 1024 : undefined;
}
