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
