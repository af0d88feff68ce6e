/**
 * Header text → column names of the raw table (PRODUCT.md, "Data model"): the original
 * text, made unique and non-blank so that SQLite can hold every column.
 */

/**
 * Trim each header, drop a leftover BOM, name blanks by position and number duplicates.
 * Duplicates are compared case-insensitively, as SQLite compares column names.
 *
 * ```ts
 * normalizeHeaders(["\uFEFFName", " ", "name", "Name (2)"]);
 * // → ["Name", "column 2", "name (2)", "Name (2) (2)"]
 * ```
 * ("name" is the second "Name", so it becomes "name (2)"; the file's own "Name (2)" then
 * collides with that and gets its own suffix.)
 */
export function normalizeHeaders(raw: string[]): string[] {
  const used = new Set<string>();
  return raw.map((text, i) => {
    const base = cleanHeader(text) || `column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

function cleanHeader(text: string): string {
  return text.replace(/^\uFEFF/, "").trim();
}

/**
 * True when a data record is the header row again (files concatenated with their headers,
 * or a report with a header on every page). `headers` is the normalised header row.
 */
export function isHeaderRepeat(record: string[], headers: string[]): boolean {
  if (record.length !== headers.length) return false;
  // Cheap first test, as this runs on every row: the first cell must already agree.
  const first = cleanHeader(record[0] ?? "");
  if (first !== headers[0] && !(first === "" && headers[0] === "column 1")) return false;
  const normalized = normalizeHeaders(record);
  return normalized.every((name, i) => name === headers[i]);
}
