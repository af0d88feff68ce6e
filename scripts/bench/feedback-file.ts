/**
 * The benchmark's feedback file: survey answers with an NPS score (0–10) and a comment in
 * English, 简体 or 繁體 that fits the score (scripts/demo/feedback-text.ts). English comments
 * with a comma are quoted, as a real export quotes them.
 */
import { FEEDBACK_CHANNELS } from "../demo/catalog.ts";
import { csvField } from "../demo/csv.ts";
import { commentFor, type FeedbackCategory, type Language, type Sentiment } from "../demo/feedback-text.ts";
import { Rng } from "../demo/prng.ts";
import { customerId, isoDays, SEED, skewedCustomer, sortedDays } from "./calendar.ts";
import { writeCsvLines, type Facts } from "./file-cache.ts";

export const FEEDBACK_VERSION = 1;
const HEADER = "feedback_id,customer_id,date,channel,category,nps_score,comment";
/** Weights of the scores 0 … 10: mostly satisfied, a long unhappy tail. */
const SCORES = [3, 2, 2, 3, 4, 6, 8, 14, 20, 20, 18].map((w, score) => [score, w] as const);
const CATEGORIES = [["praise", 35], ["complaint", 30], ["suggestion", 20], ["inquiry", 15]] as const satisfies readonly (readonly [FeedbackCategory, number])[];
const LANGUAGES = [["zh-Hans", 60], ["en", 25], ["zh-Hant", 15]] as const satisfies readonly (readonly [Language, number])[];

const sentimentOf = (score: number): Sentiment => (score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor");

/** Writes the feedback; facts: `expectedNps`, 100 × (promoters − detractors) / answers, what the NPS KPI must show. */
export function writeFeedback(path: string, rows: number, customers: number): Facts {
  const rng = new Rng(SEED ^ rows ^ 0x0f33dbac);
  const days = isoDays();
  const answerDays = sortedDays(rng, rows, days.length);
  const idWidth = String(rows).length;
  const tally = { promoter: 0, passive: 0, detractor: 0 };
  writeCsvLines(path, HEADER, rows, (i) => {
    const score = rng.weighted(SCORES);
    const sentiment = sentimentOf(score);
    tally[sentiment]++;
    const category = rng.weighted(CATEGORIES);
    const comment = commentFor(rng, category, sentiment, rng.weighted(LANGUAGES));
    const customer = customerId(skewedCustomer(rng, customers), customers);
    const id = `F${String(i + 1).padStart(idWidth, "0")}`;
    return `${id},${customer},${days[answerDays[i] ?? 0]},${rng.weighted(FEEDBACK_CHANNELS)},${category},${score},${csvField(comment)}`;
  });
  return { expectedNps: (100 * (tally.promoter - tally.detractor)) / rows };
}
