/** The Satisfaction page's charts: horizontal bars around zero, the score trend over its answer counts. */
import { describe, expect, it } from "vitest";
import { render } from "svelte/server";
import RowBars from "../../../src/lib/charts/RowBars.svelte";
import ScoreTrend from "../../../src/lib/charts/ScoreTrend.svelte";
import { rowBarLayout } from "../../../src/lib/charts/row-bars.ts";
import { definedRuns, volumeHeights, type TrendMonth } from "../../../src/lib/charts/trend.ts";

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("rowBarLayout", () => {
  it("draws bars from the zero line, negative ones to its left (the worked example)", () => {
    // Domain [-20, 40] over 300 px: 5 px a point, zero at 100.
    const layout = rowBarLayout([40, -20, null], 300);
    expect(layout.zero).toBe(100);
    expect(layout.spans).toEqual([{ x: 100, width: 200 }, { x: 0, width: 100 }, null]);
  });
  it("starts at the left edge when every value is positive", () => {
    const layout = rowBarLayout([0.5, 0.25], 200);
    expect(layout.zero).toBe(0);
    // valueDomain rounds 0.5 to a nice 0.5: the largest bar fills the plot.
    expect(layout.spans.map((s) => s?.width)).toEqual([200, 100]);
  });
  it("has nothing to draw for no values", () => {
    expect(rowBarLayout([null], 100).spans).toEqual([null]);
  });
});

describe("trend maths", () => {
  it.each<[(number | null)[], number[][]]>([
    [[1, null, 2, 3, null], [[0], [2, 3]]],
    [[null, null], []],
    [[5, 6, 7], [[0, 1, 2]]],
    [[], []],
  ])("definedRuns(%j) = %j", (values, runs) => {
    expect(definedRuns(values)).toEqual(runs);
  });
  it("scales count bars so that the largest fills the strip", () => {
    expect(volumeHeights([0, 5, 10], 40)).toEqual([0, 20, 40]);
    expect(volumeHeights([0, 0], 40)).toEqual([0, 0]);
  });
});

describe("RowBars", () => {
  const html = render(RowBars, {
    props: {
      rows: [
        { key: "web", label: "Web", value: 35, text: "35 · 120", tone: 0 },
        { key: "phone", label: "Phone", value: -12, text: "−12 · 8", faded: true },
        { key: "none", label: "Mail", value: null, text: "— · 0", userLabel: true },
      ],
      title: "NPS by channel",
      description: "Web is highest.",
    },
  }).body;
  it("is an image with a title and a description", () => {
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title[^>]*>NPS by channel<\/title>/);
    expect(html).toMatch(/<desc[^>]*>Web is highest.<\/desc>/);
  });
  it("draws a bar per row with a value, faded where asked, and every row's text", () => {
    expect(count(html, 'class="bar ')).toBe(2);
    expect(count(html, " faded")).toBe(1);
    for (const text of ["35 · 120", "−12 · 8", "— · 0"]) expect(html).toContain(text);
    expect(count(html, "data-user-text")).toBe(1);
  });
});

describe("ScoreTrend", () => {
  const months: TrendMonth[] = [
    { key: "2024-01-01", label: "Jan 2024", tick: "Jan", value: 40, responses: 50 },
    { key: "2024-02-01", label: "Feb 2024", tick: "Feb", value: null, responses: 0 },
    { key: "2024-03-01", label: "Mar 2024", tick: "Mar", value: -10, responses: 4 },
    { key: "2024-04-01", label: "Apr 2024", tick: "Apr", value: 20, responses: 31 },
  ];
  const html = render(ScoreTrend, {
    props: {
      months,
      title: "NPS over time",
      description: "Monthly NPS",
      formatValue: (v: number) => String(v),
      formatResponses: (n: number) => `${n} responses`,
      minResponses: 30,
      legend: { line: "NPS", volume: "Responses", few: "Fewer than 30 responses" },
    },
  }).body;
  it("breaks the line at the month nobody answered and fades the point with few answers", () => {
    expect(count(html, 'class="line"')).toBe(2);
    expect(count(html, 'class="dot ')).toBe(3);
    expect(count(html, " few")).toBe(1);
    expect(count(html, 'class="volume ')).toBe(3);
  });
  it("names the answers behind each month for the keyboard and the screen reader", () => {
    expect(html).toContain('aria-label="Mar 2024 · 4 responses: -10"');
    expect(html).toContain('aria-label="Feb 2024 · 0 responses: —"');
    expect(html).toContain("Fewer than 30 responses");
  });
});
