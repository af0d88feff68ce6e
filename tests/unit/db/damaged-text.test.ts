/** Files whose bytes are damaged or whose encoding announces itself only by its bytes. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => Uint8Array.from(parts.flatMap((p) => [...p]));

describe("damaged UTF-8", () => {
  it("is read as UTF-8, each damaged cell reported with its row and column, every order loaded", async () => {
    // Row 3's product loses the last byte of 茶 (E8 8C B6); the file ends inside 绿 (E7 BB BF).
    const head = utf8(`order_id,customer_id,order_date,amount,product\nA1,C1,2024-01-05,10.00,${"绿茶".repeat(20)}\nA2,C2,2024-01-06,20.00,`);
    const bytes = join(head, Uint8Array.from([0xe8, 0x8c]), utf8("具\nA3,C3,2024-01-07,30.00,"), Uint8Array.from([0xe7, 0xbb]));
    const engine = await newEngine();
    const { info, errors } = await engine.load([csvFile("damaged.csv", bytes)], false, DEFAULT_SETTINGS);
    expect(errors).toEqual([]);
    expect(info.files[0]).toMatchObject({ encoding: "utf-8", encodingConfident: false, state: "applied" });
    expect(engine.query(`SELECT row, "column", value, reason FROM _problems ORDER BY row`).rows).toEqual([
      { row: 3, column: "product", value: "\uFFFD具", reason: "bad_encoding" },
      { row: 4, column: "product", value: "\uFFFD", reason: "bad_encoding" },
    ]);
    // 10 + 20 + 30, and the first row's Chinese read as Chinese.
    expect(engine.query("SELECT SUM(amount) AS revenue FROM orders").rows[0]?.revenue).toBe(60);
    expect(engine.query(`SELECT product FROM "${info.files[0]?.rawTable}" WHERE _row = 2`).rows[0]?.product).toBe("绿茶".repeat(20));
  });
});

describe("UTF-16 without a byte-order mark", () => {
  it("loads like any other file", async () => {
    const text = "order_id,customer_id,order_date,amount,product\r\nA1,C1,2024-01-05,10.00,绿茶\r\nA2,C2,2024-01-06,20.00,红茶\r\n";
    const engine = await newEngine();
    const { info, errors } = await engine.load([csvFile("utf16.csv", new Uint8Array(Buffer.from(text, "utf16le")))], false, DEFAULT_SETTINGS);
    expect(errors).toEqual([]);
    expect(info.files[0]).toMatchObject({ encoding: "utf-16le", state: "applied", rows: 2 });
    expect(engine.query("SELECT group_concat(product) AS products FROM orders").rows[0]?.products).toBe("绿茶,红茶");
  });
});
