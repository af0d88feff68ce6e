/**
 * The RFM score rules with the data's numbers, on the tiny shop (tests/fixtures/tiny-shop.ts):
 * buyers A (recency 1, 3 orders, 200), B (31, 1, 200), C (291, 1, 80). Ranks cut into 5 equal
 * bins over ranks 1–3 (width 0.4): recency ranks 1, 2, 3 → bins 1, 3, 5 → R 5, 3, 1; orders
 * tie B and C at rank 1 (bin 1), A rank 3 (bin 5); spend ranks C 1, A and B 2 — over ranks 1–2
 * (width 0.2) → bins 1 and 5.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { loadRfmRanges } from "../../../src/lib/analytics/rfm-ranges.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";
import { CUSTOMERS, FEEDBACK, ORDERS } from "../../fixtures/tiny-shop.ts";

let engine: Engine;

beforeAll(async () => {
  engine = await newEngine();
  const result = await engine.load([csvFile("orders.csv", ORDERS), csvFile("customers.csv", CUSTOMERS), csvFile("feedback.csv", FEEDBACK)], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
});

describe("RFM score ranges", () => {
  it("give each score's range of recency, orders and spend, best score first", async () => {
    const ranges = await loadRfmRanges(queryFnOf(engine));
    expect(ranges.r).toEqual([
      { score: 5, min: 1, max: 1, customers: 1 },
      { score: 3, min: 31, max: 31, customers: 1 },
      { score: 1, min: 291, max: 291, customers: 1 },
    ]);
    expect(ranges.f).toEqual([
      { score: 5, min: 3, max: 3, customers: 1 },
      { score: 1, min: 1, max: 1, customers: 2 },
    ]);
    expect(ranges.m).toEqual([
      { score: 5, min: 200, max: 200, customers: 2 },
      { score: 1, min: 80, max: 80, customers: 1 },
    ]);
  });
});
