/**
 * An i18n template cut at its `{name}` placeholders, so that a view can wrap each value in
 * its own element (a number with its exact value in a data attribute) instead of pasting
 * one string: templateParts("AOV = {revenue} ÷ {orders}") →
 * [{ text: "AOV = " }, { name: "revenue" }, { text: " ÷ " }, { name: "orders" }].
 */
export type TemplatePart = { text: string } | { name: string };

export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ name: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}
