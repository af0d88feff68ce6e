/**
 * The CDNOW reference summaries (../shared/data/cdnow from the project root, see
 * ../shared/data/README.md): 2,357 customers, time in weeks.
 */
import { existsSync, readFileSync } from "node:fs";

const DATA = "../shared/data/cdnow";
const FILES = ["cdnow_customers_summary.csv", "cdnow_customers_summary_with_transactions.csv"] as const;

export const cdnowPresent = FILES.every((file) => existsSync(`${DATA}/${file}`));
if (!cdnowPresent) console.warn(`SKIPPED: ${DATA} is absent, so the CLV models are not checked against the published CDNOW results.`);

/** Rows of one summary file as numbers by column name. */
export function readCdnow(file: (typeof FILES)[number]): Record<string, number>[] {
  const [header, ...lines] = readFileSync(`${DATA}/${file}`, "utf8").trim().split(/\r?\n/);
  const names = (header ?? "").split(",");
  return lines.map((line) => {
    const values = line.split(",").map(Number);
    return Object.fromEntries(names.map((name, i) => [name, values[i] as number]));
  });
}
