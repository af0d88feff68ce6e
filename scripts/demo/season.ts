/**
 * Seasonality of Chinese e-commerce, as a multiplier on every customer's purchase rate.
 *
 * - Singles' Day (双十一, 11 November) is the year's peak, with a pre-sale run-up from
 *   late October and a tail of a few days;
 * - 618 (mid-year sale, 18 June) and Double Twelve (12 December) are smaller peaks, and
 *   December as a whole is busier (year-end, gifts);
 * - Chinese New Year is a dip: couriers and shops stop for about two weeks around it;
 * - summer holidays (July–August) bring a mild bump; weekends a small one.
 */
import { calendarOf, dayOf } from "./dates.ts";

/** First day of the lunar new year, for the years the data covers. */
const CHINESE_NEW_YEAR = [dayOf("2022-02-01"), dayOf("2023-01-22"), dayOf("2024-02-10"), dayOf("2025-01-29"), dayOf("2026-02-17")];

/** Upper bound of `seasonality` (needed by the thinning algorithm that uses it). */
export const SEASONALITY_MAX = 6.5;

export function seasonality(day: number): number {
  const { month, date, weekday } = calendarOf(day);
  let factor = 1;

  if (month === 11) {
    if (date === 11) factor = 6;
    else if (date >= 1 && date <= 10) factor = 1.7; // pre-sale
    else if (date <= 14) factor = 1.4; // tail of the sale
  } else if (month === 10 && date >= 24) {
    factor = 1.3; // pre-sale deposits open
  } else if (month === 6) {
    if (date === 18) factor = 3;
    else if (date >= 1 && date <= 20) factor = 1.3;
  } else if (month === 12) {
    factor = date === 12 ? 2.5 : 1.3;
  } else if (month === 7 || month === 8) {
    factor = 1.15;
  }

  for (const cny of CHINESE_NEW_YEAR) {
    const offset = day - cny;
    if (offset >= -7 && offset <= 7) factor *= 0.4; // the holiday: little delivery
    else if (offset >= -21 && offset < -7) factor *= 1.15; // new-year shopping before it
  }

  if (weekday === 0 || weekday === 6) factor *= 1.08;
  return factor;
}

/** Multiplier on sign-ups: the big sales bring new customers, the new-year holiday does not. */
export function signupSeasonality(day: number): number {
  const s = seasonality(day);
  return Math.min(2.5, Math.sqrt(s));
}
