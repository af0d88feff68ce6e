import { describe, expect, it } from "vitest";
import en from "../../../src/lib/i18n/en.json";
import zhCN from "../../../src/lib/i18n/zh-CN.json";
import zhTW from "../../../src/lib/i18n/zh-TW.json";
import { METRICS } from "../../../src/lib/analytics/metrics.ts";
import { CANONICAL_FIELDS, CANONICAL_TABLES } from "../../../src/lib/ingest/canonical.ts";
import { PROBLEM_REASONS } from "../../../src/lib/ingest/convert.ts";
import { SEGMENTS } from "../../../src/lib/models/rfm.ts";
import { BREAKDOWN_ATTRIBUTES } from "../../../src/lib/analytics/segments.ts";
import { segmentKey } from "../../../src/views/segments/segment-meta.ts";

type Dict = { [key: string]: string | Dict };

function flatten(dict: Dict, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(dict)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const EN = flatten(en);
const LOCALES = { "zh-CN": flatten(zhCN), "zh-TW": flatten(zhTW) };

/** Names and symbols that stay in Latin letters in Chinese text. */
const KEEP = [
  "CRM Lens", "CRM", "NPS", "CSAT", "CES", "CLV", "RFM", "ABC", "SQLite", "SQL", "CSV", "TSV", "TXT", "AOV", "BG/NBD", "Gamma-Gamma",
  "PNG", "SVG", "Excel", "UTF-8", "BOM", "JSON", "Ctrl", "Enter", "Mac", "NULL", "ID", "customer_id", "order_id",
  "ces_score", "churned", "crm-lens.sqlite", "English", "xlsx", "xls", "ZIP", "Numbers", "Word", "PowerPoint", "OPFS", "IndexedDB",
];
const PARAM = /\{\w+\}/g;

/** The Latin words left in a zh value once product names and {params} are removed. */
function latinWords(text: string): string[] {
  let rest = text.replace(PARAM, " ");
  for (const word of [...KEEP].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(" ");
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe("locale files", () => {
  for (const [name, dict] of Object.entries(LOCALES)) {
    it(`${name} has exactly the English keys`, () => {
      expect([...dict.keys()].sort()).toEqual([...EN.keys()].sort());
    });

    it(`${name} leaves nothing in English`, () => {
      const leftovers = [...dict].filter(([, value]) => latinWords(value).length > 0).map(([key, value]) => `${key}: ${value}`);
      expect(leftovers).toEqual([]);
    });

    it(`${name} keeps every {param} of the English text`, () => {
      const mismatched = [...EN]
        .filter(([key, value]) => {
          const want = (value.match(PARAM) ?? []).sort().join();
          const have = (dict.get(key)?.match(PARAM) ?? []).sort().join();
          return want !== have;
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  }

  it("explains every KPI of the catalogue", () => {
    for (const metric of METRICS) {
      for (const part of ["name", "definition", "formula", "reading", "action"]) {
        expect(EN.has(`${metric.explainKey}.${part}`), `${metric.explainKey}.${part}`).toBe(true);
      }
    }
  });

  it("names, describes and suggests an action for every RFM segment, in the glossary's words", () => {
    for (const segment of SEGMENTS) {
      const key = segmentKey(segment);
      expect(EN.get(`segments.names.${key}`), segment).toBe(segment);
      expect(EN.has(`segments.about.${key}.description`), segment).toBe(true);
      expect(EN.has(`segments.about.${key}.action`), segment).toBe(true);
    }
    // GLOSSARY.md fixes the Chinese segment names.
    const glossary = {
      "zh-CN": ["重要价值客户", "忠诚客户", "潜力客户", "新客户", "有前景客户", "需关注客户", "即将沉睡客户", "不能失去的客户", "风险客户", "沉睡客户", "已流失客户"],
      "zh-TW": ["重要價值客戶", "忠誠客戶", "潛力客戶", "新客戶", "有前景客戶", "需關注客戶", "即將沉睡客戶", "不能失去的客戶", "風險客戶", "沉睡客戶", "已流失客戶"],
    } as const;
    for (const [locale, names] of Object.entries(glossary)) {
      const dict = LOCALES[locale as keyof typeof LOCALES];
      expect(SEGMENTS.map((s) => dict.get(`segments.names.${segmentKey(s)}`))).toEqual(names);
    }
  });

  it("explains every chart of the Segments, Value and Satisfaction pages", () => {
    const charts = [
      "segments.grid", "segments.treemap", "segments.table", "segments.breakdown", "value.pareto", "value.abc", "value.abc_breakdown", "value.clv", "value.clv.histogram", "value.clv.p_alive", "value.historic",
      "satisfaction.distribution", "satisfaction.trend", "satisfaction.by", "satisfaction.service", "satisfaction.voice", "satisfaction.behaviour.repurchase", "satisfaction.behaviour.churn",
    ];
    for (const chart of charts) {
      for (const part of ["definition", "formula", "reading", "action"]) expect(EN.has(`${chart}.${part}`), `${chart}.${part}`).toBe(true);
    }
  });

  it("has a message for every reason the CLV models cannot be fitted", () => {
    for (const status of ["no_orders", "no_repeat", "too_few", "no_convergence", "fitted"]) expect(EN.has(`value.clv.status.${status}`), status).toBe(true);
  });

  it("names every breakdown attribute", () => {
    for (const attribute of BREAKDOWN_ATTRIBUTES) expect(EN.has(`fields.customers.${attribute}`), attribute).toBe(true);
  });

  it("names every canonical field and table", () => {
    for (const table of CANONICAL_TABLES) {
      expect(EN.has(`tables.${table}`)).toBe(true);
      for (const field of CANONICAL_FIELDS[table]) expect(EN.has(`fields.${table}.${field.name}`), `${table}.${field.name}`).toBe(true);
    }
  });

  it("has a message and a label for every problem reason", () => {
    for (const reason of PROBLEM_REASONS) {
      expect(EN.get(`problems.${reason}`)).toContain("{file}");
      expect(EN.get(`problems.${reason}`)).toContain("{row}");
      expect(EN.has(`problem_labels.${reason}`)).toBe(true);
    }
  });

  it("names the file in every error", () => {
    for (const [key, value] of EN) if (key.startsWith("errors.")) expect(value, key).toContain("{file}");
  });
});
