/** Vitest setup: the Chinese dictionaries are loaded lazily in the page; tests get all of them before they start. */
import { LOCALES, loadLocale } from "../../src/lib/i18n/index.svelte.ts";

await Promise.all(LOCALES.map(loadLocale));
