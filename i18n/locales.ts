export const LOCALES = ["en", "es", "fr", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie the language picker sets; it wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = "fettle-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Best supported locale for an Accept-Language header (RFC 9110 §12.5.4): ranges in order of quality,
 * an exact tag first, then the same language in another region ("pt-PT" → "pt-BR", "es-MX" → "es").
 */
export function matchAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), quality: q ? Number(q.slice(2)) : 1 };
    })
    .filter((range) => range.tag && range.tag !== "*" && range.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of ranges) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split("-")[0];
    const sameLanguage = LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return undefined;
}
