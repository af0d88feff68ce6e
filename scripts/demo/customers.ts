/**
 * Customer profiles (customers.csv) and the hidden traits that drive their behaviour.
 *
 * Hidden traits, one draw per customer (the BG/NBD and Gamma-Gamma story):
 * - purchaseRate: orders per day while active, Gamma-distributed across customers
 *   (heterogeneity: a few buy weekly, most a few times a year);
 * - dropoutProbability: chance of becoming inactive for good after each order,
 *   Beta-distributed, higher for unhappy customers;
 * - satisfaction: a standard-normal latent trait behind the feedback scores; it also
 *   raises the dropout probability of unhappy customers, so detractors churn more;
 * - spendMultiplier: Gamma with mean 1 — some customers simply buy dearer baskets.
 */
import { ACQUISITION_MIX, CATEGORY_MIX, ORDER_CHANNEL_MIX, REGIONS } from "./catalog.ts";
import type { AcquisitionChannel, Category, OrderChannel } from "./catalog.ts";
import { DATA_END, DATA_START, dayOf, isoOf } from "./dates.ts";
import { EMAIL_CORRUPTIONS, INVALID_PHONES, chineseName, emailFor, englishName, phoneFor } from "./names.ts";
import type { Gender } from "./names.ts";
import { stream } from "./prng.ts";
import { signupSeasonality } from "./season.ts";

export const CUSTOMER_COUNT = 2000;
/** Share of Chinese names (the rest English). */
const CHINESE_NAME_SHARE = 0.6;
/** Share of known contacts who never buy (the lifecycle's contact stage). */
const LEAD_SHARE = 0.08;
/** Share of customers who signed up before the order data starts (2021–2022). */
const EARLY_SIGNUP_SHARE = 0.03;
/** Sign-ups per day grow linearly: the last day of 2025 sees (1 + SIGNUP_GROWTH) × the first day of 2023. */
const SIGNUP_GROWTH = 1.2;
const MISSING_EMAIL_SHARE = 0.09;
const MISSING_PHONE_SHARE = 0.05;
const MISSING_GENDER_SHARE = 0.02;
const MISSING_BIRTH_DATE_SHARE = 0.07;

/** Purchase rate per day ~ Gamma(shape, scale): mean = shape × scale ≈ one order every 34 days. */
const RATE_SHAPE = 1.1;
const RATE_SCALE = 1 / 21;
/** Dropout probability after each order ~ Beta(a, b): mean a / (a + b) ≈ 0.06. */
const DROPOUT_A = 1.1;
const DROPOUT_B = 27;
/** How strongly low satisfaction raises the dropout probability (× exp(−k × satisfaction)). */
const DROPOUT_SATISFACTION_EFFECT = 0.45;
/** Spend multiplier ~ Gamma(shape, 1 / shape): mean 1. */
const SPEND_SHAPE = 6;
/** Share of customers with a favourite category (they buy it half of the time). */
const FAVOURITE_CATEGORY_SHARE = 0.55;

export interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string;
  gender: Gender | "";
  birthDate: string;
  region: string;
  city: string;
  acquisitionChannel: AcquisitionChannel;
  signupDay: number;
  /** Filled in from the orders once they exist. */
  tier: string;
  chineseName: boolean;
  // Hidden behaviour traits (not written out).
  isLead: boolean;
  purchaseRate: number;
  dropoutProbability: number;
  satisfaction: number;
  spendMultiplier: number;
  favouriteCategory: Category | null;
  preferredChannel: OrderChannel;
}

/** Customers whose data were spoiled on purpose, for the data-quality report. */
export interface PlantedCustomerProblems {
  invalidEmails: { id: string; email: string }[];
  invalidPhones: { id: string; phone: string }[];
  duplicateIds: string[];
}

function signupDay(rng: ReturnType<typeof stream>): number {
  if (rng.chance(EARLY_SIGNUP_SHARE)) return rng.int(dayOf("2021-01-01"), DATA_START - 1);
  // Rejection sampling from a density growing linearly over the window, times the sales calendar.
  for (;;) {
    const day = rng.int(DATA_START, DATA_END);
    const x = (day - DATA_START) / (DATA_END - DATA_START);
    const density = ((1 + SIGNUP_GROWTH * x) / (1 + SIGNUP_GROWTH)) * (signupSeasonality(day) / 2.5);
    if (rng.uniform() < density) return day;
  }
}

function acquisitionChannel(rng: ReturnType<typeof stream>, day: number): AcquisitionChannel {
  const x = Math.min(1, Math.max(0, (day - DATA_START) / (DATA_END - DATA_START)));
  return rng.weighted(ACQUISITION_MIX.map(([c, start, end]) => [c, start + (end - start) * x] as const));
}

export function makeCustomers(): Customer[] {
  const rng = stream("customers");
  const traits = stream("customer-traits");
  const takenEmails = new Set<string>();
  const drafts: Omit<Customer, "id">[] = [];

  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const gender: Gender = rng.chance(0.54) ? "Female" : "Male";
    const person = rng.chance(CHINESE_NAME_SHARE) ? chineseName(rng, gender) : englishName(rng, gender);
    const signup = signupDay(rng);
    const [region, , cities] = rng.weighted(REGIONS.map((r) => [r, r[1]] as const));
    const city = rng.weighted(cities);
    const channel = acquisitionChannel(rng, signup);
    // Age at sign-up: 18 plus a right-skewed spread (mean ≈ 33).
    const ageDays = Math.round((18 + Math.min(57, rng.gamma(2.5, 6))) * 365.25);
    const email = emailFor(rng, person, takenEmails);
    const phone = phoneFor(rng);

    const satisfaction = traits.normal();
    const dropout = traits.beta(DROPOUT_A, DROPOUT_B) * Math.exp(-DROPOUT_SATISFACTION_EFFECT * satisfaction);
    drafts.push({
      name: person.name,
      email: rng.chance(MISSING_EMAIL_SHARE) ? "" : email,
      phone: rng.chance(MISSING_PHONE_SHARE) ? "" : phone,
      gender: rng.chance(MISSING_GENDER_SHARE) ? "" : gender,
      birthDate: rng.chance(MISSING_BIRTH_DATE_SHARE) ? "" : isoOf(signup - ageDays - rng.int(0, 364)),
      region,
      city,
      acquisitionChannel: channel,
      signupDay: signup,
      tier: "",
      chineseName: person.chinese,
      isLead: traits.chance(LEAD_SHARE),
      purchaseRate: traits.gamma(RATE_SHAPE, RATE_SCALE),
      dropoutProbability: Math.min(0.9, dropout),
      satisfaction,
      spendMultiplier: traits.gamma(SPEND_SHAPE, 1 / SPEND_SHAPE),
      favouriteCategory: traits.chance(FAVOURITE_CATEGORY_SHARE) ? traits.weighted(CATEGORY_MIX) : null,
      // Customers keep buying where they came from; referred ones anywhere.
      preferredChannel: channel === "Referral" ? traits.weighted(ORDER_CHANNEL_MIX) : channel,
    });
  }

  // Customer numbers are handed out in sign-up order, as a CRM would.
  drafts.sort((a, b) => a.signupDay - b.signupDay);
  return drafts.map((d, i) => ({ ...d, id: `C${String(i + 1).padStart(5, "0")}` }));
}

/**
 * Spoils a handful of records on purpose: six invalid e-mail addresses and five invalid
 * phone numbers (customers chosen at random among those who have one).
 */
export function plantCustomerProblems(customers: Customer[]): Omit<PlantedCustomerProblems, "duplicateIds"> {
  const rng = stream("customer-problems");
  const invalidEmails: { id: string; email: string }[] = [];
  const invalidPhones: { id: string; phone: string }[] = [];
  const used = new Set<string>();

  const chooseWith = (has: (c: Customer) => boolean): Customer => {
    for (;;) {
      const c = rng.pick(customers);
      if (has(c) && !used.has(c.id)) {
        used.add(c.id);
        return c;
      }
    }
  };
  for (const corrupt of EMAIL_CORRUPTIONS) {
    const c = chooseWith((x) => x.email !== "");
    c.email = corrupt(c.email);
    invalidEmails.push({ id: c.id, email: c.email });
  }
  for (const bad of INVALID_PHONES) {
    const c = chooseWith((x) => x.phone !== "");
    c.phone = bad;
    invalidPhones.push({ id: c.id, phone: c.phone });
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return { invalidEmails: invalidEmails.sort(byId), invalidPhones: invalidPhones.sort(byId) };
}

export const CUSTOMER_HEADER = [
  "customer_id", "name", "email", "phone", "gender", "birth_date", "region", "city",
  "acquisition_channel", "signup_date", "tier",
] as const;

export function customerRow(c: Customer): string[] {
  return [c.id, c.name, c.email, c.phone, c.gender, c.birthDate, c.region, c.city, c.acquisitionChannel, isoOf(c.signupDay), c.tier];
}

/**
 * Loyalty tiers by total spend on completed orders (CNY, as written in orders.csv), so
 * that tier and spend always agree. Leads are Bronze.
 */
export const TIER_THRESHOLDS: readonly (readonly [string, number])[] = [
  ["Platinum", 20_000],
  ["Gold", 8_000],
  ["Silver", 2_000],
  ["Bronze", 0],
];

export function assignTiers(customers: Customer[], spendById: ReadonlyMap<string, number>): void {
  for (const c of customers) {
    const spend = spendById.get(c.id) ?? 0;
    c.tier = TIER_THRESHOLDS.find(([, min]) => spend >= min)?.[0] ?? "Bronze";
  }
}

/** Two customers whose rows appear twice, verbatim (appended at the end of the file). */
export function chooseDuplicates(customers: readonly Customer[], avoid: ReadonlySet<string>): Customer[] {
  const rng = stream("customer-duplicates");
  const chosen: Customer[] = [];
  while (chosen.length < 2) {
    const c = rng.pick(customers);
    if (!avoid.has(c.id) && !chosen.includes(c)) chosen.push(c);
  }
  return chosen.sort((a, b) => (a.id < b.id ? -1 : 1));
}
