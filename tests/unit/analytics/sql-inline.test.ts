/**
 * Parameters written into the SQL as literals (the console's "show the SQL"): the written
 * query must give what the bound query gives, for any value, in sql.js itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import initSqlJs, { type Database } from "sql.js";
import { inlineParams, sql, sqlLiteral, type SqlParam } from "../../../src/lib/analytics/sql.ts";

let db: Database;
beforeAll(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database();
});

const run = (text: string, params: SqlParam[] = []) => db.exec(text, params)[0]?.values;

describe("sqlLiteral", () => {
  it.each<[SqlParam, string]>([
    [null, "NULL"],
    ["it's", "'it''s'"],
    ["", "''"],
    [42, "42"],
    [-5, "(-5)"],
    [0.5, "0.5"],
    [3_000_000_000, "3000000000.0"],
    [1e21, "1e+21"],
    [Number.NaN, "NULL"],
    [Number.POSITIVE_INFINITY, "NULL"],
  ])("%j → %s", (value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });
});

describe("inlineParams", () => {
  it("fills ? in order and ?N by number, leaving strings, quoted names and comments alone", () => {
    const text = `SELECT ? AS "a?", '?' AS b, ?2 AS c, ? AS d -- what?\n/* ? */ , [x?] AS e`;
    expect(inlineParams(text, [1, "two", null])).toBe(`SELECT 1 AS "a?", '?' AS b, 'two' AS c, NULL AS d -- what?\n/* ? */ , [x?] AS e`);
  });

  it("reads doubled quotes as part of a string", () => {
    expect(inlineParams("SELECT 'it''s ?', ?", ["x"])).toBe("SELECT 'it''s ?', 'x'");
  });

  it("keeps a minus before a negative value from turning into a comment", () => {
    const text = inlineParams("SELECT 10-?", [-3]);
    expect(text).toBe("SELECT 10-(-3)");
    expect(run(text)).toEqual([[13]]);
  });

  it("refuses a query that asks for more parameters than given", () => {
    expect(() => inlineParams("SELECT ?, ?", [1])).toThrow(/parameter 2/);
  });

  it("gives the bound query's answer for any values (sql.js)", () => {
    const param = fc.oneof(
      fc.constant(null),
      fc.string({ unit: "binary", maxLength: 12 }).filter((s) => !s.includes("\0")),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.maxSafeInteger(),
    );
    fc.assert(
      fc.property(fc.array(param, { minLength: 1, maxLength: 5 }), (params) => {
        const select = `SELECT ${params.map((_, i) => `?, typeof(?${i + 1}), 1-?${i + 1}`).join(", ")}`;
        // `?` after `?N` continues from the largest number so far, as in SQLite.
        const bound = run(select, params);
        const written = run(inlineParams(select, params));
        expect(written).toEqual(bound);
      }),
      { numRuns: 150 },
    );
  });

  it("writes a builder's fragment so that it runs to the same rows", () => {
    db.run("CREATE TABLE IF NOT EXISTS t (region TEXT, day INTEGER, amount REAL)");
    db.run("DELETE FROM t");
    db.run("INSERT INTO t VALUES ('North', 1, 10.5), ('O''Hara', 2, 20), ('South', 3, -4)");
    const fragment = sql`SELECT region, TOTAL(amount) AS total FROM t WHERE day >= ${1} AND region IN (${"O'Hara"}, ${"South"}) AND amount > ${-5.5} GROUP BY region ORDER BY region`;
    expect(run(inlineParams(fragment.text, fragment.params))).toEqual(run(fragment.text, [...fragment.params]));
    expect(run(inlineParams(fragment.text, fragment.params))).toEqual([["O'Hara", 20], ["South", -4]]);
  });
});
