/**
 * How a list filter and its values are written for the reader: our segment names in the
 * reader's language, the data's own values (a region, a city) as they are.
 */
import type { ListFilterKey } from "../../lib/analytics/filters.ts";
import { t } from "../../lib/i18n/index.svelte.ts";
import { isSegment, segmentKey } from "../segments/segment-meta.ts";

export const filterName = (key: ListFilterKey): string => t(`filters.keys.${key}`);

export interface FilterValueText {
  text: string;
  /** True when the text is the data's own (marked `data-user-text`: masked in privacy mode, never translated). */
  userText: boolean;
}

export function filterValueText(key: ListFilterKey, value: string): FilterValueText {
  return key === "segment" && isSegment(value) ? { text: t(`segments.names.${segmentKey(value)}`), userText: false } : { text: value, userText: true };
}
