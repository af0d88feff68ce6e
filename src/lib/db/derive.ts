/**
 * Derived tables, rebuilt once per load or settings change and read by every analysis:
 * - `sales`: one row per order up to the analysis date, returns excluded, lines summed;
 * - `customer_summary`: one row per known customer (PRODUCT.md, testability contract).
 * Dates are integer epoch days (`day`), so date arithmetic is integer arithmetic.
 */
import type { Database } from "sql.js";
import { churnWindowFromGaps } from "./churn-window.ts";

/** Days in one model time unit. */
export const UNIT_DAYS = { day: 1, week: 7 } as const;

const isoToDay = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const dayToIso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export function parseIsoDay(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const day = isoToDay(iso);
  return Number.isFinite(day) ? day : null;
}

function scalar(db: Database, sql: string, params: (number | string | null)[] = []): number | string | null {
  const result = db.exec(sql, params)[0];
  const value = result?.values[0]?.[0];
  return value === undefined || value instanceof Uint8Array ? null : value;
}

/**
 * The analysis date when none is set: the latest order day; without orders the latest
 * feedback, interaction or signup day (never today, so an old export is not all churned).
 * A summary alone carries no dates, only durations up to its analysis date: today then.
 */
export function latestDataDay(db: Database): number | null {
  const candidates = [
    "SELECT MAX(order_day) FROM orders",
    "SELECT MAX(day) FROM feedback",
    "SELECT MAX(day) FROM interactions",
    "SELECT MAX(signup_day) FROM customers",
  ];
  for (const sql of candidates) {
    const day = scalar(db, sql);
    if (typeof day === "number") return day;
  }
  return scalar(db, "SELECT COUNT(*) FROM summaries") ? Math.floor(Date.now() / 86_400_000) : null;
}

/**
 * `sales.month`: the order's month index (year × 12 + month − 1; month / 3 is the quarter
 * index). strftime runs once per distinct order day (about a thousand), not once per order:
 * on 1M orders the column costs ~0.2 s here and saves seconds in every lifecycle and cohort query.
 */
function buildDayMonths(db: Database): void {
  db.run("DROP TABLE IF EXISTS temp.day_months");
  db.run("CREATE TEMP TABLE day_months (day INTEGER PRIMARY KEY, month INTEGER NOT NULL)");
  db.run(
    `INSERT INTO temp.day_months
     SELECT day, CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1
     FROM (SELECT DISTINCT order_day AS day FROM orders WHERE order_day IS NOT NULL)`,
  );
}

/**
 * `sales`. An order spread over several lines (a line-item export) is summed into one row;
 * when every order id is known to be on one line (`oneLinePerOrder`), the rows are copied as
 * they are: grouping 1M text keys costs a sort (~1 s) for nothing.
 */
export function buildSales(db: Database, asofDay: number, oneLinePerOrder: boolean): void {
  db.run("DROP TABLE IF EXISTS sales");
  buildDayMonths(db);
  // An order without an id is its own order: key it by file and row. Its month is that of
  // its first day (months rise with days, so MIN(month) is MIN(day)'s month). A single line
  // keeps its own columns; COALESCE(amount, 0.0) is what TOTAL(amount) gives it.
  const perOrder = oneLinePerOrder
    ? "customer_id, order_day AS day, COALESCE(amount, 0.0) AS amount, channel, day_months.month AS month"
    : "MIN(customer_id) AS customer_id, MIN(order_day) AS day, TOTAL(amount) AS amount, MIN(channel) AS channel, MIN(day_months.month) AS month";
  db.run(
    `CREATE TABLE sales AS
     SELECT COALESCE(order_id, '#' || _file || ':' || _row) AS order_key, ${perOrder}
     FROM orders LEFT JOIN temp.day_months ON day_months.day = orders.order_day
     WHERE is_return = 0 AND order_day <= ?
     ${oneLinePerOrder ? "" : "GROUP BY 1"}`,
    [asofDay],
  );
  db.run("DROP TABLE temp.day_months");
  db.run("CREATE INDEX sales_day ON sales(day)");
  // `amount` makes it cover each customer's spend per day (CLV inputs) without reading the table.
  db.run("CREATE INDEX sales_customer_day ON sales(customer_id, day, amount)");
  // Walks each customer's months in order without a sort (lifecycle, cohorts); `day` and
  // `amount` make it cover the date condition and the cohorts' revenue.
  db.run("CREATE INDEX sales_customer_month ON sales(customer_id, month, day, amount)");
}

/**
 * `purchase_gaps (gap, customers)`: how often each gap in days between consecutive purchase
 * days of the same customer occurs, over all of `sales` (the churn window is derived from
 * it; the Churn page shows it). The days are written in (customer, day) order, so a day's
 * predecessor is the row before it: a rowid join, about three times faster in sql.js than
 * LAG() over the same rows.
 */
export function buildPurchaseGaps(db: Database): void {
  db.run("DROP TABLE IF EXISTS purchase_gaps");
  db.run("DROP TABLE IF EXISTS temp.customer_days");
  db.run("CREATE TEMP TABLE customer_days AS SELECT DISTINCT customer_id, day FROM sales ORDER BY customer_id, day");
  db.run(
    `CREATE TABLE purchase_gaps AS
     SELECT next.day - previous.day AS gap, COUNT(*) AS customers
     FROM temp.customer_days AS previous
     JOIN temp.customer_days AS next ON next.rowid = previous.rowid + 1 AND next.customer_id = previous.customer_id
     GROUP BY gap ORDER BY gap`,
  );
  db.run("DROP TABLE temp.customer_days");
}

/** The churn window the purchase gaps suggest (churn-window.ts); buildPurchaseGaps first. */
export function suggestedChurnDays(db: Database): number {
  const rows = db.exec("SELECT gap, customers FROM purchase_gaps ORDER BY gap")[0]?.values ?? [];
  return churnWindowFromGaps(rows.map(([gap, n]) => ({ gap: Number(gap), customers: Number(n) })));
}

/** True when customers carry a churn label (subscription data: contractual churn). */
export function hasChurnColumn(db: Database): boolean {
  return scalar(db, "SELECT COUNT(*) FROM customers WHERE churned IS NOT NULL") !== 0;
}

/**
 * One row per customer known from orders or the customers table (first row per id wins).
 * recency_days counts to the day after asof (a purchase on asof has recency 1); stages and
 * churn follow PRODUCT.md. Scores and segment (customer-scores.ts) and the CLV model's
 * p_alive, expected_purchases and clv are written afterwards.
 */
export function buildCustomerSummary(db: Database, asofDay: number, churnDays: number, contractual: boolean, unit: keyof typeof UNIT_DAYS): void {
  db.run("DROP TABLE IF EXISTS customer_summary");
  // Customers known only from a loaded summary (summaries, lifetimes' shape) get their
  // first and last purchase back from T and recency, orders = frequency + 1 (or orders)
  // and monetary = total_spend (or monetary_value × orders); their quarters are unknown.
  db.run(
    `CREATE TABLE customer_summary AS
     WITH per AS MATERIALIZED (
            SELECT customer_id, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS frequency,
                   TOTAL(amount) AS monetary,
                   COUNT(DISTINCT month / 3) AS quarters
            FROM sales GROUP BY customer_id
            UNION ALL
            SELECT customer_id, :asof - CAST(ROUND(T * :unit) AS INTEGER), :asof - CAST(ROUND((T - recency) * :unit) AS INTEGER),
                   COALESCE(orders, frequency + 1),
                   COALESCE(total_spend, monetary_value * COALESCE(orders, frequency + 1), 0), NULL
            FROM summaries WHERE customer_id NOT IN (SELECT customer_id FROM sales)),
          attrs AS MATERIALIZED (
            SELECT * FROM customers
            WHERE rowid IN (SELECT MIN(rowid) FROM customers GROUP BY customer_id)
              AND (signup_day IS NULL OR signup_day <= :asof)),
          ids AS MATERIALIZED (SELECT customer_id FROM per UNION SELECT customer_id FROM attrs)
     SELECT ids.customer_id,
            date(per.first_day * 86400, 'unixepoch') AS first_order,
            date(per.last_day * 86400, 'unixepoch') AS last_order,
            per.first_day, per.last_day,
            COALESCE(per.frequency, 0) AS frequency,
            :asof + 1 - per.last_day AS recency_days,
            COALESCE(per.monetary, attrs.total_charges, 0) AS monetary,
            CAST(NULL AS INTEGER) AS r_score, CAST(NULL AS INTEGER) AS f_score, CAST(NULL AS INTEGER) AS m_score,
            CAST(NULL AS TEXT) AS segment, CAST(NULL AS TEXT) AS abc_tier,
            CASE WHEN per.customer_id IS NULL THEN 'contact'
                 WHEN :asof - per.last_day > :churn_days THEN 'churned'
                 WHEN per.quarters >= 3 THEN 'retained'
                 WHEN per.frequency >= 2 THEN 'developing'
                 ELSE 'acquired' END AS lifecycle_stage,
            CASE WHEN :contractual THEN attrs.churned
                 WHEN per.customer_id IS NULL THEN NULL
                 ELSE (:asof - per.last_day > :churn_days) END AS churned,
            CAST(NULL AS REAL) AS p_alive, CAST(NULL AS REAL) AS expected_purchases, CAST(NULL AS REAL) AS clv,
            attrs.name, attrs.email, attrs.phone, attrs.gender, attrs.region, attrs.country, attrs.city,
            attrs.acquisition_channel, attrs.tier, attrs.signup_date, attrs.contract_type, attrs.tenure_months
     FROM ids LEFT JOIN per USING (customer_id) LEFT JOIN attrs USING (customer_id)`,
    { ":asof": asofDay, ":churn_days": churnDays, ":contractual": contractual ? 1 : 0, ":unit": UNIT_DAYS[unit] },
  );
  db.run("CREATE UNIQUE INDEX customer_summary_id ON customer_summary(customer_id)");
}

/**
 * The currency of the orders: the most common ISO code in orders.currency, if any, among the
 * first 100,000 orders (counting all of a million costs 0.45 s for a label).
 */
export function ordersCurrency(db: Database): string | null {
  const code = scalar(
    db,
    `SELECT UPPER(TRIM(currency)) FROM (SELECT currency FROM orders WHERE currency IS NOT NULL LIMIT 100000)
     GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`,
  );
  if (typeof code !== "string") return null;
  if (code === "RMB") return "CNY";
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/**
 * `clv_inputs`: the per-customer summary the BG/NBD and Gamma-Gamma models read (PRODUCT.md),
 * in the model's time unit: purchases collapsed to one per day; x = repeat purchase days,
 * t_x = last − first purchase day, T = asof − first purchase day, m = mean spend of the
 * repeat days (the first day's spend left out, as `lifetimes` does). A loaded summary's
 * customers come in as they are, in the unit in force.
 */
export function buildClvInputs(db: Database, asofDay: number, unit: keyof typeof UNIT_DAYS): void {
  db.run("DROP TABLE IF EXISTS clv_inputs");
  // The days come off the covering (customer_id, day, amount) index in order, with no sort;
  // the first day's spend is then looked up once per customer (no window function, which
  // costs sql.js about a second on 1M orders).
  db.run(
    `CREATE TABLE clv_inputs AS
     WITH days AS (SELECT customer_id, day, TOTAL(amount) AS spend FROM sales GROUP BY customer_id, day),
          per AS (SELECT customer_id, COUNT(*) AS days, MIN(day) AS first_day, MAX(day) AS last_day, TOTAL(spend) AS spend
                  FROM days GROUP BY customer_id)
     SELECT customer_id, days - 1 AS x,
            (last_day - first_day) * 1.0 / :unit AS t_x,
            (:asof - first_day) * 1.0 / :unit AS T,
            CASE WHEN days > 1
                 THEN (spend - (SELECT TOTAL(amount) FROM sales WHERE sales.customer_id = per.customer_id AND sales.day = per.first_day)) / (days - 1)
                 ELSE 0 END AS m
     FROM per
     UNION ALL
     SELECT customer_id, frequency, recency, T, COALESCE(monetary_value, 0)
     FROM summaries WHERE customer_id NOT IN (SELECT customer_id FROM sales)`,
    { ":asof": asofDay, ":unit": UNIT_DAYS[unit] },
  );
}
