/**
 * Sorting table rows by one column for people: numbers numerically, text in the reader's
 * collation (pinyin, strokes; "C2" before "C10"), empty values last whichever the direction,
 * ties kept in their original order.
 *
 * Worked example: [3, null, 10] ascending → 3, 10, null; descending → 10, 3, null;
 * ["C10", "C2"] ascending → "C2", "C10".
 */
export type SortDirection = "asc" | "desc";
export type SortValue = string | number | null | undefined;

export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection, compareText: (a: string, b: string) => number): T[] {
  const sign = direction === "asc" ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: value(row) }));
  keyed.sort((a, b) => {
    const x = a.key;
    const y = b.key;
    const xEmpty = x === null || x === undefined || x === "" || (typeof x === "number" && Number.isNaN(x));
    const yEmpty = y === null || y === undefined || y === "" || (typeof y === "number" && Number.isNaN(y));
    if (xEmpty || yEmpty) return xEmpty === yEmpty ? a.index - b.index : xEmpty ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : compareText(String(x), String(y));
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((k) => k.row);
}
