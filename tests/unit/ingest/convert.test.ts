import { describe, expect, it } from "vitest";
import { CANONICAL_FIELDS } from "../../../src/lib/ingest/canonical.ts";
import { createRowConverter, dayKeyOf, parseErrorProblem } from "../../../src/lib/ingest/convert.ts";
import type { RowConverter } from "../../../src/lib/ingest/convert.ts";
import { suggestMapping } from "../../../src/lib/ingest/mapping.ts";
import type { FileMapping } from "../../../src/lib/ingest/mapping.ts";
import { profileColumns } from "../../../src/lib/ingest/profile.ts";

/** Profile (on `sample`), map and build the converter of a small file, as the app does. */
function converterOf(headers: string[], sample: string[][], decimalMark: "." | "," = "."): { convert: RowConverter; mapping: FileMapping } {
  const profiles = profileColumns(headers, sample, decimalMark);
  const mapping = suggestMapping(profiles);
  return { convert: createRowConverter(headers, profiles, mapping, decimalMark), mapping };
}

const JAN_5_2024 = 19727;

describe("dayKeyOf", () => {
  it("names the epoch-day key beside a date field", () => {
    expect(["order_date", "date", "signup_date", "birth_date", "churn_date", "created_at", "resolved_at"].map(dayKeyOf)).toEqual([
      "order_day", "day", "signup_day", "birth_day", "churn_day", "created_day", "resolved_day",
    ]);
  });
});

describe("createRowConverter: orders", () => {
  const headers = ["Order ID", "Customer ID", "Order Date", "Quantity", "Unit Price", "Status"];
  const rows = [
    ["A1", "C1", "2024-01-05", "3", "2.50", "Completed"],
    ["A2", "C2", "2024-01-06", "2", "10.00", "Refunded"],
    ["A3", "C1", "2024-01-07", "-1", "4.00", "已完成"],
    ["A4", "C3", "2024-02-30", "1", "1.00", "Completed"],
    ["A5", "", "2024-01-08", "1", "1.00", "Completed"],
  ];
  // The sample the profile sees holds the good rows (in a real file the bad ones are < 10 %).
  const { convert, mapping } = converterOf(headers, rows.slice(0, 3));

  it("uses a confident orders mapping with quantity × unit price", () => {
    expect(mapping).toMatchObject({ kind: "orders", missing: [], confident: true });
  });

  it("writes every orders field, the day key, amount = quantity × price and is_return", () => {
    const { records, problems } = convert(rows[0] as string[], 2);
    expect(problems).toEqual([]);
    expect(Object.keys(records)).toEqual(["orders"]);
    expect(records.orders).toEqual({
      order_id: "A1", customer_id: "C1", order_date: "2024-01-05", order_day: JAN_5_2024,
      amount: 7.5, // 3 × 2.50
      quantity: 3, unit_price: 2.5, currency: null, channel: null, category: null, product: null, status: "Completed",
      is_return: 0,
    });
  });

  it("flags returns by status word or by negative amount", () => {
    expect(convert(rows[1] as string[], 3).records.orders).toMatchObject({ amount: 20, is_return: 1 });
    expect(convert(rows[2] as string[], 4).records.orders).toMatchObject({ amount: -4, is_return: 1 });
  });

  it("reports a bad required date with its row and column, and drops the order", () => {
    expect(convert(rows[3] as string[], 5)).toEqual({
      records: {},
      problems: [{ row: 5, column: "Order Date", value: "2024-02-30", reason: "bad_date" }],
    });
  });

  it("reports a date outside 1900–2100 (a placeholder such as 9999-12-31) and drops the order", () => {
    for (const date of ["9999-12-31", "1899-12-31", "2101-01-01", "1000-01-01"]) {
      expect(convert(["A7", "C1", date, "1", "1.00", "Completed"], 7)).toEqual({
        records: {},
        problems: [{ row: 7, column: "Order Date", value: date, reason: "date_out_of_range" }],
      });
    }
    // The first and last days of the range are kept: 1900-01-01 is day −25,567 (70 × 365 + 17 leap days before 1970).
    expect(convert(["A8", "C1", "1900-01-01", "1", "1.00", "Completed"], 8).records.orders).toMatchObject({ order_day: -25567 });
    expect(convert(["A9", "C1", "2100-12-31", "1", "1.00", "Completed"], 9).records.orders).toMatchObject({ order_date: "2100-12-31" });
  });

  it("reports a missing required value and drops the order", () => {
    expect(convert(rows[4] as string[], 6)).toEqual({
      records: {},
      problems: [{ row: 6, column: "Customer ID", value: "", reason: "missing_required" }],
    });
  });

  it("drops a record whose required cells are blank (a short row fitted with empty cells)", () => {
    const short = convert(["A6", "C1", "2024-01-05", "", "", ""], 8);
    expect(short.problems).toEqual([
      { row: 8, column: "Quantity", value: "", reason: "missing_required" },
      { row: 8, column: "Unit Price", value: "", reason: "missing_required" },
    ]);
    expect(short.records).toEqual({});
  });
});

describe("createRowConverter: values of optional fields", () => {
  const headers = ["CustomerID", "Name", "Email", "Phone", "Signup Date", "Churn", "Tenure"];
  const rows = [
    ["C1", "Li", "li@example.com", "138-1234-5678", "05/01/2024", "Yes", "12"],
    ["C2", "Wu", "wu@example.com", "139-1234-5678", "25/01/2024", "No", "3"],
  ];
  const { convert, mapping } = converterOf(headers, rows);

  it("reads day-first dates as the column's profile found them", () => {
    expect(mapping.kind).toBe("customers");
    expect(convert(rows[0] as string[], 2).records.customers).toMatchObject({
      customer_id: "C1", signup_date: "2024-01-05", signup_day: JAN_5_2024, churned: 1, tenure_months: 12,
      birth_date: null, birth_day: null, churn_date: null, churn_day: null,
    });
  });

  it("keeps the record with null + a problem for bad optional values; keeps bad emails and phones as text", () => {
    const { records, problems } = convert(["C3", "Ma", "not-an-email", "12ab", "31/02/2024", "perhaps", "many"], 9);
    expect(records.customers).toMatchObject({
      customer_id: "C3", email: "not-an-email", phone: "12ab", signup_date: null, signup_day: null, churned: null, tenure_months: null,
    });
    expect(problems).toEqual([
      { row: 9, column: "Email", value: "not-an-email", reason: "bad_email" },
      { row: 9, column: "Phone", value: "12ab", reason: "bad_phone" },
      { row: 9, column: "Signup Date", value: "31/02/2024", reason: "bad_date" },
      { row: 9, column: "Churn", value: "perhaps", reason: "bad_flag" },
      { row: 9, column: "Tenure", value: "many", reason: "bad_number" },
    ]);
  });

  it("reads missing markers of optional fields as null without a problem", () => {
    const { records, problems } = convert(["C4", "NA", "", "-", "N/A", "null", ""], 10);
    expect(problems).toEqual([]);
    expect(records.customers).toMatchObject({ name: null, email: null, phone: null, signup_date: null, churned: null });
  });

  it("reports a repeated customer ID of a customers file and drops the repeat", () => {
    const fresh = converterOf(headers, rows).convert;
    expect(fresh(rows[0] as string[], 2).problems).toEqual([]);
    expect(fresh(rows[0] as string[], 3)).toEqual({
      records: {},
      problems: [{ row: 3, column: "CustomerID", value: "C1", reason: "duplicate_id" }],
    });
  });
});

describe("createRowConverter: flat files", () => {
  const headers = ["Order ID", "Order Date", "Customer ID", "Customer Name", "Region", "Sales"];
  const rows = [
    ["O1", "2024-01-05", "C1", "Li", "East", "$12.00"],
    ["O2", "2024-01-05", "C1", "Li", "East", "$8.00"],
  ];
  const { convert, mapping } = converterOf(headers, rows);

  it("fills orders and customers from one row, the customers keyed by the order's customer ID", () => {
    expect(mapping.kind).toBe("flat");
    const { records, problems } = convert(rows[0] as string[], 2);
    expect(problems).toEqual([]);
    expect(records.orders).toMatchObject({ order_id: "O1", customer_id: "C1", amount: 12, is_return: 0 });
    expect(records.customers).toMatchObject({ customer_id: "C1", name: "Li", region: "East", email: null });
    expect(Object.keys(records.customers ?? {})).toHaveLength(CANONICAL_FIELDS.customers.length + 3); // + birth_day, signup_day, churn_day
  });

  it("does not call a repeated customer of a flat file a duplicate", () => {
    expect(convert(rows[1] as string[], 3).problems).toEqual([]);
  });

  it("reports a missing customer ID once although it keys both tables", () => {
    expect(convert(["O3", "2024-01-05", "", "Wu", "West", "$1.00"], 4)).toEqual({
      records: {},
      problems: [{ row: 4, column: "Customer ID", value: "", reason: "missing_required" }],
    });
  });
});

describe("createRowConverter: feedback", () => {
  const headers = ["Ticket ID", "Customer ID", "Created At", "First Response At", "Resolved At", "NPS", "Satisfaction", "Comment"];
  const rows = [
    ["T1", "C1", "2024-01-05 09:00", "2024-01-05 09:15", "2024-01-06 09:00", "9", "5", "quick"],
    ["T2", "C2", "2024-01-05 10:00", "2024-01-05 10:30", "2024-01-05 16:00", "3", "2", "slow"],
  ];
  const { convert, mapping } = converterOf(headers, rows);
  const withDate = () => converterOf(["Date", ...headers], rows.map((r) => ["2024-01-05", ...r]));

  it("maps the case timestamps and scores; created_at stands in for the date", () => {
    expect(mapping.kind).toBe("feedback");
    expect(mapping).toMatchObject({ missing: [], confident: true });
  });

  it("takes a ticket's date and day from created_at when no date column is mapped", () => {
    const { records, problems } = convert(rows[0] as string[], 2);
    expect(problems).toEqual([]);
    expect(records.feedback).toMatchObject({
      feedback_id: "T1", date: "2024-01-05 09:00", day: JAN_5_2024, created_day: JAN_5_2024 + 9 / 24,
      first_response_minutes: 15, resolution_hours: 24,
    });
  });

  it("computes response minutes and resolution hours from the timestamps", () => {
    const { convert: fromDate, mapping: dated } = withDate();
    expect(dated.confident).toBe(true);
    const { records, problems } = fromDate(["2024-01-05", ...(rows[0] as string[])], 2);
    expect(problems).toEqual([]);
    expect(records.feedback).toMatchObject({
      feedback_id: "T1", date: "2024-01-05", day: JAN_5_2024,
      created_at: "2024-01-05 09:00", created_day: JAN_5_2024 + 9 / 24,
      first_response_minutes: 15, // 09:15 − 09:00
      resolution_hours: 24, // next day 09:00 − 09:00
      nps_score: 9, csat_score: 5, comment: "quick", priority: null,
    });
  });

  it("reports out-of-range scores, and a response before the ticket was created as an impossible timing", () => {
    const { records, problems } = withDate().convert(
      ["2024-01-05", "T9", "C9", "2024-01-05 10:00", "2024-01-05 09:50", "2024-01-05 12:30", "11", "0", "?"],
      7,
    );
    // The resolution (2.5 h) is possible on its own, but the ticket's timings are all left out.
    expect(records.feedback).toMatchObject({
      feedback_id: "T9", nps_score: null, csat_score: null, first_response_minutes: null, resolution_hours: null,
    });
    expect(problems).toEqual([
      { row: 7, column: "NPS", value: "11", reason: "out_of_range" },
      { row: 7, column: "Satisfaction", value: "0", reason: "out_of_range" },
      { row: 7, column: "First Response At", value: "2024-01-05 09:50", reason: "impossible_timing" },
    ]);
  });

  it("reports a ticket resolved before its first response, naming the resolution", () => {
    const { records, problems } = convert(["T8", "C8", "2024-01-05 09:00", "2024-01-05 11:00", "2024-01-05 10:00", "7", "3", ""], 9);
    expect(records.feedback).toMatchObject({ feedback_id: "T8", first_response_minutes: null, resolution_hours: null, nps_score: 7 });
    expect(problems).toEqual([{ row: 9, column: "Resolved At", value: "2024-01-05 10:00", reason: "impossible_timing" }]);
  });

  it("reports a repeated feedback ID", () => {
    const { convert: fromDate } = withDate();
    const row = ["2024-01-05", ...(rows[1] as string[])];
    expect(fromDate(row, 3).problems).toEqual([]);
    expect(fromDate(row, 4).problems).toEqual([{ row: 4, column: "Ticket ID", value: "T2", reason: "duplicate_id" }]);
  });

  it("fills no table whose required field is unmapped (no date, no created_at)", () => {
    const noDate = converterOf(["Ticket ID", "NPS", "Comment"], [["T1", "9", "ok"], ["T2", "3", "slow"]]);
    expect(noDate.mapping.missing).toEqual([{ table: "feedback", field: "date" }]);
    expect(noDate.convert(["T1", "9", "ok"], 2)).toEqual({ records: {}, problems: [] });
  });
});

describe("createRowConverter: service times mapped as numbers", () => {
  const headers = ["Date", "Ticket ID", "First response time", "Resolution time", "Priority"];
  const sample = [
    ["2024-01-05", "T1", "12", "3.5", "High"],
    ["2024-01-05", "T2", "40", "26", "Low"],
  ];
  const { convert, mapping } = converterOf(headers, sample);
  /** Converts one ticket (its ID from its row number, so that no two calls share an ID). */
  const timings = (minutes: string, hours: string, row: number) => {
    const { records, problems } = convert(["2024-01-05", `T${row}`, minutes, hours, "Urgent"], row);
    const f = records.feedback ?? {};
    return { minutes: f.first_response_minutes, hours: f.resolution_hours, problems };
  };

  it("maps the durations and the priority", () => {
    expect(mapping.columns).toEqual([
      { table: "feedback", field: "date" }, { table: "feedback", field: "feedback_id" },
      { table: "feedback", field: "first_response_minutes" }, { table: "feedback", field: "resolution_hours" },
      { table: "feedback", field: "priority" },
    ]);
    expect(convert(sample[0] as string[], 2).records.feedback).toMatchObject({ first_response_minutes: 12, resolution_hours: 3.5, priority: "High" });
  });

  it("keeps possible timings, a resolution exactly at the first response included", () => {
    // 0.5 h = 30 min: resolved in the minute of the first response.
    expect(timings("30", "0.5", 10)).toEqual({ minutes: 30, hours: 0.5, problems: [] });
    expect(timings("246", "4.1", 11)).toEqual({ minutes: 246, hours: 4.1, problems: [] }); // 4.1 × 60 = 245.99999999999997
    expect(timings("5", "", 12)).toEqual({ minutes: 5, hours: null, problems: [] }); // still open
  });

  it("makes a negative duration or a resolution before the first response one impossible timing, both times null", () => {
    expect(timings("-5", "2", 3)).toEqual({
      minutes: null, hours: null, problems: [{ row: 3, column: "First response time", value: "-5", reason: "impossible_timing" }],
    });
    expect(timings("15", "-2", 4)).toEqual({
      minutes: null, hours: null, problems: [{ row: 4, column: "Resolution time", value: "-2", reason: "impossible_timing" }],
    });
    // 0.25 h = 15 min, before the first response at 30 min.
    expect(timings("30", "0.25", 5)).toEqual({
      minutes: null, hours: null, problems: [{ row: 5, column: "Resolution time", value: "0.25", reason: "impossible_timing" }],
    });
    // Both negative: one problem for the ticket, the first column named.
    expect(timings("-1", "-1", 6).problems).toEqual([{ row: 6, column: "First response time", value: "-1", reason: "impossible_timing" }]);
  });
});

describe("createRowConverter: star ratings written as text", () => {
  const headers = ["Review Date", "Rating", "Comment"];
  const sample = [
    ["2024-01-05", "★★★★☆", "good"],
    ["2024-01-06", "2 stars", "meh"],
    ["2024-01-07", "5星", "很好"],
    ["2024-01-08", "3", "ok"],
  ];
  const { convert, mapping } = converterOf(headers, sample);

  it("reads drawn and written stars as the 1–5 rating, and reports a sixth star as out of range", () => {
    expect(mapping.columns[1]).toEqual({ table: "feedback", field: "rating" });
    expect(sample.map((r, i) => convert(r, i + 2).records.feedback?.rating)).toEqual([4, 2, 5, 3]);
    expect(convert(["2024-01-09", "★★★★★★", "wow"], 6).problems).toEqual([
      { row: 6, column: "Rating", value: "★★★★★★", reason: "out_of_range" },
    ]);
  });
});

describe("parseErrorProblem", () => {
  it("turns a parse error into a whole-row problem", () => {
    expect(parseErrorProblem({ record: 12, message: "Quoted field unterminated" })).toEqual({
      row: 12, column: "", value: "Quoted field unterminated", reason: "parse_error",
    });
  });
});
