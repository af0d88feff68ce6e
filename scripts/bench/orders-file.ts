/** The benchmark's orders file: seeded, date-ordered, short codes as many exports write them. */
import { Rng } from "../demo/prng.ts";
import { customerId, isoDays, SEED, skewedCustomer, sortedDays } from "./calendar.ts";
import { writeCsvLines, type Facts } from "./file-cache.ts";

/** Bump when the generator changes what it writes: the cached file is then regenerated. */
export const ORDERS_VERSION = 1;
const HEADER = "order_id,customer_id,order_date,amount,currency,channel,category,status";
// Short codes keep 1M orders near 50 MB.
const CHANNELS = [["web", 40], ["app", 30], ["wechat", 15], ["store", 10], ["marketplace", 5]] as const;
const CATEGORIES = [["food", 30], ["apparel", 22], ["beauty", 16], ["home", 14], ["books", 10], ["electronics", 8]] as const;
/** "returned" and "cancelled" are both return words for the app (canonical.ts), so neither counts as an order. */
const STATUSES = [["paid", 95], ["returned", 3], ["cancelled", 2]] as const;
const COUNTED_STATUS = "paid";

/** Writes the orders; facts: `expectedOrders`, what the Overview's orders KPI must show. */
export function writeOrders(path: string, orders: number, customers: number): Facts {
  const rng = new Rng(SEED ^ orders);
  const days = isoDays();
  const orderDays = sortedDays(rng, orders, days.length);
  const orderWidth = String(orders).length;
  let counted = 0;
  writeCsvLines(path, HEADER, orders, (i) => {
    const customer = customerId(skewedCustomer(rng, customers), customers);
    const amount = Math.min(rng.lognormal(120, 0.8), 20_000).toFixed(2);
    const status = rng.weighted(STATUSES);
    if (status === COUNTED_STATUS) counted++;
    const orderId = `O${String(i + 1).padStart(orderWidth, "0")}`;
    return `${orderId},${customer},${days[orderDays[i] ?? 0]},${amount},CNY,${rng.weighted(CHANNELS)},${rng.weighted(CATEGORIES)},${status}`;
  });
  return { expectedOrders: counted };
}
