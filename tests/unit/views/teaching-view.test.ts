/**
 * Teaching mode's view helpers: templates cut at their placeholders (so each number of a worked
 * formula carries its exact value), numbers written per kind and locale, and builder SQL made
 * readable for the console (parameters written in, template indentation removed).
 */
import { describe, expect, it } from "vitest";
import { templateParts } from "../../../src/views/shared/template-parts.ts";
import { formatTerm } from "../../../src/views/overview/worked-format.ts";
import { consoleDrafts, displaySql } from "../../../src/lib/state/console-draft.svelte.ts";
import { sql } from "../../../src/lib/analytics/sql.ts";
import { render } from "svelte/server";
import WorkedFormula from "../../../src/views/overview/WorkedFormula.svelte";
import { i18n } from "../../../src/lib/i18n/index.svelte.ts";

describe("templateParts", () => {
  it("cuts a template at its placeholders, text kept in order", () => {
    expect(templateParts("AOV = revenue {revenue} ÷ orders {orders} = {result}")).toEqual([
      { text: "AOV = revenue " }, { name: "revenue" }, { text: " ÷ orders " }, { name: "orders" }, { text: " = " }, { name: "result" },
    ]);
    expect(templateParts("{a}{b}")).toEqual([{ name: "a" }, { name: "b" }]);
    expect(templateParts("no numbers")).toEqual([{ text: "no numbers" }]);
  });
});

describe("formatTerm", () => {
  it("writes each kind of number as the cards and the course write it", () => {
    expect(formatTerm({ value: 1234567.891, format: "money" }, "en", "CNY")).toBe("CN¥1,234,567.89");
    expect(formatTerm({ value: 4321, format: "count" }, "zh-CN", null)).toBe("4,321");
    expect(formatTerm({ value: 0.4833, format: "percent" }, "en", null)).toBe("48.3%");
    expect(formatTerm({ value: 60, format: "days" }, "en", null)).toBe("60");
    expect(formatTerm({ value: 0.242593, format: "param" }, "en", null)).toBe("0.2426");
    expect(formatTerm({ value: 4.41357, format: "param" }, "zh-TW", null)).toBe("4.414");
  });
});

describe("displaySql", () => {
  it("writes the parameters in and removes the template's indentation and blank edges", () => {
    const fragment = sql`
      SELECT COUNT(*) AS n
      FROM sales
        WHERE day <= ${20453} AND channel = ${"App"}
    `;
    expect(displaySql(fragment)).toBe("SELECT COUNT(*) AS n\nFROM sales\n  WHERE day <= 20453 AND channel = 'App'");
  });
});

describe("consoleDrafts", () => {
  it("hands a draft over once", () => {
    consoleDrafts.offer({ sql: "SELECT 1", source: "NPS" });
    expect(consoleDrafts.take()).toEqual({ sql: "SELECT 1", source: "NPS" });
    expect(consoleDrafts.take()).toBeNull();
  });
});

describe("a worked formula on the page", () => {
  const aov = { key: "aov", terms: { revenue: { value: 480, format: "money" as const }, orders: { value: 5, format: "count" as const } }, result: 96 };
  const text = (html: string) => html.replace(/<!--[^>]*-->/g, "").replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();

  it("writes each number with its exact value beside it, in every language", () => {
    const expected = { en: "AOV = revenue $480.00 ÷ orders 5 = $96.00", "zh-CN": "客单价 = 收入 US$480.00 ÷ 订单数 5 = US$96.00", "zh-TW": "客單價 = 營收 US$480.00 ÷ 訂單數 5 = US$96.00" };
    for (const locale of ["en", "zh-CN", "zh-TW"] as const) {
      i18n.locale = locale;
      const html = render(WorkedFormula, { props: { formula: aov, format: "money", currency: "USD" } }).body;
      expect(html).toContain('data-term="revenue" data-value="480"');
      expect(html).toContain('data-term="orders" data-value="5"');
      expect(html).toContain('data-term="result" data-value="96"');
      expect(text(html)).toBe(expected[locale]);
    }
    i18n.locale = "en";
  });
});
