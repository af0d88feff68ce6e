/**
 * One piece of customer feedback (a row of feedback.csv), generated right after an order.
 *
 * Model: the customer's latent satisfaction plus the experience of this order (noise, and
 * a penalty when the order was returned or cancelled) gives an "experience" z ~ N(0, 1).
 * The category follows z (unhappy customers complain, happy ones praise); slow service
 * lowers the scores further (so that speed and satisfaction are linked); the three scores
 * are z plus a little noise each, cut at thresholds that give realistic distributions:
 * NPS about +25, CSAT about 75 %, CES about 2.9 (lower = easier). Each ticket gets a
 * priority afterwards, from its own stream (see assignPriorities).
 */
import type { Customer } from "./customers.ts";
import { FEEDBACK_CHANNELS } from "./catalog.ts";
import { DATA_END, isoOf } from "./dates.ts";
import { PLANTED_COMMENTS, commentFor } from "./feedback-text.ts";
import type { FeedbackCategory, Language, Sentiment } from "./feedback-text.ts";
import type { Rng } from "./prng.ts";

/** Target shares of NPS answers 0, 1, …, 10 (promoters 47.5 %, detractors 23.5 % → NPS ≈ +24). */
const NPS_SHARES = [4, 1.5, 1.5, 2, 2.5, 6, 6, 11, 18, 22, 25.5];
/** Target shares of CSAT 1–5 (4–5: 74 %). */
const CSAT_SHARES = [6, 7, 13, 34, 40];
/** Target shares of CES 1–7, from "very easy" to "very hard" (mean ≈ 2.9). */
const CES_SHARES = [25, 24, 18, 12, 9, 7, 5];
/** Spread of the latent score the thresholds are cut on (z plus service effect plus noise). */
const LATENT_SD = 1.12;
/** Shift of the latent score, tuned so that the mixture lands on the target shares. */
const LATENT_SHIFT = -0.02;

/** Service speed: first response minutes ~ lognormal (median 12, long tail past 20). */
const FIRST_RESPONSE_MEDIAN_MINUTES = 12;
const FIRST_RESPONSE_SIGMA = 0.85;
/** Resolution hours ~ lognormal (median 10, tail past 24). */
const RESOLUTION_MEDIAN_HOURS = 10;
const RESOLUTION_SIGMA = 1.0;
/** Tickets from the last two weeks are often still open; a few old ones were forgotten. */
const RECENT_OPEN_DAYS = 14;
const RECENT_OPEN_SHARE = 0.6;
const STALE_OPEN_SHARE = 0.02;
/** Share of rows without a CES answer (not every survey asks it). */
const CES_MISSING_SHARE = 0.2;
/** Share of rows without a comment. */
const EMPTY_COMMENT_SHARE = 0.18;

export type OrderStatus = "completed" | "returned" | "cancelled";
export type Priority = "Urgent" | "High" | "Normal" | "Low";

export interface FeedbackRecord {
  id: string;
  customerId: string;
  day: number;
  channel: string;
  category: FeedbackCategory;
  nps: number;
  csat: number;
  ces: number | null;
  comment: string;
  firstResponseMinutes: number;
  resolutionHours: number | null;
  status: "resolved" | "open";
  /** Set by assignPriorities ("Normal" until then). */
  priority: Priority;
  /** Written instead of the number when a score or a service time was spoiled on purpose. */
  npsText?: string;
  csatText?: string;
  firstResponseText?: string;
  resolutionText?: string;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155211639];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** Cut points on the latent scale so that a N(0, LATENT_SD) variable falls in each bucket with the given shares. */
function thresholds(shares: readonly number[]): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  const cuts: number[] = [];
  let cumulative = 0;
  for (const share of shares.slice(0, -1)) {
    cumulative += share;
    cuts.push(LATENT_SD * normalQuantile(cumulative / total));
  }
  return cuts;
}

const NPS_CUTS = thresholds(NPS_SHARES);
const CSAT_CUTS = thresholds(CSAT_SHARES);
const CES_CUTS = thresholds(CES_SHARES);

/** Index of the bucket the value falls into (0 … cuts.length). */
function bucket(value: number, cuts: readonly number[]): number {
  let i = 0;
  while (i < cuts.length && value >= (cuts[i] ?? Infinity)) i++;
  return i;
}

export function sentimentOf(nps: number): Sentiment {
  return nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
}

function categoryFor(rng: Rng, z: number, orderStatus: OrderStatus): FeedbackCategory {
  if (orderStatus === "returned") return rng.weighted([["complaint", 70], ["inquiry", 20], ["suggestion", 10]] as const);
  if (z < -0.8) return rng.weighted([["complaint", 65], ["inquiry", 20], ["suggestion", 15]] as const);
  if (z < 0.4) return rng.weighted([["inquiry", 35], ["suggestion", 25], ["complaint", 15], ["praise", 25]] as const);
  return rng.weighted([["praise", 65], ["inquiry", 20], ["suggestion", 15]] as const);
}

function languageFor(rng: Rng, customer: Customer): Language {
  return customer.chineseName
    ? rng.weighted([["zh-Hans", 75], ["zh-Hant", 10], ["en", 15]] as const)
    : rng.weighted([["en", 70], ["zh-Hans", 22], ["zh-Hant", 8]] as const);
}

/** Feedback about an order of `customer` placed on `orderDay`, or null when it would fall after the data end. */
export function makeFeedback(rng: Rng, customer: Customer, orderDay: number, orderStatus: OrderStatus): FeedbackRecord | null {
  // Returns are complained about after the item came back; other feedback within days.
  const delay = orderStatus === "returned" ? 3 + rng.geometric(0.25) : 1 + rng.geometric(0.4);
  const day = orderDay + delay;
  if (day > DATA_END) return null;

  const penalty = orderStatus === "returned" ? 1.0 : orderStatus === "cancelled" ? 0.5 : 0;
  const z = 0.65 * customer.satisfaction + 0.75 * rng.normal() - penalty;
  const category = categoryFor(rng, z, orderStatus);

  const firstResponseMinutes = Math.max(1, Math.round(rng.lognormal(FIRST_RESPONSE_MEDIAN_MINUTES, FIRST_RESPONSE_SIGMA)));
  const recent = day > DATA_END - RECENT_OPEN_DAYS;
  const open = category !== "praise" && rng.chance(recent ? RECENT_OPEN_SHARE : STALE_OPEN_SHARE);
  // A ticket is resolved after its first response: at least the next tenth of an hour
  // past it (strictly later, so that no rounding makes a planted-free row look impossible).
  const resolutionHours =
    category === "praise" || open
      ? null
      : Math.max((Math.floor(firstResponseMinutes / 6) + 1) / 10, Math.round(rng.lognormal(RESOLUTION_MEDIAN_HOURS, RESOLUTION_SIGMA) * 10) / 10);

  // Slow service costs satisfaction (not for praise, which needs no service).
  let service = 0;
  if (category !== "praise") {
    service -= 0.15 * Math.log(firstResponseMinutes / FIRST_RESPONSE_MEDIAN_MINUTES);
    if (resolutionHours !== null) service -= 0.3 * Math.log(resolutionHours / RESOLUTION_MEDIAN_HOURS);
  }
  const latent = z + service + LATENT_SHIFT;
  const nps = bucket(latent + 0.35 * rng.normal(), NPS_CUTS);
  const csat = 1 + bucket(latent + 0.5 * rng.normal(), CSAT_CUTS);
  const ces = 1 + bucket(-latent + 0.6 * rng.normal(), CES_CUTS);

  const sentiment = sentimentOf(nps);
  const comment = rng.chance(EMPTY_COMMENT_SHARE) ? "" : commentFor(rng, category, sentiment, languageFor(rng, customer));
  return {
    id: "",
    customerId: customer.id,
    day,
    channel: rng.weighted(FEEDBACK_CHANNELS),
    category,
    nps,
    csat,
    ces: rng.chance(CES_MISSING_SHARE) ? null : ces,
    comment,
    firstResponseMinutes,
    resolutionHours,
    status: open ? "open" : "resolved",
    priority: "Normal",
  };
}

/** Priority shares by category: complaints are urgent, praise rarely is. */
const PRIORITY_WEIGHTS: Record<FeedbackCategory, readonly (readonly [Priority, number])[]> = {
  complaint: [["Urgent", 20], ["High", 40], ["Normal", 32], ["Low", 8]],
  inquiry: [["Urgent", 3], ["High", 12], ["Normal", 60], ["Low", 25]],
  suggestion: [["Urgent", 1], ["High", 6], ["Normal", 38], ["Low", 55]],
  praise: [["Urgent", 0], ["High", 2], ["Normal", 28], ["Low", 70]],
};
/** Agents answer urgent tickets first: answered this fast, Urgent and High are twice as likely; this slow, half. */
const FAST_RESPONSE_MINUTES = 10;
const SLOW_RESPONSE_MINUTES = 30;

/**
 * A priority per ticket by its category, tilted by how fast it was answered so that the
 * service-speed breakdown by priority shows urgent tickets answered first. Drawn from its
 * own stream after the simulation, so the simulation's draws (and every other file) stay
 * as they were.
 */
export function assignPriorities(rows: FeedbackRecord[], rng: Rng): void {
  for (const f of rows) {
    const tilt = f.firstResponseMinutes <= FAST_RESPONSE_MINUTES ? 2 : f.firstResponseMinutes > SLOW_RESPONSE_MINUTES ? 0.5 : 1;
    f.priority = rng.weighted(PRIORITY_WEIGHTS[f.category].map(([p, w]) => [p, p === "Urgent" || p === "High" ? w * tilt : w] as const));
  }
}

export const FEEDBACK_HEADER = [
  "feedback_id", "customer_id", "date", "channel", "category", "nps_score", "csat_score", "ces_score", "comment",
  "first_response_minutes", "resolution_hours", "status", "priority",
] as const;

export interface PlantedFeedback {
  /** Feedback ids whose comment contains double quotes / a line break. */
  quotedComments: string[];
  newlineComments: string[];
  /** Out-of-range scores: [feedback id, column, value]. */
  outOfRange: { id: string; column: "nps_score" | "csat_score"; value: string }[];
  /** Service times that cannot be: a negative duration, or resolved before the first response. */
  impossibleTimings: { id: string; column: "first_response_minutes" | "resolution_hours"; value: string }[];
}

/** Resolution written for a ticket planted as resolved before its first response: 18 minutes. */
const TOO_EARLY_RESOLUTION = "0.3";

/**
 * Plants, on distinct rows chosen at random: the comments of PLANTED_COMMENTS (quotes on
 * detractors' complaints; the line breaks on a detractor's complaint and a promoter's
 * praise), two NPS answers of 11 (typed instead of 10), one CSAT of 6 (instead of 5), and
 * four impossible service times on resolved tickets: a negative first response (a stray
 * minus), a negative resolution, and two resolutions of 0.3 h (18 min) on tickets first
 * answered after more than 20 minutes. Planted last, so the earlier choices stay as they were.
 */
export function plantFeedbackProblems(rows: FeedbackRecord[], rng: Rng): PlantedFeedback {
  const used = new Set<FeedbackRecord>();
  const choose = (fits: (f: FeedbackRecord) => boolean): FeedbackRecord => {
    for (;;) {
      const f = rng.pick(rows);
      if (!used.has(f) && fits(f)) {
        used.add(f);
        return f;
      }
    }
  };
  const detractorComplaint = (f: FeedbackRecord) => f.category === "complaint" && f.nps <= 6;
  const planted: PlantedFeedback = { quotedComments: [], newlineComments: [], outOfRange: [], impossibleTimings: [] };
  for (const text of PLANTED_COMMENTS.quotes) {
    const f = choose(detractorComplaint);
    f.comment = text;
    planted.quotedComments.push(f.id);
  }
  const [lateText, praiseText] = PLANTED_COMMENTS.newlines;
  const late = choose(detractorComplaint);
  late.comment = lateText;
  const praise = choose((f) => f.category === "praise" && f.nps >= 9);
  praise.comment = praiseText;
  planted.newlineComments.push(late.id, praise.id);
  for (let i = 0; i < 2; i++) {
    const f = choose((x) => x.nps === 10);
    f.npsText = "11";
    planted.outOfRange.push({ id: f.id, column: "nps_score", value: "11" });
  }
  const c = choose((x) => x.csat === 5);
  c.csatText = "6";
  planted.outOfRange.push({ id: c.id, column: "csat_score", value: "6" });

  const resolved = (x: FeedbackRecord) => x.resolutionHours !== null;
  const negativeResponse = choose(resolved);
  negativeResponse.firstResponseText = `-${negativeResponse.firstResponseMinutes}`;
  const negativeResolution = choose(resolved);
  negativeResolution.resolutionText = `-${(negativeResolution.resolutionHours ?? 0).toFixed(1)}`;
  const tooEarly = [0, 1].map(() => choose((x) => resolved(x) && x.firstResponseMinutes > 20));
  for (const f of tooEarly) f.resolutionText = TOO_EARLY_RESOLUTION;
  planted.impossibleTimings.push(
    { id: negativeResponse.id, column: "first_response_minutes", value: negativeResponse.firstResponseText },
    ...[negativeResolution, ...tooEarly].map((f) => ({ id: f.id, column: "resolution_hours" as const, value: f.resolutionText ?? "" })),
  );

  const byId = (a: string, b: string) => (a < b ? -1 : 1);
  planted.quotedComments.sort(byId);
  planted.newlineComments.sort(byId);
  planted.outOfRange.sort((a, b) => byId(a.id, b.id));
  planted.impossibleTimings.sort((a, b) => byId(a.id, b.id));
  return planted;
}

export function feedbackRow(f: FeedbackRecord): string[] {
  return [
    f.id, f.customerId, isoOf(f.day), f.channel, f.category,
    f.npsText ?? String(f.nps), f.csatText ?? String(f.csat), f.ces === null ? "" : String(f.ces), f.comment,
    f.firstResponseText ?? String(f.firstResponseMinutes),
    f.resolutionText ?? (f.resolutionHours === null ? "" : f.resolutionHours.toFixed(1)),
    f.status, f.priority,
  ];
}
