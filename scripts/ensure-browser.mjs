// Finds a Chromium for the browser tests: Debian's /usr/bin/chromium (installed here with
// apt-get when we are root and it is missing, with CJK fonts so Chinese text renders), or
// else Playwright's own browser (installed with `playwright install` where downloads work).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const run = (command) => execSync(command, { stdio: "inherit" });
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
const hasCjkFonts = existsSync("/usr/share/fonts/opentype/noto") || existsSync("/usr/share/fonts/truetype/noto-cjk");

if ((!existsSync(SYSTEM_CHROMIUM) || !hasCjkFonts) && isRoot && hasApt) {
  console.log("Installing Chromium and CJK fonts with apt-get…");
  run("apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk");
}

if (existsSync(SYSTEM_CHROMIUM)) {
  console.log(`Browser tests use ${SYSTEM_CHROMIUM}`);
} else {
  console.log("No system Chromium: installing Playwright's own Chromium…");
  try {
    run("npx playwright install chromium");
  } catch {
    console.error(
      "Could not find or install Chromium. Install it (Debian: apt-get install chromium fonts-noto-cjk) and run the tests again.",
    );
    process.exit(1);
  }
}
