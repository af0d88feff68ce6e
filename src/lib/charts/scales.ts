/**
 * Chart maths, kept out of the components so that it is pure and tested (LayerCake's
 * habit). Components call these inside `$derived` and render the result as Svelte markup.
 */
import { line, scaleBand, scaleLinear } from "d3";

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PlotBox {
  /** Width and height of the plotting area inside the margins (never negative). */
  width: number;
  height: number;
}

/** The drawing area left inside `margin`: plotBox(600, 240, {top:10,right:10,bottom:30,left:50}) → {540, 200}. */
export function plotBox(width: number, height: number, margin: Margin): PlotBox {
  return {
    width: Math.max(0, width - margin.left - margin.right),
    height: Math.max(0, height - margin.top - margin.bottom),
  };
}

/**
 * The value axis domain: always includes 0 (bars must start at zero), rounded outward to
 * nice numbers, [0, 1] when there is nothing to show.
 * valueDomain([3, 87, 41]) → [0, 100]; valueDomain([-12, 40]) → [-20, 40]; valueDomain([]) → [0, 1].
 */
export function valueDomain(values: readonly number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (lo === hi) {
    lo = 0;
    hi = 1;
  }
  const nice = scaleLinear().domain([lo, hi]).nice(5).domain();
  return [nice[0] ?? lo, nice[1] ?? hi];
}

/** Tick values for a value domain: yTicks([0, 90], 5) → [0, 20, 40, 60, 80]. */
export function yTicks(domain: readonly [number, number], count = 5): number[] {
  return scaleLinear().domain(domain).ticks(count);
}

/** A linear scale from domain to pixel range (y grows downward: range [height, 0]). */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const scale = scaleLinear().domain(domain).range(range);
  return (value: number) => scale(value);
}

export interface BandLayout {
  /** Left edge of each band, in key order. */
  x: number[];
  /** Width of a band (bar width). */
  bandwidth: number;
  /** Centre of each band. */
  centre: number[];
}

/**
 * Bars in a row: n bands over `width` with `padding` (share of a step left empty).
 * bandLayout(4, 400, 0.2): step 400 / (4 − 0.2 + 2 × 0.1) = 100, bandwidth 80, outer gap 10 →
 * x [10, 110, 210, 310], centre [50, 150, 250, 350].
 */
export function bandLayout(count: number, width: number, padding = 0.2): BandLayout {
  const keys = Array.from({ length: count }, (_, i) => i);
  const scale = scaleBand<number>().domain(keys).range([0, width]).paddingInner(padding).paddingOuter(padding / 2);
  const bandwidth = scale.bandwidth();
  const x = keys.map((k) => scale(k) ?? 0);
  return { x, bandwidth, centre: x.map((left) => left + bandwidth / 2) };
}

/**
 * Evenly spaced points for a line: pointPositions(3, 200) → [0, 100, 200]; one point sits in the middle.
 */
export function pointPositions(count: number, width: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [width / 2];
  const step = width / (count - 1);
  return Array.from({ length: count }, (_, i) => i * step);
}

/**
 * Show every k-th category label so that labels keep at least `minSpacing` px apart:
 * labelStep(36, 360, 40) → 4 (36 labels, 10 px each, so every 4th); labelStep(12, 600, 40) → 1.
 */
export function labelStep(count: number, width: number, minSpacing = 48): number {
  if (count <= 1 || width <= 0) return 1;
  const spacing = width / count;
  return Math.max(1, Math.ceil(minSpacing / spacing));
}

/**
 * Indices of the labels to show for step k, all those a whole number of steps from
 * `anchor` (default: the last, so that the most recent period is labelled):
 * labelIndices(10, 4) → [1, 5, 9]; labelIndices(10, 3, 2) → [2, 5, 8]; labelIndices(3, 1) → [0, 1, 2].
 */
export function labelIndices(count: number, step: number, anchor = count - 1): number[] {
  const k = Math.max(1, Math.floor(step));
  const out: number[] = [];
  for (let i = 0; i < count; i++) if ((((i - anchor) % k) + k) % k === 0) out.push(i);
  return out;
}

/** Steps that keep monthly labels on calendar boundaries (every quarter, half-year, year…). */
export const MONTH_STEPS: readonly number[] = [1, 2, 3, 6, 12, 24, 60, 120];

/** The smallest allowed step at least `step`: snapStep(4, MONTH_STEPS) → 6; beyond the list, the step itself. */
export function snapStep(step: number, allowed: readonly number[]): number {
  return allowed.find((s) => s >= step) ?? step;
}

/** The index of the position nearest to x: nearestIndex([0, 100, 200], 140) → 1. −1 when empty. */
export function nearestIndex(positions: readonly number[], x: number): number {
  let best = -1;
  let bestDistance = Infinity;
  positions.forEach((p, i) => {
    const d = Math.abs(p - x);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** An SVG path through points, straight segments: linePath([[0, 10], [5, 0]]) → "M0,10L5,0". */
export function linePath(points: ReadonlyArray<readonly [number, number]>): string {
  return line<readonly [number, number]>()
    .x((p) => p[0])
    .y((p) => p[1])(points) ?? "";
}

/** Round a pixel coordinate to 2 decimals so that SVG snapshots are stable. */
export const px = (n: number): number => Math.round(n * 100) / 100;
