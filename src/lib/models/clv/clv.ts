/**
 * Customer lifetime value by the `lifetimes` library's method (`customer_lifetime_value` of
 * `GammaGammaFitter`, after Fader, Hardie & Lee 2005 for the purchases and Fader & Hardie's
 * Gamma-Gamma note for the spend):
 *
 *     CLV = Σ_{i=1..months} margin · E[M | x, m] · (E[Y(i·f)] − E[Y((i−1)·f)]) / (1 + d)^i
 *
 * with E[Y(t)] = E[Y(t) | x, t_x, T] the BG/NBD conditional expected purchases, E[M | x, m]
 * the Gamma-Gamma expected spend, d the monthly discount rate and f the length of a month in
 * the model's time unit: 30 days or 4.345 weeks, as in `lifetimes`.
 *
 * The spend does not depend on i, so CLV = margin · E[M | x, m] · S(x, t_x, T) with
 * S = Σ_i ΔE[Y]_i / (1 + d)^i; the batch helper computes S once per distinct (x, t_x, T).
 */
import { conditionalExpectedPurchases } from "./bgnbd.ts";
import type { BgnbdParams, RfCustomer } from "./bgnbd.ts";
import { expectedSpend } from "./gamma-gamma.ts";
import type { GammaGammaParams } from "./gamma-gamma.ts";

export interface ClvOptions {
  /** Horizon in months. */
  months: number;
  /** Discount rate per month, e.g. 0.01. */
  monthlyDiscount: number;
  /** Share of spend that is profit, e.g. 1 for revenue. */
  margin: number;
  /** Time unit of the BG/NBD parameters and the customer's t_x and T. */
  unit: "day" | "week";
}

export type ClvCustomer = RfCustomer & { m: number };

/** Length of a month in each time unit, as in `lifetimes` ("D": 30, "W": 4.345). */
export const UNITS_PER_MONTH = { day: 30, week: 4.345 } as const;

/** S(x, t_x, T) = Σ_i (E[Y(i·f)] − E[Y((i−1)·f)]) / (1 + d)^i. */
function discountedPurchases(bgnbd: BgnbdParams, customer: RfCustomer, options: ClvOptions): number {
  const monthLength = UNITS_PER_MONTH[options.unit];
  let sum = 0;
  let previous = 0; // E[Y(0)] = 0
  for (let i = 1; i <= options.months; i++) {
    const cumulative = conditionalExpectedPurchases(bgnbd, i * monthLength, customer);
    sum += (cumulative - previous) / (1 + options.monthlyDiscount) ** i;
    previous = cumulative;
  }
  return sum;
}

/** CLV of one customer (see the module doc). */
export function customerLifetimeValue(bgnbd: BgnbdParams, gg: GammaGammaParams, customer: ClvCustomer, options: ClvOptions): number {
  return options.margin * expectedSpend(gg, customer.x, customer.m) * discountedPurchases(bgnbd, customer, options);
}

/** CLV of many customers, in order; customers with equal (x, t_x, T) share the purchase sum. */
export function customerLifetimeValues(
  bgnbd: BgnbdParams,
  gg: GammaGammaParams,
  customers: readonly ClvCustomer[],
  options: ClvOptions,
): Float64Array {
  const purchaseSums = new Map<string, number>();
  return Float64Array.from(customers, (c) => {
    const key = `${c.x}|${c.tx}|${c.T}`;
    let purchases = purchaseSums.get(key);
    if (purchases === undefined) {
      purchases = discountedPurchases(bgnbd, c, options);
      purchaseSums.set(key, purchases);
    }
    return options.margin * expectedSpend(gg, c.x, c.m) * purchases;
  });
}
