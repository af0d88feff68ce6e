/**
 * Raw tables keep every column of a file as TEXT under its original header, plus `_row`
 * (the record's row number in the file, header = row 1), so nothing in a file is lost and
 * re-mapping never re-parses. A very large file is kept as its original bytes in `_sources`
 * instead (PRODUCT.md allows it): on 1M orders the raw copy was 40 % of the load, and
 * re-mapping such a file re-reads the bytes.
 */
import type { Database } from "sql.js";
import { quoteIdent } from "./schema.ts";

/** SQLite's limit on the columns of a table (SQLITE_MAX_COLUMN, 2,000 in sql.js's build). */
const SQLITE_MAX_COLUMN = 2000;

/** Columns a file may have (the spec's limit, SQLite's). */
export const MAX_COLUMNS = SQLITE_MAX_COLUMN;

/** Columns a raw table can hold beside `_row`; a file of exactly 2,000 is kept as its bytes. */
export const MAX_RAW_COLUMNS = SQLITE_MAX_COLUMN - 1;

/** Files up to this size get a raw table; larger ones are kept as their bytes. */
export const RAW_COPY_MAX_BYTES = 16 * 1024 * 1024;

/** Puts a file's original bytes in the database (for a project file: Engine.exportProject). */
export function keepSourceBytes(db: Database, fileId: number, bytes: Uint8Array): void {
  db.run("INSERT OR REPLACE INTO _sources (file_id, bytes) VALUES (?, ?)", [fileId, bytes]);
}

/** The bytes kept for a file, or null when it has a raw table instead. */
export function sourceBytes(db: Database, fileId: number): Uint8Array | null {
  const value = db.exec("SELECT bytes FROM _sources WHERE file_id = ?", [fileId])[0]?.values[0]?.[0];
  return value instanceof Uint8Array ? value : null;
}

/** `raw_3_orders_2024`: ASCII-only so it is easy to type in the SQL console. */
export function rawTableName(fileId: number, fileName: string): string {
  const stem = fileName
    .replace(/\.[^.]*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return stem ? `raw_${fileId}_${stem}` : `raw_${fileId}`;
}

/**
 * SQLite compares column names case-insensitively, so `Name` and `name` (which
 * normalizeHeaders keeps apart) would collide: later ones get ` (2)`, ` (3)`.
 */
export function rawColumnNames(headers: readonly string[]): string[] {
  const taken = new Set<string>(["_row"]);
  return headers.map((header) => {
    let name = header;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${header} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export function createRawTable(db: Database, table: string, columns: readonly string[]): void {
  const defs = columns.map((c) => `${quoteIdent(c)} TEXT`);
  db.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  db.run(`CREATE TABLE ${quoteIdent(table)} (_row INTEGER, ${defs.join(", ")})`);
}

/** Streams the raw table back as string records in file order (for re-mapping). */
export function* rawRecords(db: Database, table: string): Generator<{ row: number; record: string[] }> {
  const stmt = db.prepare(`SELECT * FROM ${quoteIdent(table)} ORDER BY _row`);
  try {
    while (stmt.step()) {
      const values = stmt.get();
      const record = values.slice(1).map((v) => (v === null ? "" : String(v)));
      yield { row: Number(values[0]), record };
    }
  } finally {
    stmt.free();
  }
}
