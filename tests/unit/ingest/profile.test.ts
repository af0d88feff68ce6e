import { describe, expect, it } from "vitest";
import { profileColumns } from "../../../src/lib/ingest/profile.ts";
import type { ColumnProfile } from "../../../src/lib/ingest/profile.ts";

/** Profile of one column given as its cells. */
const one = (cells: string[], decimalMark: "." | "," = "."): ColumnProfile =>
  profileColumns(["col"], cells.map((c) => [c]), decimalMark)[0] as ColumnProfile;

describe("profileColumns", () => {
  it("counts cells, missing and distinct values, and keeps 5 distinct samples", () => {
    const p = one(["b", "a", "NA", "b", "", "c", "d", "e", "f"]);
    expect(p).toMatchObject({ index: 0, header: "col", count: 9, missing: 2, distinct: 6, samples: ["b", "a", "c", "d", "e"] });
  });

  it("keeps a very long value as a 200-character preview (a 5 MB note must not travel with the file's description)", () => {
    const long = "长".repeat(5 * 1024 * 1024);
    expect(one(["short", long]).samples).toEqual(["short", `${"长".repeat(200)}…`]);
  });

  it("gives each column its own index and header, and pads short rows", () => {
    const ps = profileColumns(["a", "b"], [["1", "x"], ["2"]], ".");
    expect(ps.map((p) => [p.index, p.header, p.missing])).toEqual([[0, "a", 0], [1, "b", 1]]);
  });

  it("finds empty, integer, number and their range", () => {
    expect(one(["", "NA"]).shape).toBe("empty");
    expect(one(["3", "10", "-2"])).toMatchObject({ shape: "integer", min: -2, max: 10 });
    expect(one(["3.5", "10", "0.25"])).toMatchObject({ shape: "number", min: 0.25, max: 10 });
    expect(one(["3,5", "10", "0,25"], ",")).toMatchObject({ shape: "number", min: 0.25, max: 10 });
  });

  it("gives the bounds of the middle 90 % of the numbers", () => {
    // 20 values: floor(20 × 5 %) = 1 value set aside at each end.
    const cells = ["-3", ...Array.from({ length: 18 }, (_, i) => String(i % 11)), "99"];
    expect(one(cells)).toMatchObject({ min: -3, max: 99, p5: 0, p95: 10 });
    // Fewer than 20 values: nothing set aside.
    expect(one(["5", "1", "9"])).toMatchObject({ p5: 1, p95: 9 });
    expect(one(["5", "1", "9"]).p50).toBe(5);
    expect(one(["4", "1", "9", "2"]).p50).toBe(2); // even count: the lower middle value
  });

  it("finds money by currency symbol, thousands separators or two decimals", () => {
    expect(one(["￥12", "¥3", "15"])).toMatchObject({ shape: "money", currency: "CNY", min: 3, max: 15 });
    expect(one(["1,200", "950", "2,400"])).toMatchObject({ shape: "money", currency: null });
    expect(one(["12.50", "3.00", "7.5"])).toMatchObject({ shape: "money", min: 3, max: 12.5 });
    expect(one(["12,50", "3,00"], ",")).toMatchObject({ shape: "money", min: 3, max: 12.5 });
  });

  it("never makes a number of IDs with leading zeros or long digit strings", () => {
    expect(one(["007", "012", "123"]).shape).toBe("id");
    expect(one(["1234567890", "1234567891"]).shape).toBe("id");
    expect(one(["C001", "C002", "ORD-2024-0001"]).shape).toBe("id");
  });

  it("finds phones, formatted or Chinese mobiles", () => {
    expect(one(["138-1234-5678", "+86 139 1234 5678", "(02) 2345-6789"]).shape).toBe("phone");
    expect(one(["13812345678", "13912345678"]).shape).toBe("phone");
  });

  it("finds dates and date-times with their order and range (epoch days)", () => {
    expect(one(["2024-01-05", "2024-01-07"])).toMatchObject({ shape: "date", dateOrder: "ymd", min: 19727, max: 19729 });
    expect(one(["25/04/2024", "03/04/2024"])).toMatchObject({ shape: "date", dateOrder: "dmy" });
    expect(one(["2024-01-05 12:00", "2024-01-05 00:00"])).toMatchObject({ shape: "datetime", min: 19727, max: 19727.5 });
    // All at midnight: the times carry nothing, the column is dates.
    expect(one(["2024-01-05 00:00:00", "2024-01-06 00:00:00"]).shape).toBe("date");
  });

  it("finds flags written as words; 0/1 stays an integer from 0 to 1", () => {
    expect(one(["Yes", "No", "yes"]).shape).toBe("flag");
    expect(one(["是", "否"]).shape).toBe("flag");
    expect(one(["1", "0", "1"])).toMatchObject({ shape: "integer", min: 0, max: 1 });
  });

  it("finds star ratings written as text, with plain numbers among them, and their range", () => {
    expect(one(["★★★★☆", "★★☆☆☆", "★★★★★"])).toMatchObject({ shape: "stars", min: 2, max: 5 });
    expect(one(["4 stars", "1 star", "5星", "3 顆星", "2"])).toMatchObject({ shape: "stars", min: 1, max: 5 });
    expect(one(["4", "5", "3"]).shape).toBe("integer");
    expect(one(["Stars of the show", "Star Wars"]).shape).toBe("text");
  });

  it("finds emails, and text otherwise", () => {
    expect(one(["li@example.com", "wu@example.cn"]).shape).toBe("email");
    expect(one(["张三", "李四"]).shape).toBe("text");
  });

  it("gives a column a shape when ≥ 90 % of its values fit it", () => {
    const nine = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    expect(one([...nine, "abc"]).shape).toBe("integer"); // 9 of 10
    expect(one([...nine.slice(0, 8), "abc", "def"]).shape).toBe("text"); // 8 of 10
    expect(one([...nine, "abc", "NA", ""]).shape).toBe("integer"); // missing values do not count
  });
});
