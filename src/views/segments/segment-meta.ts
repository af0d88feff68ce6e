/**
 * What the Segments views know about the 11 RFM segments beyond their stored English
 * names: the i18n key of each, its colour, and how the customers of an R×F grid cell split
 * across segments (a cell mixes segments, because segments are defined on R, F and M).
 */
import { SEGMENTS, type SegmentName } from "../../lib/models/rfm.ts";

/** The i18n key part of a segment: "Cannot Lose Them" → "cannot_lose_them". */
export const segmentKey = (segment: SegmentName): string => segment.toLowerCase().replace(/ /g, "_");

export const isSegment = (value: string): value is SegmentName => (SEGMENTS as readonly string[]).includes(value);

/** Palette index (charts/palette.ts) of each segment: greens for the best, reds for the slipping, greys for the gone. */
export const SEGMENT_TONE: Record<SegmentName, number> = {
  Champions: 0,
  Loyal: 1,
  "Potential Loyalists": 2,
  "New Customers": 3,
  Promising: 4,
  "Need Attention": 5,
  "About to Sleep": 6,
  "Cannot Lose Them": 7,
  "At Risk": 8,
  Hibernating: 9,
  Lost: 10,
};

export interface MemberScores {
  r_score: number;
  f_score: number;
  segment: SegmentName;
  monetary: number;
}

export interface CellMix {
  r: number;
  f: number;
  customers: number;
  /** Customers per segment in the cell, most first (ties in the map's order). */
  segments: { segment: SegmentName; customers: number }[];
}

/**
 * How each R×F cell's customers split across segments, keyed "r,f".
 * Worked example: members (5,5,Champions), (5,5,Champions), (5,5,Potential Loyalists) →
 * "5,5": 3 customers, Champions 2, Potential Loyalists 1 (so choosing the cell picks Champions).
 */
export function cellMixes(members: readonly MemberScores[]): Map<string, CellMix> {
  const counts = new Map<string, Map<SegmentName, number>>();
  for (const m of members) {
    const key = `${m.r_score},${m.f_score}`;
    let bySegment = counts.get(key);
    if (!bySegment) counts.set(key, (bySegment = new Map()));
    bySegment.set(m.segment, (bySegment.get(m.segment) ?? 0) + 1);
  }
  const mixes = new Map<string, CellMix>();
  for (const [key, bySegment] of counts) {
    const [r, f] = key.split(",").map(Number) as [number, number];
    const segments = [...bySegment]
      .map(([segment, customers]) => ({ segment, customers }))
      .sort((a, b) => b.customers - a.customers || SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment));
    mixes.set(key, { r, f, customers: segments.reduce((s, x) => s + x.customers, 0), segments });
  }
  return mixes;
}
