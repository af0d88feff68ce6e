/** The analysis settings the worker needs, read from the view state in the URL. */
import { DEFAULT_CLV, type AnalysisSettings, type ClvSettings } from "../db/protocol.ts";
import type { UrlState } from "./url-state.ts";

/** The CLV settings in force: the URL's values, the defaults (DEFAULT_CLV) for the others. */
export function clvFromUrl(url: Pick<UrlState, "horizonDays" | "clvMonths" | "monthlyDiscount" | "margin">): ClvSettings {
  return {
    horizonDays: url.horizonDays ?? DEFAULT_CLV.horizonDays,
    months: url.clvMonths ?? DEFAULT_CLV.months,
    monthlyDiscount: url.monthlyDiscount ?? DEFAULT_CLV.monthlyDiscount,
    margin: url.margin ?? DEFAULT_CLV.margin,
  };
}

/**
 * The URL patch that stores `clv`: a value equal to its default is left out of the URL
 * (null), so that the default link stays short.
 */
export function clvToUrl(clv: ClvSettings): Pick<UrlState, "horizonDays" | "clvMonths" | "monthlyDiscount" | "margin"> {
  return {
    horizonDays: clv.horizonDays === DEFAULT_CLV.horizonDays ? null : clv.horizonDays,
    clvMonths: clv.months === DEFAULT_CLV.months ? null : clv.months,
    monthlyDiscount: clv.monthlyDiscount === DEFAULT_CLV.monthlyDiscount ? null : clv.monthlyDiscount,
    margin: clv.margin === DEFAULT_CLV.margin ? null : clv.margin,
  };
}

export function settingsFromUrl(url: UrlState): AnalysisSettings {
  return { asof: url.asof, churnDays: url.churnDays, unit: url.unit ?? "day", clv: clvFromUrl(url) };
}

export function sameSettings(a: AnalysisSettings, b: AnalysisSettings): boolean {
  return (
    a.asof === b.asof &&
    a.churnDays === b.churnDays &&
    a.unit === b.unit &&
    a.clv.horizonDays === b.clv.horizonDays &&
    a.clv.months === b.clv.months &&
    a.clv.monthlyDiscount === b.clv.monthlyDiscount &&
    a.clv.margin === b.clv.margin
  );
}
