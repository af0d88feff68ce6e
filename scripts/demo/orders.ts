/**
 * The purchase process (orders.csv) and the feedback it triggers.
 *
 * Per customer, a BG/NBD-style story: after the first order (shortly after sign-up),
 * the customer buys as a Poisson process with their own rate, modulated by the sales
 * calendar (seasonality, by thinning); after each order they drop out for good with their
 * own probability. Some orders lead to feedback; a detractor's feedback makes an
 * immediate drop-out much more likely (so detractors churn more, visibly after the fact).
 */
import { CATEGORY_MIX, ORDER_CHANNEL_MIX, PRODUCTS, RETURN_RATE } from "./catalog.ts";
import type { Category, OrderChannel, Product } from "./catalog.ts";
import type { Customer } from "./customers.ts";
import { DATA_END, DATA_START, calendarOf, isoOf } from "./dates.ts";
import { makeFeedback, sentimentOf } from "./feedback.ts";
import type { FeedbackRecord, OrderStatus } from "./feedback.ts";
import type { Rng } from "./prng.ts";
import { stream } from "./prng.ts";
import { SEASONALITY_MAX, seasonality } from "./season.ts";

/** Share of buyers who order on the day they sign up; the others after ~ Exp(mean 8 days). */
const SAME_DAY_FIRST_ORDER = 0.45;
const FIRST_ORDER_MEAN_DELAY_DAYS = 8;
/** Share of orders in the customer's usual channel. */
const USUAL_CHANNEL_SHARE = 0.65;
/** Share of a customer's orders in their favourite category (when they have one). */
const FAVOURITE_CATEGORY_ORDER_SHARE = 0.5;
const CANCEL_RATE = 0.01;
/** Share of returns written as a negative amount (the others keep the amount, status "returned"). */
const NEGATIVE_RETURN_SHARE = 0.4;
/** Order amounts are kept within this range (resampled outside it). */
const MIN_AMOUNT = 35;
const MAX_AMOUNT = 4999;
/** Price noise around a product's typical price (lognormal sigma). */
const PRICE_SIGMA = 0.3;
/** Chance that an order leads to feedback, by status. */
const FEEDBACK_RATE: Record<OrderStatus, number> = { completed: 0.112, returned: 0.55, cancelled: 0.25 };
/** Chance of dropping out right after giving feedback, by sentiment. */
const CHURN_AFTER_DETRACTOR = 0.3;
const CHURN_AFTER_PASSIVE = 0.04;

export interface Order {
  id: string;
  customerId: string;
  day: number;
  amount: number;
  channel: OrderChannel;
  category: Category;
  product: string;
  status: OrderStatus;
  /** What goes into the file (spoiled on purpose for a few rows). */
  dateText: string;
  amountText: string;
}

export interface Simulation {
  orders: Order[];
  feedback: FeedbackRecord[];
  /** Per customer id: the day they dropped out (absent = still active at the data end). */
  dropoutDay: Map<string, number>;
}

function chooseProduct(rng: Rng, category: Category, day: number): Product {
  const month = calendarOf(day).month;
  const inSeason = PRODUCTS[category].filter((p) => !p.months || p.months.includes(month));
  return rng.pick(inSeason);
}

/** Amount of one order: the product's price × quantity × noise × the customer's spend level. */
function orderAmount(rng: Rng, product: Product, spendMultiplier: number): number {
  for (;;) {
    const quantity = rng.weighted([[1, 70], [2, 20], [3, 10]] as const);
    const amount = product.price * quantity * rng.lognormal(1, PRICE_SIGMA) * spendMultiplier;
    if (amount >= MIN_AMOUNT && amount <= MAX_AMOUNT) return Math.round(amount * 100) / 100;
  }
}

/** What an order needs to know about who places it. */
type Buyer = Pick<Customer, "id" | "favouriteCategory" | "spendMultiplier" | "preferredChannel">;

function makeOrder(rng: Rng, customer: Buyer, day: number): Order {
  const category =
    customer.favouriteCategory !== null && rng.chance(FAVOURITE_CATEGORY_ORDER_SHARE)
      ? customer.favouriteCategory
      : rng.weighted(CATEGORY_MIX);
  const product = chooseProduct(rng, category, day);
  const amount = orderAmount(rng, product, customer.spendMultiplier);
  const u = rng.uniform();
  const status: OrderStatus = u < RETURN_RATE[category] ? "returned" : u < RETURN_RATE[category] + CANCEL_RATE ? "cancelled" : "completed";
  const negative = status === "returned" && rng.chance(NEGATIVE_RETURN_SHARE);
  return {
    id: "",
    customerId: customer.id,
    day,
    amount: negative ? -amount : amount,
    channel: rng.chance(USUAL_CHANNEL_SHARE) ? customer.preferredChannel : rng.weighted(ORDER_CHANNEL_MIX),
    category,
    product: product.name,
    status,
    dateText: isoOf(day),
    amountText: (negative ? -amount : amount).toFixed(2),
  };
}

/** Next purchase day after `from` (fractional day), or null past the data end: thinning of a seasonal Poisson process. */
function nextPurchase(rng: Rng, from: number, rate: number): number | null {
  let t = from;
  for (;;) {
    t += rng.exponential(rate * SEASONALITY_MAX);
    if (t > DATA_END + 1) return null;
    if (rng.uniform() * SEASONALITY_MAX < seasonality(Math.floor(t))) return t;
  }
}

export function simulate(customers: readonly Customer[]): Simulation {
  const rng = stream("orders");
  const feedbackRng = stream("feedback");
  const orders: Order[] = [];
  const feedback: FeedbackRecord[] = [];
  const dropoutDay = new Map<string, number>();

  for (const customer of customers) {
    if (customer.isLead) continue;
    // Customers from before the data window: their history starts with the window.
    const start = Math.max(customer.signupDay, DATA_START);
    const delay = rng.chance(SAME_DAY_FIRST_ORDER) ? 0 : Math.ceil(rng.exponential(1 / FIRST_ORDER_MEAN_DELAY_DAYS));
    let t = Math.min(start + delay, DATA_END) + rng.uniform();

    for (;;) {
      const order = makeOrder(rng, customer, Math.floor(t));
      orders.push(order);

      let gone = false;
      if (feedbackRng.chance(FEEDBACK_RATE[order.status])) {
        const record = makeFeedback(feedbackRng, customer, order.day, order.status);
        if (record) {
          feedback.push(record);
          const sentiment = sentimentOf(record.nps);
          const churnChance = sentiment === "detractor" ? CHURN_AFTER_DETRACTOR : sentiment === "passive" ? CHURN_AFTER_PASSIVE : 0;
          gone = feedbackRng.chance(churnChance);
        }
      }
      // BG/NBD: after every order the customer may become inactive for good.
      if (gone || rng.chance(customer.dropoutProbability)) {
        dropoutDay.set(customer.id, order.day);
        break;
      }
      const next = nextPurchase(rng, t, customer.purchaseRate);
      if (next === null) break;
      t = next;
    }
  }
  return { orders, feedback, dropoutDay };
}

/**
 * Orders of customer numbers that are not in customers.csv (an export cut at a different
 * time, a deleted account): planted for the data-quality report. All are completed,
 * dated in 2024–2025.
 */
export const UNKNOWN_CUSTOMERS: readonly (readonly [string, number])[] = [
  ["C02101", 3],
  ["C02245", 3],
  ["C02378", 2],
  ["C02999", 2],
];

export function unknownCustomerOrders(): Order[] {
  const rng = stream("unknown-customers");
  const out: Order[] = [];
  for (const [id, count] of UNKNOWN_CUSTOMERS) {
    const buyer: Buyer = { id, favouriteCategory: null, spendMultiplier: 1, preferredChannel: rng.weighted(ORDER_CHANNEL_MIX) };
    for (let i = 0; i < count; i++) {
      let order: Order;
      do order = makeOrder(rng, buyer, rng.int(DATA_START + 365, DATA_END));
      while (order.status !== "completed");
      out.push(order);
    }
  }
  return out;
}

/** Values written instead of a valid amount or date on a few rows, for the data-quality report. */
export const BAD_ORDER_VALUES = {
  blankAmount: ["", "", "", ""],
  unparseableAmount: ["N/A", "TBD", "#VALUE!"],
  blankDate: ["", "", ""],
  unparseableDate: ["2024-02-30", "2024-13-05", "n/a"],
} as const;

export interface PlantedOrderProblem {
  orderId: string;
  column: "amount" | "order_date";
  value: string;
  kind: "blank" | "unparseable";
}

/** Spoils 13 completed orders of known customers (chosen at random) with the values above. */
export function plantOrderProblems(orders: Order[], knownCustomer: (id: string) => boolean): PlantedOrderProblem[] {
  const rng = stream("order-problems");
  const planted: PlantedOrderProblem[] = [];
  const used = new Set<number>();
  const choose = (): Order => {
    for (;;) {
      const i = rng.int(0, orders.length - 1);
      const o = orders[i];
      if (o && !used.has(i) && o.status === "completed" && knownCustomer(o.customerId)) {
        used.add(i);
        return o;
      }
    }
  };
  const plant = (values: readonly string[], column: PlantedOrderProblem["column"], kind: PlantedOrderProblem["kind"]) => {
    for (const value of values) {
      const o = choose();
      if (column === "amount") o.amountText = value;
      else o.dateText = value;
      planted.push({ orderId: o.id, column, value, kind });
    }
  };
  plant(BAD_ORDER_VALUES.blankAmount, "amount", "blank");
  plant(BAD_ORDER_VALUES.unparseableAmount, "amount", "unparseable");
  plant(BAD_ORDER_VALUES.blankDate, "order_date", "blank");
  plant(BAD_ORDER_VALUES.unparseableDate, "order_date", "unparseable");
  return planted.sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
}

export const ORDER_HEADER = ["order_id", "customer_id", "order_date", "amount", "currency", "channel", "category", "product", "status"] as const;

export const CURRENCY = "CNY";

export function orderRow(o: Order): string[] {
  return [o.id, o.customerId, o.dateText, o.amountText, CURRENCY, o.channel, o.category, o.product, o.status];
}
