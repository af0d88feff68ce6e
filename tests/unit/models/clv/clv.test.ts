import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases } from "../../../../src/lib/models/clv/bgnbd.ts";
import { customerLifetimeValue, customerLifetimeValues } from "../../../../src/lib/models/clv/clv.ts";
import type { ClvOptions } from "../../../../src/lib/models/clv/clv.ts";
import { expectedSpend } from "../../../../src/lib/models/clv/gamma-gamma.ts";

const BGNBD = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }; // weeks
const GG = { p: 6.25, q: 3.74, v: 15.44 };
const CUSTOMER_1 = { x: 2, tx: 30.43, T: 38.86, m: 22.35 };

describe("customerLifetimeValue", () => {
  it("over one undiscounted month at margin 1 is spend × expected purchases in 30 days", () => {
    const daily = { ...BGNBD, alpha: BGNBD.alpha * 7 };
    const customer = { x: 2, tx: 213, T: 272, m: 22.35 };
    const options: ClvOptions = { months: 1, monthlyDiscount: 0, margin: 1, unit: "day" };
    // 24.6637… × E[Y(30) | 2, 213, 272]
    const expected = expectedSpend(GG, 2, 22.35) * conditionalExpectedPurchases(daily, 30, customer);
    expect(customerLifetimeValue(daily, GG, customer, options)).toBeCloseTo(expected, 12);
  });

  it("discounts month i by (1 + d)^i and scales by the margin, 4.345 weeks a month", () => {
    const options: ClvOptions = { months: 2, monthlyDiscount: 0.5, margin: 0.25, unit: "week" };
    const e1 = conditionalExpectedPurchases(BGNBD, 4.345, CUSTOMER_1);
    const e2 = conditionalExpectedPurchases(BGNBD, 8.69, CUSTOMER_1);
    const expected = 0.25 * expectedSpend(GG, 2, 22.35) * (e1 / 1.5 + (e2 - e1) / 2.25);
    expect(customerLifetimeValue(BGNBD, GG, CUSTOMER_1, options)).toBeCloseTo(expected, 12);
  });

  it("matches 12 months at 1 % a month computed independently with mpmath", () => {
    const options: ClvOptions = { months: 12, monthlyDiscount: 0.01, margin: 1, unit: "week" };
    expect(customerLifetimeValue(BGNBD, GG, CUSTOMER_1, options)).toBeCloseTo(36.28600276871499, 9);
    // x = 0: population mean spend, margin 30 %
    const newcomer = { x: 0, tx: 0, T: 38.86, m: 0 };
    expect(customerLifetimeValue(BGNBD, GG, newcomer, { ...options, margin: 0.3 })).toBeCloseTo(2.5067153016825134, 9);
  });

  it("is 0 over 0 months", () => {
    expect(customerLifetimeValue(BGNBD, GG, CUSTOMER_1, { months: 0, monthlyDiscount: 0.01, margin: 1, unit: "week" })).toBe(0);
  });
});

describe("customerLifetimeValues", () => {
  it("equals the single-customer value for each customer, in order", () => {
    const options: ClvOptions = { months: 12, monthlyDiscount: 0.01, margin: 0.8, unit: "week" };
    const customers = [CUSTOMER_1, { x: 0, tx: 0, T: 38.86, m: 0 }, { ...CUSTOMER_1, m: 50 }, { x: 5, tx: 20, T: 30, m: 12 }, { x: 0, tx: 0, T: 38.86, m: 0 }];
    const values = customerLifetimeValues(BGNBD, GG, customers, options);
    expect(values).toHaveLength(5);
    customers.forEach((c, i) => expect(values[i]).toBe(customerLifetimeValue(BGNBD, GG, c, options)));
    expect(values[2]).toBeGreaterThan(values[0] as number);
  });
});
