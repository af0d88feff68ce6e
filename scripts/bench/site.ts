/**
 * The production build, served as GitHub Pages serves it: `vite preview` under /crm-lens/
 * on a free port (the same command as playwright.config.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const BASE_PATH = "/crm-lens/";
const HOST = "127.0.0.1";
const SERVER_START_TIMEOUT_MS = 60_000;
/** What the build is made from: a newer file here means dist/ is stale. */
const BUILD_INPUTS = ["src", "public", "index.html", "vite.config.ts", "svelte.config.js", "package.json"];
/** The vite CLI itself rather than `npx vite`, so that the server is one process we can stop by its id. */
const VITE_CLI = "node_modules/vite/bin/vite.js";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds dist/ when asked, when it is missing, or when any build input is newer than it. */
export function ensureBuild(root: string, force: boolean): "built" | "up to date" {
  const builtAt = newestMtime(join(root, "dist", "index.html"));
  const sourcesAt = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(root, p))));
  if (!force && builtAt > 0 && builtAt >= sourcesAt) return "up to date";
  const result = spawnSync(process.execPath, [VITE_CLI, "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
  return "built";
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${SERVER_START_TIMEOUT_MS / 1000} s`);
}

export interface Preview {
  url: string;
  stop(): void;
}

export async function startPreview(root: string): Promise<Preview> {
  const port = await freePort();
  const args = [VITE_CLI, "preview", "--base", BASE_PATH, "--port", String(port), "--strictPort", "--host", HOST];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://${HOST}:${port}${BASE_PATH}`;
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  try {
    await waitUntilServing(url, child);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
