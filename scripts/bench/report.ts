/** Medians and the aligned markdown table the benchmark prints and writes. */

export interface Row {
  measure: string;
  median: string;
  runs: string;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** 1000000 → "1M", 25000 → "25k", 1500000 → "1.5M". */
export function formatCount(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** A row from per-run values; a missing value shows as `missing` (a failed run), the median too when none is there. */
export function row(measure: string, values: readonly (number | undefined)[], format: (v: number) => string, missing = "failed"): Row {
  const ok = values.filter((v): v is number => v !== undefined);
  const mid = median(ok);
  return {
    measure,
    median: mid === undefined ? missing : format(mid),
    runs: values.map((v) => (v === undefined ? missing : format(v))).join(" / "),
  };
}

/** A markdown table with padded columns: the first left-aligned, the others right-aligned (numbers). */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const line = (r: readonly string[]) => `| ${widths.map((w, c) => (c === 0 ? (r[c] ?? "").padEnd(w) : (r[c] ?? "").padStart(w))).join(" | ")} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function markdownTable(rows: readonly Row[]): string {
  return alignedTable(["measure", "median", "runs"], rows.map((r) => [r.measure, r.median, r.runs]));
}

export const formatKb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
export const formatRatio = (r: number): string => `${r.toFixed(2)}×`;
