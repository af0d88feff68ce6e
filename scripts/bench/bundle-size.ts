/**
 * What the production build weighs (dist/ after the build): the JS the page loads at start
 * (index.html's module script and preloads), the database worker's JS, the chunks loaded only
 * when needed (Excel reader, Chinese texts…), and sql.js's wasm; raw and gzip (node:zlib,
 * default level, as a static host would serve them).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Size {
  files: string[];
  raw: number;
  gzip: number;
}

export interface BundleSizes {
  pageJs: Size;
  workerJs: Size;
  lazyJs: Size;
  wasm: Size;
}

function sizeOf(dir: string, files: readonly string[]): Size {
  const size: Size = { files: [...files], raw: 0, gzip: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    size.raw += bytes.length;
    size.gzip += gzipSync(bytes).length;
  }
  return size;
}

export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const started = new Set([...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ""));
  const assets = readdirSync(join(dist, "assets")).map((name) => `assets/${name}`);
  const js = assets.filter((file) => file.endsWith(".js"));
  const worker = js.filter((file) => /\.worker-/.test(file));
  return {
    pageJs: sizeOf(dist, js.filter((file) => started.has(file))),
    workerJs: sizeOf(dist, worker),
    lazyJs: sizeOf(dist, js.filter((file) => !started.has(file) && !worker.includes(file))),
    wasm: sizeOf(dist, assets.filter((file) => file.endsWith(".wasm"))),
  };
}
