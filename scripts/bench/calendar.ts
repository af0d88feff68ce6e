/** The generated shop's calendar and customer IDs, shared by the orders, customers and feedback files. */
import type { Rng } from "../demo/prng.ts";

export const SEED = 20250101;
export const FIRST_DAY = "2023-01-01";
export const LAST_DAY = "2025-12-31";

const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Every ISO day from FIRST_DAY to LAST_DAY, index 0 = FIRST_DAY. */
export function isoDays(): string[] {
  const first = dayOf(FIRST_DAY);
  return Array.from({ length: dayOf(LAST_DAY) - first + 1 }, (_, d) => isoOf(first + d));
}

/** Day indexes, sorted, denser towards the end (a growing shop), as exports usually come date-ordered. */
export function sortedDays(rng: Rng, count: number, dayCount: number): Int32Array {
  const days = new Int32Array(count);
  // u^0.8 has an increasing density on [0, 1): roughly 1.5× more events at the end than at the start.
  for (let i = 0; i < count; i++) days[i] = Math.floor(dayCount * Math.pow(rng.uniform(), 0.8));
  return days.sort();
}

/** Customer number n (1-based) of `customers`, zero-padded: C00001. */
export const customerId = (n: number, customers: number): string => `C${String(n).padStart(String(customers).length, "0")}`;

/**
 * A customer for one order or feedback row: u^1.5 skews towards low customer numbers (a
 * few heavy buyers, a long tail), the same for both files so that heavy buyers speak most.
 */
export const skewedCustomer = (rng: Rng, customers: number): number => 1 + Math.floor(customers * Math.pow(rng.uniform(), 1.5));
