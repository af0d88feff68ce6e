/**
 * Generates the built-in demo data set of CRM Lens into public/demo/.
 *
 *   npx tsx scripts/generate-demo.ts
 *
 * Deterministic: every random draw comes from seeded streams (scripts/demo/prng.ts), no
 * clock is read, so every run writes byte-identical files. The data tell the stories the
 * course teaches — heterogeneous buyers who drop out (BG/NBD), seasonality of Chinese
 * e-commerce, growth, satisfaction that predicts churn, contract churn — and carry a
 * small, exactly known set of planted data problems for the data-quality report (listed
 * on stdout and in the module comments).
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CUSTOMER_HEADER, assignTiers, chooseDuplicates, customerRow, makeCustomers, plantCustomerProblems } from "./demo/customers.ts";
import { writeCsv } from "./demo/csv.ts";
import { isoOf } from "./demo/dates.ts";
import { FEEDBACK_HEADER, assignPriorities, feedbackRow, plantFeedbackProblems } from "./demo/feedback.ts";
import { INTERACTION_HEADER, interactionRow, makeInteractions } from "./demo/interactions.ts";
import { ORDER_HEADER, orderRow, plantOrderProblems, simulate, unknownCustomerOrders } from "./demo/orders.ts";
import type { Order } from "./demo/orders.ts";
import { stream } from "./demo/prng.ts";
import { SUBSCRIBER_HEADER, makeSubscribers, subscriberRow } from "./demo/subscription.ts";

const OUT_DIR = fileURLToPath(new URL("../public/demo/", import.meta.url));

const byDayThenCustomer = (a: { day: number; customerId: string }, b: { day: number; customerId: string }) =>
  a.day - b.day || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

/** Amount as the file shows it, or null when it does not parse as a number. */
function writtenAmount(o: Order): number | null {
  return /^-?\d+(\.\d+)?$/.test(o.amountText) ? Number(o.amountText) : null;
}
function writtenDateValid(o: Order): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(o.dateText) && isoOf(o.day) === o.dateText;
}

function main(): void {
  // Customers and their (hidden) behaviour.
  const customers = makeCustomers();
  const known = new Set(customers.map((c) => c.id));
  const signup = new Map(customers.map((c) => [c.id, c.signupDay]));
  const sim = simulate(customers);

  // Orders: sorted by date, numbered, then a few spoiled on purpose.
  const orders = [...sim.orders, ...unknownCustomerOrders()].sort(byDayThenCustomer);
  orders.forEach((o, i) => (o.id = `O${String(i + 1).padStart(6, "0")}`));
  for (const o of orders) {
    const s = signup.get(o.customerId);
    if (s !== undefined && o.day < s) throw new Error(`order ${o.id} before sign-up`);
  }
  const orderProblems = plantOrderProblems(orders, (id) => known.has(id));

  // Tiers follow spend on completed orders, as written.
  const spend = new Map<string, number>();
  for (const o of orders) {
    const amount = writtenAmount(o);
    if (o.status === "completed" && amount !== null) spend.set(o.customerId, (spend.get(o.customerId) ?? 0) + amount);
  }
  assignTiers(customers, spend);

  // Spoiled contact data and the two duplicated rows.
  const contactProblems = plantCustomerProblems(customers);
  const spoiled = new Set([...contactProblems.invalidEmails, ...contactProblems.invalidPhones].map((x) => x.id));
  const duplicates = chooseDuplicates(customers, spoiled);

  // Feedback: sorted by date, numbered, given priorities, then quoting cases, out-of-range
  // scores and impossible service times planted.
  const feedback = [...sim.feedback].sort(byDayThenCustomer);
  feedback.forEach((f, i) => (f.id = `F${String(i + 1).padStart(5, "0")}`));
  assignPriorities(feedback, stream("feedback-priority"));
  const feedbackProblems = plantFeedbackProblems(feedback, stream("feedback-problems"));

  const interactions = makeInteractions(customers, orders, feedback, sim.dropoutDay);
  const subscribers = makeSubscribers();

  const counts = {
    "customers.csv": writeCsv(OUT_DIR + "customers.csv", CUSTOMER_HEADER, [...customers, ...duplicates].map(customerRow)),
    "orders.csv": writeCsv(OUT_DIR + "orders.csv", ORDER_HEADER, orders.map(orderRow)),
    "feedback.csv": writeCsv(OUT_DIR + "feedback.csv", FEEDBACK_HEADER, feedback.map(feedbackRow)),
    "interactions.csv": writeCsv(OUT_DIR + "interactions.csv", INTERACTION_HEADER, interactions.map(interactionRow)),
    "subscription/customers.csv": writeCsv(OUT_DIR + "subscription/customers.csv", SUBSCRIBER_HEADER, subscribers.map(subscriberRow)),
  };

  // Summary, computed from the values as written.
  const valid = orders.filter((o) => o.status === "completed" && writtenAmount(o) !== null && writtenDateValid(o));
  const revenue = valid.reduce((s, o) => s + (writtenAmount(o) ?? 0), 0);
  const unknownRevenue = valid.filter((o) => !known.has(o.customerId)).reduce((s, o) => s + (writtenAmount(o) ?? 0), 0);
  const buyers = new Set(valid.map((o) => o.customerId));
  const knownBuyers = [...buyers].filter((id) => known.has(id)).length;
  const unknownIds = [...new Set(orders.filter((o) => !known.has(o.customerId)).map((o) => o.customerId))].sort();
  const anyOrder = new Set(orders.filter((o) => known.has(o.customerId)).map((o) => o.customerId)).size;
  const dated = orders.filter(writtenDateValid).map((o) => o.day);
  // Scores as written, the planted out-of-range ones left out.
  const nps = feedback.filter((f) => f.npsText === undefined).map((f) => f.nps);
  const npsScore = (100 * (nps.filter((x) => x >= 9).length - nps.filter((x) => x <= 6).length)) / nps.length;
  const churned = subscribers.filter((s) => s.Churn === "Yes").length;
  let bytes = 0;
  for (const file of Object.keys(counts)) bytes += statSync(OUT_DIR + file).size;

  const money = (x: number) => x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const lines = [
    `CRM Lens demo data → public/demo/ (${bytes.toLocaleString("en-US")} bytes)`,
    ...Object.entries(counts).map(([file, n]) => `  ${file.padEnd(28)} ${String(n).padStart(6)} rows`),
    `customers with ≥1 order: ${anyOrder} of ${customers.length} (with ≥1 completed, valid order: ${knownBuyers}; leads: ${customers.length - anyOrder}); plus ${buyers.size - knownBuyers} unknown customer ids in orders`,
    `revenue (completed orders, valid amount and date): CNY ${money(revenue)} over ${valid.length} orders (unknown customers: CNY ${money(unknownRevenue)})`,
    `order dates: ${isoOf(Math.min(...dated))} … ${isoOf(Math.max(...dated))}; statuses: ${["completed", "returned", "cancelled"].map((s) => `${s} ${orders.filter((o) => o.status === s).length}`).join(", ")}`,
    `feedback: NPS ${npsScore.toFixed(1)} (valid answers); subscription churn rate ${(churned / subscribers.length).toFixed(3)}`,
    "planted problems:",
    `  customers: duplicate ids ${duplicates.map((c) => c.id).join(", ")} (exact copies appended as the last 2 rows)`,
    `  customers: invalid emails ${contactProblems.invalidEmails.map((x) => `${x.id}=${x.email}`).join(", ")}`,
    `  customers: invalid phones ${contactProblems.invalidPhones.map((x) => `${x.id}=${x.phone}`).join(", ")}`,
    `  orders: unknown customers ${unknownIds.join(", ")} (${orders.filter((o) => !known.has(o.customerId)).length} orders)`,
    `  orders: ${orderProblems.map((p) => `${p.orderId} ${p.column}=${JSON.stringify(p.value)}`).join(", ")}`,
    `  feedback: out of range ${feedbackProblems.outOfRange.map((p) => `${p.id} ${p.column}=${p.value}`).join(", ")}`,
    `  feedback: impossible timings ${feedbackProblems.impossibleTimings.map((p) => `${p.id} ${p.column}=${p.value}`).join(", ")}`,
    `  feedback: comments with quotes ${feedbackProblems.quotedComments.join(", ")}; with a line break ${feedbackProblems.newlineComments.join(", ")}`,
  ];
  console.log(lines.join("\n"));
}

main();
