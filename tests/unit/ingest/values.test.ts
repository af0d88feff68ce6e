import { describe, expect, it } from "vitest";
import {
  detectCurrency, detectDateOrder, epochDayToIso, epochDayToIsoDateTime, isMissing, isValidEmail, isValidPhone, parseDate,
  parseFlag, parseNumber, parseStars,
} from "../../../src/lib/ingest/values.ts";

// 2024-01-05: 54 years after 1970 (54 × 365 = 19,710 days, plus 13 leap days 1972…2020)
// = 19,723 days to 2024-01-01, plus 4 → 19,727.
const JAN_5_2024 = 19727;

describe("isMissing", () => {
  it.each(["", "  ", "NA", "n/a", "N/A", "#N/A", "null", "NULL", "-", "—", "None", "nan", " NaN "])("%j is missing", (text) => {
    expect(isMissing(text)).toBe(true);
  });
  it.each(["0", "no", "nada", "--5", "Nancy"])("%j is a value", (text) => {
    expect(isMissing(text)).toBe(false);
  });
});

describe("parseNumber", () => {
  it.each([
    ["12", ".", 12],
    ["12.5", ".", 12.5],
    [".5", ".", 0.5],
    ["￥1,234.50", ".", 1234.5],
    ["¥ 1,234.50", ".", 1234.5],
    ["$1,234", ".", 1234],
    ["1 234 567.8", ".", 1234567.8],
    ["1\u00a0234", ".", 1234],
    ["RMB 12", ".", 12],
    ["CNY12.00", ".", 12],
    ["12元", ".", 12],
    ["HK$3", ".", 3],
    ["NT$ 1,000", ".", 1000],
    ["12 usd", ".", 12],
    ["€1.234,50", ",", 1234.5],
    ["1.234,50 €", ",", 1234.5],
    ["12,5", ",", 12.5],
    ["1 234,5", ",", 1234.5],
    ["(12.00)", ".", -12],
    ["-12", ".", -12],
    ["12-", ".", -12],
    ["-$12", ".", -12],
    ["$-12", ".", -12],
    ["+5", ".", 5],
    ["1.5e3", ".", 1500],
  ] as const)("%j with decimal mark %j is %d", (text, mark, value) => {
    expect(parseNumber(text, mark)).toBe(value);
  });

  it.each([
    ["abc", "."],
    ["12abc", "."],
    ["1.2.3", "."],
    ["1.2.3", ","],
    ["1,23", "."],
    ["12.50", ","],
    ["--12", "."],
    ["(-12)", "."],
    ["$", "."],
    ["", "."],
    ["1e309", "."],
    ["-1e309", "."],
    ["9".repeat(400), "."],
    ["9".repeat(400) + ",5", ","],
    ["Infinity", "."],
    ["NaN", "."],
  ] as const)("%j with decimal mark %j is not a number", (text, mark) => {
    expect(parseNumber(text, mark)).toBeNull();
  });
});

describe("detectCurrency", () => {
  it("names the currency of the symbols, by majority", () => {
    expect(detectCurrency(["￥12", "¥3", "15元", "$4"])).toBe("CNY");
    expect(detectCurrency(["$12", "$3"])).toBe("USD");
    expect(detectCurrency(["€12", "3 EUR"])).toBe("EUR");
    expect(detectCurrency(["£12"])).toBe("GBP");
    expect(detectCurrency(["HK$12", "HK$3", "$1"])).toBe("HKD");
    expect(detectCurrency(["NT$12"])).toBe("TWD");
    expect(detectCurrency(["RMB 5", "cny 6"])).toBe("CNY");
  });
  it("is null when no value carries a symbol", () => {
    expect(detectCurrency(["12", "3.5"])).toBeNull();
  });
});

describe("parseDate", () => {
  it.each([
    ["2024-01-05", "ymd", JAN_5_2024],
    ["2024/1/5", "ymd", JAN_5_2024],
    ["2024/1/5", "dmy", JAN_5_2024], // a four-digit first part is a year in any order
    ["2024.01.05", "mdy", JAN_5_2024],
    ["20240105", "dmy", JAN_5_2024],
    ["05/01/2024", "dmy", JAN_5_2024],
    ["1/5/2024", "mdy", JAN_5_2024],
    ["5.1.2024", "dmy", JAN_5_2024],
    ["05/01/24", "dmy", JAN_5_2024],
    ["24/01/05", "ymd", JAN_5_2024],
    ["2024年1月5日", "dmy", JAN_5_2024],
    ["2024年01月05日", "ymd", JAN_5_2024],
    // 05/01/2024 read month first is 1 May: 19,723 + 31 + 29 + 31 + 30 = 19,844.
    ["05/01/2024", "mdy", 19844],
    // 05/01/75: 1975-01-05 = 5 × 365 + 1 (1972) + 4 = 1,830.
    ["05/01/75", "dmy", 1830],
    ["2000-02-29", "ymd", 11016], // 30 × 365 + 7 leap days (1972…1996) + 31 + 28
  ] as const)("%j read %s is day %d", (text, order, day) => {
    expect(parseDate(text, order)).toBe(day);
  });

  it.each([
    ["2024-01-05 12:00", "ymd", JAN_5_2024 + 0.5],
    ["2024-01-05T12:00:00Z", "ymd", JAN_5_2024 + 0.5],
    ["2024-01-05T12:00:00.000+08:00", "ymd", JAN_5_2024 + 0.5], // wall-clock time kept
    ["2024-01-05 06:00:00", "ymd", JAN_5_2024 + 0.25],
    ["05/01/2024 18:00", "dmy", JAN_5_2024 + 0.75],
    ["1/5/2024 6:00 PM", "mdy", JAN_5_2024 + 0.75],
    ["1/5/2024 12:00 AM", "mdy", JAN_5_2024],
    ["2024年1月5日 18:00", "ymd", JAN_5_2024 + 0.75],
    ["2024年1月5日 18时00分", "ymd", JAN_5_2024 + 0.75],
  ] as const)("%j read %s is day %d (time as a fraction)", (text, order, day) => {
    expect(parseDate(text, order)).toBe(day);
  });

  it("reads 13:45 as 825 minutes of 1,440", () => {
    expect(parseDate("2024-01-05 13:45", "ymd")).toBeCloseTo(JAN_5_2024 + 825 / 1440, 12);
  });

  it.each([
    ["2024-02-30", "ymd"],
    ["2023-02-29", "ymd"],
    ["2024-13-01", "ymd"],
    ["2024-00-10", "ymd"],
    ["05/13/2024", "dmy"],
    ["05/01/2024", "ymd"],
    ["2024-01-05 24:00", "ymd"],
    ["1/5/2024 13:00 PM", "mdy"],
    ["hello", "ymd"],
    ["12.5", "dmy"],
    ["2024", "ymd"],
    ["5/1/202", "dmy"],
  ] as const)("%j read %s is not a date", (text, order) => {
    expect(parseDate(text, order)).toBeNull();
  });
});

describe("detectDateOrder", () => {
  it("reads year-first columns as ymd", () => {
    expect(detectDateOrder(["2024-01-05", "2024/1/6", "20240107", "2024年1月8日", ""])).toBe("ymd");
  });
  it("resolves day-first from a first part > 12", () => {
    expect(detectDateOrder(["03/04/2024", "25/04/2024"])).toBe("dmy");
  });
  it("resolves month-first from a second part > 12", () => {
    expect(detectDateOrder(["03/04/2024", "04/25/2024 13:45"])).toBe("mdy");
  });
  it("ties (all parts ≤ 12) go to dmy…", () => {
    expect(detectDateOrder(["03/04/2024", "01/02/2024"])).toBe("dmy");
    expect(detectDateOrder(["3.4.2024", "1.2.2024"])).toBe("dmy");
    expect(detectDateOrder(["3/4/2024", "01/02/2024"])).toBe("dmy"); // a padded first part
  });
  it("…unless the column looks like a US export (m/d/yyyy unpadded, or AM/PM times)", () => {
    expect(detectDateOrder(["3/4/2024", "1/2/2024", "11/12/2024"])).toBe("mdy");
    expect(detectDateOrder(["03/04/2024 1:00 PM", "01/02/2024 9:15 AM"])).toBe("mdy");
  });
  it("is null for values that are not dates, or not consistently", () => {
    expect(detectDateOrder(["abc", "12"])).toBeNull();
    expect(detectDateOrder(["NA", ""])).toBeNull();
    expect(detectDateOrder(["2024-01-05", "x", "y"])).toBeNull();
    // One value each way: whichever order is chosen, half the values are impossible.
    expect(detectDateOrder(["25/04/2024", "04/25/2024"])).toBeNull();
  });
});

describe("epoch day formatting", () => {
  it("writes ISO dates and minute-precision date-times", () => {
    expect(epochDayToIso(JAN_5_2024)).toBe("2024-01-05");
    expect(epochDayToIso(JAN_5_2024 + 0.99)).toBe("2024-01-05");
    expect(epochDayToIso(0)).toBe("1970-01-01");
    expect(epochDayToIso(-1)).toBe("1969-12-31");
    expect(epochDayToIso(11016)).toBe("2000-02-29");
    expect(epochDayToIsoDateTime(JAN_5_2024 + 0.5)).toBe("2024-01-05 12:00");
    expect(epochDayToIsoDateTime(JAN_5_2024 + 825 / 1440)).toBe("2024-01-05 13:45");
    // 23:59:50 rounds to the next day's midnight.
    expect(epochDayToIsoDateTime(JAN_5_2024 + 86390 / 86400)).toBe("2024-01-06 00:00");
  });
  it("round-trips every day of 1900–2100 through parseDate", () => {
    for (let day = -25567; day <= 47482; day += 1) {
      expect(parseDate(epochDayToIso(day), "ymd")).toBe(day);
    }
  });
});

describe("parseFlag", () => {
  it.each(["Yes", "Y", "true", "TRUE", "1", "是", "有", "churned", "流失"])("%j is 1", (t) => expect(parseFlag(t)).toBe(1));
  it.each(["No", "n", "false", "0", "否", "无", "無", "active", "未流失"])("%j is 0", (t) => expect(parseFlag(t)).toBe(0));
  it.each(["maybe", "2", ""])("%j is not a flag", (t) => expect(parseFlag(t)).toBeNull());
});

describe("isValidEmail / isValidPhone", () => {
  it("checks the shape of emails", () => {
    expect(isValidEmail("li.wei@example.com")).toBe(true);
    expect(isValidEmail(" wu@mail.example.cn ")).toBe(true);
    expect(isValidEmail("li.wei@example")).toBe(false);
    expect(isValidEmail("li wei@example.com")).toBe(false);
    expect(isValidEmail("@example.com")).toBe(false);
    expect(isValidEmail("a@b@example.com")).toBe(false);
  });
  it("accepts 6–15 digits grouped with + ( ) - . / and spaces", () => {
    expect(isValidPhone("138-1234-5678")).toBe(true);
    expect(isValidPhone("13812345678")).toBe(true);
    expect(isValidPhone("+86 138 1234 5678")).toBe(true);
    expect(isValidPhone("(02) 2345-6789")).toBe(true);
    expect(isValidPhone("12345")).toBe(false);
    expect(isValidPhone("1234567890123456")).toBe(false);
    expect(isValidPhone("138-1234-567x")).toBe(false);
    expect(isValidPhone("86+13812345678")).toBe(false);
  });
});

describe("parseStars", () => {
  it.each([
    ["★★★★☆", 4],
    ["★☆☆☆☆", 1],
    ["☆☆☆☆☆", 0],
    ["⭐⭐⭐", 3],
    ["4 stars", 4],
    ["1 Star", 1],
    ["4.5 stars", 4.5],
    ["4星", 4],
    ["4 顆星", 4],
    ["3颗星", 3],
    ["４星", 4],
    [" 5 stars ", 5],
  ] as const)("%j → %d", (text, stars) => {
    expect(parseStars(text)).toBe(stars);
  });
  it.each(["4", "four stars", "star", "明星", "5 stars and more", "★ 4", ""])("%j is not a star rating", (text) => {
    expect(parseStars(text)).toBeNull();
  });
});
