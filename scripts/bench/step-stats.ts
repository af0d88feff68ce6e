/** Summaries of a settled step's worker requests and long tasks (probe.ts, Settled). */
import type { Settled } from "./probe.ts";

/** Sum of the requests' durations (post → reply; a queued request's wait counts too). */
export const requestSum = (s: Settled): number => s.requests.reduce((sum, r) => sum + r.ms, 0);

/**
 * Time at least one request was in flight (the union of their intervals): the worker's
 * wall time for the step, each queued wait counted once.
 */
export function requestBusy(s: Settled): number {
  const spans = s.requests.map((r) => [r.start, r.start + r.ms] as const).sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    busy += to - Math.max(from, end);
    end = to;
  }
  return busy;
}

export const longestTask = (s: Settled): number => Math.max(0, ...s.longTasks.map((t) => t.duration));
