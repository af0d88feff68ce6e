/**
 * One CSV record → canonical records, every cell checked against its field. Built once
 * per file (`createRowConverter` precomputes one reader per mapped column) and then run
 * on every row, so the per-row work is the reads and the record objects, nothing more.
 */
import { CANONICAL_FIELDS, RETURN_STATUS_WORDS, findField, standInsOf } from "./canonical.ts";
import type { CanonicalField, CanonicalTable, FieldRef } from "./canonical.ts";
import { tablesFilled } from "./mapping.ts";
import type { FileMapping } from "./mapping.ts";
import type { CsvParseError } from "./parse.ts";
import type { ColumnProfile } from "./profile.ts";
import {
  detectDateOrder, epochDayToIso, epochDayToIsoDateTime, isMissing, isValidEmail, isValidPhone, parseDate, parseFlag,
  parseNumber, parseStars,
} from "./values.ts";

/** Why a cell or row is a problem; each has a message and a label in the i18n files. */
export const PROBLEM_REASONS = [
  "missing_required",
  "bad_date",
  // A real calendar date outside 1900–2100: a placeholder (9999-12-31 for "never") or a typo.
  "date_out_of_range",
  "bad_number",
  "out_of_range",
  "bad_email",
  "bad_phone",
  "bad_flag",
  "ragged_row",
  "repeated_header",
  // A cell holding bytes the file's text encoding could not decode (shown as U+FFFD).
  "bad_encoding",
  "parse_error",
  "duplicate_id",
  // A ticket answered or resolved before it was created, or resolved before its first response.
  "impossible_timing",
] as const;

export type ProblemReason = (typeof PROBLEM_REASONS)[number];

/**
 * One bad cell (or row). `row` is the record's number in the file, header = 1, as a
 * spreadsheet shows it; `column` the header text, "" when the whole row is concerned.
 */
export interface Problem {
  row: number;
  column: string;
  value: string;
  reason: ProblemReason;
}

export type CanonicalRecord = Record<string, string | number | null>;

export interface ConvertedRow {
  /** One record per table the row fills; a table is absent when a required value failed. */
  records: Partial<Record<CanonicalTable, CanonicalRecord>>;
  problems: Problem[];
}

export type RowConverter = (record: string[], row: number) => ConvertedRow;

/** A parse error of the CSV reader as a problem of its row. */
export function parseErrorProblem(error: CsvParseError): Problem {
  return { row: error.record, column: "", value: error.message, reason: "parse_error" };
}

/**
 * The epoch-day key beside a date field: a trailing "date" becomes "day" (`order_date` →
 * `order_day`, `date` → `day`), a trailing "_at" becomes "_day" (`created_at` → `created_day`).
 */
export function dayKeyOf(fieldName: string): string {
  return fieldName.endsWith("_at") ? `${fieldName.slice(0, -3)}_day` : fieldName.replace(/date$/, "day");
}

/**
 * The dates a CRM export can mean, 1900-01-01 to 2100-12-31. One order dated 9999-12-31
 * (a placeholder for "never") would move the analysis date eight thousand years on and
 * make every customer churned, so dates outside are reported and not used.
 */
const FIRST_DAY = parseDate("1900-01-01", "ymd") as number;
const DAY_AFTER_LAST = parseDate("2101-01-01", "ymd") as number;

/** Where a cell reader leaves its result (one per converter, reused for every cell). */
interface Cell {
  value: string | number | null;
  /** For dates: the epoch day with the time of day as a fraction. */
  moment: number | null;
}

/** Reads a non-missing raw cell into `cell`; returns the problem, or null when fine. */
type CellReader = (raw: string, cell: Cell) => ProblemReason | null;

function readerFor(field: CanonicalField, profile: ColumnProfile | undefined, decimalMark: "." | ","): CellReader {
  switch (field.kind) {
    case "id":
    case "text":
    case "category":
      return (raw, cell) => {
        cell.value = raw.trim();
        return null;
      };
    case "date":
    case "datetime": {
      // A column the profile did not see as dates (mapped by hand) gets its order from its samples.
      const order = profile?.dateOrder ?? detectDateOrder(profile?.samples ?? []) ?? "dmy";
      const toText = profile?.shape === "datetime" ? epochDayToIsoDateTime : epochDayToIso;
      return (raw, cell) => {
        const day = parseDate(raw, order);
        if (day === null) return "bad_date";
        if (day < FIRST_DAY || day >= DAY_AFTER_LAST) return "date_out_of_range";
        cell.value = toText(day);
        cell.moment = day;
        return null;
      };
    }
    case "money":
    case "number":
      return (raw, cell) => {
        cell.value = parseNumber(raw, decimalMark);
        return cell.value === null ? "bad_number" : null;
      };
    case "score": {
      const [lo, hi] = field.range ?? [-Infinity, Infinity];
      return (raw, cell) => {
        const n = parseNumber(raw, decimalMark) ?? parseStars(raw);
        if (n === null) return "bad_number";
        if (n < lo || n > hi) return "out_of_range";
        cell.value = n;
        return null;
      };
    }
    case "flag":
      return (raw, cell) => {
        cell.value = parseFlag(raw);
        return cell.value === null ? "bad_flag" : null;
      };
    case "email":
      return (raw, cell) => {
        cell.value = raw.trim();
        return isValidEmail(raw) ? null : "bad_email";
      };
    case "phone":
      return (raw, cell) => {
        cell.value = raw.trim();
        return isValidPhone(raw) ? null : "bad_phone";
      };
  }
}

/** One field of a table's record: where its value comes from. */
interface FieldSource {
  name: string;
  /** Column index, -1 when unmapped. */
  column: number;
  /** Epoch-day key for date fields; `floor` for date fields, fraction kept for datetimes. */
  dayKey: string | null;
  floor: boolean;
}

interface TablePlan {
  table: CanonicalTable;
  fields: FieldSource[];
  /** Columns whose missing or unreadable value drops this table's record. */
  required: number[];
  /** Column whose repeated values are reported as duplicate_id (the record is dropped). */
  uniqueColumn: number;
}

/**
 * Build the converter of one file.
 *
 * Per row, for each table the mapping fills (see `tablesFilled`) and whose required fields
 * are all mapped: one record holding EVERY field of the table (unmapped → null) plus
 * - beside each date field, its epoch day (`order_date` → `order_day`, `date` → `day`,
 *   `created_at` → `created_day`): whole days for date fields, the fraction of the day
 *   kept for datetime fields. The text is ISO, `2024-01-05`, or `2024-01-05 12:30` when
 *   the column has times (profile shape "datetime");
 * - orders: `amount` = quantity × unit_price (rounded to 1e-6 against float noise) when
 *   amount is unmapped, and `is_return` = 1 when amount < 0 or the status contains a
 *   word of RETURN_STATUS_WORDS (`Refunded`, `已退款`), else 0;
 * - feedback: `date` (and `day`) = created_at when date is unmapped (a ticket export);
 *   `first_response_minutes` = first_response_at − created_at (or − date, when the date
 *   column has times), `resolution_hours` = resolved_at − the same start, when those
 *   fields are not mapped themselves; rounded to 1e-4. Impossible timings — a negative
 *   duration (measured or mapped), or resolved before the first response (by timestamps,
 *   or resolution_hours × 60 < first_response_minutes) — are ONE "impossible_timing"
 *   problem per ticket, naming the first offending column and its value, and BOTH
 *   durations are then null, so the ticket is never averaged in (it is kept otherwise).
 *
 * Problems: a missing required value ("missing_required") or an unreadable one (its
 * reason) drops that table's record, reported once per cell even when it keys two tables
 * (a flat file's customer ID); an unreadable optional date or number is null + problem; a
 * score outside its range null + "out_of_range"; a bad email or phone keeps its text, a
 * bad flag is null, both + problem. Missing values (NA, blank…) of optional fields are null,
 * silently. Repeated header rows and ragged rows are the reader's to report (they are
 * about the file, not the mapping): records arrive here with one cell per header. Repeated
 * IDs of a customers file's customer_id or of feedback_id are "duplicate_id" and the
 * repeat's record is dropped (order lines share order IDs, and a flat file repeats its
 * customers: those are not duplicates).
 */
export function createRowConverter(
  headers: string[],
  profiles: ColumnProfile[],
  mapping: FileMapping,
  decimalMark: "." | ",",
): RowConverter {
  const tables = tablesFilled(mapping).filter((t) => !mapping.missing.some((m) => m.table === t));
  const columnOf = (ref: FieldRef): number =>
    mapping.columns.findIndex((c) => c !== null && c.table === ref.table && c.field === ref.field);

  const readers: (CellReader | null)[] = headers.map((_, i) => {
    const ref = mapping.columns[i];
    const field = ref && tables.includes(ref.table) ? findField(ref) : undefined;
    return field ? readerFor(field, profiles[i], decimalMark) : null;
  });

  const plans: TablePlan[] = tables.map((table) => {
    const fields = CANONICAL_FIELDS[table].map((f): FieldSource => {
      let column = columnOf({ table, field: f.name });
      // A flat file's customers are keyed by its orders' customer ID column.
      if (column < 0 && table === "customers" && f.name === "customer_id") column = columnOf({ table: "orders", field: "customer_id" });
      const dated = f.kind === "date" || f.kind === "datetime";
      return { name: f.name, column, dayKey: dated ? dayKeyOf(f.name) : null, floor: f.kind === "date" };
    });
    const sourceOf = (name: string): number => fields.find((f) => f.name === name)?.column ?? -1;
    const required = CANONICAL_FIELDS[table]
      .filter((f) => f.required)
      .flatMap((f) => {
        const column = sourceOf(f.name);
        return column >= 0 ? [column] : standInsOf(table, f.name).map(sourceOf);
      });
    const uniqueColumn =
      table === "feedback" ? sourceOf("feedback_id") : mapping.kind === "customers" ? sourceOf("customer_id") : -1;
    return { table, fields, required, uniqueColumn };
  });
  const requiredColumns = new Set(plans.flatMap((p) => p.required));

  const derive = plans.map((p) => deriveFor(p, profiles, headers));
  const seen = plans.map(() => new Set<string>());
  // Per-row scratch, reused: the value and moment of each mapped column.
  const values: (string | number | null)[] = headers.map(() => null);
  const moments: (number | null)[] = headers.map(() => null);
  const cell: Cell = { value: null, moment: null };

  return (record, row) => {
    const problems: Problem[] = [];
    for (let i = 0; i < readers.length; i++) {
      const read = readers[i];
      if (!read) continue;
      const raw = record[i] ?? "";
      cell.value = null;
      cell.moment = null;
      let reason: ProblemReason | null = null;
      if (isMissing(raw)) {
        if (requiredColumns.has(i)) reason = "missing_required";
      } else {
        reason = read(raw, cell);
      }
      values[i] = cell.value;
      moments[i] = cell.moment;
      if (reason) problems.push({ row, column: headers[i] ?? "", value: raw, reason });
    }

    const records: ConvertedRow["records"] = {};
    plans.forEach((plan, t) => {
      if (plan.required.some((c) => c < 0 || values[c] === null)) return;
      const unique = plan.uniqueColumn >= 0 ? String(values[plan.uniqueColumn] ?? "") : "";
      if (unique !== "") {
        const ids = seen[t] as Set<string>;
        if (ids.has(unique)) {
          problems.push({ row, column: headers[plan.uniqueColumn] ?? "", value: unique, reason: "duplicate_id" });
          return;
        }
        ids.add(unique);
      }
      const out: CanonicalRecord = {};
      for (const f of plan.fields) {
        out[f.name] = f.column < 0 ? null : (values[f.column] ?? null);
        if (f.dayKey) {
          const moment = f.column < 0 ? null : (moments[f.column] ?? null);
          out[f.dayKey] = moment !== null && f.floor ? Math.floor(moment) : moment;
        }
      }
      derive[t]?.(out, moments, record, row, problems);
      records[plan.table] = out;
    });
    return { records, problems };
  };
}

/** Fills the fields computed from others into a table's record. */
type Derive = (
  out: CanonicalRecord,
  moments: (number | null)[],
  record: string[],
  row: number,
  problems: Problem[],
) => void;

function deriveFor(plan: TablePlan, profiles: ColumnProfile[], headers: string[]): Derive | null {
  const mapped = (name: string): number => plan.fields.find((f) => f.name === name)?.column ?? -1;
  if (plan.table === "orders") {
    const amountFromParts = mapped("amount") < 0;
    const returnWords = RETURN_STATUS_WORDS.map((w) => w.toLowerCase());
    return (out) => {
      // Both parts are then required columns: the record only gets here with two numbers.
      if (amountFromParts) out.amount = Math.round(Number(out.quantity) * Number(out.unit_price) * 1e6) / 1e6;
      const status = typeof out.status === "string" ? out.status.toLowerCase() : "";
      const returned = (typeof out.amount === "number" && out.amount < 0) || returnWords.some((w) => status.includes(w));
      out.is_return = returned ? 1 : 0;
    };
  }
  if (plan.table === "feedback") return feedbackDerive(mapped, profiles, headers);
  return null;
}

/** A service time of a ticket: mapped as a number, or measured from the case's start to a timestamp. */
interface Duration {
  name: "first_response_minutes" | "resolution_hours";
  /** The column it is read from: the number's, or the timestamp's. */
  column: number;
  measured: boolean;
  /** Units per day (1440 minutes, 24 hours). */
  perDay: number;
}

/** The date of a ticket export taken from created_at, the service times, and impossible timings (see createRowConverter). */
function feedbackDerive(mapped: (name: string) => number, profiles: ColumnProfile[], headers: string[]): Derive | null {
  const dateColumn = mapped("date");
  const created = mapped("created_at");
  const dateFromCreated = dateColumn < 0 && created >= 0;
  // The start of a case: its created_at, else its date when that column has times.
  const start = created >= 0 ? created : profiles[dateColumn]?.shape === "datetime" ? dateColumn : -1;
  const respondedAt = mapped("first_response_at");
  const resolvedAt = mapped("resolved_at");
  const durationOf = (name: Duration["name"], end: number, perDay: number): Duration | null => {
    const own = mapped(name);
    if (own >= 0) return { name, column: own, measured: false, perDay };
    return start >= 0 && end >= 0 ? { name, column: end, measured: true, perDay } : null;
  };
  const response = durationOf("first_response_minutes", respondedAt, 1440);
  const resolution = durationOf("resolution_hours", resolvedAt, 24);
  const bothStamps = respondedAt >= 0 && resolvedAt >= 0;
  if (!dateFromCreated && !response && !resolution && !bothStamps) return null;

  return (out, moments, record, row, problems) => {
    if (dateFromCreated) {
      out.date = out.created_at ?? null;
      out.day = typeof out.created_day === "number" ? Math.floor(out.created_day) : null;
    }
    const begin = start >= 0 ? (moments[start] ?? null) : null;
    const lengthOf = (d: Duration | null): number | null => {
      if (!d) return null;
      if (!d.measured) return typeof out[d.name] === "number" ? out[d.name] as number : null;
      const end = moments[d.column] ?? null;
      return begin === null || end === null ? null : Math.round((end - begin) * d.perDay * 1e4) / 1e4;
    };
    const minutes = lengthOf(response);
    const hours = lengthOf(resolution);
    const responded = bothStamps ? (moments[respondedAt] ?? null) : null;
    const resolved = bothStamps ? (moments[resolvedAt] ?? null) : null;
    let impossible = -1;
    if (minutes !== null && minutes < 0) impossible = response?.column ?? -1;
    else if (hours !== null && hours < 0) impossible = resolution?.column ?? -1;
    else if (
      (responded !== null && resolved !== null && resolved < responded) ||
      // A hair of tolerance: 4.1 h × 60 is 245.99999999999997 in floating point, not before 246 min.
      (minutes !== null && hours !== null && hours * 60 < minutes - 1e-9)
    ) {
      impossible = resolution?.column ?? resolvedAt;
    }
    if (impossible >= 0) {
      problems.push({ row, column: headers[impossible] ?? "", value: record[impossible] ?? "", reason: "impossible_timing" });
    }
    if (response) out.first_response_minutes = impossible >= 0 ? null : minutes;
    if (resolution) out.resolution_hours = impossible >= 0 ? null : hours;
  };
}
