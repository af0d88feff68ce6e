/**
 * Reading one cell: missing markers, numbers, money, dates, star ratings, flags, emails, phones.
 * Pure and allocation-light: these run on every cell of a million-row file, so the
 * patterns are compiled once and the date reader fills one reused scratch record.
 */

const MISSING = new Set(["", "na", "n/a", "#n/a", "null", "-", "—", "–", "none", "nan"]);

/** Characters of a cell kept where it is shown rather than stored: mapping samples, problem reports. */
export const PREVIEW_CHARS = 200;

/** A cell as a preview shows it: a 5 MB field travels as its first 200 characters and "…". */
export function previewOf(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/** Blank, or a marker of "no value": NA, N/A, #N/A, null, -, —, None, nan (any case). */
export function isMissing(text: string): boolean {
  // Fast path for most cells: longer than any marker, nothing to trim.
  if (text.length > 4 && text.charCodeAt(0) > 0x20 && text.charCodeAt(text.length - 1) > 0x20) return false;
  const t = text.trim();
  return t.length <= 4 && MISSING.has(t.toLowerCase());
}

/** Currency symbols and codes accepted around a number, longest first, with their ISO code. */
const CURRENCIES: readonly (readonly [token: string, code: string])[] = [
  ["HK$", "HKD"], ["NT$", "TWD"], ["US$", "USD"],
  ["CNY", "CNY"], ["RMB", "CNY"], ["USD", "USD"], ["EUR", "EUR"], ["GBP", "GBP"],
  ["HKD", "HKD"], ["TWD", "TWD"], ["JPY", "JPY"],
  ["￥", "CNY"], ["¥", "CNY"], ["元", "CNY"], ["圆", "CNY"], ["$", "USD"], ["€", "EUR"], ["£", "GBP"],
];

/** Length of the currency token that starts (or, with `before`, ends) at `pos`, else 0. */
function currencyAt(text: string, pos: number, before: boolean): number {
  if (isDigit(text.charCodeAt(before ? pos - 1 : pos))) return 0; // no token starts or ends with a digit
  for (const [token] of CURRENCIES) {
    const start = before ? pos - token.length : pos;
    if (start >= 0 && matchesUpperCase(text, start, token)) return token.length;
  }
  return 0;
}

/** `text` at `start` reads `token` (an upper-case token; ASCII letters of text compared upper-cased). */
function matchesUpperCase(text: string, start: number, token: string): boolean {
  for (let k = 0; k < token.length; k++) {
    const c = text.charCodeAt(start + k);
    if ((c >= 0x61 && c <= 0x7a ? c - 0x20 : c) !== token.charCodeAt(k)) return false;
  }
  return true;
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Space, NBSP, narrow NBSP, ideographic space, tab. */
const isSpace = (code: number): boolean =>
  code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x3000 || code === 0x09;

const PLAIN_DOT = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** 1,234,567.89 — one thousands separator used throughout, groups of three. */
const GROUPED_DOT = /^\d{1,3}([, \u00a0\u202f'])\d{3}(?:\1\d{3})*(?:\.\d*)?$/;
const DOT_SEPARATORS = /[, \u00a0\u202f']/g;
const PLAIN_COMMA = /^(?:\d+(?:,\d*)?|,\d+)$/;
/** 1.234.567,89 */
const GROUPED_COMMA = /^\d{1,3}([. \u00a0\u202f'])\d{3}(?:\1\d{3})*(?:,\d*)?$/;
const COMMA_SEPARATORS = /[. \u00a0\u202f']/g;

/**
 * A number as people write it in exports: currency symbols or codes before or after it,
 * thousands separators, a sign before or after it, or accounting parentheses.
 *
 * - `￥1,234.50` → 1234.5; `$1,234` → 1234; `RMB 12` → 12; `12元` → 12; `+5` → 5
 * - with decimalMark ",": `€1.234,50` → 1234.5; `12,5` → 12.5; `1 234,5` → 1234.5
 * - `(12.00)` → −12; `-12`, `12-`, `-$12`, `$-12` → −12
 * - null: `abc`, `12abc`, `1.2.3`, `1,23` (a "," that is neither decimal nor thousands), `1e309`
 *   (too large for a double: Infinity)
 */
export function parseNumber(text: string, decimalMark: "." | ","): number | null {
  // Fast path: a bare number, as most cells of a numeric column are.
  if (decimalMark === "." ? PLAIN_DOT.test(text) : PLAIN_COMMA.test(text)) return parseUnsigned(text, decimalMark);
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  const parens = text[start] === "(" && text[end - 1] === ")";
  if (parens) {
    start++;
    end--;
  }
  let negative = parens;
  let signs = 0;
  for (;;) {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    const c = text[start];
    if (c === "-" || c === "−" || c === "+") {
      negative = negative || c !== "+";
      signs++;
      start++;
      continue;
    }
    const n = currencyAt(text, start, false);
    if (n === 0) break;
    start += n;
  }
  for (;;) {
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const c = text[end - 1];
    if (c === "-" || c === "−") {
      negative = true;
      signs++;
      end--;
      continue;
    }
    const n = currencyAt(text, end, true);
    if (n === 0) break;
    end -= n;
  }
  if (start >= end || signs + (parens ? 1 : 0) > 1) return null;
  const value = parseUnsigned(text.slice(start, end), decimalMark);
  if (value === null) return null;
  return negative && value !== 0 ? -value : value;
}

function parseUnsigned(core: string, decimalMark: "." | ","): number | null {
  let value: number | null = null;
  if (decimalMark === ".") {
    if (PLAIN_DOT.test(core)) value = Number(core);
    else if (GROUPED_DOT.test(core)) value = Number(core.replace(DOT_SEPARATORS, ""));
  } else {
    if (PLAIN_COMMA.test(core)) value = Number(core.replace(",", "."));
    else if (GROUPED_COMMA.test(core)) value = Number(core.replace(COMMA_SEPARATORS, "").replace(",", "."));
  }
  // `1e309` and 400 nines are numbers in shape but Infinity in value: not a number SQLite or a sum can hold.
  return value !== null && Number.isFinite(value) ? value : null;
}

const CURRENCY_PATTERN = new RegExp(
  CURRENCIES.map(([token]) => token.replace(/\$/g, "\\$")).join("|"),
  "i",
);
const CURRENCY_CODE = new Map(CURRENCIES.map(([token, code]) => [token, code]));

/**
 * The ISO code of the currency the values are written in, by majority of the symbols
 * found (￥ ¥ 元 RMB CNY → CNY, $ → USD, € → EUR, £ → GBP, HK$ → HKD, NT$ → TWD);
 * null when no value carries one.
 */
export function detectCurrency(samples: string[]): string | null {
  const votes = new Map<string, number>();
  for (const text of samples) {
    const token = CURRENCY_PATTERN.exec(text)?.[0];
    const code = token === undefined ? undefined : CURRENCY_CODE.get(token.toUpperCase());
    if (code) votes.set(code, (votes.get(code) ?? 0) + 1);
  }
  let best: string | null = null;
  let top = 0;
  for (const [code, n] of votes) {
    if (n > top) {
      best = code;
      top = n;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Dates

/** How to read a date whose year is not written first: `05/01/2024` is 5 January in dmy. */
export type DateOrder = "ymd" | "dmy" | "mdy";

/**
 * `a sep b sep c`, then an optional time: `2024-01-05`, `2024/1/5`, `05/01/2024`,
 * `5.1.2024`, `1/5/2024 1:45 PM`, `2024-01-05T12:00:00.000Z`, `2024-01-05 13:45:10+08:00`.
 */
const SEPARATED =
  /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** `20240105` */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** `2024年1月5日`, `2024年1月5日 13:45`, `2024年1月5日 13时45分` */
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号號]?(?:\s*(\d{1,2})[:时時](\d{2})分?(?::(\d{2}))?)?$/;

/** Parts of the last date read by `readDate` (one reused record: no allocation per cell). */
const parts = { a: 0, b: 0, c: 0, aDigits: 0, cDigits: 0, sep: "", seconds: 0, twelveHour: false };

/**
 * Split a date into its three numbers a, b, c (in written order) and its time of day in
 * seconds; false when the text is not shaped like a date or its time is impossible.
 * Year-first shapes (compact, Chinese) are returned with aDigits = 4.
 */
function readDate(text: string): boolean {
  const t = text.trim();
  let hour: string | undefined;
  let minute: string | undefined;
  let second: string | undefined;
  let ampm: string | undefined;
  let m = SEPARATED.exec(t);
  if (m) {
    setParts(m[1], m[3], m[4], m[2]);
    hour = m[5];
    minute = m[6];
    second = m[7];
    ampm = m[8];
  } else if ((m = COMPACT.exec(t))) {
    setParts(m[1], m[2], m[3], "");
  } else if ((m = CHINESE.exec(t))) {
    setParts(m[1], m[2], m[3], "年");
    hour = m[4];
    minute = m[5];
    second = m[6];
  } else {
    return false;
  }
  parts.twelveHour = ampm !== undefined;
  parts.seconds = 0;
  if (hour === undefined) return true;
  let h = Number(hour);
  const min = Number(minute);
  const s = second === undefined ? 0 : Number(second);
  if (ampm !== undefined) {
    if (h < 1 || h > 12) return false;
    h = (h % 12) + (ampm.toLowerCase() === "pm" ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return false;
  parts.seconds = h * 3600 + min * 60 + s;
  return true;
}

function setParts(a = "", b = "", c = "", sep = ""): void {
  parts.a = Number(a);
  parts.b = Number(b);
  parts.c = Number(c);
  parts.aDigits = a.length;
  parts.cDigits = c.length;
  parts.sep = sep;
}

/**
 * Days since 1970-01-01 (UTC calendar) of a date, with the time of day as a fraction:
 * `2024-01-05` → 19727, `2024-01-05 12:00` → 19727.5. A time-zone suffix is ignored: the
 * wall-clock time written is kept, so an order stays on the day the customer saw.
 *
 * `order` reads dates whose year is not first: `05/01/2024` is 19727 in "dmy", 19844
 * (1 May) in "mdy", null in "ymd"; `24/01/05` is 2024-01-05 in "ymd". A four-digit first
 * part is always a year (`2024/1/5` in any order). Two-digit years: 00–69 → 20xx,
 * 70–99 → 19xx. Null for impossible dates (2024-02-30, month 13) and non-dates.
 */
export function parseDate(text: string, order: DateOrder): number | null {
  if (!readDate(text)) return null;
  const { a, b, c, aDigits, cDigits } = parts;
  let y = a;
  let m = b;
  let d = c;
  if (aDigits === 4) {
    if (cDigits > 2) return null;
  } else if (order === "ymd") {
    if (aDigits !== 2 || cDigits > 2) return null;
    y = twoDigitYear(a);
  } else {
    if (aDigits > 2 || (cDigits !== 2 && cDigits !== 4)) return null;
    y = cDigits === 2 ? twoDigitYear(c) : c;
    m = order === "dmy" ? b : a;
    d = order === "dmy" ? a : b;
  }
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d) + parts.seconds / 86400;
}

/**
 * The order in which a column writes its dates, from its values (missing ones skipped);
 * null when fewer than 90 % of the values are dates in that order.
 *
 * Year first in most values → "ymd". Otherwise day and month are told apart by the
 * values: a first part > 12 somewhere ⇒ "dmy" (`25/04/2024`), a second part > 12 ⇒
 * "mdy" (`04/25/2024`); when both occur, the more frequent wins (the others are then
 * reported as bad dates).
 *
 * Tie rule, when every part is ≤ 12 (`03/04/2024`, `01/02/2024`): "dmy" — the reading of
 * most of the world — unless the column looks like a US export: every value separated by
 * "/" and either a 12-hour time (`1:45 PM`) somewhere, or no first part zero-padded while
 * some is a single digit (Excel's US `m/d/yyyy`, e.g. `3/4/2024`, where day-first
 * locales write `03/04/2024`). Then "mdy".
 */
export function detectDateOrder(samples: string[]): DateOrder | null {
  let values = 0;
  let yearFirst = 0;
  let yearLast = 0;
  let firstOver12 = 0;
  let secondOver12 = 0;
  let allSlash = true;
  let twelveHour = false;
  let firstPadded = false;
  let firstSingleDigit = false;
  const dates: string[] = [];
  for (const text of samples) {
    if (isMissing(text)) continue;
    values++;
    if (!readDate(text)) continue;
    dates.push(text);
    if (parts.aDigits === 4) {
      yearFirst++;
      continue;
    }
    yearLast++;
    if (parts.a > 12) firstOver12++;
    if (parts.b > 12) secondOver12++;
    allSlash &&= parts.sep === "/";
    twelveHour ||= parts.twelveHour;
    const first = text.trim();
    firstPadded ||= first[0] === "0";
    firstSingleDigit ||= parts.a < 10 && first[1] !== undefined && !isDigit(first.charCodeAt(1));
  }
  if (values === 0 || dates.length < 0.9 * values) return null;
  let order: DateOrder;
  if (yearFirst > yearLast) order = "ymd";
  else if (firstOver12 !== secondOver12) order = firstOver12 > secondOver12 ? "dmy" : "mdy";
  else if (firstOver12 === 0 && allSlash && (twelveHour || (!firstPadded && firstSingleDigit))) order = "mdy";
  else order = "dmy";
  let valid = 0;
  for (const text of dates) if (parseDate(text, order) !== null) valid++;
  return valid >= 0.9 * values ? order : null;
}

/** 00–69 → 2000–2069, 70–99 → 1970–1999. */
const twoDigitYear = (yy: number): number => yy + (yy < 70 ? 2000 : 1900);

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil, as "YYYY-MM-DD". */
function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** 19727 → "2024-01-05" (a fraction of a day is dropped). */
export function epochDayToIso(day: number): string {
  return civilFromDays(Math.floor(day));
}

/** 19727.5 → "2024-01-05 12:00" (rounded to the minute). */
export function epochDayToIsoDateTime(day: number): string {
  const minutes = Math.round(day * 1440);
  const whole = Math.floor(minutes / 1440);
  const ofDay = minutes - whole * 1440;
  return `${civilFromDays(whole)} ${pad2(Math.floor(ofDay / 60))}:${pad2(ofDay % 60)}`;
}

// ---------------------------------------------------------------------------------------
// Stars

/** `4 stars`, `1 star`, `4.5 stars`, `4星`, `4 顆星`, `4颗星` (after NFKC: full-width digits are plain). */
const STARS_WRITTEN = /^(\d{1,2}(?:\.\d)?)\s*(?:stars?|[颗顆]?星)$/i;
/** A row of drawn stars, filled ★ ⭐ and empty ☆: `★★★★☆`. */
const STARS_DRAWN = /^[★☆⭐]{1,10}$/u;
const STAR_SIGN = /[★☆⭐星]|star/iu;

/**
 * A star rating written as text: `★★★★☆` → 4 (the filled stars), `4 stars` → 4,
 * `4.5 stars` → 4.5, `4星` / `4 顆星` / `４颗星` → 4; null for anything else, plain numbers
 * included (those are parseNumber's).
 */
export function parseStars(text: string): number | null {
  // Most cells that reach here are words: skip the normalisation unless a star is in sight.
  if (!STAR_SIGN.test(text)) return null;
  const t = text.normalize("NFKC").trim();
  if (STARS_DRAWN.test(t)) {
    let filled = 0;
    for (const c of t) if (c !== "☆") filled++;
    return filled;
  }
  const m = STARS_WRITTEN.exec(t);
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------
// Flags, emails, phones

const FLAGS = new Map<string, 0 | 1>([
  ["1", 1], ["0", 0], ["1.0", 1], ["0.0", 0],
  ["yes", 1], ["no", 0], ["y", 1], ["n", 0], ["true", 1], ["false", 0], ["t", 1], ["f", 0],
  ["是", 1], ["否", 0], ["有", 1], ["无", 0], ["無", 0], ["没有", 0], ["沒有", 0],
  // churn labels
  ["churned", 1], ["active", 0], ["retained", 0], ["流失", 1], ["已流失", 1], ["未流失", 0], ["留存", 0],
]);

/** Yes/No, Y/N, true/false, 1/0, 是/否, 有/无/無, churned/active… → 1/0; null otherwise. */
export function parseFlag(text: string): 0 | 1 | null {
  return FLAGS.get(text.trim().toLowerCase()) ?? null;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** `name@example.com`: one @, no spaces, a dotted domain. */
export function isValidEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/**
 * 6–15 digits (E.164 allows 15), optionally a leading +, grouped with spaces, - . / or
 * parentheses: `138-1234-5678`, `+86 138 1234 5678`, `(02) 2345-6789`.
 */
export function isValidPhone(text: string): boolean {
  const t = text.trim();
  let digits = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (!(c === 0x20 || c === 0x2d || c === 0x2e || c === 0x2f || c === 0x28 || c === 0x29 || (c === 0x2b && i === 0))) {
      return false;
    }
  }
  return digits >= 6 && digits <= 15;
}
