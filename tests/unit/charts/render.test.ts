/** The new charts rendered on the server (svelte/server): accessible svg, one mark per datum, chosen items pressed. */
import { describe, expect, it } from "vitest";
import { render } from "svelte/server";
import Heatmap from "../../../src/lib/charts/Heatmap.svelte";
import Treemap from "../../../src/lib/charts/Treemap.svelte";
import StackedBars from "../../../src/lib/charts/StackedBars.svelte";
import ParetoCurve from "../../../src/lib/charts/ParetoCurve.svelte";
import type { HeatmapCell } from "../../../src/lib/charts/types.ts";

const count = (html: string, needle: string) => html.split(needle).length - 1;
const noop = () => {};

describe("Heatmap", () => {
  const cells: HeatmapCell[] = Array.from({ length: 25 }, (_, i) => ({
    key: `${(i % 5) + 1},${5 - Math.floor(i / 5)}`,
    row: Math.floor(i / 5),
    col: i % 5,
    value: i,
    text: String(i),
    label: `cell ${i}`,
    pressed: i === 24,
    marked: i === 3,
  }));
  const html = render(Heatmap, {
    props: { rows: ["5", "4", "3", "2", "1"], columns: ["1", "2", "3", "4", "5"], cells, title: "R×F grid", description: "A grid", rowTitle: "F", columnTitle: "R", legendTitle: "Customers", formatLegend: String, chooseLabel: "cells", onchoose: noop },
  }).body;

  it("is an image with a title and a description", () => {
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title[^>]*>R×F grid<\/title>/);
    expect(html).toMatch(/<desc[^>]*>A grid<\/desc>/);
  });
  it("draws every cell, colours all but the empty one, and marks the chosen", () => {
    expect(count(html, 'class="cell-bg')).toBe(25 + 5);
    expect(count(html, 'class="cell svelte')).toBe(24 + 5);
    expect(count(html, 'class="cell-mark')).toBe(2);
  });
  it("offers every cell as a button, the chosen one pressed", () => {
    expect(count(html, "<button")).toBe(25);
    expect(count(html, 'aria-pressed="true"')).toBe(1);
    expect(html).toContain('aria-label="cell 24"');
  });
});

describe("Treemap", () => {
  const items = [
    { key: "Champions", name: "Champions", detail: "60%", value: 60, tone: 0, label: "Champions: 60", pressed: true },
    { key: "Lost", name: "Lost", detail: "40%", value: 40, tone: 10, label: "Lost: 40" },
    { key: "Loyal", name: "Loyal", detail: "0%", value: 0, tone: 1, label: "Loyal: 0" },
  ];
  const html = render(Treemap, { props: { items, title: "Segments", description: "Treemap", chooseLabel: "Segments", onchoose: noop } }).body;
  it("has a tile and a button for each item with a value", () => {
    expect(count(html, 'class="tile svelte')).toBe(2);
    expect(html).toContain('data-key="Champions"');
    expect(html).not.toContain('data-key="Loyal"');
    expect(html).toMatch(/aria-pressed="true"[^>]*aria-label="Champions: 60"/);
  });
  it("dims the tiles not chosen", () => {
    expect(count(html, "dimmed")).toBe(1);
  });
});

describe("StackedBars", () => {
  const html = render(StackedBars, {
    props: {
      rows: [
        { key: "East", label: "East", values: [3, 1], total: "4" },
        { key: "West", label: "West", values: [0, 2], total: "2" },
      ],
      groups: [
        { key: "A", label: "Tier A", tone: 0 },
        { key: "C", label: "Tier C", tone: 10 },
      ],
      title: "Tiers by region",
      description: "Bars",
      formatValue: String,
      formatShare: (s: number) => `${Math.round(s * 100)}%`,
      chooseLabel: "slices",
    },
  }).body;
  it("draws one segment per non-empty group and marks row labels as the user's text", () => {
    expect(count(html, "style=\"fill: light-dark")).toBeGreaterThanOrEqual(3);
    expect(count(html, 'class="row-label')).toBe(2);
    expect(count(html, "data-user-text")).toBe(2);
    expect(html).toContain(">75%<");
    expect(html).toContain(">100%<");
  });
  it("has no buttons when nothing can be chosen", () => {
    expect(html).not.toContain("<button");
  });
});

describe("ParetoCurve", () => {
  const html = render(ParetoCurve, {
    props: {
      points: [
        { x: 0, y: 0 },
        { x: 0.2, y: 0.5 },
        { x: 1, y: 1 },
      ],
      title: "Pareto",
      description: "Curve",
      xTitle: "customers",
      yTitle: "revenue",
      formatShare: (s: number) => `${Math.round(s * 100)}%`,
      pointLabel: (p: { x: number; y: number }) => `${p.x}: ${p.y}`,
      marker: { x: 0.2, y: 0.5, label: "Top 20% → 50%" },
      bands: [{ key: "A", label: "A", from: 0, to: 0.4, tone: 0 }],
      equalityLabel: "equal",
    },
  }).body;
  it("draws the curve from the origin, the diagonal, the marker and the bands", () => {
    expect(html).toMatch(/class="line[^"]*" d="M0,\d+(\.\d+)?L/);
    expect(html).toContain('class="equality');
    expect(html).toContain("Top 20% → 50%");
    expect(count(html, 'class="band ')).toBe(1);
    expect(count(html, "<button")).toBe(3);
  });
});
