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

/**
 * Each request's own time in the worker, in the order of `s.requests`: from when the worker
 * could start it (its post, or the previous reply if that came later) to its reply. The
 * worker answers one request at a time, in order, so this leaves out the wait in its queue.
 */
export function serviceTimes(s: Settled): number[] {
  const byReply = s.requests.map((r, i) => ({ i, start: r.start, end: r.start + r.ms })).sort((a, b) => a.end - b.end);
  const times = new Array<number>(s.requests.length).fill(0);
  let previousEnd = -Infinity;
  for (const r of byReply) {
    times[r.i] = r.end - Math.max(r.start, previousEnd);
    previousEnd = r.end;
  }
  return times;
}
