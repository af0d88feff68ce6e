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

/** A row from per-run values (missing ones were failed runs); "failed" when none succeeded. */
export function row(measure: string, values: readonly (number | undefined)[], format: (v: number) => string): Row {
  const ok = values.filter((v): v is number => v !== undefined);
  const mid = median(ok);
  return {
    measure,
    median: mid === undefined ? "failed" : format(mid),
    runs: values.map((v) => (v === undefined ? "failed" : format(v))).join(" / "),
  };
}

export function markdownTable(rows: readonly Row[]): string {
  const header: Row = { measure: "measure", median: "median", runs: "runs" };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const [wm, wd, wr] = [width("measure"), width("median"), width("runs")];
  const line = (r: Row) => `| ${r.measure.padEnd(wm)} | ${r.median.padStart(wd)} | ${r.runs.padEnd(wr)} |`;
  const rule = `| ${"-".repeat(wm)} | ${"-".repeat(wd - 1)}: | ${"-".repeat(wr)} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
