/**
 * Wall-clock milliseconds per step of a load or rebuild, so the closing numbers (and the
 * benchmark) can say where the time goes: `clock.lap("sales")` records the time since the
 * previous lap under "sales".
 */
export type StageTimings = Record<string, number>;

export class StageClock {
  private last = performance.now();
  readonly timings: StageTimings = {};

  lap(stage: string): void {
    const now = performance.now();
    this.timings[stage] = (this.timings[stage] ?? 0) + Math.round(now - this.last);
    this.last = now;
  }
}
