/**
 * The project file: the whole database, with `_meta` saying it is a CRM Lens project and in
 * which format, and `_files` holding each file's reading (encoding, dialect, headers, column
 * profiles) and mapping beside its raw table. That is enough to reopen the files, mappings
 * and problems and to rebuild every canonical and derived table. The browser keeps the same
 * bytes between visits.
 */
import type { Database, SqlJsStatic } from "sql.js";
import { tablesFilled, type FileMapping } from "../ingest/mapping.ts";
import type { TextEncodingName } from "../ingest/decode.ts";
import type { LoadedFile } from "./protocol.ts";
import { sourceBytes } from "./raw-table.ts";
import { quoteIdent } from "./schema.ts";

export const APP_ID = "crm-lens";
/** Bump when an older version could no longer read what this one writes. */
export const PROJECT_FORMAT = 2;

export const META_ROWS: readonly (readonly [string, string])[] = [
  ["app", APP_ID],
  ["format", String(PROJECT_FORMAT)],
];

/** Why a .sqlite was refused: an i18n key under `errors.`. */
export type ProjectRefusal = "not_project" | "project_newer";

export class ProjectRefusedError extends Error {
  constructor(readonly reason: ProjectRefusal) {
    super(reason);
  }
}

/** Fields of a LoadedFile with a column of their own in `_files`, or worked out again on opening. */
type ColumnFields = "fileId" | "name" | "bytes" | "encoding" | "rawTable" | "rows" | "problemRows" | "firstProblem" | "state" | "mapping" | "kind" | "tables";
/** Everything else (dialect, headers, profiles, and whatever a file learns to carry) goes to `details`. */
type FileDetails = Omit<LoadedFile, ColumnFields>;

export function writeFileRow(db: Database, file: LoadedFile): void {
  // problem_rows (and the first problem), kind and tables are worked out again when the file is read back.
  const { fileId, name, bytes, encoding, rawTable, rows, state, mapping, problemRows: _problemRows, firstProblem: _firstProblem, kind: _kind, tables: _tables, ...details } = file;
  db.run("DELETE FROM _files WHERE file_id = ?", [fileId]);
  db.run(
    `INSERT INTO _files (file_id, name, bytes, encoding, delimiter, raw_table, rows, problem_rows, state, mapping, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    [fileId, name, bytes, encoding, file.dialect.delimiter, rawTable, rows, state, JSON.stringify(mapping), JSON.stringify(details satisfies FileDetails)],
  );
}

function readFileRows(db: Database): LoadedFile[] {
  const result = db.exec(
    "SELECT file_id, name, bytes, encoding, raw_table, rows, problem_rows, state, mapping, details FROM _files ORDER BY file_id",
  )[0];
  return (result?.values ?? []).map(([fileId, name, bytes, encoding, rawTable, rows, problemRows, state, mapping, details]) => {
    const parsedMapping = JSON.parse(String(mapping)) as FileMapping;
    const applied = state === "applied";
    return {
      fileId: Number(fileId),
      name: String(name),
      bytes: Number(bytes),
      encoding: String(encoding) as TextEncodingName,
      ...(JSON.parse(String(details)) as FileDetails),
      mapping: parsedMapping,
      kind: parsedMapping.kind,
      rawTable: rawTable === null ? null : String(rawTable),
      rows: Number(rows),
      problemRows: Number(problemRows),
      state: applied ? "applied" : "needs-mapping",
      tables: applied ? tablesFilled(parsedMapping) : [],
    };
  });
}

const SQLITE_HEADER = "SQLite format 3\u0000";

function isSqlite(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, SQLITE_HEADER.length)) === SQLITE_HEADER;
}

function metaValue(db: Database, key: string): string | null {
  const value = db.exec("SELECT value FROM _meta WHERE key = ?", [key])[0]?.values[0]?.[0];
  return value === undefined || value === null ? null : String(value);
}

/**
 * Opens the bytes as a database and reads its files; throws ProjectRefusedError when they
 * are not a CRM Lens project (any SQLite file, or not SQLite at all) or come from a newer
 * format. The caller owns the returned database.
 */
export function openProject(sql: SqlJsStatic, bytes: Uint8Array): { db: Database; files: LoadedFile[] } {
  if (!isSqlite(bytes)) throw new ProjectRefusedError("not_project");
  const db = new sql.Database(bytes);
  try {
    if (metaValue(db, "app") !== APP_ID) throw new ProjectRefusedError("not_project");
    if (Number(metaValue(db, "format")) > PROJECT_FORMAT) throw new ProjectRefusedError("project_newer");
    const files = readFileRows(db);
    // Every file's raw table (or kept bytes) must be there: the canonical tables are rebuilt from it.
    for (const file of files) {
      if (file.rawTable !== null) db.exec(`SELECT 1 FROM ${quoteIdent(file.rawTable)} LIMIT 0`);
      else if (!sourceBytes(db, file.fileId)) throw new ProjectRefusedError("not_project");
    }
    return { db, files };
  } catch (error) {
    db.close();
    throw error instanceof ProjectRefusedError ? error : new ProjectRefusedError("not_project");
  }
}
