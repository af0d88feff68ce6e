/**
 * Whether the "what is this?" notes of charts and cards start open: teaching mode (`teach=1`)
 * opens them all. A module-level rune, like the i18n locale: charts take nothing from the
 * state layer, the header's teaching switch sets it, and a card drawn outside the app (a
 * test) sees them closed. A reader can still close or open one note; switching the mode
 * again applies to all.
 */
class ExplainDefault {
  /** $state: every card's note follows it. */
  open = $state(false);
}

export const explainDefault = new ExplainDefault();
