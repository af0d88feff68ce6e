/**
 * Writes the hostile-file corpus (scripts/hostile/corpus.ts) to tests/fixtures/hostile/, with
 * an index.json of what each file is and what the app must make of it, for trying the files
 * by hand (drop them on the page). The tests build the same bytes in memory; the written
 * files (about 14 MB, most of it the 1,000 × 300 workbook, stored uncompressed, the 5 MB field and the 1 MB ZIP bomb) are not committed.
 *
 *   npm run hostile:data
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hostileCorpus } from "./corpus.ts";
import { hostileWorkbooks } from "./workbooks.ts";

const OUT_DIR = fileURLToPath(new URL("../../tests/fixtures/hostile/", import.meta.url));

mkdirSync(OUT_DIR, { recursive: true });
const index = [...hostileCorpus(), ...hostileWorkbooks()].map(({ name, what, bytes, expect }) => {
  const data = bytes();
  writeFileSync(`${OUT_DIR}${name}`, data);
  return { name, what, bytes: data.length, expect };
});
writeFileSync(`${OUT_DIR}index.json`, `${JSON.stringify(index, null, 2)}\n`);
console.log(`${index.length} files in ${OUT_DIR}`);
