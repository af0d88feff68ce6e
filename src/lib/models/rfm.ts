/**
 * RFM scoring and the named segments (PRODUCT.md, "Exact definitions"), as pure functions
 * that the worker runs on customer_summary and tests run on the published reference.
 *
 * Scores are value-based quintiles with ties together: rank each customer's value
 * ascending, ties sharing the lowest rank (pandas `rank(method="min")`), then cut the rank
 * range into 5 bins of equal width (pandas `cut(rank, 5)`). F and M scores are the bin; R
 * is 6 − the bin of recency, so 5 = most recent.
 *
 * Worked example: values 10, 20, 20, 30, 40 → ranks 1, 2, 2, 4, 5; edges 1, 1.8, 2.6,
 * 3.4, 4.2, 5 (the first nudged left so that 1 falls in bin 1) → bins 1, 2, 2, 4, 5.
 */

export const SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential Loyalists",
  "New Customers",
  "Promising",
  "Need Attention",
  "About to Sleep",
  "Cannot Lose Them",
  "At Risk",
  "Hibernating",
  "Lost",
] as const;

export type SegmentName = (typeof SEGMENTS)[number];

/** The 125-cell map: cells written R,F,M as three digits. */
const SEGMENT_CELLS: Record<SegmentName, string> = {
  Champions: "555 554 545 544 455 454 445",
  Loyal: "543 444 435 355 354 345 344 335",
  "Potential Loyalists":
    "553 552 551 542 541 533 532 531 453 452 451 442 441 433 432 431 423 353 352 351 342 341 333 323",
  "New Customers": "512 511 422 421 412 411 311",
  Promising: "525 524 523 522 521 515 514 513 425 424 415 414 413 315 314 313",
  "Need Attention": "535 534 443 434 343 334 325 324",
  "About to Sleep": "331 321 312 221 213",
  "Cannot Lose Them": "215 214 155 154 144 115 114 113",
  "At Risk": "255 254 253 252 245 244 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124",
  Hibernating: "332 322 251 241 233 232 231 223 222 212 211 132 123 122",
  Lost: "151 141 131 121 112 111",
};

const SEGMENT_OF_CELL = new Map<string, SegmentName>(
  SEGMENTS.flatMap((segment) => SEGMENT_CELLS[segment].split(" ").map((cell) => [cell, segment] as const)),
);

export function segmentOf(r: number, f: number, m: number): SegmentName {
  const segment = SEGMENT_OF_CELL.get(`${r}${f}${m}`);
  if (!segment) throw new Error(`no segment for RFM cell ${r}${f}${m}`);
  return segment;
}

/** The cell list of a segment (for the teaching note and tests). */
export const cellsOf = (segment: SegmentName): string[] => SEGMENT_CELLS[segment].split(" ");

/** Ranks ascending with ties sharing the lowest rank (1-based), in input order. */
export function minRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    const tied = position > 0 && previous !== undefined && values[previous] === values[index];
    ranks[index] = tied ? (ranks[previous as number] as number) : position + 1;
  });
  return ranks;
}

/**
 * pandas `cut(x, 5)` bins (1–5) of each value: 5 equal-width bins over [min, max], right
 * edges included, edges computed as numpy's linspace does so that boundary cases agree.
 */
export function equalWidthBins(values: readonly number[], bins = 5): number[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return values.map(() => Math.ceil(bins / 2));
  const step = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : i * step + min));
  return values.map((v) => {
    for (let bin = 1; bin <= bins; bin++) if (v <= (edges[bin] as number)) return bin;
    return bins;
  });
}

export interface RfmInput {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: SegmentName;
}

/** Scores and segments of a set of customers (all scored against each other). */
export function scoreRfm(customers: readonly RfmInput[]): RfmScore[] {
  const r = equalWidthBins(minRanks(customers.map((c) => c.recencyDays)));
  const f = equalWidthBins(minRanks(customers.map((c) => c.frequency)));
  const m = equalWidthBins(minRanks(customers.map((c) => c.monetary)));
  return customers.map((_, i) => {
    const scores = { r: 6 - (r[i] as number), f: f[i] as number, m: m[i] as number };
    return { ...scores, segment: segmentOf(scores.r, scores.f, scores.m) };
  });
}
