/** A list of names as the reader's language writes it: en "A, B, and C"; zh "A、B和C". */
import type { Locale } from "../../lib/format/locale.ts";

const formats = new Map<Locale, Intl.ListFormat>();

export function joinList(items: readonly string[], locale: Locale): string {
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.ListFormat(locale, { style: "long", type: "conjunction" })));
  return f.format(items);
}
