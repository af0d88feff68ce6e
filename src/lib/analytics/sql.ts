/**
 * A tiny SQL builder: a tagged template turns interpolated values into `?` bindings and
 * inlines nested fragments, so SQL is composed from small functions without ever
 * concatenating a value into the text.
 *
 *   sql`SELECT * FROM sales WHERE day <= ${42} AND ${inList("channel", ["a", "b"])}`
 *   → { text: "SELECT * FROM sales WHERE day <= ? AND channel IN (?, ?)", params: [42, "a", "b"] }
 */

export type SqlParam = string | number | null;

export class SqlFragment {
  constructor(
    readonly text: string,
    readonly params: readonly SqlParam[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: (SqlParam | SqlFragment)[]): SqlFragment {
  let text = strings[0] ?? "";
  const params: SqlParam[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[i + 1] ?? "";
  });
  return new SqlFragment(text, params);
}

/** Trusted SQL text (identifiers and expressions from our own catalogue, never user values). */
export const raw = (text: string): SqlFragment => new SqlFragment(text, []);

export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  return new SqlFragment(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.params),
  );
}

/** `column IN (?, ?, …)`; an empty list means "no restriction" and gives `1`. */
export function inList(column: string, values: readonly string[]): SqlFragment {
  if (values.length === 0) return raw("1");
  return sql`${raw(column)} IN (${join(values.map((v) => sql`${v}`), ", ")})`;
}

/**
 * A parameter written as an SQL literal that SQLite reads as the value sql.js would bind:
 * text quoted ('' for a quote), NULL, an integer of 32 bits as it is, any other number as a
 * REAL (sql.js binds those as doubles), a negative number in parentheses (so `x-?` cannot
 * become a `--` comment). Not finite → NULL, as SQLite stores it.
 */
export function sqlLiteral(value: SqlParam): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (!Number.isFinite(value)) return "NULL";
  const plain = String(value);
  // 1e+21 already reads as a REAL; 3000000000 needs its ".0".
  const text = value !== (value | 0) && Number.isInteger(value) && !plain.includes("e") ? `${plain}.0` : plain;
  return value < 0 ? `(${text})` : text;
}

/**
 * The query with its parameters written in as literals, to show, edit and run as it is (the
 * SQL console): `?` takes the next parameter and `?N` the Nth, as SQLite numbers them; a `?`
 * inside a string, a quoted name or a comment is left alone.
 *   inlineParams("SELECT * FROM t WHERE a = ? AND b = '?'", ["x"]) → "SELECT * FROM t WHERE a = 'x' AND b = '?'"
 */
export function inlineParams(text: string, params: readonly SqlParam[]): string {
  let out = "";
  let next = 0;
  let i = 0;
  const closing: Record<string, string> = { "'": "'", '"': '"', "`": "`", "[": "]" };
  while (i < text.length) {
    const c = text[i] as string;
    const close = closing[c];
    let end: number;
    if (close) {
      end = text.indexOf(close, i + 1);
      // A doubled quote inside a quoted string or name is part of it.
      while (end !== -1 && close !== "]" && text[end + 1] === close) end = text.indexOf(close, end + 2);
      end = end === -1 ? text.length : end + 1;
    } else if (text.startsWith("--", i)) {
      end = text.indexOf("\n", i);
      end = end === -1 ? text.length : end;
    } else if (text.startsWith("/*", i)) {
      end = text.indexOf("*/", i + 2);
      end = end === -1 ? text.length : end + 2;
    } else if (c === "?") {
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0] ?? "";
      const index = digits ? Number(digits) : next + 1;
      next = Math.max(next, index);
      if (index < 1 || index > params.length) throw new Error(`no parameter ${index} for ${params.length} given`);
      out += sqlLiteral(params[index - 1] as SqlParam);
      i += 1 + digits.length;
      continue;
    } else {
      end = i + 1;
    }
    out += text.slice(i, end);
    i = end;
  }
  return out;
}
