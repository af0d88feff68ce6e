/**
 * The benchmark's data set: orders, customers and feedback files of one size, deterministic
 * (seeded mulberry32 from scripts/demo/prng.ts, no clock, no Math.random), generated once
 * into bench-results/ and reused while the manifest says they were made the same way.
 */
import { FIRST_DAY, LAST_DAY, SEED } from "./calendar.ts";
import { CUSTOMERS_VERSION, writeCustomers } from "./customers-file.ts";
import { FEEDBACK_VERSION, writeFeedback } from "./feedback-file.ts";
import { ensureCachedFile, type CachedFile } from "./file-cache.ts";
import { ORDERS_VERSION, writeOrders } from "./orders-file.ts";

/** Row counts of the three files. */
export interface DataSpec {
  orders: number;
  customers: number;
  feedback: number;
}

export interface DataFile {
  path: string;
  bytes: number;
  rows: number;
}

export interface DataSet extends DataSpec {
  files: { orders: DataFile; customers: DataFile; feedback: DataFile };
  /** Total size of the three files. */
  bytes: number;
  /** What the Overview's orders KPI must show: orders that are not returned or cancelled. */
  expectedOrders: number;
  /** What the Overview's NPS KPI must show. */
  expectedNps: number;
  /** How many of the files were generated now (the rest came from the cache). */
  generated: number;
}

/** The three files in the order they are dropped. */
export const dataFiles = (set: DataSet): DataFile[] => [set.files.orders, set.files.customers, set.files.feedback];

const fileOf = (cached: CachedFile, rows: number): DataFile => ({ path: cached.path, bytes: cached.bytes, rows });

export function ensureDataSet(dir: string, spec: DataSpec): DataSet {
  const common = { seed: SEED, from: FIRST_DAY, to: LAST_DAY };
  const orders = ensureCachedFile(dir, `orders-${spec.orders}.csv`, { v: ORDERS_VERSION, ...common, orders: spec.orders, customers: spec.customers },
    (path) => writeOrders(path, spec.orders, spec.customers));
  const customers = ensureCachedFile(dir, `customers-${spec.customers}.csv`, { v: CUSTOMERS_VERSION, ...common, customers: spec.customers },
    (path) => writeCustomers(path, spec.customers));
  const feedback = ensureCachedFile(dir, `feedback-${spec.feedback}-${spec.customers}.csv`, { v: FEEDBACK_VERSION, ...common, feedback: spec.feedback, customers: spec.customers },
    (path) => writeFeedback(path, spec.feedback, spec.customers));
  const all = [orders, customers, feedback];
  return {
    ...spec,
    files: { orders: fileOf(orders, spec.orders), customers: fileOf(customers, spec.customers), feedback: fileOf(feedback, spec.feedback) },
    bytes: all.reduce((sum, f) => sum + f.bytes, 0),
    expectedOrders: orders.facts.expectedOrders ?? 0,
    expectedNps: feedback.facts.expectedNps ?? 0,
    generated: all.filter((f) => !f.reused).length,
  };
}
