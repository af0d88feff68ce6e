/**
 * The interface language: a reactive current locale and `t(key, params)` that reads the
 * locale's dictionary with `{name}` interpolation. Components that call t() re-render when
 * the locale changes because t() reads the $state locale.
 * English is in the page's bundle (it is also the fallback); each Chinese dictionary is a
 * chunk of its own, loaded when that language is first chosen (about 70 kB each, raw).
 */
import en from "./en.json";
import { LOCALES, isLocale, pickLocale, type Locale } from "../format/locale.ts";

export type { Locale };
export { LOCALES, isLocale, pickLocale };

type Dict = { [key: string]: string | Dict };
export type Params = Record<string, string | number | null | undefined>;

/** The dictionaries loaded so far; a locale not loaded yet reads English. */
const DICTIONARIES: Partial<Record<Locale, Dict>> = { en };

const LOADERS: Record<Locale, () => Promise<Dict>> = {
  en: () => Promise.resolve(en),
  "zh-CN": async () => (await import("./zh-CN.json")).default,
  "zh-TW": async () => (await import("./zh-TW.json")).default,
};

/** Loads a locale's dictionary (once); translate() reads it from then on. */
export async function loadLocale(locale: Locale): Promise<void> {
  DICTIONARIES[locale] ??= await LOADERS[locale]();
}

/** The name of each language in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文", "zh-TW": "繁體中文" };

function lookup(dict: Dict, key: string): string | undefined {
  let node: string | Dict | undefined = dict;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Replace `{name}` with params.name; unknown names stay visible so a missing param is noticed. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** A translation in a given locale; falls back to English, then to the key itself. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const text = lookup(DICTIONARIES[locale] ?? en, key) ?? lookup(en, key);
  return text === undefined ? key : interpolate(text, params);
}

/** The browser's preferred interface language (en when it is none of the three). */
export function browserLocale(): Locale {
  if (typeof navigator === "undefined") return "en";
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

class I18n {
  /** $state: every label depends on it. */
  #locale = $state<Locale>("en");
  /** The locale asked for last: a slower load of an earlier choice must not win. */
  #wanted: Locale = "en";

  constructor() {
    this.locale = browserLocale();
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** Switches once the locale's dictionary is loaded; until then the page keeps its language. */
  set locale(next: Locale) {
    this.#wanted = next;
    if (DICTIONARIES[next]) {
      this.#locale = next;
      return;
    }
    void loadLocale(next).then(() => {
      if (this.#wanted === next) this.#locale = next;
    });
  }

  /** The translation of `key` in the current locale. */
  t = (key: string, params?: Params): string => translate(this.locale, key, params);

  /** True when `key` exists (for keys built from data, such as `errors.${reason}`). */
  has = (key: string): boolean => lookup(en, key) !== undefined;
}

/** The one i18n instance of the page. */
export const i18n = new I18n();

/** Shorthand: t("nav.overview"). */
export const t = (key: string, params?: Params): string => i18n.t(key, params);
