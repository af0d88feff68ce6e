/**
 * Two survey exports dropped together through the real file input: a Big5 traditional-
 * Chinese questionnaire and a UTF-8-BOM helpdesk survey with CRLF line ends and quoted
 * multi-line comments (tests/fixtures/surveys.ts). The Overview's NPS equals the NPS worked
 * out from the rows written; the problems list names the impossible timing and the
 * out-of-range answers, labelled in each language.
 */
import { readFileSync } from "node:fs";
import {
  BIG5_SURVEY_NAME, BIG5_SURVEY_NPS_COLUMN, BIG5_SURVEY_ROWS, BOM_SURVEY_NAME, BOM_SURVEY_NPS_COLUMN, BOM_SURVEY_ROWS,
  SURVEY_PROBLEMS, big5Survey, bomSurvey, npsAnswers,
} from "../fixtures/surveys.ts";
import { expect, kpi, openApp, test } from "./fixtures.ts";
import { nps } from "./independent.ts";

const expectedNps = nps([...npsAnswers(BIG5_SURVEY_ROWS, BIG5_SURVEY_NPS_COLUMN), ...npsAnswers(BOM_SURVEY_ROWS, BOM_SURVEY_NPS_COLUMN)]);
/** The problem labels of each language, as the page shows them in the list's reason column. */
const LANGUAGES = (["en", "zh-CN", "zh-TW"] as const).map((lang) => {
  const dict = JSON.parse(readFileSync(`src/lib/i18n/${lang}.json`, "utf8")) as { problem_labels: Record<string, string> };
  return [lang, dict.problem_labels] as const;
});

test("a Big5 survey and a UTF-8-BOM survey give the NPS of their rows and name their problems", async ({ guardedPage: page }) => {
  expect(expectedNps).toBeCloseTo((100 * (7 - 5)) / 15, 12); // the fixture's hand-worked value
  await openApp(page);
  await page.locator('input[type="file"]').setInputFiles([
    { name: BIG5_SURVEY_NAME, mimeType: "text/csv", buffer: big5Survey() },
    { name: BOM_SURVEY_NAME, mimeType: "text/csv", buffer: bomSurvey() },
  ]);
  // The drop replaces the demo: wait until the KPI is the surveys' own.
  await expect.poll(() => kpi(page, "nps")).toBeCloseTo(expectedNps, 10);

  for (const [lang, labels] of LANGUAGES) {
    await page.goto(`./#/data?lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const section = page.locator("section[aria-labelledby='problems-title']");
    const problems = section.locator("tbody tr");
    await expect(problems).toHaveCount(SURVEY_PROBLEMS.length);
    for (const [i, p] of SURVEY_PROBLEMS.entries()) {
      const cells = problems.nth(i).locator("td");
      await expect(cells).toHaveText([p.file, String(p.row), p.column, p.value, labels[p.reason] ?? p.reason]);
    }
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `test-results/screens/survey-problems-${lang}.png` });
  }
});
