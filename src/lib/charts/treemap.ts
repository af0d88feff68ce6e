/**
 * Treemap maths: d3-hierarchy's squarified layout of a flat list of items (each a tile
 * whose area is proportional to its value), plus label fitting. Items with no value get no
 * tile. Larger items come first (top left).
 *
 * Worked example: values 3 and 1 in a 400 × 100 box → tiles 300 × 100 at x 0 and
 * 100 × 100 at x 300 (shares 75 % and 25 %).
 */
import { hierarchy, treemap, treemapSquarify } from "d3";

export interface TreemapItem {
  key: string;
  value: number;
}

export interface TreemapTile {
  key: string;
  value: number;
  /** The item's share of the total value (0–1). */
  share: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Node {
  key: string;
  value: number;
  children?: Node[];
}

/** Tiles of the items in a width × height box, `padding` px between tiles. */
export function treemapTiles(items: readonly TreemapItem[], width: number, height: number, padding = 2): TreemapTile[] {
  const kept = items.filter((i) => Number.isFinite(i.value) && i.value > 0);
  const total = kept.reduce((sum, i) => sum + i.value, 0);
  if (kept.length === 0 || total <= 0 || width <= 0 || height <= 0) return [];
  const root = hierarchy<Node>({ key: "", value: 0, children: kept.map((i) => ({ key: i.key, value: i.value })) })
    .sum((d) => (d.children ? 0 : d.value))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.data.key.localeCompare(b.data.key));
  const laidOut = treemap<Node>().tile(treemapSquarify).size([width, height]).paddingInner(padding).round(false)(root);
  return laidOut.leaves().map((leaf) => ({
    key: leaf.data.key,
    value: leaf.data.value,
    share: leaf.data.value / total,
    x: leaf.x0,
    y: leaf.y0,
    width: Math.max(0, leaf.x1 - leaf.x0),
    height: Math.max(0, leaf.y1 - leaf.y0),
  }));
}

/** CJK ideographs, kana, hangul and full-width forms take about one em; Latin text about 0.58 em. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Estimated width in px of `text` at `fontSize` px: textWidth("Lost", 12) ≈ 27.8; textWidth("流失", 12) = 24. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : ch === " " ? 0.3 : 0.58;
  return em * fontSize;
}

/**
 * The label that fits in `maxWidth` px: the text itself, else shortened with "…", else ""
 * when not even two characters fit. fitLabel("Potential Loyalists", 60, 12) → "Potenti…".
 */
export function fitLabel(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n >= 2; n--) {
    const candidate = `${chars.slice(0, n).join("").trimEnd()}…`;
    if (textWidth(candidate, fontSize) <= maxWidth) return candidate;
  }
  return "";
}
