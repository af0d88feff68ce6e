/** A column of a VirtualTable: how to show a row's cell and what to sort it by. */
import type { SortValue } from "./sort-rows.ts";

export interface TableColumn<T> {
  key: string;
  label: string;
  /** Width in px (the table is laid out fixed, so rows never jump while scrolling). */
  width: number;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The value sorted by (and shown, unless `format` is given). */
  value: (row: T) => SortValue;
  format?: (row: T) => string;
  /** The cell holds the user's own data (names, emails…), not interface text. */
  userText?: boolean;
  /** The cell's text as a link to this address (a customer's file). */
  href?: (row: T) => string;
}
