/**
 * Maths of a monthly score line drawn over the number of answers behind each point
 * (ScoreTrend): months without answers break the line, and a strip of bars shows how many
 * answers each month rests on.
 */

/** One month of a score trend: its value (null when nobody answered) and the answers behind it. */
export interface TrendMonth {
  key: string;
  /** Full label ("Mar 2024"). */
  label: string;
  /** Axis label ("Mar"). */
  tick: string;
  value: number | null;
  responses: number;
}

/**
 * The runs of consecutive defined values, the pieces of a line broken at the gaps:
 * definedRuns([1, null, 2, 3, null]) → [[0], [2, 3]].
 */
export function definedRuns(values: readonly (number | null)[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) run.push(i);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Heights of count bars in a strip `height` px tall, the largest count filling it:
 * volumeHeights([0, 5, 10], 40) → [0, 20, 40]; all zero → all 0.
 */
export function volumeHeights(counts: readonly number[], height: number): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((n) => (max > 0 && n > 0 ? (n / max) * height : 0));
}
