/**
 * The personal data a dataset holds, for privacy mode on the pages that show any column
 * (the Data page's table browser, SQL console, problems and mapping samples): every
 * customer name, email and phone — in the canonical `customers` table and in each raw
 * column a file maps to one of them — with its kind, so that a cell showing one can be
 * masked whatever the query called its column.
 */
import type { LoadedFile } from "../db/protocol.ts";
import { rawColumnNames } from "../db/raw-table.ts";
import { quoteIdent } from "../db/schema.ts";
import type { PiiKind } from "../privacy/mask.ts";
import { join, raw, sql, type SqlFragment } from "./sql.ts";

export interface PiiColumn {
  table: string;
  column: string;
  kind: PiiKind;
}

const isPiiField = (field: string): field is PiiKind => field === "name" || field === "email" || field === "phone";

/** The canonical columns, then each raw column mapped to a customer's name, email or phone. */
export function piiColumns(files: readonly Pick<LoadedFile, "rawTable" | "headers" | "mapping">[]): PiiColumn[] {
  const columns: PiiColumn[] = (["name", "email", "phone"] as const).map((kind) => ({ table: "customers", column: kind, kind }));
  for (const file of files) {
    const table = file.rawTable;
    if (table === null) continue;
    const names = rawColumnNames(file.headers);
    file.mapping.columns.forEach((ref, i) => {
      const column = names[i];
      if (ref?.table === "customers" && isPiiField(ref.field) && column !== undefined) columns.push({ table, column, kind: ref.field });
    });
  }
  return columns;
}

/** (kind, value) rows: each distinct non-empty value of those columns once per kind. */
export function piiValuesSql(columns: readonly PiiColumn[]): SqlFragment {
  const parts = columns.map((c) => {
    const column = raw(quoteIdent(c.column));
    return sql`SELECT ${c.kind} AS kind, ${column} AS value FROM ${raw(quoteIdent(c.table))} WHERE ${column} IS NOT NULL AND ${column} <> ''`;
  });
  return join(parts, "\nUNION\n");
}
