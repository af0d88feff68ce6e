/** After a drop, a file with bad rows gets a message naming it and its first bad row and column. */
import { describe, expect, it } from "vitest";
import { Dataset } from "../../../src/lib/state/dataset.svelte.ts";
import type { DbClient } from "../../../src/lib/db/client.ts";
import type { LoadResult, LoadedFile } from "../../../src/lib/db/protocol.ts";

const file = (name: string, fileId: number, extra: Partial<LoadedFile>): LoadedFile =>
  ({ fileId, name, state: "applied", problemRows: 0, ...extra }) as LoadedFile;

function datasetAnswering(result: LoadResult): Dataset {
  const client = { load: async () => result, storage: async () => ({ kept: false, bytes: 0, savedAt: null, problem: null }) };
  return new Dataset(client as unknown as DbClient);
}

describe("the message about a dropped file's problems", () => {
  it("names the file, how many rows, and the first row and column (or the row alone)", async () => {
    const files = [
      file("orders.csv", 1, { problemRows: 3, firstProblem: { row: 5, column: "amount", reason: "bad_number" } }),
      file("ragged.csv", 2, { problemRows: 1, firstProblem: { row: 7, column: "", reason: "ragged_row" } }),
      file("clean.csv", 3, {}),
    ];
    const dataset = datasetAnswering({ info: { files } as LoadResult["info"], errors: [] });
    await dataset.dropFiles([new File(["x"], "orders.csv"), new File(["x"], "ragged.csv"), new File(["x"], "clean.csv")]);
    expect(dataset.messages.filter((m) => m.key.startsWith("ingest.")).map((m) => [m.kind, m.key, m.params])).toEqual([
      ["warning", "ingest.file_problems", { file: "orders.csv", count: 3, row: 5, column: "amount" }],
      ["warning", "ingest.file_problems_row", { file: "ragged.csv", count: 1, row: 7, column: "" }],
    ]);
  });
});
