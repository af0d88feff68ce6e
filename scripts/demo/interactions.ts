/**
 * Touchpoints (interactions.csv): marketing campaigns, service contacts, store visits and
 * win-back calls. Their outcomes follow what the customer does: campaign e-mails are
 * opened and clicked while a customer is active and mostly ignored after they drop out
 * (so falling interaction is a churn signal, as the course's early-warning chapter says);
 * "purchased" means an order followed within days.
 */
import type { Customer } from "./customers.ts";
import { CAMPAIGN_CHANNELS } from "./catalog.ts";
import { DATA_END, DATA_START, dayOf, isoOf } from "./dates.ts";
import type { FeedbackRecord } from "./feedback.ts";
import type { Order } from "./orders.ts";
import { stream } from "./prng.ts";

export interface Interaction {
  customerId: string;
  day: number;
  channel: string;
  type: "campaign" | "service" | "visit" | "call";
  outcome: "opened" | "clicked" | "purchased" | "no response" | "resolved";
}

interface Campaign {
  day: number;
  channels: readonly (typeof CAMPAIGN_CHANNELS)[number][];
  /** Share of the known customers it is sent to. */
  reach: number;
}

/** Monthly newsletter on the 10th, plus the big sales: new year, 618, Singles' Day, Double Twelve. */
function campaignCalendar(): Campaign[] {
  const campaigns: Campaign[] = [];
  for (let year = 2023; year <= 2025; year++) {
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, "0");
      campaigns.push({ day: dayOf(`${year}-${mm}-10`), channels: month % 2 === 0 ? ["WeChat"] : ["Email"], reach: 0.1 });
    }
    campaigns.push({ day: dayOf(`${year}-01-05`), channels: ["SMS", "WeChat"], reach: 0.15 });
    campaigns.push({ day: dayOf(`${year}-06-08`), channels: ["App push", "SMS"], reach: 0.22 });
    campaigns.push({ day: dayOf(`${year}-10-28`), channels: ["Email", "WeChat", "App push", "SMS"], reach: 0.3 });
    campaigns.push({ day: dayOf(`${year}-12-08`), channels: ["App push", "WeChat"], reach: 0.2 });
  }
  return campaigns.sort((a, b) => a.day - b.day);
}

/** [open, click] probabilities of a campaign message, for engaged and for lapsed customers. */
const RESPONSE: Record<(typeof CAMPAIGN_CHANNELS)[number], { engaged: [number, number]; lapsed: [number, number] }> = {
  Email: { engaged: [0.3, 0.1], lapsed: [0.07, 0.01] },
  SMS: { engaged: [0, 0.08], lapsed: [0, 0.01] }, // SMS opens are not tracked
  WeChat: { engaged: [0.4, 0.14], lapsed: [0.1, 0.02] },
  "App push": { engaged: [0.25, 0.09], lapsed: [0.04, 0.01] },
};
/** A customer counts as engaged until this many days after they dropped out. */
const ENGAGED_AFTER_DROPOUT_DAYS = 30;
/** An order within this many days after a campaign counts as its purchase (when attributed). */
const ATTRIBUTION_DAYS = 7;
const ATTRIBUTION_SHARE = 0.6;
/** Share of store orders that were logged as a store visit. */
const LOGGED_VISIT_SHARE = 0.45;
/** A win-back call may follow this many days without an order. */
const WIN_BACK_AFTER_DAYS = 120;
const WIN_BACK_CALL_SHARE = 0.35;

export function makeInteractions(
  customers: readonly Customer[],
  orders: readonly Order[],
  feedback: readonly FeedbackRecord[],
  dropoutDay: ReadonlyMap<string, number>,
): Interaction[] {
  const rng = stream("interactions");
  const out: Interaction[] = [];

  const orderDays = new Map<string, Order[]>();
  for (const o of orders) {
    const list = orderDays.get(o.customerId) ?? [];
    list.push(o);
    orderDays.set(o.customerId, list);
  }
  const ordered = (id: string, from: number, to: number, online: boolean): boolean =>
    (orderDays.get(id) ?? []).some((o) => o.day >= from && o.day <= to && (!online || o.channel !== "Retail store"));

  // Campaigns.
  for (const campaign of campaignCalendar()) {
    for (const c of customers) {
      if (c.signupDay > campaign.day || !rng.chance(campaign.reach)) continue;
      const channel = rng.pick(campaign.channels);
      const dropped = dropoutDay.get(c.id);
      const engaged = !c.isLead && (dropped === undefined || campaign.day <= dropped + ENGAGED_AFTER_DROPOUT_DAYS);
      let outcome: Interaction["outcome"];
      if (ordered(c.id, campaign.day, campaign.day + ATTRIBUTION_DAYS, true) && rng.chance(ATTRIBUTION_SHARE)) {
        outcome = "purchased";
      } else {
        const [open, click] = c.isLead ? [0.2, 0.05] : RESPONSE[channel][engaged ? "engaged" : "lapsed"];
        const r = rng.uniform();
        outcome = r < click ? "clicked" : r < click + open ? "opened" : "no response";
      }
      out.push({ customerId: c.id, day: campaign.day, channel, type: "campaign", outcome });
    }
  }

  // Service contacts behind complaints, inquiries and suggestions.
  for (const f of feedback) {
    if (f.category === "praise") continue;
    const channel =
      f.channel === "Phone" || f.channel === "WeChat" || f.channel === "Email" ? f.channel : rng.chance(0.5) ? "Phone" : "WeChat";
    out.push({ customerId: f.customerId, day: f.day, channel, type: "service", outcome: f.status === "resolved" ? "resolved" : "no response" });
  }

  // Store visits that ended in a purchase.
  for (const o of orders) {
    if (o.channel === "Retail store" && rng.chance(LOGGED_VISIT_SHARE)) {
      out.push({ customerId: o.customerId, day: o.day, channel: "Store visit", type: "visit", outcome: "purchased" });
    }
  }

  // Win-back calls after a long silence.
  for (const [id, list] of orderDays) {
    const days = [...new Set(list.map((o) => o.day))].sort((a, b) => a - b);
    for (let i = 0; i < days.length; i++) {
      const last = days[i] ?? 0;
      const next = days[i + 1] ?? Infinity;
      const callDay = last + WIN_BACK_AFTER_DAYS + rng.int(0, 20);
      if (callDay >= next || callDay > DATA_END || !rng.chance(WIN_BACK_CALL_SHARE)) continue;
      const outcome = ordered(id, callDay, callDay + 14, false) ? "purchased" : rng.chance(0.35) ? "resolved" : "no response";
      out.push({ customerId: id, day: callDay, channel: "Phone", type: "call", outcome });
    }
  }

  return out
    .filter((x) => x.day >= DATA_START && x.day <= DATA_END)
    .sort((a, b) => a.day - b.day || compare(a.customerId, b.customerId) || compare(a.type, b.type) || compare(a.channel, b.channel));
}

/** Plain code-unit comparison (no locale, so the order is the same everywhere). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const INTERACTION_HEADER = ["customer_id", "date", "channel", "type", "outcome"] as const;

export function interactionRow(x: Interaction): string[] {
  return [x.customerId, isoOf(x.day), x.channel, x.type, x.outcome];
}
