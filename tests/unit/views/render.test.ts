/**
 * View components rendered on the server (svelte/server): the predictive section in both
 * states, in English and Chinese, and the virtual table with 50,000 rows.
 */
import { afterEach, describe, expect, it } from "vitest";
import { render } from "svelte/server";
import type { Component } from "svelte";
import PredictivePanel from "../../../src/views/value/PredictivePanel.svelte";
import VirtualTable from "../../../src/views/shared/VirtualTable.svelte";
import type { TableColumn } from "../../../src/views/shared/table-column.ts";
import { DEFAULT_CLV, type ClvFitInfo, type ClvStatus } from "../../../src/lib/db/protocol.ts";
import { i18n, translate } from "../../../src/lib/i18n/index.svelte.ts";
import { cdnowFit } from "../../helpers/clv-fit.ts";
import { ViewState, viewStateEntry } from "../../../src/lib/state/view.svelte.ts";
import { datasetEntry, type Dataset } from "../../../src/lib/state/dataset.svelte.ts";
import type { ValueCustomer } from "../../../src/views/value/clv-view.ts";

// The panel's chart cards read the filters and the analysis date for their exports, as inside <App>.
const noData = { info: null } as Dataset;
const context = new Map<unknown, unknown>([viewStateEntry(new ViewState(null)), datasetEntry(noData)]);

afterEach(() => {
  i18n.locale = "en";
});

const unfitted = (status: ClvStatus): ClvFitInfo => ({ status, unit: "day", customers: 12, repeatCustomers: 3, bgnbd: null, gammaGamma: null, fitMs: 0 });

const customers: ValueCustomer[] = Array.from({ length: 40 }, (_, i) => ({
  customer_id: `C${i}`,
  name: null,
  segment: "Champions",
  frequency: 1 + (i % 7),
  monetary: 100 * (i + 1),
  p_alive: (i % 10) / 10,
  expected_purchases: i / 10,
  clv: 50 * i,
}));

const text = (html: string) => html.replace(/<!--[^>]*-->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the predictive section", () => {
  for (const status of ["no_orders", "no_repeat", "too_few", "no_convergence"] as const) {
    for (const locale of ["en", "zh-CN", "zh-TW"] as const) {
      it(`says why there is no prediction (${status}, ${locale}) and that historic value only is shown`, () => {
        i18n.locale = locale;
        const html = render(PredictivePanel, { props: { fit: unfitted(status), customers: [], clv: DEFAULT_CLV, currency: "CNY" }, context }).body;
        expect(html).toContain(`data-clv-status="${status}"`);
        const body = text(html);
        expect(body).toContain(translate(locale, `value.clv.status.${status}`, { customers: "12", repeat: "3" }));
        expect(body).toContain(translate(locale, "value.clv.status.historic_only"));
        expect(html).not.toContain("data-param");
      });
    }
  }

  const fitted = cdnowFit(87);

  it("shows the fitted parameters with their meaning, the summary and both distributions", () => {
    const html = render(PredictivePanel, { props: { fit: fitted, customers, clv: DEFAULT_CLV, currency: "USD" }, context }).body;
    for (const [model, name, value] of [["bgnbd", "r", 0.2426], ["bgnbd", "alpha", 4.4136], ["bgnbd", "a", 0.7929], ["bgnbd", "b", 2.4259], ["gamma_gamma", "p", 6.25], ["gamma_gamma", "q", 3.74], ["gamma_gamma", "v", 15.44]] as const) {
      expect(html).toContain(`data-model="${model}" data-param="${name}" data-value="${value}"`);
    }
    const body = text(html);
    expect(body).toContain("0.2426");
    expect(body).toContain("While active, a customer makes on average 0.055 purchases per week.");
    expect(body).toContain("After each purchase a customer becomes inactive with a chance of 24.6% on average.");
    expect(body).toContain("Expected spend per purchase, across customers: $35.22.");
    expect(body).toContain("Fitted on 2,357 customers (1,411 repeat buyers) in 87 ms; time unit: week.");
    expect(body).toContain("CLV distribution (12 months)");
    expect(body).toContain("P(alive) distribution");
    expect((html.match(/role="img"/g) ?? []).length).toBe(2);
    expect(html).toContain('data-testid="mean-p-alive" data-value="0.45"');
  });

  it("says so when only the purchase model could be fitted", () => {
    const html = render(PredictivePanel, { props: { fit: { ...fitted, gammaGamma: null }, customers: customers.map((c) => ({ ...c, clv: null })), clv: DEFAULT_CLV, currency: null }, context }).body;
    expect(text(html)).toContain("The spend model could not be fitted");
    expect(html).not.toContain('data-param="p"');
    expect(text(html)).toContain("P(alive) distribution");
    expect(text(html)).not.toContain("CLV distribution");
  });

  it("explains the parameters in Chinese without English words", () => {
    i18n.locale = "zh-CN";
    const body = text(render(PredictivePanel, { props: { fit: fitted, customers, clv: DEFAULT_CLV, currency: "CNY" }, context }).body);
    expect(body).toContain("BG/NBD 购买模型");
    expect(body).toContain("客户在活跃期间平均每周购买 0.055 次。");
    const english = (body.replace(/BG\/NBD|Gamma-Gamma|CLV|PNG|SVG|CSV/g, "").match(/[A-Za-z]{3,}/g) ?? []).filter((w) => w !== "CNY");
    expect(english).toEqual([]);
  });
});

describe("the virtual table", () => {
  interface Row {
    id: string;
    spend: number;
  }
  const rows: Row[] = Array.from({ length: 50_000 }, (_, i) => ({ id: `C${String(i + 1).padStart(5, "0")}`, spend: i }));
  const columns: TableColumn<Row>[] = [
    { key: "id", label: "Customer ID", width: 120, value: (r) => r.id, userText: true },
    { key: "spend", label: "Spend", width: 100, numeric: true, value: (r) => r.spend },
  ];

  it("renders only the rows in view out of 50,000, with the full row count for screen readers", () => {
    const html = render(VirtualTable as unknown as Component<Record<string, unknown>>, { props: { rows, columns, caption: "Members", rowKey: (r: Row) => r.id } }).body;
    expect(html).toContain('aria-rowcount="50001"');
    const rendered = (html.match(/<tr aria-rowindex=/g) ?? []).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect(html).toContain(">C00001<");
    expect(html).not.toContain(">C50000<");
    // The spacer below stands for every row not drawn.
    expect(html).toMatch(/class="spacer[^"]*" aria-hidden="true" style="height: \d{6,}px;"/);
    expect((html.match(/<button/g) ?? []).length).toBe(2);
  });
});
