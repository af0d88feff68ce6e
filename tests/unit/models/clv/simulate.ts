/**
 * Seeded synthetic customers drawn from the BG/NBD and Gamma-Gamma models themselves, for
 * tests that need a sample with an interior maximum-likelihood point.
 */

/** Uniform (0, 1) from a 32-bit linear congruential generator (Numerical Recipes constants). */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), boosted by U^(1/shape) for shape < 1. */
function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface Truth {
  r: number;
  alpha: number;
  a: number;
  b: number;
  p: number;
  q: number;
  v: number;
}

/** n customers observed for T ∈ [minT, maxT): x, t_x, T and the mean m of the repeat purchases (0 when x = 0). */
export function simulateCustomers(n: number, truth: Truth, minT: number, maxT: number, seed: number) {
  const random = uniform(seed);
  return Array.from({ length: n }, () => {
    const T = minT + (maxT - minT) * random();
    const lambda = gamma(truth.r, random) / truth.alpha;
    const g = gamma(truth.a, random);
    const dropout = g / (g + gamma(truth.b, random));
    let x = 0;
    let tx = 0;
    for (let t = -Math.log(random()) / lambda; t <= T; t += -Math.log(random()) / lambda) {
      x++;
      tx = t;
      if (random() < dropout) break;
    }
    const nu = gamma(truth.q, random) / truth.v;
    const m = x > 0 ? gamma(truth.p * x, random) / (nu * x) : 0;
    return { x, tx, T, m };
  });
}
