/**
 * Fits the BG/NBD and Gamma-Gamma models on `clv_inputs` and writes each customer's
 * P(alive), expected purchases over the horizon and CLV into customer_summary, and the
 * parameters into model_params (PRODUCT.md names: bgnbd r, alpha, a, b; gamma_gamma p, q, v).
 * When the data cannot support a fit, says why instead (ClvFitInfo.status).
 */
import type { Database } from "sql.js";
import {
  conditionalExpectedPurchases,
  customerLifetimeValues,
  fitBgnbd,
  fitGammaGamma,
  pAlive,
  type BgnbdParams,
  type GammaGammaParams,
} from "../models/clv/index.ts";
import { BulkInserter } from "./bulk-insert.ts";
import { UNIT_DAYS } from "./derive.ts";
import type { AnalysisSettings, ClvFitInfo } from "./protocol.ts";

/** Fewer customers than this, or fewer repeat buyers, cannot pin four parameters down. */
export const MIN_CUSTOMERS = 30;
export const MIN_REPEAT_CUSTOMERS = 10;

interface Customer {
  id: string;
  x: number;
  tx: number;
  T: number;
  m: number;
}

/** Fitted parameters, kept by the engine so that a new horizon or margin does not refit. */
export interface ClvModels {
  bgnbd: BgnbdParams & { logLikelihood: number };
  gammaGamma: GammaGammaParams | null;
}

function readInputs(db: Database): Customer[] {
  const rows = db.exec("SELECT customer_id, x, t_x, T, m FROM clv_inputs")[0]?.values ?? [];
  return rows.map(([id, x, tx, T, m]) => ({ id: String(id), x: Number(x), tx: Number(tx), T: Number(T), m: Number(m) }));
}

/** Fits both models, or returns the reason the data cannot support a fit. */
export function fitClvModels(db: Database, unit: AnalysisSettings["unit"]): { info: ClvFitInfo; models: ClvModels | null } {
  const started = performance.now();
  const customers = readInputs(db);
  const repeat = customers.filter((c) => c.x > 0);
  const info = (status: ClvFitInfo["status"], models: ClvModels | null): { info: ClvFitInfo; models: ClvModels | null } => ({
    info: {
      status,
      unit,
      customers: customers.length,
      repeatCustomers: repeat.length,
      bgnbd: models?.bgnbd ?? null,
      gammaGamma: models?.gammaGamma ?? null,
      fitMs: Math.round(performance.now() - started),
    },
    models,
  });
  if (customers.length === 0) return info("no_orders", null);
  if (repeat.length === 0) return info("no_repeat", null);
  if (customers.length < MIN_CUSTOMERS || repeat.length < MIN_REPEAT_CUSTOMERS) return info("too_few", null);
  const bgnbd = fitBgnbd(customers.map(({ x, tx, T }) => ({ x, tx, T })));
  const finite = Object.values(bgnbd.params).every(Number.isFinite);
  if (!bgnbd.converged || !finite) return info("no_convergence", null);
  const spenders = repeat.filter((c) => c.m > 0).map(({ x, m }) => ({ x, m }));
  const spend = spenders.length >= MIN_REPEAT_CUSTOMERS ? fitGammaGamma(spenders) : null;
  // q ≤ 1 gives an infinite mean spend: the spend model says nothing then.
  const gammaGamma = spend && spend.converged && spend.params.q > 1 ? spend.params : null;
  return info("fitted", { bgnbd: { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood }, gammaGamma });
}

/** Writes p_alive, expected_purchases and clv per customer, and model_params. */
export function writeClvOutputs(db: Database, models: ClvModels | null, settings: AnalysisSettings): void {
  db.run("DELETE FROM model_params");
  db.run("UPDATE customer_summary SET p_alive = NULL, expected_purchases = NULL, clv = NULL");
  if (!models) return;
  const { bgnbd, gammaGamma } = models;
  const params = new BulkInserter(db, "model_params", ["model", "name", "value"]);
  for (const name of ["r", "alpha", "a", "b"] as const) params.add(["bgnbd", name, bgnbd[name]]);
  if (gammaGamma) for (const name of ["p", "q", "v"] as const) params.add(["gamma_gamma", name, gammaGamma[name]]);
  params.finish();

  const horizon = settings.clv.horizonDays / UNIT_DAYS[settings.unit];
  const options = { months: settings.clv.months, monthlyDiscount: settings.clv.monthlyDiscount, margin: settings.clv.margin, unit: settings.unit };
  db.run("DROP TABLE IF EXISTS temp._clv");
  db.run("CREATE TEMP TABLE _clv (customer_id TEXT PRIMARY KEY, p_alive REAL, expected_purchases REAL, clv REAL)");
  const out = new BulkInserter(db, "_clv", ["customer_id", "p_alive", "expected_purchases", "clv"]);
  const customers = readInputs(db);
  const clvs = gammaGamma ? customerLifetimeValues(bgnbd, gammaGamma, customers, options) : null;
  customers.forEach((c, i) => out.add([c.id, pAlive(bgnbd, c), conditionalExpectedPurchases(bgnbd, horizon, c), clvs?.[i] ?? null]));
  out.finish();
  db.run(
    `UPDATE customer_summary SET p_alive = c.p_alive, expected_purchases = c.expected_purchases, clv = c.clv
     FROM _clv AS c WHERE c.customer_id = customer_summary.customer_id`,
  );
  db.run("DROP TABLE temp._clv");
}
