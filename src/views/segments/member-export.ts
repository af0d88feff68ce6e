/**
 * The CSV of a segment's members for a campaign: every member column, raw values (numbers
 * unformatted, stored English segment names), Excel-safe through format/csv.ts (UTF-8
 * with BOM; text cells that could run as formulas neutralised).
 */
import { excelCsv } from "../../lib/format/csv-on-demand.ts";
import { MEMBER_COLUMNS, type SegmentMember } from "../../lib/analytics/segments.ts";
import { slug } from "../../lib/charts/export.ts";

export function membersCsv(members: readonly SegmentMember[]): Promise<string> {
  return excelCsv(
    MEMBER_COLUMNS,
    members.map((m) => MEMBER_COLUMNS.map((c) => m[c])),
  );
}

/** membersFileName(["Champions"]) → "segment-champions.csv"; (["At Risk", "Lost"]) → "segment-at-risk-lost.csv"; none → "customers.csv". */
export function membersFileName(segments: readonly string[]): string {
  return segments.length ? `segment-${segments.map(slug).join("-")}.csv` : "customers.csv";
}
