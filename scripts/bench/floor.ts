/**
 * The floor: what merely reading the dropped files costs in this page — bytes from File
 * objects (the same kind of Blob the app gets), strict UTF-8 decoding, splitting into lines.
 * The line count is checked so that the work cannot be skipped.
 */
import type { Page } from "@playwright/test";
import type { DataFile } from "./data.ts";

const FLOOR_INPUT_ID = "bench-floor-input";

export async function measureFloor(page: Page, files: readonly DataFile[]): Promise<number> {
  await page.evaluate((id) => {
    const input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.id = id;
    input.hidden = true;
    document.body.append(input);
  }, FLOOR_INPUT_ID);
  await page.locator(`#${FLOOR_INPUT_ID}`).setInputFiles(files.map((f) => f.path));
  const floor = await page.evaluate(async (id) => {
    const picked = [...((document.getElementById(id) as HTMLInputElement).files ?? [])];
    if (picked.length === 0) throw new Error("no file on the floor input");
    const t0 = performance.now();
    let lines = 0;
    for (const file of picked) lines += new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()).split("\n").length;
    return { ms: performance.now() - t0, lines };
  }, FLOOR_INPUT_ID);
  // Per file: header + one line per row (no comment holds a line break) + the empty string after the final newline.
  const expected = files.reduce((sum, f) => sum + f.rows + 2, 0);
  if (floor.lines !== expected) throw new Error(`floor read ${floor.lines} lines, expected ${expected}`);
  return floor.ms;
}
