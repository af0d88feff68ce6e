/**
 * Test helpers: Excel workbooks and other office files made in memory, either with SheetJS's
 * writer or from XML parts written out by hand (the shapes Excel itself writes: shared
 * strings, built-in number formats, cached formula values).
 */
import { CFB, utils, write, type CellObject } from "@e965/xlsx";

/** The little of SheetJS's untyped CFB container library the tests use. */
interface Container {
  utils: {
    cfb_new(): unknown;
    cfb_add(container: unknown, path: string, content: Uint8Array): void;
  };
  write(container: unknown, options: { type: "array"; fileType?: "zip" }): ArrayLike<number>;
}
const container = CFB as Container;

const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === "string" ? new TextEncoder().encode(content) : content);

function pack(parts: Record<string, string | Uint8Array>, fileType?: "zip"): Uint8Array<ArrayBuffer> {
  const archive = container.utils.cfb_new();
  for (const [path, content] of Object.entries(parts)) container.utils.cfb_add(archive, path, bytesOf(content));
  return Uint8Array.from(container.write(archive, { type: "array", fileType }));
}

/** A ZIP archive of the given files. */
export const zipOf = (parts: Record<string, string | Uint8Array>): Uint8Array<ArrayBuffer> => pack(parts, "zip");

/** An OLE compound file (the container of .xls and of password-protected .xlsx) with these streams. */
export const oleOf = (streams: Record<string, Uint8Array>): Uint8Array<ArrayBuffer> => pack(streams);

export interface SheetSpec {
  name: string;
  /** Rows of plain values or SheetJS cell objects (a date: `{ t: "n", v: serial, z: "yyyy-mm-dd" }`). */
  rows: (string | number | boolean | null | CellObject)[][];
  hidden?: boolean;
}

/** An .xlsx (or the binary .xlsb) written by SheetJS. */
export function workbookOf(sheets: SheetSpec[], options: { date1904?: boolean; bookType?: "xlsx" | "xlsb" } = {}): Uint8Array<ArrayBuffer> {
  const book = utils.book_new();
  for (const sheet of sheets) utils.book_append_sheet(book, utils.aoa_to_sheet(sheet.rows), sheet.name);
  book.Workbook = {
    Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })),
    WBProps: { date1904: options.date1904 === true },
  };
  return new Uint8Array(write(book, { type: "array", bookType: options.bookType ?? "xlsx" }) as ArrayBuffer);
}

/** A date cell as Excel stores it: a serial day number with a date format. */
export const dateCell = (serial: number, format = "yyyy-mm-dd"): CellObject => ({ t: "n", v: serial, z: format });

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/**
 * An .xlsx from hand-written parts: `sheets` maps each sheet name to the inside of its
 * `<sheetData>` (and optional `<mergeCells>` after it); `strings` are the `<si>` items of the
 * shared strings; `cellXfs` the `<xf>` items of the styles (index = the `s` of a cell);
 * `numFmts` custom number formats by id.
 */
export function xlsxFromXml(spec: {
  sheets: [name: string, sheetData: string, after?: string][];
  strings: string[];
  cellXfs: string[];
  numFmts?: Record<number, string>;
  date1904?: boolean;
}): Uint8Array<ArrayBuffer> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const sheetParts = Object.fromEntries(
    spec.sheets.map(([, data, after], i) => [
      `xl/worksheets/sheet${i + 1}.xml`,
      `${xml}<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData>${after ?? ""}</worksheet>`,
    ]),
  );
  const numFmts = Object.entries(spec.numFmts ?? {});
  return zipOf({
    "[Content_Types].xml":
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${TYPES}.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${TYPES}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPES}.sharedStrings+xml"/>` +
      spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${TYPES}.worksheet+xml"/>`).join("") +
      `</Types>`,
    "_rels/.rels": `${xml}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${xml}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/><sheets>` +
      spec.sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${xml}<Relationships xmlns="${RELS}">` +
      spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${OFFICE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rIdS" Type="${OFFICE}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rIdT" Type="${OFFICE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml":
      `${xml}<styleSheet xmlns="${MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replaceAll('"', "&quot;")}"/>`).join("")}</numFmts>` : "") +
      `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${spec.cellXfs.length}">${spec.cellXfs.join("")}</cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `${xml}<sst xmlns="${MAIN}" count="${spec.strings.length}" uniqueCount="${spec.strings.length}">${spec.strings.map((s) => `<si>${s}</si>`).join("")}</sst>`,
    ...sheetParts,
  });
}
