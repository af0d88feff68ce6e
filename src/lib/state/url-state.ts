/**
 * The view state carried in the URL hash (PRODUCT.md, testability contract), parsed and
 * serialised by pure functions so that a link reproduces a view and tests can build one.
 *
 *   #/data?asof=2024-06-30&lang=zh-CN&region=North,South
 *
 * Unknown keys and invalid values are dropped; list values are comma-separated with each
 * value URI-encoded (a comma inside a value becomes %2C), so every state round-trips.
 */
import { isLocale, type Locale } from "../format/locale.ts";
import { isIsoDay } from "../format/date.ts";
import { emptyLists, isListFilterKey, LIST_FILTER_KEYS, type Filters, type ListFilterKey } from "../analytics/filters.ts";
import { SATISFACTION_MEASURES, type SatisfactionMeasure } from "../analytics/satisfaction.ts";

/** Every page the product defines; a hash naming another page opens the Overview. */
export const PAGES = ["", "segments", "value", "lifecycle", "churn", "satisfaction", "data"] as const;
export type Page = (typeof PAGES)[number];

export type Theme = "light" | "dark";
export type TimeUnit = "day" | "week";

/** The list filters (`region=North,South`), in the order they are written. */
export const LIST_KEYS = LIST_FILTER_KEYS;
export type ListKey = ListFilterKey;

/**
 * Chart options: how a page looks at the data, one URL key each (`measure=revenue`), so
 * that a shared link shows the same charts. Absent = the page's default; the page checks
 * that a value is one it knows. A `word` is a short identifier, a range a whole number.
 */
export const VIEW_OPTIONS = {
  /** Segments: the grid and treemap by customers or revenue. */
  measure: "word",
  /** Segments: the customer attribute the segments are broken down by. */
  breakdown: "word",
  /** Value: the ABC breakdown by customers or revenue. */
  abc_measure: "word",
  /** Value: the customer attribute the ABC tiers are broken down by. */
  abc_breakdown: "word",
  /** Lifecycle: month or week periods. */
  grain: "word",
  /** Lifecycle: the cohort heatmap's measure. */
  cohort: "word",
  /** Lifecycle: quarters with orders that make a customer retained. */
  retained_quarters: { min: 1, max: 40 },
  /** Lifecycle: orders that make a customer developing. */
  developing_orders: { min: 2, max: 100 },
  /** Churn: the attribute churn is broken down by. */
  churn_by: "word",
  /** Satisfaction: what service speed is broken down by. */
  service_by: "word",
} as const satisfies Record<string, "word" | { min: number; max: number }>;
export type ViewOption = keyof typeof VIEW_OPTIONS;
export type ViewOptions = Readonly<Partial<Record<ViewOption, string>>>;
const VIEW_OPTION_KEYS = Object.keys(VIEW_OPTIONS) as ViewOption[];
const isViewOption = (key: string): key is ViewOption => Object.hasOwn(VIEW_OPTIONS, key);

/** Most file names a link carries (a project rarely has more; the rest would only lengthen the link). */
export const MAX_LINK_FILES = 12;

/** The page, view settings and the global filters (from, to and the lists). */
export interface UrlState extends Filters {
  page: Page;
  /** Analysis date; null = the latest date in the data. */
  asof: string | null;
  unit: TimeUnit | null;
  /** Churn window in days; null = derived from the data. */
  churnDays: number | null;
  /** `horizon`: days of "expected purchases in the next … days"; null = the default (DEFAULT_CLV), as for the three below. */
  horizonDays: number | null;
  /** `clv_months`: months the CLV sums over. */
  clvMonths: number | null;
  /** `discount`: monthly discount rate as a fraction (0.01 = 1 % a month). */
  monthlyDiscount: number | null;
  /** `margin`: profit margin as a fraction (1 = 100 %). */
  margin: number | null;
  /** `frt`: first-response target in whole minutes (Satisfaction page); null = the default (20). */
  firstResponseMinutes: number | null;
  /** `rt`: resolution target in whole hours; null = the default (24). */
  resolutionHours: number | null;
  /** `score`: the score charted over time and by group; null = the first one the data has. */
  score: SatisfactionMeasure | null;
  /** `score_by`: what the score is broken down by (a dimension id such as `feedback.channel`); null = the first one the data has. */
  scoreBy: string | null;
  lang: Locale | null;
  theme: Theme | null;
  /** `customer`: the ID of the customer whose file (客户档案) is open over the page; null = none. */
  customer: string | null;
  /** `teach=1`: teaching mode, every chart's and KPI's explanation open, with the KPIs' worked formulas. */
  teach: boolean;
  /** `privacy=1`: names, emails and phones masked on screen and in exports (for projecting real data). */
  privacy: boolean;
  /** Chart options in force (see VIEW_OPTIONS). */
  options: ViewOptions;
  /** `files`: names (never contents) of the user's files the view was made from, so that a link opened without them can say which it expects. */
  files: string[];
}

export const DEFAULT_URL_STATE: UrlState = {
  page: "",
  asof: null,
  unit: null,
  churnDays: null,
  horizonDays: null,
  clvMonths: null,
  monthlyDiscount: null,
  margin: null,
  firstResponseMinutes: null,
  resolutionHours: null,
  score: null,
  scoreBy: null,
  lang: null,
  theme: null,
  customer: null,
  teach: false,
  privacy: false,
  options: {},
  files: [],
  from: null,
  to: null,
  ...emptyLists(),
};

/** Longest churn window accepted from a URL (ten years). */
export const MAX_CHURN_DAYS = 3650;

const isPage = (value: string): value is Page => (PAGES as readonly string[]).includes(value);

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

function parseList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const value = decode(part)?.trim();
    if (value) seen.add(value);
  }
  return [...seen];
}

function parseViewOption(key: ViewOption, text: string): string | null {
  const kind = VIEW_OPTIONS[key];
  if (kind === "word") return /^[A-Za-z][A-Za-z0-9_.]{0,40}$/.test(text) ? text : null;
  const n = parseWhole(text, kind);
  return n === null ? null : String(n);
}

/** A customer ID a link may carry: trimmed, not empty, no control characters, at most 200 characters. */
function customerId(text: string | null): string | null {
  const id = text?.trim() ?? "";
  return id && id.length <= 200 && !/\p{Cc}/u.test(id) ? id : null;
}

/** A file name a link may carry: a name, not a path, of a sensible length. */
const isFileName = (name: string): boolean => name.length <= 200 && !/[/\\\p{Cc}]/u.test(name);

function parseChurnDays(text: string): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_CHURN_DAYS ? n : null;
}

/** Limits of the CLV settings a URL may carry (inclusive, except where the comment says). */
export const CLV_LIMITS = {
  /** Days: one day to ten years. */
  horizonDays: { min: 1, max: 3650 },
  /** Months: one month to fifty years. */
  clvMonths: { min: 1, max: 600 },
  /** Monthly discount: 0 (no discounting) up to, not including, 100 %. */
  monthlyDiscount: { min: 0, max: 1 },
  /** Margin: above 0 up to 100 %. */
  margin: { min: 0, max: 1 },
} as const;

/** Limits of the service targets a URL may carry: a minute to a week; an hour to a year. */
export const SERVICE_TARGET_LIMITS = {
  firstResponseMinutes: { min: 1, max: 10080 },
  resolutionHours: { min: 1, max: 8760 },
} as const;

const isScoreMeasure = (value: unknown): value is SatisfactionMeasure => (SATISFACTION_MEASURES as readonly unknown[]).includes(value);

/** A dimension id: a field name, optionally after its table (`segment`, `customers.region`). */
const isDimensionId = (value: unknown): value is string => typeof value === "string" && /^[a-z][a-z0-9_]{0,40}(\.[a-z][a-z0-9_]{0,40})?$/.test(value);

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** A fraction rounded to 6 decimals, so that 1.1 % typed as 0.011000000000000001 reads 0.011. */
export const roundFraction = (n: number): number => Math.round(n * 1e6) / 1e6;

function parseWhole(text: string, limits: { min: number; max: number }): number | null {
  if (!/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n >= limits.min && n <= limits.max ? n : null;
}

/** discount: 0 ≤ d < 1; margin: 0 < m ≤ 1. */
function parseFraction(text: string, key: "monthlyDiscount" | "margin"): number | null {
  if (!DECIMAL.test(text)) return null;
  const n = roundFraction(Number(text));
  if (!Number.isFinite(n)) return null;
  return key === "monthlyDiscount" ? (n >= 0 && n < 1 ? n : null) : n > 0 && n <= 1 ? n : null;
}

const validWhole = (n: number | null, limits: { min: number; max: number }): n is number =>
  n !== null && Number.isInteger(n) && n >= limits.min && n <= limits.max;

/** The state in a hash such as `#/churn?churn_days=60`; anything invalid is left at its default. */
export function parseHash(hash: string): UrlState {
  const state: UrlState = { ...DEFAULT_URL_STATE, ...emptyLists() };
  const options: Partial<Record<ViewOption, string>> = {};
  const body = hash.replace(/^#/, "");
  const q = body.indexOf("?");
  const path = (q === -1 ? body : body.slice(0, q)).replace(/^\/+|\/+$/g, "");
  const page = decode(path) ?? "";
  state.page = isPage(page) ? page : "";
  if (q === -1) return state;

  for (const pair of body.slice(q + 1).split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const raw = eq === -1 ? "" : pair.slice(eq + 1);
    if (isListFilterKey(key)) {
      state[key] = parseList(raw);
      continue;
    }
    const value = decode(raw);
    if (isViewOption(key)) {
      const option = value === null ? null : parseViewOption(key, value);
      if (option !== null) options[key] = option;
      continue;
    }
    switch (key) {
      case "asof":
        if (isIsoDay(value)) state.asof = value;
        break;
      case "from":
        if (isIsoDay(value)) state.from = value;
        break;
      case "to":
        if (isIsoDay(value)) state.to = value;
        break;
      case "unit":
        if (value === "day" || value === "week") state.unit = value;
        break;
      case "churn_days":
        state.churnDays = value === null ? null : parseChurnDays(value);
        break;
      case "horizon":
        state.horizonDays = value === null ? null : parseWhole(value, CLV_LIMITS.horizonDays);
        break;
      case "clv_months":
        state.clvMonths = value === null ? null : parseWhole(value, CLV_LIMITS.clvMonths);
        break;
      case "discount":
        state.monthlyDiscount = value === null ? null : parseFraction(value, "monthlyDiscount");
        break;
      case "margin":
        state.margin = value === null ? null : parseFraction(value, "margin");
        break;
      case "frt":
        state.firstResponseMinutes = value === null ? null : parseWhole(value, SERVICE_TARGET_LIMITS.firstResponseMinutes);
        break;
      case "rt":
        state.resolutionHours = value === null ? null : parseWhole(value, SERVICE_TARGET_LIMITS.resolutionHours);
        break;
      case "score":
        if (isScoreMeasure(value)) state.score = value;
        break;
      case "score_by":
        if (isDimensionId(value)) state.scoreBy = value;
        break;
      case "lang":
        if (isLocale(value)) state.lang = value;
        break;
      case "theme":
        if (value === "light" || value === "dark") state.theme = value;
        break;
      case "customer":
        state.customer = customerId(value);
        break;
      case "teach":
        state.teach = value === "1";
        break;
      case "privacy":
        state.privacy = value === "1";
        break;
      case "files":
        state.files = parseList(raw).filter(isFileName).slice(0, MAX_LINK_FILES);
        break;
      default:
      // unknown keys are dropped
    }
  }
  state.options = options;
  return state;
}

/** The hash for a state, keys in a fixed order, defaults omitted: `#/data?lang=zh-TW`. */
export function serialiseHash(state: UrlState): string {
  const parts: string[] = [];
  const add = (key: string, value: string | number | null) => {
    if (value !== null && value !== "") parts.push(`${key}=${encodeURIComponent(String(value))}`);
  };
  add("asof", isIsoDay(state.asof) ? state.asof : null);
  add("unit", state.unit === "day" || state.unit === "week" ? state.unit : null);
  add("churn_days", state.churnDays !== null && parseChurnDays(String(state.churnDays)) !== null ? state.churnDays : null);
  add("horizon", validWhole(state.horizonDays, CLV_LIMITS.horizonDays) ? state.horizonDays : null);
  add("clv_months", validWhole(state.clvMonths, CLV_LIMITS.clvMonths) ? state.clvMonths : null);
  add("discount", state.monthlyDiscount !== null && parseFraction(String(roundFraction(state.monthlyDiscount)), "monthlyDiscount") !== null ? roundFraction(state.monthlyDiscount) : null);
  add("margin", state.margin !== null && parseFraction(String(roundFraction(state.margin)), "margin") !== null ? roundFraction(state.margin) : null);
  add("frt", validWhole(state.firstResponseMinutes, SERVICE_TARGET_LIMITS.firstResponseMinutes) ? state.firstResponseMinutes : null);
  add("rt", validWhole(state.resolutionHours, SERVICE_TARGET_LIMITS.resolutionHours) ? state.resolutionHours : null);
  add("score", isScoreMeasure(state.score) ? state.score : null);
  add("score_by", isDimensionId(state.scoreBy) ? state.scoreBy : null);
  add("lang", isLocale(state.lang) ? state.lang : null);
  add("theme", state.theme === "light" || state.theme === "dark" ? state.theme : null);
  add("customer", customerId(state.customer));
  add("teach", state.teach ? 1 : null);
  add("privacy", state.privacy ? 1 : null);
  add("from", isIsoDay(state.from) ? state.from : null);
  add("to", isIsoDay(state.to) ? state.to : null);
  const addList = (key: string, list: readonly string[]) => {
    const values = [...new Set(list.map((v) => v.trim()).filter(Boolean))];
    if (values.length) parts.push(`${key}=${values.map(encodeURIComponent).join(",")}`);
  };
  for (const key of LIST_KEYS) addList(key, state[key]);
  for (const key of VIEW_OPTION_KEYS) {
    const text = state.options[key];
    add(key, text === undefined ? null : parseViewOption(key, text));
  }
  addList("files", state.files.filter(isFileName).slice(0, MAX_LINK_FILES));
  const page = isPage(state.page) ? state.page : "";
  return `#/${page}${parts.length ? `?${parts.join("&")}` : ""}`;
}

/**
 * A list filter after a click on `value` in a chart: that value alone, or no filter when it
 * was already the only one. chooseOnly(["Lost"], "Lost") → []; chooseOnly(["Lost", "Loyal"], "Lost") → ["Lost"].
 */
export function chooseOnly(current: readonly string[], value: string): string[] {
  return current.length === 1 && current[0] === value ? [] : [value];
}

/** True when two states serialise to the same hash. */
export const sameUrlState = (a: UrlState, b: UrlState): boolean => serialiseHash(a) === serialiseHash(b);
