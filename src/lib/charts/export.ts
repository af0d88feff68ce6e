/**
 * Chart export: the chart's <svg> serialised with its computed styles inlined (the page's
 * CSS variables do not travel with the file), a background and the chart title added, as
 * an SVG file or drawn on a canvas at 2× as a PNG. Fonts name a CJK stack so that Chinese
 * labels render (PNG) or are found (SVG) where such a font is installed.
 */

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
  "opacity",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

export interface ExportOptions {
  title: string;
  background: string;
  color: string;
}

export interface SerialisedSvg {
  text: string;
  width: number;
  height: number;
}

const TITLE_HEIGHT = 36;

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

/** The chart as a standalone SVG document with its title on top. */
export function serialiseSvg(svg: SVGSVGElement, options: ExportOptions): SerialisedSvg {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(box.height));
  const height = chartHeight + TITLE_HEIGHT;

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

  const title = doc.createElementNS(SVG_NS, "text");
  title.setAttribute("x", "12");
  title.setAttribute("y", "24");
  title.setAttribute("font-size", "16");
  title.setAttribute("font-weight", "600");
  title.setAttribute("fill", options.color);
  title.textContent = options.title;
  root.appendChild(title);

  const body = doc.createElementNS(SVG_NS, "g");
  body.setAttribute("transform", `translate(0,${TITLE_HEIGHT})`);
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
