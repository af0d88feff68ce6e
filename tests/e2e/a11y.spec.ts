/**
 * Accessibility and comfort on every page of the nav: an axe-core scan with no serious or
 * critical violation (light and dark), no text below WCAG AA contrast in the dark theme
 * (computed from the styles the browser applied), no horizontal scrolling at 390 px, and a
 * keyboard-only walk that reaches the nav, the filters, a chart's marks (with their tooltip)
 * and a data table. Screenshots of every page in both themes, three languages and at phone
 * width go to test-results/screens/ to be looked at.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openApp, test } from "./fixtures.ts";

/** The pages in the nav (read from the app, so a new page is covered without editing this test). */
async function navPages(page: Page): Promise<string[]> {
  const hrefs = await page.locator("nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.replace(/^#\/?/, "").split("?")[0] ?? "");
}

/** Shows `route` (a hash without "#/"), with extra hash parameters, and waits for its queries to settle. */
async function show(page: Page, route: string, params: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/${route}${params ? `?${params}` : ""}`);
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await expect(page.locator(".skeleton:visible")).toHaveCount(0, { timeout: 20_000 });
  await page.waitForTimeout(150);
}

const name = (route: string) => route || "overview";

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude(".drop-overlay").analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}${v.nodes.length > 4 ? ` … ${v.nodes.length} nodes` : ""}`);
}

/**
 * Text that fails WCAG AA: each visible text node's colour (opacity of its ancestors folded
 * in) against the background painted under it (semi-transparent layers composed up the
 * tree). 4.5:1 for normal text, 3:1 for large (≥ 24 px, or ≥ 18.66 px bold). Disabled
 * controls are exempt (WCAG 1.4.3).
 */
function lowContrastText(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
    /** Any CSS colour (rgb, color(srgb …), oklab …) as RGBA 0–255 / alpha 0–1, through the canvas. */
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0,0,0,0)";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data as unknown as number[];
      return [r as number, g as number, b as number, (a as number) / 255];
    };
    const over = (top: number[], bottom: number[]) => {
      const a = top[3] as number;
      return [0, 1, 2].map((i) => (top[i] as number) * a + (bottom[i] as number) * (1 - a)).concat(1);
    };
    const background = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reduceRight((under, layer) => over(layer, under), [255, 255, 255, 1]);
    };
    const luminance = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    /** The last filled shape painted before `text` (document order) whose box holds the text's centre. */
    const shapeUnder = (text: SVGElement, box: DOMRect): Element | null => {
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      let found: Element | null = null;
      for (const shape of text.ownerSVGElement?.querySelectorAll("rect, path, circle, polygon") ?? []) {
        if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
        const b = shape.getBoundingClientRect();
        const s = getComputedStyle(shape);
        if (cx < b.left || cx > b.right || cy < b.top || cy > b.bottom || s.fill === "none" || s.display === "none" || s.visibility !== "visible") continue;
        if (rgba(s.fill)[3] > 0) found = shape;
      }
      return found;
    };
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest(".visually-hidden, [disabled], [aria-disabled='true'], .drop-overlay, option, title, desc")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== "visible") continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      if (opacity === 0) continue;
      const inSvg = el instanceof SVGElement;
      const fg = rgba(inSvg ? style.fill : style.color);
      fg[3] *= opacity;
      let bg = background(inSvg ? el.closest("svg")?.parentElement ?? null : el);
      if (inSvg && style.paintOrder.startsWith("stroke") && style.stroke !== "none" && parseFloat(style.strokeWidth) >= 2) {
        // A label with a halo is read against its halo.
        bg = over(rgba(style.stroke), bg);
      } else if (inSvg) {
        // A label drawn on a mark (a bar, a tile, a cell) is read against the mark's fill.
        const shape = shapeUnder(el as SVGElement, box);
        if (shape) {
          const s = getComputedStyle(shape);
          const fill = rgba(s.fill);
          fill[3] *= Number(s.fillOpacity) * Number(s.opacity);
          bg = over(fill, bg);
        }
      }
      const text = over(fg, bg);
      const [l1, l2] = [luminance(text), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)} "${node.textContent.trim().slice(0, 40)}" <${el.localName} class="${el.getAttribute("class") ?? ""}">`);
    }
    return failures;
  });
}

test.describe.configure({ timeout: 240_000 });

test("every page passes axe (light and dark) and has readable text in the dark theme", async ({ guardedPage: page }) => {
  await openApp(page);
  const problems: string[] = [];
  for (const route of await navPages(page)) {
    for (const theme of ["light", "dark"] as const) {
      await show(page, route, `theme=${theme}`);
      for (const v of await seriousViolations(page)) problems.push(`${name(route)} ${theme}: ${v}`);
      if (theme === "dark") for (const f of await lowContrastText(page)) problems.push(`${name(route)} dark contrast ${f}`);
    }
  }
  expect(problems).toEqual([]);
});

test("no page scrolls sideways at 390 px, in any language", async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const overflowing: string[] = [];
  for (const route of await navPages(page)) {
    for (const lang of ["en", "zh-CN", "zh-TW"]) {
      await show(page, route, `lang=${lang}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) overflowing.push(`${name(route)} ${lang}: ${overflow}px`);
    }
  }
  expect(overflowing).toEqual([]);
});

test("every page ends in an empty state, not an endless skeleton, when the filters leave no customer", async ({ guardedPage: page }) => {
  await openApp(page);
  for (const route of await navPages(page)) {
    // show() waits until no skeleton is left.
    await show(page, route, "region=No%20such%20region");
    await expect(page.locator("main")).not.toBeEmpty();
    await page.screenshot({ path: `test-results/screens/a11y/${name(route)}-no-match.png`, fullPage: true });
  }
});

test("the keyboard alone reaches the nav, the filters, a chart's marks with tooltips and a data table", async ({ guardedPage: page }) => {
  await openApp(page);
  const reached = { nav: false, filter: false, mark: false, tooltip: false, tableButton: false };
  for (let i = 0; i < 120 && !Object.values(reached).every(Boolean); i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      return {
        nav: !!el.closest("nav"),
        filter: !!el.closest("[data-testid='filter-bar'], .filter-bar, .date-range, [data-testid='active-filters']"),
        mark: el.classList.contains("hover-target") || !!el.closest(".hover-layer, .choice-layer"),
        tableButton: el.getAttribute("aria-controls")?.endsWith("-table") ?? false,
      };
    });
    if (!focus) continue;
    reached.nav ||= focus.nav;
    reached.filter ||= focus.filter;
    reached.tableButton ||= focus.tableButton;
    if (focus.mark && !reached.mark) {
      reached.mark = true;
      await expect(page.locator(".tooltip:visible").first()).toBeVisible();
      reached.tooltip = true;
      // Arrow keys move along the marks; the tooltip follows.
      const before = await page.locator(".tooltip:visible").first().textContent();
      await page.keyboard.press("ArrowRight");
      await expect(page.locator(".tooltip:visible").first()).not.toHaveText(before ?? "");
    }
    if (focus.tableButton) {
      await page.keyboard.press("Enter");
      const controls = await page.evaluate(() => document.activeElement?.getAttribute("aria-controls") ?? "");
      await expect(page.locator(`[id="${controls}"] table`)).toBeVisible();
    }
  }
  expect(reached).toEqual({ nav: true, filter: true, mark: true, tooltip: true, tableButton: true });
});

test("on every page the keyboard reaches the page's own controls, each with a visible focus ring", async ({ guardedPage: page }) => {
  await openApp(page);
  const problems: string[] = [];
  for (const route of await navPages(page)) {
    await show(page, route, "");
    await page.locator("#main").focus();
    let inMain = 0;
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        // A date input's focus is in its inner fields, which the browser highlights itself.
        const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none" || el.getAttribute("type") === "date";
        return { inMain: !!el.closest("main"), ring, what: `${el.localName}#${el.id}[${el.getAttribute("type") ?? el.getAttribute("role") ?? ""}].${el.className}`.slice(0, 80) };
      });
      if (!focus) {
        problems.push(`${name(route)}: focus lost after ${i + 1} Tabs`);
        break;
      }
      if (focus.inMain) inMain++;
      if (!focus.ring) problems.push(`${name(route)}: no focus ring on ${focus.what}`);
    }
    if (inMain === 0) problems.push(`${name(route)}: Tab never reached the page`);
  }
  expect([...new Set(problems)]).toEqual([]);
});

test("screenshots of every page: both themes, three languages, desktop and phone", async ({ guardedPage: page }) => {
  test.setTimeout(600_000);
  await openApp(page);
  const routes = await navPages(page);
  for (const [width, height, device] of [
    [1280, 900, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const route of routes) {
      for (const lang of ["en", "zh-CN", "zh-TW"]) {
        for (const theme of ["light", "dark"]) {
          await show(page, route, `lang=${lang}&theme=${theme}`);
          await page.screenshot({ path: `test-results/screens/a11y/${name(route)}-${lang}-${theme}-${device}.png`, fullPage: true });
        }
      }
    }
  }
});
