/**
 * Column → canonical field, suggested from the header text (English, 简体, 繁體 synonyms)
 * checked against the values' shape, and changed by the user one column at a time.
 */
import { CANONICAL_FIELDS, fieldKey, findField, missingRequired, standInsOf } from "./canonical.ts";
import type { CanonicalField, CanonicalTable, FieldRef } from "./canonical.ts";
import type { ColumnProfile } from "./profile.ts";

/** What a file's rows are; "flat" = orders whose rows also carry customer columns. */
export type FileKind = "orders" | "customers" | "feedback" | "interactions" | "flat" | "summary" | "unknown";

/**
 * `columns[i]` is the field column i fills, or null (the column stays only in the raw
 * table); a field is the target of one column at most.
 *
 * A flat file fills orders and customers from the same rows. Its customer ID column is
 * listed once, as `orders.customer_id`, and also keys the customers rows (unless the user
 * maps a column to `customers.customer_id` explicitly); `tablesFilled` says which tables
 * a mapping fills.
 */
export interface FileMapping {
  kind: FileKind;
  columns: Array<FieldRef | null>;
  /** 0..1 per column: how sure the suggestion is (1 = chosen by the user, 0 = unmapped). */
  confidence: number[];
  /** Required fields of the tables filled that no column fills. */
  missing: FieldRef[];
  /** No required field missing, each mapped with confidence ≥ 0.6: apply without asking. */
  confident: boolean;
}

/** A field mapped with at least this confidence needs no confirmation. */
export const CONFIDENT = 0.6;

/** Confidence of an exact header match whose values do not fit the field: ask the user. */
const DOUBTFUL = 0.4;
const EXACT = 0.95;
const EXACT_GENERIC = 0.85;

type Synonyms = { specific: readonly string[]; generic?: readonly string[] };

const CUSTOMER_ID: Synonyms = {
  specific: [
    "customer id", "customer_id", "cust_id", "customer no", "customer number", "customer code", "client id",
    "user id", "member id", "buyer id", "account id", "customer_unique_id", "shopper id",
    "客户编号", "客户ID", "客户号", "客户代码", "客户编码", "会员ID", "会员编号", "会员号", "会员卡号", "用户ID", "用户编号",
    "买家ID", "顾客编号", "顾客ID",
    "客戶編號", "客戶ID", "客戶代碼", "客戶編碼", "會員ID", "會員編號", "會員卡號", "用戶ID", "用戶編號", "顧客編號", "顧客ID",
  ],
  generic: ["customer", "client", "member", "客户", "客戶", "会员", "會員", "顾客", "顧客"],
};
const GENERIC_DATE = ["date", "datetime", "timestamp", "time", "日期", "时间", "時間"];
const CHANNEL = ["channel", "渠道", "通路"];
const CATEGORY = ["category", "类别", "類別", "分类", "分類"];
const STATUS = ["status", "状态", "狀態"];

/**
 * Header synonyms per field. Specific words say which table the file is about (an
 * `InvoiceDate` column makes an orders file); generic ones (`date`, `channel`) only fill a
 * field once the table is known. Compared as `headerForms`.
 */
const SYNONYMS: Record<CanonicalTable, Record<string, Synonyms>> = {
  customers: {
    customer_id: CUSTOMER_ID,
    name: {
      specific: [
        "customer name", "full name", "client name", "member name", "contact name", "first name",
        "客户名称", "客户姓名", "姓名", "会员名称", "会员姓名", "顾客姓名", "联系人", "名字",
        "客戶名稱", "客戶姓名", "會員名稱", "會員姓名", "顧客姓名", "聯絡人",
      ],
      generic: ["name", "名称", "名稱"],
    },
    email: { specific: ["email", "e-mail", "email address", "mail", "邮箱", "电子邮箱", "电子邮件", "郵箱", "電子郵件", "電郵"] },
    phone: {
      specific: [
        "phone", "telephone", "tel", "mobile", "phone number", "mobile number",
        "手机", "手机号", "手机号码", "电话", "联系电话", "电话号码", "手機", "手機號碼", "電話", "聯絡電話", "電話號碼",
      ],
    },
    region: {
      specific: ["region", "area", "territory", "地区", "区域", "省份", "大区", "地區", "區域", "縣市"],
      generic: ["state", "province", "省"],
    },
    country: { specific: ["country", "nation", "country code", "国家", "國家", "国家地区", "國家地區"] },
    city: { specific: ["city", "town", "城市", "所在城市", "市"] },
    gender: { specific: ["gender", "sex", "性别", "性別"] },
    birth_date: { specific: ["birth date", "date of birth", "dob", "birthday", "出生日期", "生日"] },
    acquisition_channel: {
      specific: [
        "acquisition channel", "lead source", "signup source", "referral source", "utm source",
        "获客渠道", "来源渠道", "注册渠道", "獲客渠道", "來源渠道", "註冊渠道",
      ],
      generic: [...CHANNEL, "source", "来源", "來源"],
    },
    signup_date: {
      specific: [
        "signup date", "sign up date", "registration date", "register date", "join date", "joined", "member since",
        "customer since", "注册日期", "注册时间", "入会日期", "开户日期", "註冊日期", "註冊時間", "入會日期", "開戶日期",
      ],
    },
    tier: {
      specific: [
        "tier", "customer tier", "loyalty tier", "membership", "member level", "vip level", "level", "segment",
        "会员等级", "客户等级", "等级", "會員等級", "客戶等級", "等級",
      ],
    },
    churned: {
      specific: ["churn", "churned", "is churned", "churn flag", "churn label", "exited", "attrition", "流失", "是否流失", "已流失", "流失标志", "流失標誌"],
    },
    churn_date: {
      specific: ["churn date", "cancel date", "cancellation date", "termination date", "流失日期", "流失时间", "退订日期", "流失時間", "退訂日期"],
    },
    contract_type: {
      specific: ["contract", "contract type", "plan", "subscription", "subscription type", "合约类型", "合同类型", "合约", "套餐", "合約類型", "合約", "方案"],
    },
    monthly_charges: {
      specific: ["monthly charges", "monthlycharges", "monthly fee", "monthly charge", "月费", "月租", "每月费用", "月費", "每月費用"],
    },
    total_charges: {
      specific: ["total charges", "totalcharges", "total billed", "累计费用", "总费用", "累計費用", "總費用"],
    },
    tenure_months: {
      specific: ["tenure", "tenure months", "months", "在网时长", "在网月数", "入网时长", "在網時長", "在網月數", "會員月數"],
    },
  },
  orders: {
    order_id: {
      specific: [
        "order id", "order no", "order number", "invoice", "invoice no", "invoice number", "invoice id",
        "transaction id", "receipt no", "sales order", "订单编号", "订单号", "订单ID", "单号", "交易编号", "流水号",
        "訂單編號", "訂單號", "訂單ID", "單號", "交易編號", "發票號碼",
      ],
    },
    customer_id: CUSTOMER_ID,
    order_date: {
      specific: [
        "order date", "invoice date", "purchase date", "transaction date", "order time", "purchased at", "ordered at",
        "order_purchase_timestamp", "sale date", "下单时间", "下单日期", "订单日期", "订单时间", "交易日期", "交易时间",
        "购买日期", "购买时间", "付款时间", "支付时间", "消费日期", "消费时间", "成交日期", "成交时间",
        "訂單日期", "訂單時間", "下單時間", "下單日期", "交易時間", "購買日期", "購買時間", "消費日期", "消費時間", "付款時間",
      ],
      generic: GENERIC_DATE,
    },
    amount: {
      specific: [
        "amount", "sales", "total price", "revenue", "order amount", "total amount", "order total", "order value",
        "payment value", "paid amount", "line total", "subtotal", "gmv", "spend",
        "实付金额", "实付", "订单金额", "金额", "消费金额", "销售额", "支付金额", "付款金额", "成交金额", "总金额", "总价",
        "實付金額", "訂單金額", "金額", "消費金額", "銷售額", "支付金額", "付款金額", "成交金額", "總金額", "總價",
      ],
      generic: ["total", "value", "合计", "合計"],
    },
    quantity: { specific: ["quantity", "qty", "units", "数量", "件数", "购买数量", "數量", "件數", "購買數量"] },
    unit_price: { specific: ["unit price", "price", "单价", "价格", "售价", "單價", "價格", "售價"] },
    currency: { specific: ["currency", "currency code", "币种", "货币", "幣別", "幣種", "貨幣"] },
    channel: { specific: ["sales channel", "order channel", "platform", "store", "销售渠道", "下单渠道", "平台", "銷售渠道", "銷售通路"], generic: CHANNEL },
    category: {
      specific: ["product category", "product type", "商品类别", "品类", "类目", "商品類別", "品類", "類目"],
      generic: CATEGORY,
    },
    product: {
      specific: ["product", "product name", "item", "item name", "description", "sku", "商品", "商品名称", "产品", "产品名称", "品名", "商品名稱", "產品", "產品名稱"],
    },
    status: { specific: ["order status", "订单状态", "訂單狀態"], generic: STATUS },
  },
  feedback: {
    feedback_id: {
      specific: [
        "feedback id", "response id", "ticket id", "ticket", "survey id", "case id", "respondent id", "review id",
        "反馈编号", "工单号", "工单编号", "问卷编号", "评价编号", "回饋編號", "工單號", "工單編號", "問卷編號", "評價編號",
      ],
    },
    customer_id: CUSTOMER_ID,
    date: {
      specific: [
        "feedback date", "survey date", "response date", "submitted at", "submission date", "review date",
        "review_creation_date", "反馈日期", "反馈时间", "提交时间", "填写时间", "调查日期", "评价时间",
        "回饋日期", "回饋時間", "提交時間", "填寫時間", "調查日期", "評價時間",
      ],
      generic: GENERIC_DATE,
    },
    nps_score: {
      specific: [
        "nps", "nps score", "likelihood to recommend", "likely to recommend", "recommend", "net promoter",
        "推荐分数", "推荐意愿", "推荐度", "推荐可能性", "推荐", "净推荐值",
        "推薦分數", "推薦意願", "推薦度", "推薦可能性", "推薦", "淨推薦值",
      ],
    },
    csat_score: {
      specific: [
        "csat", "csat score", "satisfaction", "satisfaction score", "customer satisfaction", "overall satisfaction", "how satisfied",
        "满意度", "满意度评分", "满意程度", "总体满意度", "滿意度", "滿意度評分", "滿意程度", "整體滿意度",
      ],
    },
    ces_score: {
      specific: [
        "ces", "ces score", "customer effort", "effort score", "effort", "how easy",
        "费力度", "费力程度", "客户费力度", "費力度", "費力程度", "客戶費力度",
      ],
    },
    rating: { specific: ["rating", "stars", "star rating", "review score", "星级", "星級", "评星", "評星"] },
    channel: { specific: ["feedback channel", "survey channel", "反馈渠道", "回饋渠道"], generic: CHANNEL },
    category: {
      specific: ["feedback type", "feedback category", "topic", "反馈类型", "问题类型", "意见类型", "投诉类型", "回饋類型", "問題類型", "意見類型", "投訴類型"],
      generic: [...CATEGORY, "type", "类型", "類型"],
    },
    comment: {
      specific: [
        "comment", "comments", "feedback", "review", "review text", "review_comment_message", "verbatim", "remarks",
        "reason", "评论", "意见", "建议", "反馈内容", "评价内容", "评价", "留言", "原因",
        "評論", "意見", "建議", "回饋內容", "評價內容", "評價",
      ],
      generic: ["text", "note", "notes", "备注", "備註"],
    },
    first_response_minutes: {
      specific: ["first response minutes", "first response time", "response time", "首次响应时长", "响应时长", "首次回應時長", "回應時長"],
    },
    resolution_hours: {
      specific: ["resolution hours", "resolution time", "time to resolve", "处理时长", "解决时长", "處理時長", "解決時長"],
    },
    created_at: { specific: ["created at", "created", "opened at", "ticket created", "创建时间", "建立时间", "建立時間", "創建時間"] },
    first_response_at: {
      specific: ["first response at", "first responded at", "first reply at", "first response", "首次响应时间", "首次回复时间", "首次回應時間", "首次回覆時間"],
    },
    resolved_at: {
      specific: ["resolved at", "closed at", "resolved", "resolution date", "解决时间", "关闭时间", "结案时间", "解決時間", "關閉時間", "結案時間"],
    },
    status: { specific: ["ticket status", "处理状态", "處理狀態"], generic: STATUS },
    priority: {
      specific: [
        "priority", "ticket priority", "priority level", "urgency", "severity",
        "优先级", "紧急程度", "严重程度", "優先級", "優先順序", "緊急程度", "嚴重程度",
      ],
    },
  },
  summaries: {
    // A summary is keyed by customer by construction: a bare "ID" column (lifetimes' own export) is the customer.
    customer_id: { specific: CUSTOMER_ID.specific, generic: [...(CUSTOMER_ID.generic ?? []), "id"] },
    frequency: { specific: ["frequency", "repeat purchases", "repeat purchase days", "x", "复购次数", "重複購買次數"] },
    recency: { specific: ["recency", "t_x", "tx", "最近购买间隔", "最近購買間隔"] },
    T: { specific: ["T", "age", "customer age", "客户年龄", "客戶年齡"] },
    monetary_value: { specific: ["monetary_value", "monetary value", "avg repeat value", "zbar", "m", "平均复购金额", "平均複購金額"] },
    total_spend: { specific: ["total_spend", "total spend", "lifetime spend", "累计消费", "累計消費"] },
    orders: { specific: ["orders", "order count", "number of orders", "订单数", "訂單數"] },
  },
  interactions: {
    customer_id: CUSTOMER_ID,
    date: {
      specific: ["interaction date", "contact date", "activity date", "touch date", "接触日期", "互动日期", "拜访日期", "跟进日期", "接觸日期", "互動日期", "拜訪日期", "跟進日期"],
      generic: GENERIC_DATE,
    },
    channel: { specific: ["contact channel", "接触渠道", "接觸渠道"], generic: CHANNEL },
    type: {
      specific: [
        "interaction type", "activity", "activity type", "event", "event type", "touchpoint", "contact type",
        "互动类型", "接触类型", "活动类型", "跟进方式", "互動類型", "接觸類型", "活動類型", "跟進方式",
      ],
      generic: ["type", "类型", "類型"],
    },
    outcome: { specific: ["outcome", "result", "disposition", "结果", "跟进结果", "結果", "跟進結果"] },
  },
};

/**
 * Header words of a score column that say nothing about its scale: the scale comes from
 * the header when it writes one (see writtenScale), else from the values (0–10 → NPS,
 * 1–7 → CES, 1–5 → CSAT, or rating when it speaks of stars).
 */
const GENERIC_SCORE = ["score", "rating", "评分", "分数", "得分", "打分", "評分", "分數"].map(headerForms);
const STAR_WORDS = ["rating", "star", "stars"].map(headerForms);
/**
 * Confidence of a score column whose header writes its scale ("(0-10)") or whose values
 * are drawn stars ("★★★★☆"): a survey tool's long question is then as clear as a name.
 */
const SCALE_SHOWN = 0.8;

/**
 * Fields that tell what a file is about (shared ones such as customer_id, channel or
 * status do not).
 */
const DISTINCTIVE: Record<CanonicalTable, ReadonlySet<string>> = {
  orders: new Set(["order_id", "order_date", "amount", "quantity", "unit_price", "product", "currency"]),
  feedback: new Set([
    "feedback_id", "nps_score", "csat_score", "ces_score", "rating", "comment", "first_response_minutes",
    "resolution_hours", "created_at", "first_response_at", "resolved_at",
  ]),
  interactions: new Set(["date", "type", "outcome"]),
  summaries: new Set(["frequency", "recency", "T", "monetary_value", "total_spend"]),
  customers: new Set([
    "name", "email", "phone", "region", "country", "city", "gender", "birth_date", "acquisition_channel",
    "signup_date", "tier", "churned", "churn_date", "contract_type", "tenure_months", "monthly_charges", "total_charges",
  ]),
};

const TABLES_OF: Record<FileKind, readonly CanonicalTable[]> = {
  orders: ["orders"],
  flat: ["orders", "customers"],
  feedback: ["feedback"],
  interactions: ["interactions"],
  customers: ["customers"],
  summary: ["summaries"],
  unknown: [],
};

/** A header or synonym, normalised two ways for matching. */
interface HeaderForms {
  /** Only letters and digits, lower case: `Customer ID`, `customerID`, `cust_id` → `customerid`, `custid`. */
  compact: string;
  /** Its words between spaces (camelCase split): `InvoiceDate` → ` invoice date `. */
  spaced: string;
  /** Holds CJK characters, which have no spaces between words. */
  cjk: boolean;
}

/** Full-width → half-width (NFKC), camelCase split, lower case, punctuation → space. */
function headerForms(text: string): HeaderForms {
  const words = text
    .normalize("NFKC")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return { compact: words.replace(/ /g, ""), spaced: ` ${words} `, cjk: /[\u3000-\u9fff]/.test(words) };
}

interface Entry {
  ref: FieldRef;
  field: CanonicalField;
  specific: readonly HeaderForms[];
  generic: readonly HeaderForms[];
}

const ENTRIES: readonly Entry[] = (Object.keys(SYNONYMS) as CanonicalTable[]).flatMap((table) =>
  Object.entries(SYNONYMS[table]).map(([name, words]) => {
    const ref = { table, field: name };
    const field = findField(ref);
    if (!field) throw new Error(`synonyms for unknown field ${fieldKey(ref)}`);
    return {
      ref,
      field,
      specific: words.specific.map(headerForms),
      generic: (words.generic ?? []).map(headerForms),
    };
  }),
);

/** Confidence of a synonym found inside a longer header: base + slope × the share it covers. */
const SPECIFIC_INSIDE = { base: 0.6, slope: 0.25 };
/** Below 0.6 even when covering almost all: a generic word inside a header is never confident. */
const GENERIC_INSIDE = { base: 0.35, slope: 0.2 };

/**
 * How well a header matches one of `words`: the same letters and digits → `exact`; a
 * word inside a longer header (a survey question holding "recommend") → `inside.base +
 * inside.slope × share of the header it covers`. Inside, Latin words must be whole words
 * (`tel` in `Tel. No.` but not in `Hotel`); CJK words, written without spaces, any
 * substring of two characters or more.
 *
 * Example: `How likely are you to recommend us to a friend? (0-10)` is 40 letters and
 * digits; "recommend" covers 9 → 0.6 + 0.25 × 9 / 40 = 0.65625.
 */
function headerScore(header: HeaderForms, words: readonly HeaderForms[], exact: number, inside: typeof SPECIFIC_INSIDE): number {
  let best = 0;
  for (const word of words) {
    if (word.compact === header.compact) return exact;
    const found = word.cjk
      ? word.compact.length >= 2 && header.compact.includes(word.compact)
      : header.spaced.includes(word.spaced);
    if (found) best = Math.max(best, inside.base + (inside.slope * word.compact.length) / header.compact.length);
  }
  return best;
}

const NUMERIC = new Set(["integer", "number", "money"]);
/** Shapes a score can be read from: numbers, or stars written as text ("4 stars", "4星"). */
const SCORE_SHAPES = new Set([...NUMERIC, "stars"]);

/** Whether a column of this profile can fill `field` (a header match with the wrong values is rejected). */
function shapeFits(field: CanonicalField, p: ColumnProfile): boolean {
  const s = p.shape;
  switch (field.kind) {
    case "id":
      return s === "id" || s === "integer" || s === "text" || s === "email" || s === "phone";
    case "text":
    case "category":
      return s === "text" || s === "id" || s === "integer" || s === "flag" || s === "email" || s === "phone";
    case "date":
    case "datetime":
      return s === "date" || s === "datetime";
    case "money":
    case "number":
      return NUMERIC.has(s);
    case "score": {
      // ≥ 90 % of the values inside the range (see ColumnProfile.p5).
      const [lo, hi] = field.range ?? [-Infinity, Infinity];
      return SCORE_SHAPES.has(s) && (p.p5 ?? lo) >= lo && (p.p95 ?? hi) <= hi;
    }
    case "flag":
      return s === "flag" || (s === "integer" && p.min !== undefined && p.min >= 0 && p.max !== undefined && p.max <= 1);
    case "email":
      return s === "email";
    case "phone":
      return s === "phone" || s === "id" || (s === "integer" && (p.min ?? 0) >= 100_000);
  }
}

/**
 * The score field whose range holds lo…hi, narrowest first: 1–5 → rating when the header
 * speaks of stars or the values are drawn stars, else csat_score; 1–7 → ces_score;
 * 0–10 → nps_score; anything else null.
 */
function scoreFieldHolding(lo: number, hi: number, header: HeaderForms, p: ColumnProfile): string | null {
  if (lo >= 1 && hi <= 5) return p.shape === "stars" || speaksOfStars(header) ? "rating" : "csat_score";
  if (lo >= 1 && hi <= 7) return "ces_score";
  if (lo >= 0 && hi <= 10) return "nps_score";
  return null;
}

/** Numbers (or stars) whose median lies inside the score field's range. */
function medianInside(field: CanonicalField, p: ColumnProfile): boolean {
  const [lo, hi] = field.range ?? [-Infinity, Infinity];
  return SCORE_SHAPES.has(p.shape) && p.p50 !== undefined && p.p50 >= lo && p.p50 <= hi;
}

/** "rating", "star(s)" as words, or 星 anywhere (星级, 5星: one character, too short for headerScore's CJK rule). */
function speaksOfStars(header: HeaderForms): boolean {
  return headerScore(header, STAR_WORDS, 1, SPECIFIC_INSIDE) > 0 || header.compact.includes("星");
}

/** The score field a generically named score column fills, by the range of ≥ 90 % of its values (p5…p95). */
function scoreFieldByRange(header: HeaderForms, p: ColumnProfile): string | null {
  const { p5: lo, p95: hi } = p;
  if (!SCORE_SHAPES.has(p.shape) || lo === undefined || hi === undefined) return null;
  return scoreFieldHolding(lo, hi, header, p);
}

/** `(0-10)`, `(1–5)`, `1-7`, `0～10` (NFKC: `0~10`), `0 to 10`, `1到5分`: two numbers joined by a range word. */
const SCALE_RANGE = /(?<![\d.])(\d{1,2})\s*(?:-|–|—|~|〜|to|至|到)\s*(\d{1,2})(?![\d.])/;
/** `1 = very difficult, 7 = very easy`, `0 = not at all likely … 10 = extremely likely`: the two ends labelled. */
const SCALE_ENDS = /(?<![\d.])(\d{1,2})\s*=[^=]*?(?<![\d.])(\d{1,2})\s*=/;

/**
 * The scale a survey question writes in its header, as [low, high], or null:
 * `How likely are you to recommend us to a friend? (0-10)` → [0, 10];
 * `How easy was it to… (1 = very difficult, 7 = very easy)` → [1, 7]; `满意度（1～5分）` → [1, 5];
 * `(5 = best, 1 = worst)` → [1, 5].
 * Digits next to other digits or dots (`2024-01`, `1.5-2`) are not a scale.
 */
export function writtenScale(header: string): [number, number] | null {
  const text = header.normalize("NFKC").toLowerCase();
  const m = SCALE_RANGE.exec(text) ?? SCALE_ENDS.exec(text);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === b ? null : [Math.min(a, b), Math.max(a, b)];
}

/**
 * The score field of a scale written in a header: the field whose range is exactly that
 * scale (0–10 NPS, 1–7 CES, 1–5 CSAT or rating), else null — a "(1-10)" question is none
 * of them, whatever its values.
 */
function scoreFieldOfScale([lo, hi]: [number, number], header: HeaderForms, p: ColumnProfile): string | null {
  const name = scoreFieldHolding(lo, hi, header, p);
  const range = name === null ? undefined : findField({ table: "feedback", field: name })?.range;
  return range !== undefined && range[0] === lo && range[1] === hi ? name : null;
}

interface Candidate {
  column: number;
  ref: FieldRef;
  confidence: number;
  /** Matched by a specific word: evidence of what the file is about. */
  telling: boolean;
}

function candidatesOf(p: ColumnProfile): Candidate[] {
  const header = headerForms(p.header);
  if (header.compact === "" || p.shape === "empty") return [];
  const found: Candidate[] = [];
  /** Score fields the header names with a specific word ("recommend", "满意度"). */
  const namedScores = new Set<string>();
  for (const e of ENTRIES) {
    const specific = headerScore(header, e.specific, EXACT, SPECIFIC_INSIDE);
    const generic = headerScore(header, e.generic, EXACT_GENERIC, GENERIC_INSIDE);
    const confidence = Math.max(specific, generic);
    if (specific > 0 && e.field.kind === "score") namedScores.add(e.ref.field);
    if (confidence > 0 && shapeFits(e.field, p)) {
      found.push({ column: p.index, ref: e.ref, confidence, telling: specific >= generic });
    } else if (specific === EXACT) {
      // The header says exactly what the column is but too many values disagree (say a
      // third of the dates are typos): keep the target, below CONFIDENT, so the file is
      // recognised and the user is asked, instead of the column silently being dropped.
      found.push({ column: p.index, ref: e.ref, confidence: DOUBTFUL, telling: true });
    }
  }
  found.push(...scoreCandidates(p, header, namedScores));
  return found;
}

/**
 * The score field a column fills by its scale: the scale the header writes wins over the
 * values' range (a "(0-10)" question answered only 1–5 is still NPS); without one, values
 * drawn as stars are a rating, and a generic score word ("Score", "评分") takes the field
 * the values' range says. A written scale that contradicts a score the header names
 * ("满意度 (0-10)") is only suggested, to be confirmed.
 *
 * Values must fit: ≥ 90 % inside the field's range (shapeFits), or, under a written
 * scale, numbers whose median is inside it — the header states the scale, so a typo `12`
 * among nine answers (more than the 5 % trimmed at each end) is an out-of-range problem
 * of its row, not a reason to drop the column.
 */
function scoreCandidates(p: ColumnProfile, header: HeaderForms, namedScores: ReadonlySet<string>): Candidate[] {
  const scoreWord = headerScore(header, GENERIC_SCORE, EXACT_GENERIC, SPECIFIC_INSIDE);
  const scale = writtenScale(p.header);
  const stars = p.shape === "stars";
  let name: string | null = null;
  if (scale) name = scoreFieldOfScale(scale, header, p);
  else if (stars || scoreWord > 0) name = scoreFieldByRange(header, p);
  const field = name === null ? undefined : findField({ table: "feedback", field: name });
  if (!field || !(shapeFits(field, p) || (scale !== null && medianInside(field, p)))) return [];
  const contradicted = namedScores.size > 0 && !namedScores.has(field.name);
  const confidence = contradicted ? DOUBTFUL : Math.max(scoreWord, scale || stars ? SCALE_SHOWN : 0);
  return [{ column: p.index, ref: { table: "feedback", field: field.name }, confidence, telling: true }];
}

/**
 * The kind with the most telling columns among orders, feedback and interactions (ties
 * in that order); orders with telling customer columns (name, email, region…) are "flat";
 * with none of the three, "customers" when a customer ID or attribute is there.
 */
function kindOf(candidates: Candidate[]): FileKind {
  const telling = (table: CanonicalTable): number =>
    new Set(candidates.filter((c) => c.telling && c.ref.table === table && DISTINCTIVE[table].has(c.ref.field)).map((c) => c.column)).size;
  const [orders, feedback, interactions, customers] = [telling("orders"), telling("feedback"), telling("interactions"), telling("customers")];
  // recency, frequency and T together only come from a per-customer summary.
  if (telling("summaries") >= 3) return "summary";
  const top = Math.max(orders, feedback, interactions);
  if (top > 0) {
    if (orders === top) return customers > 0 ? "flat" : "orders";
    return feedback === top ? "feedback" : "interactions";
  }
  return customers > 0 || candidates.some((c) => c.ref.table === "customers" && c.ref.field === "customer_id") ? "customers" : "unknown";
}

/**
 * Suggest a mapping from the column profiles.
 *
 * Worked example: `InvoiceNo, InvoiceDate, CustomerID, TotalPrice` (integer, date, integer,
 * money) → orders.order_id, orders.order_date, orders.customer_id, orders.amount, all
 * exact synonyms (0.95); three telling orders columns and no customer attribute → kind
 * "orders"; nothing missing → confident.
 */
export function suggestMapping(profiles: ColumnProfile[]): FileMapping {
  const candidates = profiles.flatMap(candidatesOf);
  const kind = kindOf(candidates);
  const tables = TABLES_OF[kind];
  const allowed = candidates.filter(
    (c) => tables.includes(c.ref.table) && !(kind === "flat" && c.ref.table === "customers" && c.ref.field === "customer_id"),
  );
  // Best first; on equal confidence the file's main table, then the leftmost column.
  allowed.sort((a, b) => b.confidence - a.confidence || tables.indexOf(a.ref.table) - tables.indexOf(b.ref.table) || a.column - b.column);
  const columns: Array<FieldRef | null> = profiles.map(() => null);
  const confidence = profiles.map(() => 0);
  const taken = new Set<string>();
  for (const c of allowed) {
    const key = fieldKey(c.ref);
    if (columns[c.column] || taken.has(key)) continue;
    columns[c.column] = c.ref;
    confidence[c.column] = c.confidence;
    taken.add(key);
  }
  return complete(kind, columns, confidence);
}

/** The canonical tables a mapping fills (a flat file: orders and customers). */
export function tablesFilled(mapping: FileMapping): CanonicalTable[] {
  return [...TABLES_OF[mapping.kind]];
}

/**
 * The mapping after the user points `column` at `target` (null: ignore the column). The
 * target leaves the column that had it; the kind follows the targets (orders and
 * customers fields together make "flat"); missing and confident are recomputed.
 */
export function withColumnTarget(mapping: FileMapping, column: number, target: FieldRef | null): FileMapping {
  const columns = mapping.columns.slice();
  const confidence = mapping.confidence.slice();
  if (target) {
    const key = fieldKey(target);
    columns.forEach((ref, i) => {
      if (ref && fieldKey(ref) === key) {
        columns[i] = null;
        confidence[i] = 0;
      }
    });
  }
  columns[column] = target;
  confidence[column] = target ? 1 : 0;
  return complete(kindOfTargets(columns), columns, confidence);
}

function kindOfTargets(columns: Array<FieldRef | null>): FileKind {
  const tables = new Set(columns.map((ref) => ref?.table));
  if (tables.has("orders")) return tables.has("customers") ? "flat" : "orders";
  if (tables.has("feedback")) return "feedback";
  if (tables.has("interactions")) return "interactions";
  if (tables.has("summaries")) return "summary";
  return tables.has("customers") ? "customers" : "unknown";
}

/** Fill in `missing` and `confident` for a kind and its column targets. */
function complete(kind: FileKind, columns: Array<FieldRef | null>, confidence: number[]): FileMapping {
  const sureOf = new Map<string, number>();
  columns.forEach((ref, i) => {
    if (ref) sureOf.set(fieldKey(ref), confidence[i] ?? 0);
  });
  if (kind === "flat" && !sureOf.has("customers.customer_id") && sureOf.has("orders.customer_id")) {
    sureOf.set("customers.customer_id", sureOf.get("orders.customer_id") ?? 0);
  }
  const mapped = new Set(sureOf.keys());
  const tables = TABLES_OF[kind];
  const missing = tables.flatMap((table) => missingRequired(table, mapped));
  const sure = (key: string): boolean => (sureOf.get(key) ?? 0) >= CONFIDENT;
  // Each required field, or when it is unmapped the fields standing in for it, mapped surely.
  const requiredSure = tables.every((table) =>
    CANONICAL_FIELDS[table]
      .filter((f) => f.required)
      .every((f) => {
        const standIns = mapped.has(`${table}.${f.name}`) ? [] : standInsOf(table, f.name);
        return standIns.length === 0 ? sure(`${table}.${f.name}`) : standIns.every((name) => sure(`${table}.${name}`));
      }),
  );
  // A doubtful column (its header says what it is, its values disagree) is asked about
  // even when optional: applying it would turn most of its values into problems.
  const doubtful = columns.some((ref, i) => ref !== null && (confidence[i] ?? 0) <= DOUBTFUL);
  const confident = kind !== "unknown" && missing.length === 0 && !doubtful && requiredSure;
  return { kind, columns, confidence, missing, confident };
}
