import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { ROOM_MIN_BYTES, withRoomFor } from "../../../src/lib/db/file-room.ts";

describe("room in the database file before a large load", () => {
  it("keeps every row, and SQLite trims the zeros at the next COMMIT", async () => {
    const sql = await initSqlJs();
    const db = new sql.Database();
    db.run("CREATE TABLE t (a INTEGER, b TEXT)");
    db.run("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
    const roomy = withRoomFor(sql, db, ROOM_MIN_BYTES);
    expect(roomy).not.toBe(db);
    roomy.run("BEGIN");
    roomy.run(`WITH RECURSIVE n(value) AS (SELECT 3 UNION ALL SELECT value + 1 FROM n WHERE value < 20000)
               INSERT INTO t SELECT value, 'n' || value FROM n`);
    roomy.run("COMMIT");
    expect(roomy.exec("SELECT COUNT(*), SUM(a), MIN(b) FROM t")[0]?.values).toEqual([[20000, 200010000, "n10"]]);
    expect(roomy.exec("PRAGMA integrity_check")[0]?.values).toEqual([["ok"]]);
    const [pageCount, pageSize] = roomy.exec("SELECT * FROM pragma_page_count, pragma_page_size")[0]?.values[0] ?? [];
    expect(roomy.export().length).toBe(Number(pageCount) * Number(pageSize));
  });

  it("leaves the database as it is for a small file", async () => {
    const sql = await initSqlJs();
    const db = new sql.Database();
    expect(withRoomFor(sql, db, ROOM_MIN_BYTES - 1)).toBe(db);
  });
});
