/**
 * Parts of the Satisfaction page rendered on the server (svelte/server): the headline in its
 * full and partial states (NPS only, stars only, tickets without scores), and the term lists.
 */
import { afterEach, describe, expect, it } from "vitest";
import { render } from "svelte/server";
import ScoreHeadline from "../../../src/views/satisfaction/ScoreHeadline.svelte";
import TermLists from "../../../src/views/satisfaction/TermLists.svelte";
import { i18n, translate } from "../../../src/lib/i18n/index.svelte.ts";

afterEach(() => {
  i18n.locale = "en";
});

const text = (html: string) => html.replace(/<!--[^>]*-->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const none = { responses: 0, value: null };
// Promoters 5, passives 3, detractors 2 of 10 → NPS 100 × (5 − 2) / 10 = 30.
const nps = { responses: 10, promoters: 5, passives: 3, detractors: 2, value: 30 };

describe("the score headline", () => {
  it("shows NPS against its target with the three shares, CSAT and CES", () => {
    const html = render(ScoreHeadline, { props: { summary: { nps, csat: { responses: 8, satisfied: 6, value: 0.75 }, ces: { responses: 4, value: 2.5 } }, target: 50 } }).body;
    expect(html).toContain('data-testid="nps-value" data-value="30"');
    const body = text(html);
    expect(body).toContain("Target ≥ 50");
    expect(body).toContain("below target");
    expect(body).toMatch(/Promoters \(9–10\) 50\.0% 5/);
    expect(body).toMatch(/Passives \(7–8\) 30\.0% 3/);
    expect(body).toMatch(/Detractors \(0–6\) 20\.0% 2/);
    expect(body).toContain("75.0%");
    expect(body).toContain("6 of 8 answers were 4 or 5");
    expect(body).toContain("2.50");
  });
  it("shows only NPS when the data has nothing else", () => {
    const html = render(ScoreHeadline, { props: { summary: { nps: { ...nps, value: 60 }, csat: { ...none, satisfied: 0 }, ces: none }, target: 50 } }).body;
    expect(html).toContain('data-testid="score-nps"');
    expect(html).not.toContain('data-testid="score-csat"');
    expect(html).not.toContain('data-testid="score-ces"');
    expect(text(html)).toContain("on target");
  });
  it("says there is no NPS when only stars were given", () => {
    const html = render(ScoreHeadline, { props: { summary: { nps: { ...nps, responses: 0, promoters: 0, passives: 0, detractors: 0, value: null }, csat: { responses: 6, satisfied: 3, value: 0.5 }, ces: none }, target: 50 } }).body;
    expect(html).not.toContain("nps-value");
    expect(html).toContain('data-testid="score-csat"');
    expect(text(html)).toContain(translate("en", "satisfaction.headline.no_nps"));
  });
  it("says which figures apply to tickets without scores, in Chinese too", () => {
    for (const locale of ["en", "zh-CN", "zh-TW"] as const) {
      i18n.locale = locale;
      const html = render(ScoreHeadline, { props: { summary: { nps: { ...nps, responses: 0, value: null }, csat: { ...none, satisfied: 0 }, ces: none }, target: 50 } }).body;
      expect(text(html)).toContain(translate(locale, "satisfaction.headline.no_scores"));
      expect(html).not.toContain('data-testid="score-');
    }
  });
});

describe("the term lists", () => {
  const term = (t: string, detractorCount: number, promoterCount: number) => ({ term: t, detractorCount, promoterCount, zScore: detractorCount - promoterCount });
  const html = render(TermLists, {
    props: { detractorTerms: [term("slow delivery", 12, 1), term("物流太慢", 7, 0)], promoterTerms: [term("fast", 2, 30)], chosen: "物流太慢", onchoose: () => {} },
  }).body;
  it("offers every term as a real button, the chosen one pressed", () => {
    expect(html.split("<button").length - 1).toBe(3);
    expect(html.split('aria-pressed="true"').length - 1).toBe(1);
    expect(html).toMatch(/aria-pressed="true"[^>]*data-term="物流太慢"/);
  });
  it("counts each term's comments on its own side", () => {
    const body = text(html);
    expect(body).toContain("slow delivery 12");
    expect(body).toContain("fast 30");
    expect(html).toContain('title="slow delivery: in 12 detractor and 1 promoter comments"');
  });
  it("says so when a side has no terms", () => {
    const empty = render(TermLists, { props: { detractorTerms: [], promoterTerms: [term("fast", 2, 30)], chosen: "", onchoose: () => {} } }).body;
    expect(text(empty)).toContain(translate("en", "satisfaction.voice.no_terms"));
  });
});
