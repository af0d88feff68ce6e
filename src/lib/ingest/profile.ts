/**
 * What each column holds, inferred on a sample of rows (the caller passes up to 10,000):
 * the value shape that mapping matches against canonical fields, and the reading rules
 * (date order, currency) that conversion then applies to every row.
 */
import {
  detectCurrency, detectDateOrder, isMissing, isValidEmail, isValidPhone, parseDate, parseFlag, parseNumber, parseStars, previewOf,
} from "./values.ts";
import type { DateOrder } from "./values.ts";

export type ValueShape =
  | "empty" | "integer" | "number" | "money" | "stars" | "date" | "datetime" | "flag" | "email" | "phone" | "id" | "text";

export interface ColumnProfile {
  index: number;
  header: string;
  shape: ValueShape;
  /** Cells in the sample. */
  count: number;
  /** Cells that are blank or a missing marker (NA, null, -…). */
  missing: number;
  /** Distinct non-missing values (trimmed). */
  distinct: number;
  /** Smallest and largest value: numbers for numeric shapes and stars, epoch days for dates. */
  min?: number;
  max?: number;
  /**
   * For numeric shapes, the smallest and largest value once the lowest and highest 5 % are
   * set aside: when both lie inside a score's range, ≥ 90 % of the values do (one typo
   * `11` among a thousand 0–10 answers does not hide an NPS column).
   */
  p5?: number;
  p95?: number;
  /** For numeric shapes, the median (the lower middle value of an even count). */
  p50?: number;
  dateOrder?: DateOrder;
  /** For money: the ISO code of the symbols written in the values, null when none. */
  currency?: string | null;
  /** Up to 5 distinct non-missing raw values, in order of appearance, each cut to a preview. */
  samples: string[];
}

/** A shape must fit at least this share of the non-missing values. */
const SHARE = 0.9;
const SAMPLES = 5;
/** Digit strings this long are identifiers or phone numbers, never amounts. */
const LONG_DIGITS = 10;

const DIGITS = /^\d+$/;
const CHINESE_MOBILE = /^1[3-9]\d{9}$/;
/** An identifier like `C001`, `ORD-2024-0001`, a UUID: letters and digits, no spaces. */
const ID_TOKEN = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9_\-.:#/]{0,63}$/;

export function profileColumns(headers: string[], rows: string[][], decimalMark: "." | ","): ColumnProfile[] {
  return headers.map((header, index) => profileColumn(header, index, rows.map((row) => row[index] ?? ""), decimalMark));
}

function profileColumn(header: string, index: number, cells: string[], decimalMark: "." | ","): ColumnProfile {
  const values: string[] = [];
  for (const cell of cells) if (!isMissing(cell)) values.push(cell.trim());
  const distinct = new Set(values);
  const base = {
    index,
    header,
    count: cells.length,
    missing: cells.length - values.length,
    distinct: distinct.size,
    // Cut: samples travel with the file's description to the page and into the project file.
    samples: [...distinct].slice(0, SAMPLES).map(previewOf),
  };
  if (values.length === 0) return { ...base, shape: "empty" };
  return { ...base, ...inferShape(values, decimalMark) };
}

type Inferred = Pick<ColumnProfile, "shape" | "min" | "max" | "p5" | "p95" | "p50" | "dateOrder" | "currency">;

/** min, max, the 5 %-trimmed bounds and the median of a non-empty list of numbers. */
function rangeOf(numbers: number[]): Pick<ColumnProfile, "min" | "max" | "p5" | "p95" | "p50"> {
  const sorted = Float64Array.from(numbers).sort();
  const trim = Math.floor(sorted.length * 0.05);
  return {
    min: sorted[0], max: sorted[sorted.length - 1], p5: sorted[trim], p95: sorted[sorted.length - 1 - trim],
    p50: sorted[Math.floor((sorted.length - 1) / 2)],
  };
}

/**
 * The first shape, in this order, that fits ≥ 90 % of the values:
 * 1. date / datetime — datetime when some value has a time of day other than 00:00;
 * 2. flag — Yes/No, 是/否… (a column of only 0 and 1 stays integer, min 0 max 1);
 * 3. phone — valid phone numbers written with phone punctuation (`138-1234-5678`,
 *    `+86 …`) or Chinese mobiles (`13812345678`);
 * 4. id — digit strings when some has a leading zero (`007`) or ≥ 10 digits;
 * 5. money — numbers where some value carries a currency symbol or code, or at least half
 *    are written with thousands separators (`1,234`) or exactly two decimals (`12.50`);
 * 6. integer, then number;
 * 7. stars — star ratings written as text (`★★★★☆`, `4 stars`, `4星`) for some values,
 *    numbers for the others;
 * 8. email;
 * 9. id — tokens of letters and digits such as `C001` or `ORD-2024-0001`;
 * 10. text.
 */
function inferShape(values: string[], decimalMark: "." | ","): Inferred {
  const needed = SHARE * values.length;

  const dateOrder = detectDateOrder(values);
  if (dateOrder) {
    let min = Infinity;
    let max = -Infinity;
    let timed = false;
    for (const v of values) {
      const day = parseDate(v, dateOrder);
      if (day === null) continue;
      min = Math.min(min, day);
      max = Math.max(max, day);
      timed ||= day !== Math.floor(day);
    }
    return { shape: timed ? "datetime" : "date", min, max, dateOrder };
  }

  const twoDecimals = decimalMark === "." ? /\.\d{2}(?!\d)/ : /,\d{2}(?!\d)/;
  const grouped = decimalMark === "." ? /\d,\d{3}/ : /\d[. \u00a0\u202f]\d{3}/;
  let flags = 0;
  let flagWords = 0;
  let phones = 0;
  let digitStrings = 0;
  let idDigits = 0;
  let numbers = 0;
  let integers = 0;
  let moneyWritten = 0;
  let emails = 0;
  let tokens = 0;
  let starTexts = 0;
  const numeric: number[] = [];
  for (const v of values) {
    const n = parseNumber(v, decimalMark);
    if (parseFlag(v) !== null) {
      flags++;
      if (n === null) flagWords++;
    }
    if (isValidPhone(v) && (n === null || CHINESE_MOBILE.test(v))) phones++;
    if (DIGITS.test(v)) {
      digitStrings++;
      if ((v.length > 1 && v[0] === "0") || v.length >= LONG_DIGITS) idDigits++;
    }
    if (n !== null) {
      numbers++;
      if (Number.isInteger(n) && !v.includes(decimalMark)) integers++;
      if (twoDecimals.test(v) || grouped.test(v)) moneyWritten++;
      numeric.push(n);
    } else {
      const stars = parseStars(v);
      if (stars !== null) {
        starTexts++;
        numeric.push(stars);
      }
    }
    if (isValidEmail(v)) emails++;
    if (ID_TOKEN.test(v)) tokens++;
  }

  if (flags >= needed && flagWords > 0) return { shape: "flag" };
  if (phones >= needed) return { shape: "phone" };
  if (digitStrings >= needed && idDigits > 0) return { shape: "id" };
  if (numbers >= needed) {
    const currency = detectCurrency(values);
    const range = rangeOf(numeric);
    if (currency !== null || moneyWritten >= numbers / 2) return { shape: "money", ...range, currency };
    return { shape: integers >= needed ? "integer" : "number", ...range };
  }
  if (starTexts > 0 && numbers + starTexts >= needed) return { shape: "stars", ...rangeOf(numeric) };
  if (emails >= needed) return { shape: "email" };
  if (tokens >= needed) return { shape: "id" };
  return { shape: "text" };
}
