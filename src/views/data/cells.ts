/**
 * How database values appear in the Data page's tables: always as text (never HTML), NULL
 * marked, binary data summarised, identifiers quoted for SQL.
 */
import type { SqlValue } from "../../lib/db/protocol.ts";

export type CellKind = "null" | "number" | "text" | "blob";

/** The kind of a value, for styling (numbers right-aligned, NULL dimmed). */
export function cellKind(value: unknown): CellKind {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "bigint") return "number";
  if (value instanceof Uint8Array) return "blob";
  return "text";
}

/** Text of a cell; `nullText` and `blobText` come from i18n. Long text is cut at `max` characters. */
export function cellText(value: SqlValue | unknown, nullText: string, blobText: (bytes: number) => string, max = 500): string {
  const kind = cellKind(value);
  if (kind === "null") return nullText;
  if (kind === "blob") return blobText((value as Uint8Array).byteLength);
  const text = String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A SQLite identifier in double quotes: quoteIdent('a"b') → '"a""b"'. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The canonical and derived tables, shown first in table pickers. */
export const CANONICAL_NAMES = ["customers", "orders", "feedback", "interactions", "sales", "customer_summary", "model_params"] as const;

export interface TableEntry {
  name: string;
  type: "table" | "view";
}

/**
 * A single SELECT (or WITH … SELECT) statement, without its trailing semicolon, or null.
 * Such a query is wrapped in LIMIT so that a huge result is never sent to the page.
 * singleSelect("select * from orders;") → "select * from orders"; singleSelect("delete from x") → null.
 */
export function singleSelect(sql: string): string | null {
  const body = sql.trim().replace(/;\s*$/, "").trim();
  if (!/^(select|with)\b/i.test(body)) return null;
  // A semicolon left in the body means several statements (or one inside a string: not worth the risk).
  if (body.includes(";")) return null;
  // Comments at the end would swallow the closing parenthesis of the wrapper.
  if (body.includes("--")) return null;
  return body;
}
