/**
 * Page-side instrumentation, installed before the app runs and read through `window.__bench`:
 * long tasks, the demo's first KPIs, the drop's end, and every request the app sends to its
 * database worker (protocol.ts: a request carries an `id` and a `type`; its reply echoes the
 * id with `ok`; `progress` messages carry the id too but are not replies). The app is not
 * touched: Worker.prototype.postMessage is wrapped and a listener added to each worker.
 *
 * Functions here are sent to the page: no named inner functions (see browser.ts).
 */

export interface WorkerRequest {
  type: string;
  /** The SQL of a `query` or `rank-terms` request. */
  sql?: string;
  start: number;
  end?: number;
  /** A `load` reply's per-stage worker timings (DatasetInfo.timings: read, insert, index, derive…). */
  stages?: Record<string, number>;
}

export interface LongTask {
  start: number;
  duration: number;
}

/** What the init script keeps on `window.__bench`. */
export interface Probe {
  longTasks: LongTask[];
  /** performance.now() when the demo Overview first showed its customers KPI with the data ready. */
  demoReadyAt?: number;
  drop?: { startedAt: number | null; endedAt: number | null; sawLoading: boolean };
  /** Every worker request, in the order sent. */
  requests: WorkerRequest[];
  /** Requests sent and not yet answered. */
  inFlight: number;
}
export type ProbeWindow = Window & { __bench: Probe };

/** What the drop must end with: the orders KPI at this count and the NPS KPI at this value. */
export interface DropExpectation {
  orders: number;
  nps: number;
}

/** How one step (a page visit, a filter change) settled. */
export interface Settled {
  /** Step start (hash set) → first of two quiet frames. */
  ms: number;
  /** The worker requests sent during the step: start relative to the step's start, duration to the reply. */
  requests: { type: string; sql?: string; start: number; ms: number }[];
  longTasks: LongTask[];
}

/** Runs in every new document before the app: long tasks, demo-ready watcher, worker requests. */
export function installProbe(): void {
  const probe: Probe = { longTasks: [], requests: [], inFlight: 0 };
  (window as unknown as ProbeWindow).__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-kpi="customers"]') && document.querySelector('[data-status="ready"]')) {
      probe.demoReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });

  // Open requests per worker (ids are per client); a worker gets its listener with its first request.
  const open = new WeakMap<Worker, Map<number, WorkerRequest>>();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    const message = args[0] as { id?: unknown; type?: unknown; sql?: unknown } | null;
    if (message && typeof message === "object" && typeof message.id === "number" && typeof message.type === "string") {
      let pending = open.get(this);
      if (!pending) {
        const mine = new Map<number, WorkerRequest>();
        pending = mine;
        open.set(this, mine);
        this.addEventListener("message", (event: MessageEvent<{ id?: unknown; ok?: unknown; result?: { info?: { timings?: Record<string, number> } } } | null>) => {
          const reply = event.data;
          if (!reply || typeof reply !== "object" || typeof reply.id !== "number" || !("ok" in reply)) return;
          const request = mine.get(reply.id);
          if (!request) return;
          request.end = performance.now();
          const stages = reply.result?.info?.timings;
          if (request.type === "load" && stages) request.stages = stages;
          mine.delete(reply.id);
          if (request.type !== "storage") probe.inFlight--;
        });
      }
      const request: WorkerRequest = { type: message.type, start: performance.now() };
      if (typeof message.sql === "string") request.sql = message.sql;
      pending.set(message.id, request);
      probe.requests.push(request);
      // The storage status answers once the browser copy is written, seconds after a change:
      // no page waits for it, so it does not hold a page's "ready".
      if (message.type !== "storage") probe.inFlight++;
    }
    return Reflect.apply(post, this, args) as void;
  };
}

/**
 * Arms the load watcher: the clock starts at the file input's `change` event (the moment
 * the app gets the files) and stops at the first DOM change that shows the status back at
 * `ready` after `loading`, with the orders KPI at the expected count and the NPS KPI at the
 * expected value (so the feedback file is in too, not the demo's).
 */
export function armDropWatcher(expected: DropExpectation): void {
  const probe = (window as unknown as ProbeWindow).__bench;
  const state = { startedAt: null as number | null, endedAt: null as number | null, sawLoading: false };
  probe.drop = state;
  const input = document.querySelector('input[type="file"]');
  // Capture on document: runs before the app's own change handler on the input.
  document.addEventListener("change", (e) => {
    if (e.target === input && state.startedAt === null) state.startedAt = performance.now();
  }, { capture: true });
  const observer = new MutationObserver((records) => {
    if (state.startedAt === null || state.endedAt !== null) return;
    const status = document.querySelector("[data-status]")?.getAttribute("data-status");
    // The old value too: loading → ready can happen between two observer callbacks.
    if (status === "loading" || records.some((r) => r.attributeName === "data-status" && r.oldValue === "loading")) state.sawLoading = true;
    const orders = document.querySelector('[data-kpi="orders"]')?.getAttribute("data-value");
    const nps = Number(document.querySelector('[data-kpi="nps"]')?.getAttribute("data-value") ?? NaN);
    if (state.sawLoading && status === "ready" && orders === String(expected.orders) && Math.abs(nps - expected.nps) < 1e-6) {
      state.endedAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
}

/**
 * Sets the hash (as a link or the filter bar does) and waits until the page is ready: no
 * worker request in flight, `[data-status]` "ready" and no `[aria-busy="true"]`, on two
 * animation frames in a row. Rejects after `timeoutMs` with what was still pending.
 */
export async function settleAfterHash([hash, timeoutMs]: [string, number]): Promise<Settled> {
  const probe = (window as unknown as ProbeWindow).__bench;
  const first = probe.requests.length;
  const start = performance.now();
  if (location.hash !== hash) {
    await new Promise((resolve) => {
      window.addEventListener("hashchange", resolve, { once: true });
      location.hash = hash;
    });
  }
  let quietSince: number | null = null;
  let readyAt = 0;
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    const quiet =
      probe.inFlight === 0 &&
      document.querySelector("[data-status]")?.getAttribute("data-status") === "ready" &&
      !document.querySelector('[aria-busy="true"]');
    if (quiet && quietSince !== null) {
      readyAt = quietSince;
      break;
    }
    quietSince = quiet ? now : null;
    if (now - start > timeoutMs) {
      const busy = document.querySelectorAll('[aria-busy="true"]').length;
      throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s: ${probe.inFlight} requests in flight, ${busy} busy elements`);
    }
  }
  return {
    ms: readyAt - start,
    requests: probe.requests.slice(first).map((r) => ({ type: r.type, sql: r.sql, start: r.start - start, ms: (r.end ?? readyAt) - r.start })),
    longTasks: probe.longTasks.filter((t) => t.start >= start && t.start <= readyAt),
  };
}
