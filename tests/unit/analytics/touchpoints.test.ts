/**
 * The Overview's channel mix on the profile shop's touchpoints (tests/fixtures/profile-shop.ts),
 * counted by hand. Up to asof 2023-12-31 (P1's App push of 2024-01-05 is after it):
 *   P1 Email opened 02-09 · P1 Store visit purchased 09-01 · P1 Phone resolved 12-30
 *   P2 Email clicked 06-20 · P2 SMS no response 08-01 · P3 WeChat resolved 12-31
 *   P4 Email no response 02-01
 * → 7 touchpoints of 4 customers; outcomes no response 2, resolved 2, clicked 1, opened 1, purchased 1.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS, type QueryFn } from "../../../src/lib/analytics/filters.ts";
import { loadChannelMix } from "../../../src/lib/analytics/touchpoints.ts";
import type { DatasetInfo } from "../../../src/lib/db/protocol.ts";
import { PROFILE_CUSTOMERS, PROFILE_INTERACTIONS, PROFILE_ORDERS } from "../../fixtures/profile-shop.ts";
import { DEFAULT_SETTINGS, csvFile, loadedEngine } from "../../helpers/engine.ts";

let query: QueryFn;
let info: DatasetInfo;

beforeAll(async () => {
  const files = [csvFile("orders.csv", PROFILE_ORDERS), csvFile("customers.csv", PROFILE_CUSTOMERS), csvFile("interactions.csv", PROFILE_INTERACTIONS)];
  ({ query, info } = await loadedEngine(files, DEFAULT_SETTINGS, { confirm: true }));
});

describe("channel mix", () => {
  it("counts touchpoints by channel and outcome up to asof", async () => {
    const mix = await loadChannelMix(query, info, NO_FILTERS);
    expect(mix.total).toBe(7);
    expect(mix.customers).toBe(4);
    expect(mix.outcomes).toEqual(["no response", "resolved", "clicked", "opened", "purchased"]);
    expect(mix.rows).toEqual([
      { channel: "Email", total: 3, counts: [1, 0, 1, 1, 0], other: 0 },
      { channel: "Phone", total: 1, counts: [0, 1, 0, 0, 0], other: 0 },
      { channel: "SMS", total: 1, counts: [1, 0, 0, 0, 0], other: 0 },
      { channel: "Store visit", total: 1, counts: [0, 0, 0, 0, 1], other: 0 },
      { channel: "WeChat", total: 1, counts: [0, 1, 0, 0, 0], other: 0 },
    ]);
  });

  it("sums the less common outcomes as other", async () => {
    const mix = await loadChannelMix(query, info, NO_FILTERS, 2);
    expect(mix.outcomes).toEqual(["no response", "resolved"]);
    expect(mix.rows[0]).toEqual({ channel: "Email", total: 3, counts: [1, 0], other: 2 });
    expect(mix.rows.find((r) => r.channel === "Store visit")).toEqual({ channel: "Store visit", total: 1, counts: [0, 0], other: 1 });
  });

  it("obeys the customer filters and the date range", async () => {
    // West: P2 and P4 → Email clicked, Email no response, SMS no response.
    const west = await loadChannelMix(query, info, { ...NO_FILTERS, region: ["West"] });
    expect([west.total, west.customers]).toEqual([3, 2]);
    expect(west.rows.map((r) => [r.channel, r.total])).toEqual([["Email", 2], ["SMS", 1]]);
    // From 06-01: Email 06-20, SMS 08-01, Store visit 09-01, Phone 12-30, WeChat 12-31 of P1 P2 P3.
    const late = await loadChannelMix(query, info, { ...NO_FILTERS, from: "2023-06-01" });
    expect([late.total, late.customers]).toEqual([5, 3]);
    expect(late.rows.map((r) => r.channel)).toEqual(["Email", "Phone", "SMS", "Store visit", "WeChat"]);
  });
});
