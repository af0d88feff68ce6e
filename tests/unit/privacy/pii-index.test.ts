/**
 * Privacy mode on the Data page: the personal data of a loaded dataset (canonical customers
 * and the raw columns mapped to name, email, phone) found by SQL, and every cell holding one
 * masked, whatever the column is called.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { piiColumns, piiValuesSql } from "../../../src/lib/analytics/pii.ts";
import { PiiIndex, hideText, showAll } from "../../../src/lib/privacy/pii-index.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";

// A flat export whose Chinese headers map to the customer's name and phone (a name with a trailing space: known trimmed), and a customer file.
const FLAT = `订单编号,客户编号,客户姓名,手机号,下单时间,实付金额
O1,A,张小明 ,13812345678,2024-01-05,100
O2,B,Mary Smith,,2024-02-10,50
`;
const CUSTOMERS = `customer_id,name,email,phone
A,张小明,xm.zhang@qq.com,138-1234-5678
C,王芳,,
`;

let engine: Engine;
let index: PiiIndex;

beforeAll(async () => {
  engine = await newEngine();
  const result = await engine.load([csvFile("flat.csv", FLAT), csvFile("customers.csv", CUSTOMERS)], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
  const fragment = piiValuesSql(piiColumns(engine.dataset.files));
  index = new PiiIndex(engine.query(fragment.text, [...fragment.params]).rows as { kind: string; value: string }[]);
});

describe("the personal data of a dataset", () => {
  it("names the canonical columns and the raw columns mapped to name, email and phone", () => {
    const columns = piiColumns(engine.dataset.files).map((c) => `${c.table}.${c.column}:${c.kind}`);
    const flatRaw = engine.dataset.files[0]?.rawTable;
    const customersRaw = engine.dataset.files[1]?.rawTable;
    expect(columns).toEqual([
      "customers.name:name", "customers.email:email", "customers.phone:phone",
      `${flatRaw}.客户姓名:name`, `${flatRaw}.手机号:phone`,
      `${customersRaw}.name:name`, `${customersRaw}.email:email`, `${customersRaw}.phone:phone`,
    ]);
  });

  it("masks each known value wherever it appears, and only those", () => {
    const raw = engine.dataset.files[0]?.rawTable as string;
    const rows = engine.query(`SELECT "客户姓名" AS who, "手机号" AS tel, "实付金额" AS amount FROM "${raw}" ORDER BY _row`).rows;
    expect(rows.map((r) => [index.mask(r.who), index.mask(r.tel), index.mask(r.amount)])).toEqual([
      ["张*明", "138****5678", "100"],
      ["M*** S***", "", "50"],
    ]);
    // Both files give a row of A: the flat export's and the customer file's.
    const customers = engine.query("SELECT customer_id, name AS n, email, phone FROM customers ORDER BY customer_id, email").rows;
    expect(customers.map((r) => [r.customer_id, r.n, r.email, r.phone].map(index.mask))).toEqual([
      ["A", "张*明", null, "138****5678"],
      ["A", "张*明", "x***@qq.com", "138-****-5678"],
      ["B", "M*** S***", null, null],
      ["C", "王*", null, null],
    ]);
  });

  it("masks text shaped like an email address even when no column is mapped to it", () => {
    expect(new PiiIndex([]).mask("someone@example.org")).toBe("s***@example.org");
    expect(new PiiIndex([]).mask("Guangzhou")).toBe("Guangzhou");
  });

  it("masks a phone number SQL hands back as a number, not other numbers", () => {
    const phones = new PiiIndex([{ kind: "phone", value: "13812345678" }, { kind: "name", value: "42" }]);
    expect(phones.mask(13812345678)).toBe("138****5678");
    expect(phones.mask(42)).toBe(42);
  });

  it("shows everything when privacy is off, hides all text while the index loads", () => {
    expect(showAll("张小明")).toBe("张小明");
    expect(hideText("张小明")).toBe("•••");
    expect(hideText(12)).toBe(12);
    expect(hideText(null)).toBeNull();
  });
});
