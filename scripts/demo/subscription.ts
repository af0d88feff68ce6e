/**
 * A telecom-style subscription business (subscription/customers.csv), shaped like the
 * well-known "Telco customer churn" export, for contractual churn analysis: one row per
 * subscriber with a churn label.
 *
 * Model: contract type sets the baseline risk (month-to-month customers can leave any
 * month; two-year customers are locked in), long tenure lowers it, and electronic-check
 * payment, fibre (expensive) plans and senior customers raise it — the patterns the
 * original data set is known for. Logistic model; intercepts tuned so that about 42 % of
 * month-to-month, 11 % of one-year and 3 % of two-year customers churn (≈ 25 % overall).
 */
import { stream } from "./prng.ts";
import type { Rng } from "./prng.ts";

export const SUBSCRIBER_COUNT = 1000;
/** Brand-new subscribers (tenure 0, not billed yet: TotalCharges blank), as in the original export. */
export const NEW_SUBSCRIBERS = 5;

const CONTRACT_MIX = [["Month-to-month", 55], ["One year", 21], ["Two year", 24]] as const;
type Contract = (typeof CONTRACT_MIX)[number][0];

/** Logistic intercepts by contract (at average tenure, reference covariates). */
const CHURN_INTERCEPT: Record<Contract, number> = { "Month-to-month": -1.15, "One year": -1.9, "Two year": -3.3 };
const TENURE_EFFECT_PER_MONTH = -0.03;
const ELECTRONIC_CHECK_EFFECT = 0.5;
const FIBRE_EFFECT = 0.45;
const SENIOR_EFFECT = 0.35;
const PARTNER_EFFECT = -0.2;

export interface Subscriber {
  customerID: string;
  gender: "Female" | "Male";
  SeniorCitizen: 0 | 1;
  Partner: "Yes" | "No";
  tenure: number;
  Contract: Contract;
  PaymentMethod: string;
  MonthlyCharges: number;
  TotalCharges: number | null;
  Churn: "Yes" | "No";
}

function subscriberId(rng: Rng, taken: Set<string>): string {
  for (;;) {
    let letters = "";
    for (let i = 0; i < 5; i++) letters += String.fromCharCode(65 + rng.int(0, 25));
    const id = `${String(rng.int(0, 9999)).padStart(4, "0")}-${letters}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Months with the company: short for month-to-month, long for two-year contracts (1–72). */
function tenureFor(rng: Rng, contract: Contract): number {
  if (contract === "Month-to-month") return Math.min(72, 1 + Math.floor(rng.exponential(1 / 16)));
  if (contract === "One year") return 1 + Math.floor(rng.beta(1.6, 1.3) * 72);
  return 1 + Math.floor(rng.beta(2.6, 1) * 72);
}

function paymentFor(rng: Rng, contract: Contract): string {
  const electronic = contract === "Month-to-month" ? 48 : 16;
  return rng.weighted([
    ["Electronic check", electronic],
    ["Mailed check", 23],
    ["Bank transfer (automatic)", 22],
    ["Credit card (automatic)", 21],
  ] as const);
}

/** Monthly charge by plan: phone only (≈ 20), DSL (25–85) or fibre (70–118); multiples of 0.05. */
function monthlyChargeFor(rng: Rng): { charge: number; fibre: boolean } {
  const plan = rng.weighted([["phone", 22], ["dsl", 34], ["fibre", 44]] as const);
  const raw = plan === "phone" ? rng.between(18.25, 26) : plan === "dsl" ? 25 + 60 * rng.beta(2, 2) : 68 + 50.75 * rng.beta(2, 2);
  return { charge: Math.round(raw * 20) / 20, fibre: plan === "fibre" };
}

export function makeSubscribers(): Subscriber[] {
  const rng = stream("subscription");
  const taken = new Set<string>();
  const newcomers = new Set(rng.sampleIndices(SUBSCRIBER_COUNT, NEW_SUBSCRIBERS));
  const out: Subscriber[] = [];
  for (let i = 0; i < SUBSCRIBER_COUNT; i++) {
    const isNew = newcomers.has(i);
    // Brand-new subscribers in the original export are all on long contracts.
    const contract: Contract = isNew ? (rng.chance(0.6) ? "Two year" : "One year") : rng.weighted(CONTRACT_MIX);
    const tenure = isNew ? 0 : tenureFor(rng, contract);
    const senior = rng.chance(0.16);
    const partner = rng.chance(0.48);
    const payment = paymentFor(rng, contract);
    const { charge, fibre } = monthlyChargeFor(rng);
    const logit =
      CHURN_INTERCEPT[contract] +
      TENURE_EFFECT_PER_MONTH * (tenure - 24) +
      (payment === "Electronic check" ? ELECTRONIC_CHECK_EFFECT : 0) +
      (fibre ? FIBRE_EFFECT : 0) +
      (senior ? SENIOR_EFFECT : 0) +
      (partner ? PARTNER_EFFECT : 0);
    const churn = !isNew && rng.chance(1 / (1 + Math.exp(-logit)));
    // Total billed ≈ tenure × monthly charge; plans changed over time, hence a little noise.
    const total = tenure === 0 ? null : Math.round(tenure * charge * (tenure === 1 ? 1 : rng.lognormal(1, 0.04)) * 100) / 100;
    out.push({
      customerID: subscriberId(rng, taken),
      gender: rng.chance(0.5) ? "Female" : "Male",
      SeniorCitizen: senior ? 1 : 0,
      Partner: partner ? "Yes" : "No",
      tenure,
      Contract: contract,
      PaymentMethod: payment,
      MonthlyCharges: charge,
      TotalCharges: total,
      Churn: churn ? "Yes" : "No",
    });
  }
  return out;
}

export const SUBSCRIBER_HEADER = [
  "customerID", "gender", "SeniorCitizen", "Partner", "tenure", "Contract", "PaymentMethod", "MonthlyCharges", "TotalCharges", "Churn",
] as const;

export function subscriberRow(s: Subscriber): string[] {
  return [
    s.customerID, s.gender, String(s.SeniorCitizen), s.Partner, String(s.tenure), s.Contract, s.PaymentMethod,
    s.MonthlyCharges.toFixed(2), s.TotalCharges === null ? "" : s.TotalCharges.toFixed(2), s.Churn,
  ];
}
