/** The three languages of the interface and how a browser language maps onto them. */

export type Locale = "en" | "zh-CN" | "zh-TW";

export const LOCALES: readonly Locale[] = ["en", "zh-CN", "zh-TW"];

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "zh-CN" || value === "zh-TW";
}

/**
 * The interface language for a list of browser languages (navigator.languages): the first
 * that is English or Chinese decides. Traditional script (zh-Hant, zh-TW, zh-HK, zh-MO) →
 * zh-TW; any other Chinese → zh-CN; English → en; nothing matching → en.
 *
 * Example: ["fr-FR", "zh-HK", "en"] → "zh-TW".
 */
export function pickLocale(languages: readonly string[]): Locale {
  for (const raw of languages) {
    const tag = raw.toLowerCase();
    if (tag === "zh" || tag.startsWith("zh-")) {
      if (/^zh-(hant|tw|hk|mo)\b/.test(tag) || tag.includes("-hant")) return "zh-TW";
      return "zh-CN";
    }
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}
