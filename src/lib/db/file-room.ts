/**
 * Room in the database file before a large load. sql.js keeps the SQLite file in a JS array
 * that grows 12.5 % at a time, copying the whole file each time: a 1M-order load spent about
 * 2 s of its inserts growing it (Emscripten's MEMFS write, and the garbage of every old copy).
 * Reopening the database from its bytes followed by zeros gives SQLite a file that is already
 * large enough; the zeros lie past the page count in its header, so they are not data, and
 * SQLite trims the file back to its pages at the next COMMIT. Public sql.js calls only.
 */
import type { Database, SqlJsStatic } from "sql.js";

/** Below this a file's rows fit in a few growth steps: no reopening. */
export const ROOM_MIN_BYTES = 8 * 1024 * 1024;
/** Room per byte of the file read: its canonical rows and problems, measured under 2× on CSV. */
const ROOM_PER_FILE_BYTE = 2;

/**
 * The database reopened with room for a file of `fileBytes` (the old handle is closed), or
 * the same database for a small file. Nothing may hold statements of `db` across the call.
 */
export function withRoomFor(sql: SqlJsStatic, db: Database, fileBytes: number): Database {
  if (fileBytes < ROOM_MIN_BYTES) return db;
  const current = db.export();
  // Zero-filled: pages never written are not memory the tab pays for until SQLite uses them.
  const file = new Uint8Array(current.length + fileBytes * ROOM_PER_FILE_BYTE);
  file.set(current);
  db.close();
  return new sql.Database(file);
}
