/**
 * KPI values worked out independently of the app: plain TypeScript over the CSV rows (no
 * SQL, no app code), following PRODUCT.md's definitions.
 */
import Papa from "papaparse";

const RETURN_WORDS = ["return", "refund", "cancel"];
const DAY_MS = 86_400_000;

export interface ShopKpis {
  customers: number;
  orders: number;
  revenue: number;
  repeatRate: number;
}

/** A real calendar date in ISO form (Date.parse alone accepts 2024-02-30). */
function isRealDate(iso: string): boolean {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
}

export function parseCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Orders rows with ISO dates and plain decimal amounts (the demo's own format). */
export function shopKpis(rows: Record<string, string>[]): ShopKpis {
  const valid = rows.filter((r) => {
    const amount = Number(r.amount);
    const status = (r.status ?? "").toLowerCase();
    return (
      r.amount !== "" && Number.isFinite(amount) && amount >= 0 &&
      isRealDate(r.order_date ?? "") &&
      (r.customer_id ?? "") !== "" && !RETURN_WORDS.some((w) => status.includes(w))
    );
  });
  const ordersPerCustomer = new Map<string, Set<string>>();
  const orderIds = new Set<string>();
  let revenue = 0;
  for (const r of valid) {
    revenue += Number(r.amount);
    orderIds.add(r.order_id as string);
    const set = ordersPerCustomer.get(r.customer_id as string) ?? new Set<string>();
    set.add(r.order_id as string);
    ordersPerCustomer.set(r.customer_id as string, set);
  }
  const repeaters = [...ordersPerCustomer.values()].filter((s) => s.size >= 2).length;
  return { customers: ordersPerCustomer.size, orders: orderIds.size, revenue, repeatRate: repeaters / ordersPerCustomer.size };
}

/** NPS over valid 0–10 scores: % promoters − % detractors. */
export function nps(scores: string[]): number {
  const valid = scores.filter((s) => /^\d+$/.test(s.trim())).map(Number).filter((n) => n >= 0 && n <= 10);
  const promoters = valid.filter((n) => n >= 9).length;
  const detractors = valid.filter((n) => n <= 6).length;
  return (100 * (promoters - detractors)) / valid.length;
}

export const isoDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
