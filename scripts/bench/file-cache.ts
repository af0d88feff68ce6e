/**
 * Generated files kept in bench-results/ between runs: a file is reused while the manifest
 * says it was written from the same key (every parameter that decides its bytes) and its
 * size still matches; otherwise it is written again.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Numbers the writer worked out while writing (expected counts), kept beside the file. */
export type Facts = Record<string, number>;

interface ManifestEntry {
  key: string;
  bytes: number;
  facts: Facts;
}
type Manifest = Record<string, ManifestEntry>;

export interface CachedFile {
  path: string;
  bytes: number;
  facts: Facts;
  reused: boolean;
}

/** Lines per write call: big enough to be fast, small enough to keep memory flat. */
const LINES_PER_WRITE = 20_000;

function readManifest(path: string): Manifest {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return {};
  }
}

/** `dir/name` from the cache when the manifest vouches for it, else written by `write`. */
export function ensureCachedFile(dir: string, name: string, key: unknown, write: (path: string) => Facts): CachedFile {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const manifestPath = join(dir, "manifest.json");
  const keyText = JSON.stringify(key);
  const cached = readManifest(manifestPath)[name];
  if (cached && cached.key === keyText && cached.facts && existsSync(path) && statSync(path).size === cached.bytes) {
    return { path, bytes: cached.bytes, facts: cached.facts, reused: true };
  }
  const facts = write(path);
  const bytes = statSync(path).size;
  // Read again: another file of the set may have been written since.
  const manifest = { ...readManifest(manifestPath), [name]: { key: keyText, bytes, facts } };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  return { path, bytes, facts, reused: false };
}

/** Writes a CSV of `count` rows, `line(i)` each (already escaped), "\n" line ends. */
export function writeCsvLines(path: string, header: string, count: number, line: (i: number) => string): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, header + "\n");
    let lines: string[] = [];
    for (let i = 0; i < count; i++) {
      lines.push(line(i));
      if (lines.length === LINES_PER_WRITE) {
        writeSync(fd, lines.join("\n") + "\n");
        lines = [];
      }
    }
    if (lines.length > 0) writeSync(fd, lines.join("\n") + "\n");
  } finally {
    closeSync(fd);
  }
}
