/**
 * What an office file is, told from its bytes without unpacking it: a ZIP package (.xlsx,
 * .xlsm, .xlsb, but also .numbers, .ods or any archive) or an OLE compound file (an old
 * .xls, or an .xlsx locked with a password, which Office wraps in one). Pure functions.
 */

export type Container = "zip" | "ole";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** The container the first 8 bytes announce; null for anything else (text, images…). */
export function containerOf(head: Uint8Array): Container | null {
  if (startsWith(head, ZIP_MAGIC)) return "zip";
  if (startsWith(head, OLE_MAGIC)) return "ole";
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const ENTRY_BYTES = 46;
const LOCAL_BYTES = 30;
/** The most a deflate stream can expand: 258 bytes from under 2 bits (RFC 1951). */
const MAX_DEFLATE_RATIO = 1032;

export interface ZipEntry {
  name: string;
  /**
   * The most it can unpack to: the larger of the sizes its directory record and its local
   * header declare (a reader sizes its buffer by the latter), or, where both say 0 (sizes
   * left to a trailing descriptor), the most its compressed bytes can expand to.
   */
  size: number;
}

/**
 * The entries of a ZIP archive, read from its central directory and local headers (nothing
 * is decompressed). The directory's end record sits in the last 22 bytes, or before a comment
 * of up to 65,535 bytes; each entry record is 46 bytes plus its name, extra field and comment.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - EOCD_BYTES - 0xffff);
  for (let end = bytes.length - EOCD_BYTES; end >= lowest; end--) {
    if (view.getUint32(end, true) !== EOCD_SIGNATURE) continue;
    const count = view.getUint16(end + 10, true);
    const entries: ZipEntry[] = [];
    const decoder = new TextDecoder();
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count && at + ENTRY_BYTES <= bytes.length; i++) {
      if (view.getUint32(at, true) !== ENTRY_SIGNATURE) break;
      const nameLength = view.getUint16(at + 28, true);
      const local = view.getUint32(at + 42, true);
      const localSize = local + LOCAL_BYTES <= bytes.length && view.getUint32(local, true) === LOCAL_SIGNATURE ? view.getUint32(local + 22, true) : 0;
      const compressed = view.getUint32(at + 20, true);
      const declared = Math.max(view.getUint32(at + 24, true), localSize);
      const deflated = view.getUint16(at + 10, true) === 8;
      entries.push({
        name: decoder.decode(bytes.subarray(at + ENTRY_BYTES, at + ENTRY_BYTES + nameLength)),
        size: declared || (deflated ? compressed * MAX_DEFLATE_RATIO : compressed),
      });
      at += ENTRY_BYTES + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return entries;
  }
  return [];
}

/** What a ZIP package holds, by the parts its format requires. */
export function zipPackageKind(names: readonly string[]): "excel" | "iwork" | "document" | "other" {
  // Excel's workbook part: XML in .xlsx/.xlsm, binary in .xlsb (ECMA-376 and MS-XLSB).
  if (names.some((n) => n === "xl/workbook.xml" || n === "xl/workbook.bin")) return "excel";
  // Numbers (and Pages, Keynote) since 2013 keep their document in IWA archives.
  if (names.some((n) => n.startsWith("Index/") && n.endsWith(".iwa"))) return "iwork";
  // Word's and PowerPoint's main parts (ECMA-376 Part 1, 11.3.10 and 13.3.6).
  if (names.some((n) => n === "word/document.xml" || n === "ppt/presentation.xml")) return "document";
  return "other";
}

/** "EncryptedPackage" in UTF-16LE: the stream name of a password-protected Office file (MS-OFFCRYPTO). */
const ENCRYPTED_PACKAGE = Uint8Array.from([..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]));

/**
 * True when an OLE compound file is an encrypted OOXML package rather than an old binary
 * workbook: its directory names an `EncryptedPackage` stream. The directory may sit anywhere
 * in the file, so the whole file is scanned (a plain byte search, fast even for large files).
 */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  const first = "E".charCodeAt(0);
  const last = bytes.length - ENCRYPTED_PACKAGE.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    if (ENCRYPTED_PACKAGE.every((b, j) => bytes[i + j] === b)) return true;
  }
  return false;
}
