/**
 * DDL of the canonical and bookkeeping tables, derived from the field list in
 * ingest/canonical.ts so that a field is declared once.
 */
import { CANONICAL_FIELDS, type CanonicalField, type CanonicalTable } from "../ingest/canonical.ts";
import { dayKeyOf } from "../ingest/convert.ts";

const SQL_TYPE: Record<CanonicalField["kind"], string> = {
  id: "TEXT",
  text: "TEXT",
  category: "TEXT",
  date: "TEXT",
  datetime: "TEXT",
  money: "REAL",
  number: "REAL",
  score: "REAL",
  flag: "INTEGER",
  email: "TEXT",
  phone: "TEXT",
};

/** Columns the converter adds beyond the declared fields (see ingest/convert.ts). */
const EXTRA_COLUMNS: Partial<Record<CanonicalTable, readonly [string, string][]>> = {
  orders: [["is_return", "INTEGER"]],
};

export interface TableColumn {
  name: string;
  type: string;
}

/** Every column of a canonical table, in insert order, including the day columns and provenance. */
export function canonicalColumns(table: CanonicalTable): TableColumn[] {
  const columns: TableColumn[] = [];
  for (const f of CANONICAL_FIELDS[table]) {
    columns.push({ name: f.name, type: SQL_TYPE[f.kind] });
    if (f.kind === "date") columns.push({ name: dayKeyOf(f.name), type: "INTEGER" });
    if (f.kind === "datetime") columns.push({ name: dayKeyOf(f.name), type: "REAL" });
  }
  for (const [name, type] of EXTRA_COLUMNS[table] ?? []) columns.push({ name, type });
  // Provenance: which file and which row of it (1-based, header = row 1) the record came from.
  columns.push({ name: "_file", type: "INTEGER" }, { name: "_row", type: "INTEGER" });
  return columns;
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export function canonicalDdl(table: CanonicalTable): string {
  const cols = canonicalColumns(table).map((c) => `${quoteIdent(c.name)} ${c.type}`);
  return `CREATE TABLE IF NOT EXISTS ${table} (${cols.join(", ")})`;
}

export const META_DDL = [
  // mapping and details (reading: dialect, headers, column profiles) are JSON: with the raw
  // table they are all a project file needs to rebuild the canonical and derived tables.
  `CREATE TABLE IF NOT EXISTS _files (
     file_id INTEGER PRIMARY KEY, name TEXT, bytes INTEGER, encoding TEXT, delimiter TEXT,
     raw_table TEXT, rows INTEGER, problem_rows INTEGER, state TEXT, mapping TEXT, details TEXT)`,
  // The original bytes of each file too large for a raw table (raw-table.ts).
  `CREATE TABLE IF NOT EXISTS _sources (file_id INTEGER PRIMARY KEY, bytes BLOB)`,
  // Says that a .sqlite is a CRM Lens project and in which format (see project.ts).
  `CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT)`,
  // stage: "parse" problems come from reading the file (kept on re-mapping);
  // "convert" problems come from the mapping (recomputed when it changes).
  `CREATE TABLE IF NOT EXISTS _problems (
     file_id INTEGER, file TEXT, row INTEGER, "column" TEXT, value TEXT, reason TEXT, stage TEXT)`,
  `CREATE TABLE IF NOT EXISTS model_params (model TEXT, name TEXT, value REAL)`,
];
