/** Test helpers: an engine in Node over in-memory CSV text or files. */
import initSqlJs from "sql.js";
import { readFileSync } from "node:fs";
import { Engine } from "../../src/lib/db/engine.ts";
import type { FileInput } from "../../src/lib/db/protocol.ts";
import type { QueryFn } from "../../src/lib/analytics/filters.ts";

export { DEFAULT_SETTINGS } from "../../src/lib/db/protocol.ts";

export async function newEngine(): Promise<Engine> {
  return Engine.create(await initSqlJs());
}

export const csvFile = (name: string, text: string | Uint8Array<ArrayBuffer>): FileInput => ({ name, data: new Blob([text]) });

export const diskFile = (path: string): FileInput => ({
  name: path.split("/").pop() ?? path,
  data: new Blob([readFileSync(path)]),
});

/** The engine's query as the analytics layer's QueryFn. */
export const queryFnOf =
  (engine: Engine): QueryFn =>
  async <T extends Record<string, unknown>>(sql: string, params: readonly (string | number | null)[] = []) =>
    engine.query(sql, params).rows as T[];

/** Epoch day of an ISO date, for expected values. */
export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
