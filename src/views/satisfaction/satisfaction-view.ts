/**
 * Plain helpers of the Satisfaction page (no Svelte): the NPS groups and their colours,
 * group shares, the 0–10 distribution as chart data, which score and breakdown are in
 * force, the service targets from the URL, durations with their unit, and the pieces of a
 * comment around a search term (so that the page can wrap matches in <mark> as text,
 * never as HTML).
 */
import { metricById } from "../../lib/analytics/metrics.ts";
import { formatDecimal, formatPercent, NO_VALUE } from "../../lib/format/number.ts";
import type { Locale } from "../../lib/format/locale.ts";
import { NPS_GROUPS, SATISFACTION_MEASURES, type NpsGroup, type SatisfactionMeasure } from "../../lib/analytics/satisfaction.ts";
import type { UrlState } from "../../lib/state/url-state.ts";
import { formatMetric } from "../overview/metric-format.ts";

/**
 * Palette tones (palette.ts) of the groups: detractors red, passives grey, promoters green.
 * Each tone is a light-dark() pair, so the colours keep their contrast in the dark theme.
 */
export const GROUP_TONE: Record<NpsGroup, number> = { detractor: 7, passive: 10, promoter: 0 };

/**
 * Below this many answers a monthly score is mostly noise: with 30 answers an NPS still
 * moves by about ±30 points by chance (its standard error is up to 100/√n), so such months
 * are drawn faded and groups this small are marked.
 */
export const MIN_RESPONSES = 30;

export interface NpsCounts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Share of the answers in each group, null without answers: {10, 5, 3, 2} → promoter 0.5, passive 0.3, detractor 0.2. */
export function groupShares(nps: NpsCounts): Record<NpsGroup, number> | null {
  if (nps.responses <= 0) return null;
  return { detractor: nps.detractors / nps.responses, passive: nps.passives / nps.responses, promoter: nps.promoters / nps.responses };
}

/**
 * The 0–10 distribution as DivergingBars categories: one bar per score, its count under its
 * group (values in NPS_GROUPS order), so that each bar takes its group's colour.
 * [{score: 7, count: 4, group: "passive"}] → [{key: "7", tick: "7", values: [0, 4, 0]}].
 */
export function distributionCategories(rows: readonly { score: number; count: number; group: NpsGroup }[]): { key: string; label: string; tick: string; values: number[] }[] {
  return rows.map((r) => ({
    key: String(r.score),
    label: String(r.score),
    tick: String(r.score),
    values: NPS_GROUPS.map((g) => (g === r.group ? r.count : 0)),
  }));
}

/** Rows per NPS group, promoters first (the order of the group charts, best to worst). */
export function groupRows<R extends { group: NpsGroup }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => NPS_GROUPS.indexOf(b.group) - NPS_GROUPS.indexOf(a.group));
}

/** The scores the data has answers for, in the page's order (NPS, CSAT, CES). */
export function measuresWithAnswers(summary: Record<SatisfactionMeasure, { responses: number }>): SatisfactionMeasure[] {
  return SATISFACTION_MEASURES.filter((m) => summary[m].responses > 0);
}

/** The wanted choice when the data offers it, else the first it offers (null when none). */
export function pickAvailable<T>(wanted: T | null, available: readonly T[]): T | null {
  return wanted !== null && available.includes(wanted) ? wanted : (available[0] ?? null);
}

/** A score as the KPI cards write it: NPS on −100…100, CSAT as a percentage, CES with two decimals. */
export const formatScore = (value: number | null, measure: SatisfactionMeasure, locale: Locale): string => formatMetric(value, metricById(measure).format, locale, null);

/** A score on an axis: whole NPS points, whole percentages, CES with one decimal. */
export function formatScoreTick(value: number, measure: SatisfactionMeasure, locale: Locale): string {
  if (measure === "csat") return formatPercent(value, locale, 0);
  return formatDecimal(value, locale, measure === "ces" ? 1 : 0);
}

export interface TargetSettings {
  firstResponseMinutes: number;
  resolutionHours: number;
}

/** The targets in force: the URL's (`frt`, `rt`) where it sets them, else the defaults. */
export function targetsFromUrl(url: Pick<UrlState, "firstResponseMinutes" | "resolutionHours">, defaults: TargetSettings): TargetSettings {
  return {
    firstResponseMinutes: url.firstResponseMinutes ?? defaults.firstResponseMinutes,
    resolutionHours: url.resolutionHours ?? defaults.resolutionHours,
  };
}

/** The URL patch for a new target: the default is written as null, so that links stay short. */
export function targetPatch(key: keyof TargetSettings, value: number, defaults: TargetSettings): Partial<UrlState> {
  return { [key]: value === defaults[key] ? null : value };
}

/**
 * A duration with its unit in the reader's language, one decimal below 10:
 * formatDuration(13, "minute", "en") → "13 min"; formatDuration(2.25, "hour", "zh-CN") → "2.3小时".
 */
export function formatDuration(value: number | null, unit: "minute" | "hour", locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 }).format(value);
}

export interface TextPart {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Apostrophes written any way match one another, as the comment search folds them (feedback-text.ts). */
const APOSTROPHE = /['\u2018\u2019\u02bc]/g;

/**
 * A comment cut around every case-insensitive occurrence of `needle`, for the page to wrap
 * the matches in <mark> as text: highlightParts("Slow delivery, slow reply", "slow") →
 * [{"Slow", match}, {" delivery, ", no}, {"slow", match}, {" reply", no}]. Apostrophes match
 * in any form ("can't" marks "can’t"); an empty needle gives the whole text unmarked.
 */
export function highlightParts(text: string, needle: string): TextPart[] {
  if (!needle) return [{ text, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  const pattern = escapeRegExp(needle).replace(APOSTROPHE, "['\u2018\u2019\u02bc]");
  for (const m of text.matchAll(new RegExp(pattern, "giu"))) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), match: false });
  return parts;
}
