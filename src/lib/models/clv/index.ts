/** Predictive customer-value models: BG/NBD purchases, Gamma-Gamma spend, CLV. */
export { betaln, gammaln, hyp2f1, hyp2f1TimesExp } from "./special.ts";
export type { Hyp2f1Options } from "./special.ts";
export { nelderMead } from "./optimize.ts";
export type { NelderMeadOptions, NelderMeadResult } from "./optimize.ts";
export {
  bgnbdLogLikelihood,
  bgnbdTotalLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgnbd,
  pAlive,
} from "./bgnbd.ts";
export type { BgnbdFit, BgnbdFitOptions, BgnbdParams, RfCustomer } from "./bgnbd.ts";
export { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from "./gamma-gamma.ts";
export type { GammaGammaFit, GammaGammaFitOptions, GammaGammaParams, SpendCustomer } from "./gamma-gamma.ts";
export { UNITS_PER_MONTH, customerLifetimeValue, customerLifetimeValues } from "./clv.ts";
export type { ClvCustomer, ClvOptions } from "./clv.ts";
