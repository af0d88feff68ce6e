/**
 * The Satisfaction page on the demo: its NPS equals the Overview's KPI and the NPS worked out
 * from public/demo/feedback.csv; the distribution adds up; the service targets drive the share
 * within target; terms and the comment search list only matching comments, marked as text.
 */
import { readFileSync } from "node:fs";
import { expect, kpi, openApp, test } from "./fixtures.ts";
import { nps, parseCsv } from "./independent.ts";

const feedback = parseCsv(readFileSync("public/demo/feedback.csv", "utf8"));
const validScores = feedback.map((r) => (r.nps_score ?? "").trim()).filter((s) => /^\d+$/.test(s) && Number(s) <= 10);

/**
 * Share of tickets answered within `target` minutes, worked out from the file: a ticket with a
 * negative time, or resolved before its first response, has impossible timings and is left out.
 */
function firstResponseWithin(target: number): number {
  const times = feedback.flatMap((r) => {
    const first = r.first_response_minutes ? Number(r.first_response_minutes) : null;
    const resolved = r.resolution_hours ? Number(r.resolution_hours) : null;
    const impossible = (first !== null && first < 0) || (resolved !== null && resolved < 0) || (first !== null && resolved !== null && resolved * 60 < first);
    return first === null || impossible ? [] : [first];
  });
  return times.filter((t) => t <= target).length / times.length;
}

test("the page's NPS equals the Overview's KPI and the NPS of the file", async ({ guardedPage: page }) => {
  await openApp(page, "#/");
  const overview = await kpi(page, "nps");
  await openApp(page, "#/satisfaction");
  const shown = Number(await page.getByTestId("nps-value").getAttribute("data-value"));
  expect(shown).toBe(overview);
  expect(shown).toBeCloseTo(nps(validScores), 10);
  // The 0–10 distribution counts every answer once.
  await expect(page.getByTestId("nps-responses")).toHaveAttribute("data-count", String(validScores.length));
  await expect(page.getByTestId("nps-distribution")).toHaveAttribute("data-total", String(validScores.length));
  const groups = page.locator("[data-testid='score-nps'] li[data-group]");
  const counts = await groups.evaluateAll((items) => items.map((li) => Number(li.getAttribute("data-count"))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(validScores.length);
});

test("a new first-response target changes the share within target, as the file says", async ({ guardedPage: page }) => {
  await openApp(page, "#/satisfaction");
  const within = page.getByTestId("within-first_response");
  await expect(within).toHaveAttribute("data-value", /./);
  const before = (await within.getAttribute("data-value")) ?? "";
  expect(Number(before)).toBeCloseTo(firstResponseWithin(20), 10);
  await expect(page.getByTestId("impossible-timings")).not.toHaveAttribute("data-count", "0");

  const input = page.getByTestId("target-first_response");
  await input.fill("5");
  await input.dispatchEvent("change");
  await expect(within).not.toHaveAttribute("data-value", before);
  expect(Number(await within.getAttribute("data-value"))).toBeCloseTo(firstResponseWithin(5), 10);
  expect(page.url()).toContain("frt=5");
});

test("a term lists only the comments that contain it, marked as text", async ({ guardedPage: page }) => {
  await openApp(page, "#/satisfaction");
  const term = page.getByTestId("terms-detractor").getByRole("button").first();
  await expect(term).toBeVisible();
  const text = (await term.getAttribute("data-term")) ?? "";
  expect(text.length).toBeGreaterThan(0);
  await term.click();
  await expect(term).toHaveAttribute("aria-pressed", "true");
  const count = page.getByTestId("comment-count");
  await expect(count).toContainText(text);
  const total = Number(await count.getAttribute("data-count"));
  expect(total).toBeGreaterThan(0);
  const comments = await page.locator("[data-testid='comment-list'] .comment-text").allInnerTexts();
  expect(comments.length).toBe(Math.min(total, 10));
  for (const comment of comments) expect(comment.toLowerCase().replace(/[’‘ʼ]/g, "'")).toContain(text);
  const marks = await page.locator("[data-testid='comment-list'] mark").allInnerTexts();
  expect(marks.length).toBeGreaterThanOrEqual(comments.length);
  for (const mark of marks) expect(mark.toLowerCase().replace(/[’‘ʼ]/g, "'")).toBe(text);
});

test("the comment search finds a Chinese word, as often as the file has it", async ({ guardedPage: page }) => {
  const word = "物流";
  const expected = feedback.filter((r) => (r.comment ?? "").includes(word)).length;
  expect(expected).toBeGreaterThan(0);
  await openApp(page, "#/satisfaction?lang=zh-CN");
  await page.getByTestId("comment-search").fill(word);
  const count = page.getByTestId("comment-count");
  await expect(count).toHaveAttribute("data-count", String(expected));
  const comments = await page.locator("[data-testid='comment-list'] .comment-text").allInnerTexts();
  expect(comments.length).toBe(Math.min(expected, 10));
  for (const comment of comments) expect(comment).toContain(word);
  await expect(page.locator("[data-testid='comment-list'] mark").first()).toHaveText(word);
});

test("without feedback the page says what to load and which columns it recognises", async ({ guardedPage: page }) => {
  await openApp(page);
  await page.locator('input[type="file"]').setInputFiles({
    name: "orders.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("order_id,customer_id,order_date,amount\n1,A,2024-01-05,10\n2,B,2024-01-06,20\n"),
  });
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", "2");
  await page.getByRole("link", { name: "Satisfaction" }).click();
  const empty = page.getByTestId("satisfaction-empty");
  await expect(empty).toBeVisible();
  await expect(empty).toContainText("NPS score (0–10)");
  await expect(empty).toContainText("First response time (minutes)");
  await expect(page.getByTestId("satisfaction-headline")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/satisfaction-empty-en.png", fullPage: true });
});

test("a review export with stars only: CSAT without NPS, its comments still listed", async ({ guardedPage: page }) => {
  // Stars 5, 4, 2, 1, 5, 3: three of the six are 4 or 5 → CSAT 0.5.
  const reviews = [
    "review_id,customer_id,review_score,review_comment_message,review_creation_date",
    "R1,A,5,Great product and fast delivery,2024-03-01",
    "R2,B,4,Good value,2024-03-02",
    'R3,C,2,"Late delivery, box damaged",2024-03-03',
    "R4,D,1,Never arrived,2024-03-04",
    "R5,E,5,Excellent,2024-03-05",
    "R6,F,3,Okay,2024-03-06",
  ].join("\n");
  await openApp(page);
  await page.locator('input[type="file"]').setInputFiles({ name: "reviews.csv", mimeType: "text/csv", buffer: Buffer.from(reviews) });
  await expect(page.locator('[data-kpi="csat"]')).toHaveAttribute("data-value", "0.5");
  await page.getByRole("link", { name: "Satisfaction" }).click();
  await expect(page.getByTestId("score-csat").locator("[data-value]")).toHaveAttribute("data-value", "0.5");
  await expect(page.getByTestId("nps-value")).toHaveCount(0);
  await expect(page.getByTestId("nps-distribution")).toHaveCount(0);
  await expect(page.getByTestId("satisfaction-headline")).toContainText("no NPS");
  await expect(page.getByTestId("comment-count")).toHaveAttribute("data-count", "6");
  await page.getByTestId("comment-search").fill("delivery");
  await expect(page.getByTestId("comment-count")).toHaveAttribute("data-count", "2");
  await page.screenshot({ path: "test-results/screens/satisfaction-reviews-en.png", fullPage: true });
});

for (const lang of ["en", "zh-CN", "zh-TW"] as const) {
  test(`satisfaction screenshots in ${lang}, and no overflow at 390 px`, async ({ guardedPage: page }) => {
    await openApp(page, `#/satisfaction?lang=${lang}`);
    await expect(page.getByTestId("terms-detractor")).toBeVisible();
    await expect(page.getByTestId("behaviour-churn")).toBeVisible();
    await page.screenshot({ path: `test-results/screens/satisfaction-${lang}-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("nps-value")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screens/satisfaction-${lang}-phone.png`, fullPage: true });
  });
}

test("satisfaction screenshot in the dark theme", async ({ guardedPage: page }) => {
  await openApp(page, "#/satisfaction?theme=dark");
  await expect(page.getByTestId("terms-detractor")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/satisfaction-en-dark.png", fullPage: true });
});
