export { default as ChartFrame } from "./ChartFrame.svelte";
export { default as Bars } from "./Bars.svelte";
export { default as Line } from "./Line.svelte";
export { default as Sparkline } from "./Sparkline.svelte";
export * from "./scales.ts";
export * from "./export.ts";
export type * from "./types.ts";
