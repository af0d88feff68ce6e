import { describe, expect, it } from "vitest";
import type { FieldRef } from "../../../src/lib/ingest/canonical.ts";
import { suggestMapping, tablesFilled, withColumnTarget } from "../../../src/lib/ingest/mapping.ts";
import type { FileMapping } from "../../../src/lib/ingest/mapping.ts";
import { profileColumns } from "../../../src/lib/ingest/profile.ts";

/** The suggested mapping of a small table. */
function suggest(headers: string[], rows: string[][]): FileMapping {
  return suggestMapping(profileColumns(headers, rows, "."));
}
const ref = (key: string): FieldRef => {
  const [table, field] = key.split(".") as [FieldRef["table"], string];
  return { table, field };
};
const refs = (...keys: (string | null)[]): (FieldRef | null)[] => keys.map((k) => (k === null ? null : ref(k)));

describe("suggestMapping", () => {
  it("maps the Online Retail headers to a confident orders file", () => {
    const m = suggest(
      ["InvoiceNo", "InvoiceDate", "CustomerID", "TotalPrice"],
      [
        ["536365", "12/1/2010 8:26", "17850", "15.30"],
        ["536366", "12/13/2010 8:28", "13047", "22.00"],
      ],
    );
    expect(m).toEqual({
      kind: "orders",
      columns: refs("orders.order_id", "orders.order_date", "orders.customer_id", "orders.amount"),
      confidence: [0.95, 0.95, 0.95, 0.95],
      missing: [],
      confident: true,
    });
    expect(tablesFilled(m)).toEqual(["orders"]);
  });

  it("maps simplified Chinese order headers", () => {
    const m = suggest(
      ["订单编号", "客户编号", "下单时间", "实付金额"],
      [
        ["D001", "C001", "2024/1/5 10:30", "￥1,234.50"],
        ["D002", "C002", "2024/1/6 11:00", "￥88.00"],
      ],
    );
    expect(m.kind).toBe("orders");
    expect(m.columns).toEqual(refs("orders.order_id", "orders.customer_id", "orders.order_date", "orders.amount"));
    expect(m.confident).toBe(true);
  });

  it("maps traditional Chinese customer headers", () => {
    const m = suggest(["客戶編號", "姓名", "地區"], [["C001", "陳大文", "台北"], ["C002", "林小美", "高雄"]]);
    expect(m).toMatchObject({ kind: "customers", missing: [], confident: true });
    expect(m.columns).toEqual(refs("customers.customer_id", "customers.name", "customers.region"));
  });

  it("maps a survey with the long NPS question (a synonym inside the header: medium confidence)", () => {
    const m = suggest(
      ["Timestamp", "Customer ID", "How likely are you to recommend us to a friend? (0-10)", "What is the main reason for your score?"],
      [
        ["2024-03-01 09:12", "C001", "9", "Fast delivery"],
        ["2024-03-01 10:40", "C002", "3", "Rude staff"],
        ["2024-03-02 14:05", "C003", "10", "Great"],
      ],
    );
    expect(m.kind).toBe("feedback");
    expect(m.columns).toEqual(refs("feedback.date", "feedback.customer_id", "feedback.nps_score", "feedback.comment"));
    // "Timestamp" is a generic date word (0.85); "recommend" covers 9 of the question's 40
    // letters and digits: 0.6 + 0.25 × 9 / 40 = 0.65625.
    expect(m.confidence[0]).toBe(0.85);
    expect(m.confidence[2]).toBe(0.65625);
    expect(m.confident).toBe(true);
  });

  it("maps a flat export to orders and customers, its customer ID once as orders.customer_id", () => {
    const m = suggest(
      ["Order ID", "Order Date", "Customer ID", "Customer Name", "Email", "Region", "Sales"],
      [
        ["CA-1", "2024-01-05", "C001", "Li Wei", "li@example.com", "East", "120.00"],
        ["CA-2", "2024-01-06", "C002", "Wu Fang", "wu@example.com", "West", "80.50"],
      ],
    );
    expect(m.kind).toBe("flat");
    expect(m.columns).toEqual(
      refs("orders.order_id", "orders.order_date", "orders.customer_id", "customers.name", "customers.email", "customers.region", "orders.amount"),
    );
    expect(tablesFilled(m)).toEqual(["orders", "customers"]);
    expect(m.missing).toEqual([]);
    expect(m.confident).toBe(true);
  });

  it("is not confident when the date column is missing, and says which field", () => {
    const m = suggest(["InvoiceNo", "CustomerID", "TotalPrice"], [["536365", "17850", "15.30"]]);
    expect(m.kind).toBe("orders");
    expect(m.missing).toEqual([ref("orders.order_date")]);
    expect(m.confident).toBe(false);
  });

  it("accepts quantity × unit price in place of an amount", () => {
    const m = suggest(
      ["Invoice", "InvoiceDate", "Customer ID", "Quantity", "Price"],
      [["489434", "2009-12-01 07:45", "13085", "12", "6.95"]],
    );
    expect(m.columns).toEqual(refs("orders.order_id", "orders.order_date", "orders.customer_id", "orders.quantity", "orders.unit_price"));
    expect(m).toMatchObject({ missing: [], confident: true });
  });

  it("keeps an exact header whose values have the wrong shape, but asks before applying it", () => {
    const m = suggest(["Order Date", "CustomerID", "Amount"], [["soon", "1", "5"], ["later", "2", "6"]]);
    expect(m.columns[0]).toEqual(ref("orders.order_date"));
    expect(m.confidence[0]).toBe(0.4);
    expect(m.kind).toBe("orders");
    expect(m.confident).toBe(false);
  });

  it("drops a header that only contains a field's word when the values disagree", () => {
    const m = suggest(["Order Date Note", "CustomerID", "Amount"], [["soon", "1", "5"], ["later", "2", "6"]]);
    expect(m.columns[0]).toBeNull();
    expect(m.missing).toEqual([ref("orders.order_date")]);
  });

  it("maps a generically named score column by the range of its values", () => {
    const rows = (values: string[]) => values.map((v, i) => [`2024-01-0${i + 1}`, v]);
    expect(suggest(["date", "评分"], rows(["0", "7", "10"])).columns[1]).toEqual(ref("feedback.nps_score"));
    expect(suggest(["date", "score"], rows(["1", "4", "5"])).columns[1]).toEqual(ref("feedback.csat_score"));
    expect(suggest(["date", "Rating"], rows(["1", "4", "5"])).columns[1]).toEqual(ref("feedback.rating"));
    expect(suggest(["date", "score"], rows(["1", "6", "7"])).columns[1]).toEqual(ref("feedback.ces_score"));
    expect(suggest(["date", "score"], rows(["10", "60", "99"])).columns[1]).toBeNull();
  });

  it("keeps a named score when one typo in twenty leaves its range", () => {
    const answers = ["9", "10", "7", "3", "8", "6", "10", "9", "0", "5", "11", "8", "9", "10", "4", "7", "8", "9", "2", "10"];
    const m = suggest(["date", "NPS"], answers.map((a, i) => [`2024-01-${String(i + 1).padStart(2, "0")}`, a]));
    expect(m.columns[1]).toEqual(ref("feedback.nps_score"));
  });

  it("doubts a named score whose values leave its range", () => {
    const m = suggest(["date", "满意度"], [["2024-01-01", "4"], ["2024-01-02", "9"]]);
    expect(m.columns[1]).toEqual(ref("feedback.csat_score"));
    expect(m.confidence[1]).toBe(0.4);
    expect(m.confident).toBe(false);
  });

  it("maps a subscription (Telco-style) customer file with its churn label", () => {
    const m = suggest(
      ["customerID", "gender", "tenure", "Contract", "MonthlyCharges", "Churn"],
      [
        ["7590-VHVEG", "Female", "1", "Month-to-month", "29.85", "No"],
        ["5575-GNVDE", "Male", "34", "One year", "56.95", "Yes"],
      ],
    );
    expect(m.kind).toBe("customers");
    expect(m.columns).toEqual(
      refs("customers.customer_id", "customers.gender", "customers.tenure_months", "customers.contract_type", "customers.monthly_charges", "customers.churned"),
    );
    expect(m.confident).toBe(true);
  });

  it("maps Chinese churn and feedback words", () => {
    const c = suggest(["会员ID", "合约类型", "在网时长", "是否流失"], [["1", "月付", "12", "是"], ["2", "年付", "30", "否"]]);
    expect(c.columns).toEqual(refs("customers.customer_id", "customers.contract_type", "customers.tenure_months", "customers.churned"));
    const f = suggest(["用户ID", "提交时间", "推荐分数", "满意度", "意见"], [["u1", "2024-01-05", "9", "5", "很好"], ["u2", "2024-01-06", "4", "2", "太慢"]]);
    expect(f.kind).toBe("feedback");
    expect(f.columns).toEqual(refs("feedback.customer_id", "feedback.date", "feedback.nps_score", "feedback.csat_score", "feedback.comment"));
  });

  it("is unknown, and not confident, for a file of nothing recognisable", () => {
    const m = suggest(["foo", "bar"], [["1", "x"]]);
    expect(m).toEqual({ kind: "unknown", columns: [null, null], confidence: [0, 0], missing: [], confident: false });
  });
});

describe("withColumnTarget", () => {
  const noDate = suggest(["InvoiceNo", "CustomerID", "TotalPrice", "When"], [["536365", "17850", "15.30", "2024-01-05"]]);

  it("fills a missing field by hand, which makes the mapping confident", () => {
    expect(noDate.columns[3]).toBeNull();
    const m = withColumnTarget(noDate, 3, ref("orders.order_date"));
    expect(m.columns[3]).toEqual(ref("orders.order_date"));
    expect(m.confidence[3]).toBe(1);
    expect(m).toMatchObject({ kind: "orders", missing: [], confident: true });
  });

  it("moves a target: the old column loses it", () => {
    const m = withColumnTarget(noDate, 3, ref("orders.customer_id"));
    expect(m.columns).toEqual(refs("orders.order_id", null, "orders.amount", "orders.customer_id"));
    expect(m.confidence).toEqual([0.95, 0, 0.95, 1]);
    expect(m.missing).toEqual([ref("orders.order_date")]);
  });

  it("recomputes the kind: a customer field in an orders file makes it flat", () => {
    const m = withColumnTarget(withColumnTarget(noDate, 3, ref("orders.order_date")), 0, ref("customers.name"));
    expect(m.kind).toBe("flat");
    expect(tablesFilled(m)).toEqual(["orders", "customers"]);
    expect(m.missing).toEqual([]);
  });

  it("clears a column with null", () => {
    const m = withColumnTarget(noDate, 1, null);
    expect(m.columns[1]).toBeNull();
    expect(m.missing).toEqual([ref("orders.customer_id"), ref("orders.order_date")]);
    expect(m.confident).toBe(false);
  });
});
