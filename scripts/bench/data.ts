/**
 * The benchmark's orders files: deterministic (seeded mulberry32 from scripts/demo/prng.ts,
 * no clock, no Math.random), generated once into bench-results/ and reused while the
 * manifest says they were made with the same parameters.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../demo/prng.ts";

/** Bump when the generator changes what it writes: every cached file is then regenerated. */
const GENERATOR_VERSION = 1;
const SEED = 20250101;
const FIRST_DAY = "2023-01-01";
const LAST_DAY = "2025-12-31";
const HEADER = "order_id,customer_id,order_date,amount,currency,channel,category,status";
/** Rows per write call: big enough to be fast, small enough to keep memory flat. */
const ROWS_PER_CHUNK = 20_000;

// Short codes, as many exports write them: they keep 1M orders near 50 MB.
const CHANNELS = [["web", 40], ["app", 30], ["wechat", 15], ["store", 10], ["marketplace", 5]] as const;
const CATEGORIES = [["food", 30], ["apparel", 22], ["beauty", 16], ["home", 14], ["books", 10], ["electronics", 8]] as const;
/** "returned" and "cancelled" are both return words for the app (canonical.ts), so neither counts as an order. */
const STATUSES = [["paid", 95], ["returned", 3], ["cancelled", 2]] as const;
const COUNTED_STATUS = "paid";

export interface OrdersSpec {
  orders: number;
  customers: number;
}

export interface OrdersFile extends OrdersSpec {
  path: string;
  bytes: number;
  /** What the Overview's orders KPI must show: orders that are not returned or cancelled. */
  expectedOrders: number;
}

interface ManifestEntry {
  key: string;
  bytes: number;
  expectedOrders: number;
}
type Manifest = Record<string, ManifestEntry>;

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Everything that decides a file's bytes; a cached file is reused only when this matches. */
function specKey(spec: OrdersSpec): string {
  return JSON.stringify({ v: GENERATOR_VERSION, seed: SEED, from: FIRST_DAY, to: LAST_DAY, ...spec });
}

/** Order days, sorted, denser towards the end (a growing shop), as exports usually come date-ordered. */
function orderDays(rng: Rng, count: number, dayCount: number): Int32Array {
  const days = new Int32Array(count);
  // u^0.8 has an increasing density on [0, 1): roughly 1.5× more orders at the end than at the start.
  for (let i = 0; i < count; i++) days[i] = Math.floor(dayCount * Math.pow(rng.uniform(), 0.8));
  return days.sort();
}

/** Writes one orders file; returns how many orders the app should count. */
function writeOrders(path: string, spec: OrdersSpec): number {
  const rng = new Rng(SEED ^ spec.orders);
  const first = dayOf(FIRST_DAY);
  const dayCount = dayOf(LAST_DAY) - first + 1;
  const isoDays = Array.from({ length: dayCount }, (_, d) => isoOf(first + d));
  const days = orderDays(rng, spec.orders, dayCount);
  const orderWidth = String(spec.orders).length;
  const customerWidth = String(spec.customers).length;

  const fd = openSync(path, "w");
  let counted = 0;
  try {
    writeSync(fd, HEADER + "\n");
    let lines: string[] = [];
    for (let i = 0; i < spec.orders; i++) {
      // u^1.5 skews purchases towards low customer numbers: a few heavy buyers, a long tail.
      const customer = 1 + Math.floor(spec.customers * Math.pow(rng.uniform(), 1.5));
      const amount = Math.min(rng.lognormal(120, 0.8), 20_000).toFixed(2);
      const status = rng.weighted(STATUSES);
      if (status === COUNTED_STATUS) counted++;
      const orderId = `O${String(i + 1).padStart(orderWidth, "0")}`;
      const customerId = `C${String(customer).padStart(customerWidth, "0")}`;
      const day = isoDays[days[i] ?? 0];
      lines.push(`${orderId},${customerId},${day},${amount},CNY,${rng.weighted(CHANNELS)},${rng.weighted(CATEGORIES)},${status}`);
      if (lines.length === ROWS_PER_CHUNK) {
        writeSync(fd, lines.join("\n") + "\n");
        lines = [];
      }
    }
    if (lines.length > 0) writeSync(fd, lines.join("\n") + "\n");
  } finally {
    closeSync(fd);
  }
  return counted;
}

function readManifest(path: string): Manifest {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return {};
  }
}

/** The orders file for a spec, from the cache when the manifest vouches for it, else freshly written. */
export function ensureOrdersFile(dir: string, spec: OrdersSpec): OrdersFile & { reused: boolean } {
  mkdirSync(dir, { recursive: true });
  const name = `orders-${spec.orders}.csv`;
  const path = join(dir, name);
  const manifestPath = join(dir, "manifest.json");
  const manifest = readManifest(manifestPath);
  const cached = manifest[name];
  if (cached && cached.key === specKey(spec) && existsSync(path) && statSync(path).size === cached.bytes) {
    return { ...spec, path, bytes: cached.bytes, expectedOrders: cached.expectedOrders, reused: true };
  }
  const expectedOrders = writeOrders(path, spec);
  const bytes = statSync(path).size;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, [name]: { key: specKey(spec), bytes, expectedOrders } }, null, 2) + "\n");
  return { ...spec, path, bytes, expectedOrders, reused: false };
}
