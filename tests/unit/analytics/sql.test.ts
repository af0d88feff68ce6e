import { describe, expect, it } from "vitest";
import { inList, join, raw, sql } from "../../../src/lib/analytics/sql.ts";

describe("sql builder", () => {
  it("binds values and inlines fragments in order", () => {
    const fragment = sql`SELECT * FROM sales WHERE day <= ${42} AND ${inList("channel", ["a", "b"])} AND x = ${"y"}`;
    expect(fragment.text).toBe("SELECT * FROM sales WHERE day <= ? AND channel IN (?, ?) AND x = ?");
    expect(fragment.params).toEqual([42, "a", "b", "y"]);
  });

  it("never puts a value in the text, even one that looks like SQL", () => {
    const fragment = sql`SELECT ${"1; DROP TABLE orders"}`;
    expect(fragment.text).toBe("SELECT ?");
  });

  it("treats an empty list as no restriction and joins with a separator", () => {
    expect(inList("region", []).text).toBe("1");
    expect(join([raw("a"), sql`${1}`], ", ")).toEqual({ text: "a, ?", params: [1] });
  });
});
