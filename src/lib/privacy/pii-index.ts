/**
 * Privacy mode where any column may appear (the Data page): a cell is masked when its text
 * is a known customer name, email or phone — whatever the query called the column — by the
 * kind it is known as; text shaped like an email address is masked even when no mapped
 * column holds it. Values are compared trimmed.
 *
 *   const index = new PiiIndex([{ kind: "name", value: "张小明" }]);
 *   index.mask("张小明") → "张*明";  index.mask("a@b.cn") → "a***@b.cn";  index.mask(42) → 42
 */
import { MASKS, PII_KINDS, type PiiKind } from "./mask.ts";

/** How a table shows a cell in privacy mode: personal data masked, anything else as it is. */
export type CellMask = <T>(value: T) => T | string;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isKind = (kind: unknown): kind is PiiKind => (PII_KINDS as readonly unknown[]).includes(kind);

export class PiiIndex {
  /** Not reactive: built once from a query's rows and never changed. */
  private readonly kinds = new Map<string, PiiKind>();

  constructor(rows: Iterable<{ kind: unknown; value: unknown }>) {
    for (const { kind, value } of rows) {
      const key = value === null || value === undefined ? "" : String(value).trim();
      if (key && isKind(kind) && !this.kinds.has(key)) this.kinds.set(key, kind);
    }
  }

  /** The kind a value is known as, or null. */
  kindOf(value: unknown): PiiKind | null {
    if (typeof value === "string") {
      const text = value.trim();
      return this.kinds.get(text) ?? (EMAIL_SHAPE.test(text) ? "email" : null);
    }
    // A phone number may come back from SQL as a number.
    return typeof value === "number" && this.kinds.get(String(value)) === "phone" ? "phone" : null;
  }

  readonly mask: CellMask = (value) => {
    const kind = this.kindOf(value);
    return kind === null ? value : MASKS[kind](String(value));
  };
}

/** Shows every cell as it is (privacy mode off). */
export const showAll: CellMask = (value) => value;

/** While the index loads in privacy mode, text is hidden: no name may flash on screen. */
export const hideText: CellMask = (value) => (typeof value === "string" && value.trim() ? "•••" : value);
