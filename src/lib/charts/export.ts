/**
 * Chart export: the chart's <svg> serialised with its computed styles inlined (the page's
 * CSS variables do not travel with the file), a background, the chart title and notes (the
 * filters in force, the analysis date) added on top, as an SVG file or drawn on a canvas at
 * 2× as a PNG.
 *
 * Fonts: the exported file names a font stack with the CJK system fonts of every platform
 * (PingFang on Apple, Microsoft YaHei / JhengHei on Windows, Noto Sans CJK on Android,
 * ChromeOS and Linux) rather than bundling a font. A browser draws an SVG image with system
 * fonts only, and any machine that shows this page's Chinese labels has one of them; a
 * bundled font that covered users' own data (names, regions) would be a full CJK font of
 * 5–10 MB in the offline precache, and a subset of the interface's characters would not
 * cover the data.
 */

import { textWidth } from "./treemap.ts";

export const EXPORT_FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif';

const SVG_NS = "http://www.w3.org/2000/svg";

/** Presentation properties copied from the computed style of every element. */
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "paint-order",
  "opacity",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

export interface ExportOptions {
  title: string;
  /** Lines under the title (the filters in force, the analysis date), wrapped to the chart's width. */
  notes: readonly string[];
  background: string;
  color: string;
  /** Colour of the notes. */
  mutedColor: string;
}

export interface SerialisedSvg {
  text: string;
  width: number;
  height: number;
}

/** Layout of the header drawn above the chart, in px. */
export const HEADER = { padding: 12, titleSize: 16, titleLine: 24, noteSize: 12, noteLine: 17, gap: 8 } as const;

/**
 * `text` broken into lines no wider than `maxWidth` (widths estimated as treemap labels are):
 * at spaces; a run without spaces that is wider than a line (a Chinese sentence, a long
 * word) is cut where it stops fitting.
 * wrapText("Region: East · Segment: Champions", 120, 12) → ["Region: East ·", "Segment:", "Champions"].
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const fits = (s: string) => textWidth(s.trimEnd(), fontSize) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  for (const token of text.trim().match(/\S+\s*/g) ?? []) {
    if (line && !fits(line + token)) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += token;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A line of the header of an exported chart, at baseline `y`. */
export interface HeaderLine {
  text: string;
  y: number;
  kind: "title" | "note";
}

/** The header of an exported chart `width` px wide: the title, then the notes, each wrapped; and its height. */
export function headerLayout(title: string, notes: readonly string[], width: number): { lines: HeaderLine[]; height: number } {
  const inner = Math.max(40, width - 2 * HEADER.padding);
  const lines: HeaderLine[] = [];
  let y = HEADER.padding;
  for (const text of wrapText(title, inner, HEADER.titleSize)) {
    y += HEADER.titleLine;
    lines.push({ text, y: y - 6, kind: "title" });
  }
  for (const note of notes) {
    for (const text of wrapText(note, inner, HEADER.noteSize)) {
      y += HEADER.noteLine;
      lines.push({ text, y: y - 4, kind: "note" });
    }
  }
  return { lines, height: y + HEADER.gap };
}

/** File-name-safe text: "Revenue per month" → "revenue-per-month"; Chinese kept. */
export function slug(text: string): string {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[\\/:*?"<>|\s]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  return s || "chart";
}

/** The chart as a standalone SVG document with its title and notes on top. */
export function serialiseSvg(svg: SVGSVGElement, options: ExportOptions): SerialisedSvg {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(box.height));
  const header = headerLayout(options.title, options.notes, width);
  const height = chartHeight + header.height;

  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll("*"))];
  const copies = [clone, ...Array.from(clone.querySelectorAll("*"))];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const style = getComputedStyle(original);
    const inline: string[] = [];
    for (const prop of STYLE_PROPS) {
      const value = style.getPropertyValue(prop);
      if (value) inline.push(`${prop}:${value}`);
    }
    copy.setAttribute("style", inline.join(";"));
    copy.removeAttribute("class");
    copy.removeAttribute("tabindex");
  });

  const doc = document.implementation.createDocument(SVG_NS, "svg", null);
  const root = doc.documentElement as unknown as SVGSVGElement;
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("font-family", EXPORT_FONT_STACK);

  const background = doc.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", String(width));
  background.setAttribute("height", String(height));
  background.setAttribute("fill", options.background);
  root.appendChild(background);

  // The document's own accessible name and description, before anything drawn.
  const name = doc.createElementNS(SVG_NS, "title");
  name.textContent = options.title;
  root.insertBefore(name, background);
  if (options.notes.length) {
    const desc = doc.createElementNS(SVG_NS, "desc");
    desc.textContent = options.notes.join("\n");
    root.insertBefore(desc, background);
  }

  for (const line of header.lines) {
    const text = doc.createElementNS(SVG_NS, "text");
    const title = line.kind === "title";
    text.setAttribute("x", String(HEADER.padding));
    text.setAttribute("y", String(line.y));
    text.setAttribute("font-size", String(title ? HEADER.titleSize : HEADER.noteSize));
    if (title) text.setAttribute("font-weight", "600");
    text.setAttribute("fill", title ? options.color : options.mutedColor);
    text.textContent = line.text;
    root.appendChild(text);
  }

  const body = doc.createElementNS(SVG_NS, "g");
  body.setAttribute("transform", `translate(0,${header.height})`);
  for (const child of Array.from(clone.childNodes)) body.appendChild(doc.importNode(child, true));
  root.appendChild(body);

  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** Draw a serialised SVG on a canvas at `scale`× and return the PNG. */
export async function svgToPng(svg: SerialisedSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("canvas 2d context unavailable");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offer a Blob as a download through an object URL (revoked once the click has been handled). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
