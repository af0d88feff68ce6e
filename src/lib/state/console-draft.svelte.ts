/**
 * "Show the SQL": the query behind a figure, handed from its card to the Data page's SQL
 * console. Kept in memory, not in the URL: a query can run to a few kilobytes and a shared
 * link should not carry one. The console takes it (once) when it mounts or when a new one
 * arrives while it is shown.
 */
import { inlineParams } from "../analytics/sql.ts";
import type { SqlStatement } from "./query.svelte.ts";

export interface ConsoleDraft {
  /** The SQL, parameters written in as literals, ready to run and edit. */
  sql: string;
  /** The title of the figure it comes from, shown above the console. */
  source: string;
}

/**
 * Builder SQL as a person would write it: parameters written in, the template's common
 * indentation and blank edge lines removed.
 */
export function displaySql(statement: SqlStatement): string {
  const lines = inlineParams(statement.text, statement.params).split("\n");
  while (lines.length && !lines[0]?.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]?.trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^ */.exec(l)?.[0].length ?? 0)).trimEnd()).join("\n");
}

class ConsoleDrafts {
  /** $state.raw: the draft waiting for the console, replaced whole. */
  pending = $state.raw<ConsoleDraft | null>(null);

  offer(draft: ConsoleDraft): void {
    this.pending = draft;
  }

  /** The waiting draft, which is then gone (a later visit to the console starts as the user left it). */
  take(): ConsoleDraft | null {
    const draft = this.pending;
    this.pending = null;
    return draft;
  }
}

export const consoleDrafts = new ConsoleDrafts();
