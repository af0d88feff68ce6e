/**
 * Two survey exports through the whole engine, as a drop would load them: a Big5
 * traditional-Chinese questionnaire and a UTF-8-BOM helpdesk survey with CRLF line ends and
 * quoted multi-line comments (tests/fixtures/surveys.ts). The NPS is computed here in
 * plain TypeScript over the rows the fixture wrote, and checked against the hand-worked
 * value there.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { loadKpis } from "../../../src/lib/analytics/overview.ts";
import { NO_FILTERS } from "../../../src/lib/analytics/filters.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";
import { nps } from "../../e2e/independent.ts";
import {
  BIG5_SURVEY_NAME, BIG5_SURVEY_NPS_COLUMN, BIG5_SURVEY_ROWS, BOM_SURVEY_NAME, BOM_SURVEY_NPS_COLUMN, BOM_SURVEY_ROWS,
  SURVEY_PROBLEMS, big5Survey, bomSurvey, npsAnswers,
} from "../../fixtures/surveys.ts";

let engine: Engine;
const rows = (sql: string) => engine.query(sql, []).rows;
const answers = [...npsAnswers(BIG5_SURVEY_ROWS, BIG5_SURVEY_NPS_COLUMN), ...npsAnswers(BOM_SURVEY_ROWS, BOM_SURVEY_NPS_COLUMN)];

beforeAll(async () => {
  engine = await newEngine();
  const bytes = (b: Buffer) => new Uint8Array(b);
  const result = await engine.load(
    [csvFile(BIG5_SURVEY_NAME, bytes(big5Survey())), csvFile(BOM_SURVEY_NAME, bytes(bomSurvey()))],
    false,
    DEFAULT_SETTINGS,
  );
  expect(result.errors).toEqual([]);
});

describe("survey files through the engine", () => {
  it("recognises both files as feedback and applies them without asking", () => {
    expect(engine.dataset.files.map((f) => [f.name, f.kind, f.state, f.rows])).toEqual([
      [BIG5_SURVEY_NAME, "feedback", "applied", 10],
      [BOM_SURVEY_NAME, "feedback", "applied", 8],
    ]);
    expect(rows("SELECT name, encoding FROM _files ORDER BY file_id")).toEqual([
      { name: BIG5_SURVEY_NAME, encoding: "big5" },
      { name: BOM_SURVEY_NAME, encoding: "utf-8" },
    ]);
  });

  it("keeps the Chinese text, the quoted line breaks and doubled quotes", () => {
    const comments = rows("SELECT feedback_id, comment FROM feedback WHERE comment IS NOT NULL ORDER BY _file, _row").map((r) => r.comment);
    expect(comments).toContain("出貨很快，包裝完整。");
    expect(comments).toContain("價格實惠, 還會再買");
    expect(comments).toContain("Line one\r\nLine two\r\nLine three");
    expect(comments).toContain('He said "try again later", twice');
  });

  it("reports the out-of-range answers and the impossible timing, and nothing else", () => {
    expect(rows('SELECT file, row, "column", value, reason FROM _problems ORDER BY file_id, row')).toEqual(SURVEY_PROBLEMS);
  });

  it("dates each helpdesk ticket by its Created time, and leaves the impossible ticket's times out", () => {
    expect(rows(`SELECT feedback_id, date, first_response_minutes, resolution_hours, priority FROM feedback WHERE feedback_id IN ('T-201', 'T-203', 'T-205') ORDER BY feedback_id`)).toEqual([
      // 09:00 → 09:12 = 12 min; → 15:00 = 6 h.
      { feedback_id: "T-201", date: "2024-05-01 09:00", first_response_minutes: 12, resolution_hours: 6, priority: "High" },
      { feedback_id: "T-203", date: "2024-05-02 08:00", first_response_minutes: null, resolution_hours: null, priority: "Urgent" },
      { feedback_id: "T-205", date: "2024-05-03 09:20", first_response_minutes: 5, resolution_hours: null, priority: "Normal" },
    ]);
  });

  it("gives the NPS computed over the rows written, the out-of-range answers left out", async () => {
    const independent = nps(answers);
    expect(independent).toBeCloseTo((100 * (7 - 5)) / 15, 12); // the fixture's hand-worked value
    const { values } = await loadKpis(queryFnOf(engine), engine.dataset, NO_FILTERS);
    expect(values.find((v) => v.id === "nps")?.value).toBeCloseTo(independent, 10);
  });
});
