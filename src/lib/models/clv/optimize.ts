/**
 * Nelder–Mead simplex minimisation, as in Lagarias, Reeds, Wright & Wright (1998),
 * "Convergence properties of the Nelder–Mead simplex method in low dimensions" (the variant
 * scipy's `minimize(method="Nelder-Mead")` and MATLAB's `fminsearch` use), with the standard
 * coefficients reflection 1, expansion 2, contraction ½, shrink ½.
 *
 * Start: x0 and x0 + step·eᵢ for each coordinate i. Each iteration orders the n + 1
 * vertices by f, reflects the worst through the centroid c of the others (x_r = c + (c − x_w)),
 * then takes the expansion c + 2(c − x_w) if x_r beat the best, x_r if it beat the second
 * worst, else the outside (c + ½(c − x_w)) or inside (c − ½(c − x_w)) contraction, and
 * shrinks every vertex halfway towards the best when the contraction fails too.
 *
 * Stops, `converged: true`, when every vertex is within `xTolerance` (default 10⁻⁸) of the
 * best in every coordinate and every f is within `fTolerance` (default 10⁻¹⁰) of the best f
 * (scipy's xatol and fatol); otherwise after `maxIterations` (default 2000) with
 * `converged: false`. The default initial step is 0.1. NaN values of f count as +∞, so
 * the simplex retreats from where f is undefined. The CLV fitters minimise over
 * log-parameters, which keeps the model parameters positive without constraints.
 */

export interface NelderMeadOptions {
  /** Iterations (reflections, expansions, contractions or shrinks) before giving up. */
  maxIterations?: number;
  /** Largest coordinate distance of any vertex from the best one at convergence. */
  xTolerance?: number;
  /** Largest difference of f at any vertex from the best one at convergence. */
  fTolerance?: number;
  /** Edge of the initial simplex along each coordinate. */
  initialStep?: number;
}

export interface NelderMeadResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const { maxIterations = 2000, xTolerance = 1e-8, fTolerance = 1e-10, initialStep = 0.1 } = options;
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const value = f(x);
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };
  /** c + t·(c − w), coordinate by coordinate. */
  const along = (c: number[], w: number[], t: number): number[] => c.map((ci, i) => ci + t * (ci - (w[i] as number)));

  let vertices: Vertex[] = [{ x: [...x0], f: evaluate([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = (x[i] as number) + initialStep;
    vertices.push({ x, f: evaluate(x) });
  }

  let iterations = 0;
  for (;;) {
    vertices.sort((p, q) => p.f - q.f);
    const best = vertices[0] as Vertex;
    const worst = vertices[n] as Vertex;
    const secondWorst = vertices[n - 1] as Vertex;
    const converged = vertices.every(
      (v) => Math.abs(v.f - best.f) <= fTolerance && v.x.every((xi, i) => Math.abs(xi - (best.x[i] as number)) <= xTolerance),
    );
    if (converged || iterations >= maxIterations) return { x: best.x, fx: best.f, iterations, evaluations, converged };
    iterations++;

    const centroid = new Array<number>(n).fill(0);
    for (const v of vertices.slice(0, n)) v.x.forEach((xi, i) => (centroid[i] = (centroid[i] as number) + xi / n));

    const reflected = along(centroid, worst.x, 1);
    const fReflected = evaluate(reflected);
    if (fReflected < best.f) {
      const expanded = along(centroid, worst.x, 2);
      const fExpanded = evaluate(expanded);
      vertices[n] = fExpanded < fReflected ? { x: expanded, f: fExpanded } : { x: reflected, f: fReflected };
      continue;
    }
    if (fReflected < secondWorst.f) {
      vertices[n] = { x: reflected, f: fReflected };
      continue;
    }
    const outside = fReflected < worst.f;
    const contracted = along(centroid, worst.x, outside ? 0.5 : -0.5);
    const fContracted = evaluate(contracted);
    if (outside ? fContracted <= fReflected : fContracted < worst.f) {
      vertices[n] = { x: contracted, f: fContracted };
      continue;
    }
    vertices = vertices.map((v, k) => {
      if (k === 0) return v;
      const x = v.x.map((xi, i) => (best.x[i] as number) + 0.5 * (xi - (best.x[i] as number)));
      return { x, f: evaluate(x) };
    });
  }
}
