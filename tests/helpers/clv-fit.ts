/** Test helpers: BG/NBD and Gamma-Gamma fits as the engine reports them. */
import type { ClvFitInfo } from "../../src/lib/db/protocol.ts";

/** The published CDNOW fit (Fader, Hardie & Lee) as a fitted result; `fitMs` varies by test. */
export const cdnowFit = (fitMs = 120): ClvFitInfo => ({
  status: "fitted",
  unit: "week",
  customers: 2357,
  repeatCustomers: 1411,
  bgnbd: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259, logLikelihood: -9582.43 },
  gammaGamma: { p: 6.25, q: 3.74, v: 15.44 },
  fitMs,
});
