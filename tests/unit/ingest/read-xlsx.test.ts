/**
 * Excel workbooks read into records: values as Excel stores them (serial dates → ISO in both
 * date systems, numbers → numbers, text kept as written), the sheet chosen by default, and
 * the files refused with what to do instead. Expected dates are worked out by hand:
 * serial 45292 is 2024-01-01 in the 1900 system (Excel's =DATE(2024,1,1)); the 1904 system
 * counts 1,462 days fewer, so there 2024-01-01 is 43830; 0.75 of a day is 18:00.
 */
import { describe, expect, it } from "vitest";
import type { ReadStart, RecordSink } from "../../../src/lib/ingest/record-sink.ts";
import { readFile } from "../../../src/lib/ingest/read-file.ts";
import { WorkbookRefusedError, formatShowsTime } from "../../../src/lib/ingest/read-xlsx.ts";
import { containerOf, isEncryptedPackage, zipEntries, zipPackageKind } from "../../../src/lib/ingest/office-files.ts";
import { dateCell, oleOf, workbookOf, xlsxFromXml, zipOf } from "../../helpers/xlsx.ts";

class Collector implements RecordSink {
  meta: ReadStart | null = null;
  rows: { row: number; record: string[] }[] = [];
  start(meta: ReadStart): void {
    this.meta = meta;
  }
  records(batch: string[][], rowNumbers: number[]): void {
    batch.forEach((record, i) => this.rows.push({ row: rowNumbers[i] ?? -1, record }));
  }
}

async function read(bytes: Uint8Array<ArrayBuffer>, sheet: string | null = null): Promise<Collector> {
  const sink = new Collector();
  await readFile(new Blob([bytes]), sheet === null ? null : { sheet }, sink);
  return sink;
}

async function refusal(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const error: unknown = await read(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof WorkbookRefusedError ? error.reason : `not refused: ${String(error)}`;
}

/**
 * A workbook as Excel writes it: a notes sheet first, then the orders. Styles: 0 General,
 * 1 built-in 31 (an East Asian date format Excel does not write out), 2 built-in 14
 * (m/d/yy), 3 built-in 22 (m/d/yy h:mm), 4 custom 164 (yyyy年m月d日).
 */
const EXCEL_SHAPED = xlsxFromXml({
  strings: [
    "<t>本工作簿的订单在下一张工作表</t>",
    "<t>订单编号</t>",
    "<t>客户编号</t>",
    "<t>下单日期</t>",
    // a header in two formatting runs, and a note with phonetic guides (not part of the text)
    "<r><t>金</t></r><r><rPr><b/></rPr><t>额</t></r>",
    '<t>首单</t><rPh sb="0" eb="2"><t>ショタン</t></rPh>',
    "<t>下单时间</t>",
    "<t>0001</t>",
    "<t>0002</t>",
    "<t>0003</t>",
    "<t>C001</t>",
    "<t>C002</t>",
    "<t></t>",
  ],
  numFmts: { 164: 'yyyy"年"m"月"d"日"' },
  cellXfs: [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  ],
  sheets: [
    ["说明", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
    [
      "订单",
      // Row 1: the header, 金额 merged over D1:E1 (E1 blank). Row 4: formatted but empty.
      // Row 20: an empty text cell far right — neither the row nor column H is data.
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="s"><v>4</v></c><c r="E1" s="0"/><c r="F1" t="s"><v>6</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>10</v></c><c r="C2" s="1"><v>45292</v></c><c r="D2"><v>120.5</v></c><c r="E2" t="s"><v>5</v></c><c r="F2" s="3"><v>45292.75</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>8</v></c><c r="B3" t="s"><v>11</v></c><c r="C3" s="2"><v>45293</v></c><c r="D3"><f>D2*2</f><v>241</v></c><c r="F3" s="3"><v>45293.34375</v></c></row>' +
        '<row r="4"><c r="A4" s="2"/><c r="C4" s="2"/></row>' +
        '<row r="5"><c r="A5" t="s"><v>9</v></c><c r="B5" t="s"><v>10</v></c><c r="C5" s="4"><v>45300</v></c><c r="D5"><v>80</v></c><c r="E5" t="inlineStr"><is><t>x &amp; y</t></is></c><c r="F5" t="e"><v>#N/A</v></c></row>' +
        '<row r="20"><c r="H20" t="s"><v>12</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>',
    ],
  ],
});

describe("reading a workbook as Excel wrote it", () => {
  it("passes over the notes sheet and reads the orders as stored", async () => {
    const sink = await read(EXCEL_SHAPED);
    expect(sink.meta?.workbook).toEqual({ names: ["说明", "订单"], sheet: "订单" });
    expect(sink.meta?.dialect.decimalMark).toBe(".");
    expect(sink.rows).toEqual([
      { row: 1, record: ["订单编号", "客户编号", "下单日期", "金额", "", "下单时间"] },
      { row: 2, record: ["0001", "C001", "2024-01-01", "120.5", "首单", "2024-01-01 18:00:00"] },
      { row: 3, record: ["0002", "C002", "2024-01-02", "241", "", "2024-01-02 08:15:00"] },
      { row: 5, record: ["0003", "C001", "2024-01-09", "80", "x & y", "#N/A"] },
    ]);
  });

  it("reads the sheet the user picks", async () => {
    const sink = await read(EXCEL_SHAPED, "说明");
    expect(sink.meta?.workbook?.sheet).toBe("说明");
    expect(sink.rows).toEqual([{ row: 1, record: ["本工作簿的订单在下一张工作表"] }]);
  });

  it("reads dates of the 1904 date system", async () => {
    const bytes = xlsxFromXml({
      strings: ["<t>day</t>"],
      cellXfs: ['<xf numFmtId="0" xfId="0"/>', '<xf numFmtId="14" xfId="0" applyNumberFormat="1"/>'],
      date1904: true,
      sheets: [["S", '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>43830</v></c></row>']],
    });
    expect((await read(bytes)).rows.map((r) => r.record[0])).toEqual(["day", "2024-01-01"]);
  });
});

describe("reading a workbook written by SheetJS", () => {
  const rows = [
    ["客户编号", "下单日期", "下单时刻", "金额", "时间"],
    ["007", dateCell(45292), dateCell(45292.5, "yyyy-mm-dd hh:mm"), 1234.5, dateCell(0.34375, "hh:mm")],
    ["010", dateCell(45293, 'yyyy"年"m"月"d"日"'), dateCell(45293, "yyyy-mm-dd hh:mm"), -3, dateCell(0.5, "hh:mm:ss")],
    [null, null, null, null, null],
    ["011", "2024/1/5", true, 0.1, null],
  ];

  it("keeps text IDs, writes numbers and dates as stored, and a time alone as a time", async () => {
    const sink = await read(workbookOf([{ name: "空", rows: [] }, { name: "数据", rows }]));
    // The empty sheet is not offered: picking it would leave nothing to read.
    expect(sink.meta?.workbook).toEqual({ names: ["数据"], sheet: "数据" });
    expect(sink.rows).toEqual([
      { row: 1, record: ["客户编号", "下单日期", "下单时刻", "金额", "时间"] },
      // A datetime at midnight keeps its time: its format shows one.
      { row: 2, record: ["007", "2024-01-01", "2024-01-01 12:00:00", "1234.5", "08:15:00"] },
      { row: 3, record: ["010", "2024-01-02", "2024-01-02 00:00:00", "-3", "12:00:00"] },
      { row: 5, record: ["011", "2024/1/5", "TRUE", "0.1", ""] },
    ]);
  });

  it("gives the same dates in the 1904 system", async () => {
    const sink = await read(workbookOf([{ name: "S", rows: [["d", "t"], [dateCell(43830), dateCell(0.25, "h:mm")]] }], { date1904: true }));
    expect(sink.rows[1]?.record).toEqual(["2024-01-01", "06:00:00"]);
  });

  it("reads the binary .xlsb flavour the same way", async () => {
    const sink = await read(workbookOf([{ name: "S", rows: [["id", "day", "n"], ["007", dateCell(45292), 2.5]] }], { bookType: "xlsb" }));
    expect(sink.rows.map((r) => r.record)).toEqual([["id", "day", "n"], ["007", "2024-01-01", "2.5"]]);
  });

  it("starts at the first used column and row of a sheet placed lower right", async () => {
    const sink = await read(workbookOf([{ name: "S", rows: [[], [null, null, "id", "n"], [null, null, "A", 1]] }]));
    expect(sink.rows).toEqual([
      { row: 2, record: ["id", "n"] },
      { row: 3, record: ["A", "1"] },
    ]);
  });

  it("chooses the first sheet that maps, skipping hidden ones, else the first with data", async () => {
    const orders = [["order_id", "customer_id", "order_date", "amount"], ["O1", "A", dateCell(45292), 10]];
    const customers = [["customer_id", "name", "email"], ["A", "张伟", "a@example.com"]];
    const notes = [["备注"], ["这是说明"]];
    const chosen = async (sheets: Parameters<typeof workbookOf>[0]) => (await read(workbookOf(sheets))).meta?.workbook?.sheet;
    expect(await chosen([{ name: "notes", rows: notes }, { name: "orders", rows: orders }])).toBe("orders");
    expect(await chosen([{ name: "customers", rows: customers }, { name: "orders", rows: orders }])).toBe("customers");
    expect(await chosen([{ name: "old", rows: orders, hidden: true }, { name: "new", rows: customers }])).toBe("new");
    expect(await chosen([{ name: "empty", rows: [] }, { name: "notes", rows: notes }])).toBe("notes");
  });

  it("falls back to the default sheet when asked for one it does not have or that is empty", async () => {
    const workbook = workbookOf([{ name: "S", rows: [["a"], ["1"]] }, { name: "empty", rows: [] }]);
    expect((await read(workbook, "gone")).meta?.workbook?.sheet).toBe("S");
    expect((await read(workbook, "empty")).meta?.workbook).toEqual({ names: ["S"], sheet: "S" });
  });
});

describe("files that are not workbooks we read", () => {
  it("refuses a workbook with no data", async () => {
    expect(await refusal(workbookOf([{ name: "A", rows: [] }, { name: "B", rows: [[null, ""]] }]))).toBe("no_data");
  });

  it("tells an old .xls from a password-protected workbook", async () => {
    expect(await refusal(oleOf({ Workbook: new Uint8Array(64) }))).toBe("xls");
    expect(await refusal(oleOf({ EncryptionInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(64) }))).toBe("encrypted");
  });

  it("refuses Numbers documents and other archives", async () => {
    expect(await refusal(zipOf({ "Index/Document.iwa": new Uint8Array(8), "Metadata/Properties.plist": "x" }))).toBe("iwork");
    expect(await refusal(zipOf({ "orders.csv": "id\n1\n" }))).toBe("not_workbook");
  });

  it("still reads CSV text as CSV", async () => {
    const sink = await read(new TextEncoder().encode("id;n\n007;1,5\n"));
    expect(sink.meta?.workbook).toBeNull();
    expect(sink.rows.map((r) => r.record)).toEqual([["id", "n"], ["007", "1,5"]]);
  });
});

describe("office file sniffing", () => {
  it("knows a container by its first bytes", () => {
    expect(containerOf(zipOf({ a: "b" }).subarray(0, 8))).toBe("zip");
    expect(containerOf(oleOf({ a: new Uint8Array(1) }).subarray(0, 8))).toBe("ole");
    expect(containerOf(new TextEncoder().encode("PK,id\n"))).toBeNull();
    expect(containerOf(new Uint8Array())).toBeNull();
  });

  it("lists a ZIP's entries from its central directory, without unpacking", () => {
    const entries = zipEntries(zipOf({ "[Content_Types].xml": "<x/>", "xl/workbook.xml": "<w/>", "docProps/app.xml": "<a/>" }));
    expect(entries.map((e) => [e.name, e.size]).sort()).toEqual([["[Content_Types].xml", 4], ["docProps/app.xml", 4], ["xl/workbook.xml", 4]]);
    expect(zipEntries(new TextEncoder().encode("not a zip"))).toEqual([]);
  });

  it("knows an Excel package by its workbook part", () => {
    expect(zipPackageKind(["[Content_Types].xml", "xl/workbook.xml"])).toBe("excel");
    expect(zipPackageKind(["xl/workbook.bin"])).toBe("excel");
    expect(zipPackageKind(["Index/Document.iwa"])).toBe("iwork");
    expect(zipPackageKind(["mimetype", "content.xml"])).toBe("other");
    expect(zipPackageKind(["word/document.xml"])).toBe("document");
    expect(zipPackageKind(["ppt/presentation.xml"])).toBe("document");
  });

  it("finds the encrypted package stream", () => {
    expect(isEncryptedPackage(oleOf({ EncryptedPackage: new Uint8Array(4) }))).toBe(true);
    expect(isEncryptedPackage(oleOf({ Workbook: new TextEncoder().encode("EncryptedPackage") }))).toBe(false);
  });

  it.each([
    ["yyyy-mm-dd hh:mm", true],
    ["m/d/yy h:mm", true],
    ["h:mm AM/PM", true],
    ["[h]:mm:ss", true],
    ["yyyy-mm-dd", false],
    ['yyyy"年"m"月"d"日"', false],
    ["[$-804]yyyy/m/d", false],
    ["d\\h mmm", false],
    ["", false],
  ])("format %j shows a time: %s", (format, expected) => {
    expect(formatShowsTime(format)).toBe(expected);
  });
});
