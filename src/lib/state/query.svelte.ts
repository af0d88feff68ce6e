/**
 * A value computed by an async function, rerun whenever the reactive state the function
 * reads changes (Evidence's `Query`, reduced to what the views need).
 *
 *   const kpis = new Query(() => {
 *     const info = dataset.info;           // read reactive inputs BEFORE the first await:
 *     const filters = view.filters;        // only synchronous reads are tracked
 *     return info ? loadKpis(dataset.query, info, filters) : null;
 *   });
 *   kpis.current  // the latest result (kept while a rerun is loading)
 *
 * Returning null means "nothing to run" (current becomes undefined). A result that arrives
 * after a newer run has started is dropped, so a slow old query never overwrites a new one.
 * Create it during component initialisation (it owns an $effect).
 *
 * "Show the SQL": a function that passes its query through `trace` keeps the statements it
 * sent, parameters included, in `statements` beside the result they made:
 *   new Query((trace) => loadChurnOverTime(trace(dataset.query), info, filters))
 */
import type { QueryFn } from "../analytics/filters.ts";

export interface SqlStatement {
  text: string;
  params: readonly (string | number | null)[];
}

/** Wraps a query function so that the statements sent through it are recorded for the run. */
export type SqlTracer = (query: QueryFn) => QueryFn;

export class Query<T> {
  /** $state.raw: results are replaced whole, never mutated, and may be large. */
  current = $state.raw<T | undefined>(undefined);
  /** $state: the view shows a loading state. */
  loading = $state(false);
  /** $state.raw: the error of the latest run, or null. */
  error = $state.raw<Error | null>(null);
  /** $state.raw: the SQL the run that made `current` sent through its tracer, in order. */
  statements = $state.raw<readonly SqlStatement[]>([]);

  /** Not $state: a counter that only tells stale runs apart. */
  private run = 0;

  constructor(fn: (trace: SqlTracer) => Promise<T> | null | undefined) {
    $effect(() => {
      const token = ++this.run;
      const sent: SqlStatement[] = [];
      let superseded = false;
      const trace: SqlTracer =
        (query) =>
        <R extends Record<string, unknown>>(text: string, params: SqlStatement["params"] = []) => {
          // A run whose inputs changed, or whose view is gone, sends nothing more: its answer
          // would be dropped, and the worker would spend seconds on it before the new page's queries.
          if (superseded) return Promise.reject(new Error("query superseded"));
          sent.push({ text, params });
          return query<R>(text, params);
        };
      let promise: Promise<T> | null | undefined;
      try {
        promise = fn(trace);
      } catch (error) {
        this.fail(error);
        return;
      }
      if (!promise) {
        this.current = undefined;
        this.statements = [];
        this.loading = false;
        this.error = null;
        return;
      }
      this.loading = true;
      promise.then(
        (value) => {
          if (token !== this.run) return;
          this.current = value;
          this.statements = sent;
          this.error = null;
          this.loading = false;
        },
        (error: unknown) => {
          if (token !== this.run || superseded) return;
          this.fail(error);
        },
      );
      return () => {
        superseded = true;
      };
    });
  }

  private fail(error: unknown): void {
    this.error = error instanceof Error ? error : new Error(String(error));
    this.loading = false;
  }
}
