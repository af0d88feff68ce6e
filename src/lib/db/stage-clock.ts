/**
 * Wall-clock milliseconds per step of a load or rebuild, so the closing numbers (and the
 * benchmark) can say where the time goes: `clock.lap("sales")` records the time since the
 * previous lap under "sales"; `clock.time("insert", work)` books work done inside a lap (the
 * inserts between reads of a streamed file) under its own name instead.
 */
export type StageTimings = Record<string, number>;

export class StageClock {
  private last = performance.now();
  /** Time booked by time() since the last lap, left out of that lap. */
  private inner = 0;
  private readonly spent = new Map<string, number>();

  lap(stage: string): void {
    const now = performance.now();
    this.book(stage, now - this.last - this.inner);
    this.inner = 0;
    this.last = now;
  }

  time<T>(stage: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - start;
      this.book(stage, ms);
      this.inner += ms;
    }
  }

  get timings(): StageTimings {
    return Object.fromEntries([...this.spent].map(([stage, ms]) => [stage, Math.round(ms)]));
  }

  private book(stage: string, ms: number): void {
    this.spent.set(stage, (this.spent.get(stage) ?? 0) + ms);
  }
}
