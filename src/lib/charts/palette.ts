/**
 * Categorical colours for charts with named groups (segments, tiers): each a CSS
 * `light-dark()` pair, so a chart follows the theme and the PNG/SVG export (which copies
 * computed styles) gets the colours in force. Light-theme colours are dark enough for
 * white labels, dark-theme colours light enough for near-black labels (contrast ≥ 4.5:1).
 */
export const TONES: readonly string[] = [
  "light-dark(#176b3a, #5fd08a)", // 0 deep green
  "light-dark(#0f766e, #3fc7b8)", // 1 teal
  "light-dark(#1d6fa5, #6cb6f0)", // 2 blue
  "light-dark(#4f46b5, #a29cf7)", // 3 indigo
  "light-dark(#7048a8, #c9a2f2)", // 4 purple
  "light-dark(#8f5200, #f0b44c)", // 5 amber
  "light-dark(#76650a, #d8c25a)", // 6 olive
  "light-dark(#b42318, #ff8a7e)", // 7 red
  "light-dark(#b93c0a, #ffa066)", // 8 orange
  "light-dark(#4b5e7e, #a5b6d2)", // 9 slate
  "light-dark(#6b6b6b, #b0b0b0)", // 10 grey
];

/** The label colour on any tone. */
export const TONE_TEXT = "light-dark(#ffffff, #0e1116)";

/** The colour of tone `i` (wrapping round the palette). */
export const tone = (i: number): string => TONES[((i % TONES.length) + TONES.length) % TONES.length] as string;
