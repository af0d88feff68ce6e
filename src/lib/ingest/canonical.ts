/**
 * The canonical data model (PRODUCT.md, "Data model"): the tables every analysis reads,
 * and for each field the kind of value it holds. Mapping targets these fields; the db
 * layer derives its DDL from them, so this is the one place a field is declared.
 */

export type CanonicalTable = "customers" | "orders" | "feedback" | "interactions" | "summaries";

export const CANONICAL_TABLES: readonly CanonicalTable[] = ["customers", "orders", "feedback", "interactions", "summaries"];

/**
 * What a field holds once coerced:
 * - id / text / category: kept as text (IDs and phones never become numbers);
 * - date: a calendar day, stored as an ISO string plus an integer epoch day;
 * - datetime: a moment, stored as ISO text (minutes precision) plus fractional epoch day;
 * - money / number: a JS number (money accepts currency symbols and thousands separators);
 * - score: a number that must lie inside `range`;
 * - flag: 0/1 from Yes/No, true/false, 1/0, 是/否, Y/N;
 * - email / phone: text checked for shape.
 */
export type FieldKind =
  | "id"
  | "text"
  | "category"
  | "date"
  | "datetime"
  | "money"
  | "number"
  | "score"
  | "flag"
  | "email"
  | "phone";

export interface CanonicalField {
  table: CanonicalTable;
  name: string;
  kind: FieldKind;
  /** Required for the table to be usable (PRODUCT.md marks them with *). */
  required?: boolean;
  /** Inclusive valid range for scores. */
  range?: readonly [number, number];
}

const field = (
  table: CanonicalTable,
  name: string,
  kind: FieldKind,
  extra: Partial<Pick<CanonicalField, "required" | "range">> = {},
): CanonicalField => ({ table, name, kind, ...extra });

export const CANONICAL_FIELDS: Record<CanonicalTable, readonly CanonicalField[]> = {
  customers: [
    field("customers", "customer_id", "id", { required: true }),
    field("customers", "name", "text"),
    field("customers", "email", "email"),
    field("customers", "phone", "phone"),
    field("customers", "region", "category"),
    field("customers", "country", "category"),
    field("customers", "city", "category"),
    field("customers", "gender", "category"),
    field("customers", "birth_date", "date"),
    field("customers", "acquisition_channel", "category"),
    field("customers", "signup_date", "date"),
    field("customers", "tier", "category"),
    field("customers", "churned", "flag"),
    field("customers", "churn_date", "date"),
    field("customers", "contract_type", "category"),
    field("customers", "tenure_months", "number"),
    // Subscription charges: total_charges is the customer's spend when there are no orders.
    field("customers", "monthly_charges", "money"),
    field("customers", "total_charges", "money"),
  ],
  orders: [
    field("orders", "order_id", "id"),
    field("orders", "customer_id", "id", { required: true }),
    field("orders", "order_date", "date", { required: true }),
    // Required unless quantity and unit_price are both mapped (see requiredSatisfied).
    field("orders", "amount", "money", { required: true }),
    field("orders", "quantity", "number"),
    field("orders", "unit_price", "money"),
    field("orders", "currency", "category"),
    field("orders", "channel", "category"),
    field("orders", "category", "category"),
    field("orders", "product", "text"),
    field("orders", "status", "category"),
  ],
  feedback: [
    field("feedback", "feedback_id", "id"),
    field("feedback", "customer_id", "id"),
    field("feedback", "date", "date", { required: true }),
    field("feedback", "nps_score", "score", { range: [0, 10] }),
    field("feedback", "csat_score", "score", { range: [1, 5] }),
    field("feedback", "ces_score", "score", { range: [1, 7] }),
    field("feedback", "rating", "score", { range: [1, 5] }),
    field("feedback", "channel", "category"),
    field("feedback", "category", "category"),
    field("feedback", "comment", "text"),
    field("feedback", "first_response_minutes", "number"),
    field("feedback", "resolution_hours", "number"),
    field("feedback", "created_at", "datetime"),
    field("feedback", "first_response_at", "datetime"),
    field("feedback", "resolved_at", "datetime"),
    field("feedback", "status", "category"),
    // A ticket's priority (Low … Urgent, P1 …, 高/中/低): service speed is broken down by it.
    field("feedback", "priority", "category"),
  ],
  // A per-customer summary in `lifetimes`' shape, computed in a warehouse when the order
  // history is too big for a browser (README): frequency = repeat purchase days, recency =
  // last − first purchase, T = analysis date − first purchase, in the unit in force;
  // monetary_value = mean repeat spend; total_spend and orders optional.
  summaries: [
    field("summaries", "customer_id", "id", { required: true }),
    field("summaries", "frequency", "number", { required: true }),
    field("summaries", "recency", "number", { required: true }),
    field("summaries", "T", "number", { required: true }),
    field("summaries", "monetary_value", "money"),
    field("summaries", "total_spend", "money"),
    field("summaries", "orders", "number"),
  ],
  interactions: [
    field("interactions", "customer_id", "id", { required: true }),
    field("interactions", "date", "date", { required: true }),
    field("interactions", "channel", "category"),
    field("interactions", "type", "category"),
    field("interactions", "outcome", "category"),
  ],
};

/** A mapping target: "orders.amount" style reference. */
export interface FieldRef {
  table: CanonicalTable;
  field: string;
}

export const fieldKey = (ref: FieldRef): string => `${ref.table}.${ref.field}`;

export function findField(ref: FieldRef): CanonicalField | undefined {
  return CANONICAL_FIELDS[ref.table].find((f) => f.name === ref.field);
}

/**
 * Required fields that other fields of the same table can stand in for, when all of them
 * are mapped: an order's amount is quantity × unit_price; a ticket export's date is the
 * moment the ticket was created (the converter fills both in).
 */
const STAND_INS: Partial<Record<CanonicalTable, Readonly<Record<string, readonly string[]>>>> = {
  orders: { amount: ["quantity", "unit_price"] },
  feedback: { date: ["created_at"] },
};

/** The fields that together stand in for `field` of `table` when it is unmapped (none: []). */
export function standInsOf(table: CanonicalTable, field: string): readonly string[] {
  return STAND_INS[table]?.[field] ?? [];
}

/** The required fields of `table` that `mapped` ("table.field" keys) leaves unmapped, stand-ins counted. */
export function missingRequired(table: CanonicalTable, mapped: ReadonlySet<string>): FieldRef[] {
  const filled = (name: string): boolean => mapped.has(`${table}.${name}`);
  return CANONICAL_FIELDS[table]
    .filter((f) => f.required && !filled(f.name))
    .filter((f) => {
      const standIns = standInsOf(table, f.name);
      return standIns.length === 0 || !standIns.every(filled);
    })
    .map((f) => ({ table, field: f.name }));
}

/**
 * Order statuses that mean the order was returned, refunded or cancelled
 * (compared lower-cased, trimmed; a substring match catches "Refunded - partial").
 */
export const RETURN_STATUS_WORDS: readonly string[] = [
  "return", "refund", "cancel", "void", "chargeback",
  "退款", "已退款", "退货", "退貨", "取消", "已取消", "退单", "退單",
];
