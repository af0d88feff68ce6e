import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createStreamDecoder, detectEncoding } from "../../../src/lib/ingest/decode.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

describe("detectEncoding", () => {
  it("reads plain UTF-8 without a BOM as utf-8", () => {
    expect(detectEncoding(utf8("客户编号,姓名\nC001,张三\n"))).toEqual({ encoding: "utf-8", bomLength: 0, confident: true, scores: {} });
  });

  it("keeps utf-8 when the sample ends inside a multi-byte character", () => {
    // 客 is E5 AE A2: the sample stops after E5 AE.
    const cut = utf8("id,客").subarray(0, 5);
    expect(detectEncoding(cut).encoding).toBe("utf-8");
  });

  it("lets a UTF-8 BOM win", () => {
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], utf8("a,b\n")))).toMatchObject({ encoding: "utf-8", bomLength: 3 });
  });

  it("lets a UTF-16 BOM win (LE and BE)", () => {
    const le = new Uint8Array(Buffer.from("\uFEFFid,名字\n", "utf16le"));
    expect(detectEncoding(le)).toMatchObject({ encoding: "utf-16le", bomLength: 2, confident: true });
    expect(detectEncoding(bytes([0xfe, 0xff, 0x00, 0x61]))).toMatchObject({ encoding: "utf-16be", bomLength: 2 });
  });

  it("tells UTF-16 without a BOM by the zero high bytes of its ASCII", () => {
    const text = "id,名字,金额\r\nC001,张三,12.50\r\n";
    expect(detectEncoding(new Uint8Array(Buffer.from(text, "utf16le")))).toMatchObject({ encoding: "utf-16le", bomLength: 0, confident: true });
    expect(detectEncoding(iconv.encode(text, "utf16be"))).toMatchObject({ encoding: "utf-16be", bomLength: 0, confident: true });
    // A binary file has zero bytes at both offsets: not UTF-16.
    expect(detectEncoding(bytes([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0, 0, 0, 1, 0, 0])).encoding).not.toMatch(/utf-16/);
  });

  it("keeps utf-8, not confident, when a few characters are damaged", () => {
    // 40 good Chinese characters, then one whose last byte is lost (E8 8C B6 → E8 8C): 1 invalid of 41.
    const good = utf8(`id,名称\n1,${"绿茶礼盒".repeat(10)}\n2,`);
    const damaged = bytes(good, [0xe8, 0x8c], utf8(",x\n"));
    expect(detectEncoding(damaged)).toEqual({ encoding: "utf-8", bomLength: 0, confident: false, scores: {} });
    // One damaged character among three good ones is too many: the legacy encodings are tried.
    expect(detectEncoding(bytes(utf8("id,绿茶礼\n"), [0xe8, 0x8c], utf8("\n"))).encoding).not.toBe("utf-8");
  });

  it("picks gb18030 for GBK bytes of simplified Chinese", () => {
    const gbk = iconv.encode("客户编号,订单日期,实付金额\nC001,2024-01-05,￥12.50\n", "gbk");
    const guess = detectEncoding(gbk);
    expect(guess.encoding).toBe("gb18030");
    expect(guess.confident).toBe(true);
  });

  it("scores the worked example of the doc comment: 客户编号 in GBK", () => {
    // gb18030: 4 frequent characters × (5 + 1) = 24; big5: 4 other ideographs × 1 = 4;
    // windows-1252: ¿Í»§±àºÅ, no accented letter next to an ASCII letter = 0.
    expect(detectEncoding(iconv.encode("客户编号", "gbk")).scores).toEqual({ gb18030: 24, big5: 4, "windows-1252": 0 });
  });

  it("picks big5 for Big5 bytes of traditional Chinese", () => {
    const big5 = iconv.encode("客戶編號,姓名,地區,滿意度\nC001,陳大文,台北,5\nC002,林小美,高雄,4\n", "big5");
    const guess = detectEncoding(big5);
    expect(guess.encoding).toBe("big5");
    expect(guess.confident).toBe(true);
  });

  it("picks windows-1252 for cp1252 bytes of accented Latin text", () => {
    const cp1252 = iconv.encode("Name;Contact;Title\nCafé;Müller;Señor\nCrème;Zoë;Mañana\n", "win1252");
    const guess = detectEncoding(cp1252);
    expect(guess.encoding).toBe("windows-1252");
    // Six accented letters, each next to an ASCII letter: 6 × 3.
    expect(guess.scores["windows-1252"]).toBe(18);
  });

  it("picks windows-1252 for English text whose only non-ASCII bytes are curly quotes", () => {
    // ’ is 0x92: GB18030 reads 0x92 0x73 ("’s") as one rare ideograph (+1 each), while
    // windows-1252 reads ’ between two letters (+3 each).
    const cp1252 = iconv.encode("id,note\n1,It’s fine\n2,Don’t know\n", "win1252");
    expect(detectEncoding(cp1252)).toMatchObject({ encoding: "windows-1252", scores: { "windows-1252": 6 } });
  });
});

describe("createStreamDecoder", () => {
  it("strips a UTF-8 BOM, also when it arrives split over two chunks", () => {
    const decoder = createStreamDecoder("utf-8");
    expect(decoder.decode(bytes([0xef, 0xbb]))).toBe("");
    expect(decoder.decode(bytes([0xbf], utf8("a,b")))).toBe("a,b");
    expect(decoder.end()).toBe("");
  });

  it("strips the UTF-16LE BOM and decodes the rest", () => {
    const decoder = createStreamDecoder("utf-16le");
    expect(decoder.decode(new Uint8Array(Buffer.from("\uFEFFid,名字\n", "utf16le")))).toBe("id,名字\n");
  });

  it("keeps a BOM character that is not at the start", () => {
    const decoder = createStreamDecoder("utf-8");
    expect(decoder.decode(utf8("a"))).toBe("a");
    expect(decoder.decode(utf8("\uFEFFb"))).toBe("\uFEFFb");
  });

  it("never splits a Chinese character cut between two chunks (UTF-8)", () => {
    const all = utf8("客户"); // E5 AE A2 E6 88 B7
    const decoder = createStreamDecoder("utf-8");
    expect(decoder.decode(all.subarray(0, 2))).toBe("");
    expect(decoder.decode(all.subarray(2, 4))).toBe("客");
    expect(decoder.decode(all.subarray(4))).toBe("户");
    expect(decoder.end()).toBe("");
  });

  it("never splits a Chinese character cut between two chunks (GB18030)", () => {
    const all = new Uint8Array(iconv.encode("客户", "gbk")); // BF CD BB A7
    const decoder = createStreamDecoder("gb18030");
    expect(decoder.decode(all.subarray(0, 1))).toBe("");
    expect(decoder.decode(all.subarray(1))).toBe("客户");
  });

  it("turns a character cut by the end of the file into U+FFFD (non-fatal)", () => {
    const decoder = createStreamDecoder("utf-8");
    expect(decoder.decode(bytes(utf8("a"), [0xe5, 0xae]))).toBe("a");
    expect(decoder.end()).toBe("\uFFFD");
  });
});
