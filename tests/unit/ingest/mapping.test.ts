import { describe, expect, it } from "vitest";
import type { FieldRef } from "../../../src/lib/ingest/canonical.ts";
import { suggestMapping, tablesFilled, withColumnTarget, writtenScale } from "../../../src/lib/ingest/mapping.ts";
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

  it("maps a survey with the long NPS question (a synonym inside the header, and the scale it writes)", () => {
    const rows = [
      ["2024-03-01 09:12", "C001", "9", "Fast delivery"],
      ["2024-03-01 10:40", "C002", "3", "Rude staff"],
      ["2024-03-02 14:05", "C003", "10", "Great"],
    ];
    const m = suggest(["Timestamp", "Customer ID", "How likely are you to recommend us to a friend? (0-10)", "What is the main reason for your score?"], rows);
    expect(m.kind).toBe("feedback");
    expect(m.columns).toEqual(refs("feedback.date", "feedback.customer_id", "feedback.nps_score", "feedback.comment"));
    // "Timestamp" is a generic date word (0.85); the written scale (0-10) is exactly NPS's
    // range: 0.8, above what "recommend" alone gives (below).
    expect(m.confidence[0]).toBe(0.85);
    expect(m.confidence[2]).toBe(0.8);
    expect(m.confident).toBe(true);
    // Without the scale, "recommend" covers 9 of the question's 37 letters and digits:
    // 0.6 + 0.25 × 9 / 37.
    const bare = suggest(["Timestamp", "Customer ID", "How likely are you to recommend us to a friend?", "Why?"], rows);
    expect(bare.columns[2]).toEqual(ref("feedback.nps_score"));
    expect(bare.confidence[2]).toBeCloseTo(0.6 + (0.25 * 9) / 37, 12);
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

describe("writtenScale", () => {
  it.each([
    ["How likely are you to recommend us to a friend? (0-10)", [0, 10]],
    ["On a scale of 0 to 10, how likely are you to shop with us again?", [0, 10]],
    ["Overall, how satisfied were you? (1–5)", [1, 5]],
    ["How easy was it to get your issue resolved? (1 = very difficult, 7 = very easy)", [1, 7]],
    ["Rate us (5 = best, 1 = worst)", [1, 5]],
    ["推荐分数（0～10分）", [0, 10]],
    ["满意度（1-5）", [1, 5]],
    ["费力程度 1-7", [1, 7]],
    ["0到10分，您向朋友推荐我们的可能性有多大？", [0, 10]],
    ["NPS 2024-01", null],
    ["Satisfaction", null],
    ["Version 1.5-2", null],
  ] as const)("%s → %j", (header, scale) => {
    expect(writtenScale(header)).toEqual(scale);
  });
});

describe("suggestMapping: score columns of surveys, tickets and reviews", () => {
  /** A column of answers beside a date column, as a survey export has. */
  const scoreColumn = (header: string, answers: string[]): { ref: FieldRef | null; confidence: number; confident: boolean } => {
    const m = suggest(["Submitted At", header], answers.map((a, i) => [`2024-03-${String(i + 1).padStart(2, "0")} 09:00`, a]));
    return { ref: m.columns[1] ?? null, confidence: m.confidence[1] ?? 0, confident: m.confident };
  };
  const ZERO_TO_TEN = ["0", "3", "6", "7", "8", "9", "10", "10", "9", "5"];
  const ONE_TO_FIVE = ["1", "2", "3", "4", "5", "5", "4", "4", "3", "5"];
  const ONE_TO_SEVEN = ["1", "2", "3", "4", "5", "6", "7", "2", "3", "1"];

  it.each([
    ["How likely are you to recommend us to a friend? (0-10)", "nps_score", ZERO_TO_TEN],
    // No "recommend" in sight: the written scale alone says NPS.
    ["On a scale of 0 to 10, how likely are you to shop with us again?", "nps_score", ZERO_TO_TEN],
    ["Overall, how satisfied were you? (1-5)", "csat_score", ONE_TO_FIVE],
    ["How easy was it to get your issue resolved? (1 = very difficult, 7 = very easy)", "ces_score", ONE_TO_SEVEN],
    ["Rating", "rating", ONE_TO_FIVE],
    ["Stars", "rating", ONE_TO_FIVE],
    ["Review Score", "rating", ONE_TO_FIVE],
    ["推荐分数", "nps_score", ZERO_TO_TEN],
    ["推薦分數", "nps_score", ZERO_TO_TEN],
    ["推荐意愿", "nps_score", ZERO_TO_TEN],
    ["净推荐值", "nps_score", ZERO_TO_TEN],
    ["淨推薦值", "nps_score", ZERO_TO_TEN],
    ["满意度", "csat_score", ONE_TO_FIVE],
    ["滿意度", "csat_score", ONE_TO_FIVE],
    ["满意度评分", "csat_score", ONE_TO_FIVE],
    ["评分", "csat_score", ONE_TO_FIVE],
    ["評分", "nps_score", ZERO_TO_TEN],
    ["星级", "rating", ONE_TO_FIVE],
    ["星級", "rating", ONE_TO_FIVE],
    ["费力度", "ces_score", ONE_TO_SEVEN],
    ["费力程度", "ces_score", ONE_TO_SEVEN],
    ["費力程度", "ces_score", ONE_TO_SEVEN],
    ["推荐分数（0～10分）", "nps_score", ZERO_TO_TEN],
    ["评分（1-5星）", "rating", ONE_TO_FIVE],
  ])("%s → feedback.%s, without asking", (header, field, answers) => {
    const column = scoreColumn(header, answers);
    expect(column.ref).toEqual(ref(`feedback.${field}`));
    expect(column.confidence).toBeGreaterThanOrEqual(0.6);
    expect(column.confident).toBe(true);
  });

  it("lets the scale written in the header win over the values' range", () => {
    // Every answer of this 0–10 question happens to be 1–5 (the range alone says CSAT).
    expect(scoreColumn("Score (0-10)", ONE_TO_FIVE)).toEqual({ ref: ref("feedback.nps_score"), confidence: 0.8, confident: true });
    expect(scoreColumn("评分（1～7）", ONE_TO_FIVE).ref).toEqual(ref("feedback.ces_score"));
    expect(scoreColumn("Score", ONE_TO_FIVE).ref).toEqual(ref("feedback.csat_score"));
    // A 1–10 question is none of NPS, CSAT, CES, although 1–10 values fit NPS's range.
    expect(scoreColumn("Score (1-10)", ["1", "4", "10", "7"]).ref).toBeNull();
    expect(scoreColumn("Score", ["1", "4", "10", "7"]).ref).toEqual(ref("feedback.nps_score"));
  });

  it("keeps a written scale over a small file's typo; without the scale the typo makes it doubtful", () => {
    // Nine answers, one 12: more than the 5 % set aside at each end, but the median (8) is inside 0–10.
    const answers = ["10", "9", "6", "8", "3", "12", "7", "10", "0"];
    expect(scoreColumn("推薦分數（0-10分）", answers)).toEqual({ ref: ref("feedback.nps_score"), confidence: 0.8, confident: true });
    expect(scoreColumn("推薦分數", answers)).toEqual({ ref: ref("feedback.nps_score"), confidence: 0.4, confident: false });
    // A median outside the written scale: not that score at all.
    expect(scoreColumn("Score (1-5)", ["12", "40", "55", "3", "80"]).ref).toBeNull();
  });

  it("asks when the written scale contradicts the score the header names", () => {
    expect(scoreColumn("满意度（0-10）", ZERO_TO_TEN)).toEqual({ ref: ref("feedback.nps_score"), confidence: 0.4, confident: false });
  });

  it("reads stars written as text as a 1–5 rating, whatever the header", () => {
    expect(scoreColumn("Rating", ["★★★★☆", "★★☆☆☆", "★★★★★", "★☆☆☆☆"]).ref).toEqual(ref("feedback.rating"));
    const m = suggest(
      ["评价时间", "评价", "评论"],
      [["2024-03-01", "4星", "不错"], ["2024-03-02", "5 顆星", "很好"], ["2024-03-03", "2星", "太慢"], ["2024-03-04", "5 stars", "棒"]],
    );
    expect(m.columns).toEqual(refs("feedback.date", "feedback.rating", "feedback.comment"));
    expect(m.confident).toBe(true);
  });

  it("maps a support-ticket export with no question asked, its date taken from Created", () => {
    const m = suggest(
      ["Ticket ID", "Created", "First Response", "Resolved", "Priority", "Channel", "Status", "Satisfaction"],
      [
        ["T-1001", "2024-03-01 09:12", "2024-03-01 09:30", "2024-03-01 15:00", "High", "Email", "Solved", "4"],
        ["T-1002", "2024-03-01 10:05", "2024-03-01 10:09", "", "Urgent", "Chat", "Open", ""],
        ["T-1003", "2024-03-02 08:00", "2024-03-02 09:45", "2024-03-03 08:00", "Low", "Phone", "Solved", "2"],
        ["T-1004", "2024-03-02 11:40", "2024-03-02 11:52", "2024-03-02 13:10", "Normal", "Email", "Closed", "5"],
      ],
    );
    expect(m.kind).toBe("feedback");
    expect(m.columns).toEqual(
      refs(
        "feedback.feedback_id", "feedback.created_at", "feedback.first_response_at", "feedback.resolved_at", "feedback.priority",
        "feedback.channel", "feedback.status", "feedback.csat_score",
      ),
    );
    expect(m.missing).toEqual([]);
    expect(m.confident).toBe(true);
  });

  it("maps a review export (Olist's shape) with no question asked", () => {
    const m = suggest(
      ["review_id", "order_id", "customer", "review_score", "review_comment_message", "review_creation_date"],
      [
        ["7bc2406110b926393aa56f80a40eba40", "73fc7af87114b39712e6da79b0a377eb", "C001", "4", "", "2018-01-18 00:00:00"],
        ["80e641a11e56f04c1ad469d5645fdfde", "a548910a1c6147796b98fdf73dbeba33", "C002", "5", "Recebi bem antes do prazo.", "2018-03-10 00:00:00"],
        ["228ce5500dc1d8e020d8d1322874b6f0", "f9e4b658b201a9f2ecdecbb34bed034b", "C003", "1", "Produto veio quebrado", "2018-02-17 00:00:00"],
      ],
    );
    expect(m.kind).toBe("feedback");
    expect(m.columns).toEqual(
      refs("feedback.feedback_id", null, "feedback.customer_id", "feedback.rating", "feedback.comment", "feedback.date"),
    );
    expect(m.confident).toBe(true);
  });
});
