/** The analysis settings the worker needs, read from the view state in the URL. */
import { DEFAULT_CLV, type AnalysisSettings } from "../db/protocol.ts";
import type { UrlState } from "./url-state.ts";

export function settingsFromUrl(url: UrlState): AnalysisSettings {
  return { asof: url.asof, churnDays: url.churnDays, unit: url.unit ?? "day", clv: DEFAULT_CLV };
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
