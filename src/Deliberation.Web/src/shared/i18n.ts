// UI strings live in src/locales/*.json. The language comes from ?lang=, else the browser's preferences, else English.
import en from '../locales/en.json';
import de from '../locales/de.json';
import zhTW from '../locales/zh-TW.json';

export type Messages = Record<string, string>;
export const locales = { en, de, 'zh-TW': zhTW } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof locales;
export const supportedLocales = Object.keys(locales) as Locale[];

/** Maps a BCP 47 tag to a supported locale, or null. Chinese in Traditional script (TW, HK, MO, Hant) → zh-TW. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (!lower) return null;
  if (lower === 'zh-tw' || lower.startsWith('zh-hant') || lower === 'zh-hk' || lower === 'zh-mo') return 'zh-TW';
  const primary = lower.split('-')[0];
  if (primary === 'de') return 'de';
  if (primary === 'en') return 'en';
  return null;
}

/** The page's language: an explicit ?lang= wins, then the first browser language we have, then English. */
export function pickLocale(search: string, browserLanguages: readonly string[]): Locale {
  const requested = new URLSearchParams(search).get('lang');
  const explicit = matchLocale(requested);
  if (explicit) return explicit;
  for (const language of browserLanguages) {
    const match = matchLocale(language);
    if (match) return match;
  }
  return 'en';
}

export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export interface Translator {
  locale: Locale;
  t(key: string, params?: Record<string, string | number>): string;
  /** Plural-aware: looks up key_one / key_other (by Intl.PluralRules) and passes {count}. */
  tn(key: string, count: number, params?: Record<string, string | number>): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(fraction: number): string;
  dateTime(value: string | number | Date): string;
}

export function createTranslator(locale: Locale): Translator {
  const messages: Messages = locales[locale];
  const fallback: Messages = locales.en;
  const plural = new Intl.PluralRules(locale);
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options?: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options ?? {});
    let format = numbers.get(key);
    if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, options)));
    return format;
  };
  const lookup = (key: string) => messages[key] ?? fallback[key] ?? key;
  const translator: Translator = {
    locale,
    t: (key, params) => interpolate(lookup(key), params),
    tn: (key, count, params) => {
      const rule = plural.select(count);
      const template = messages[`${key}_${rule}`] ?? messages[`${key}_other`] ?? fallback[`${key}_${rule}`] ?? fallback[`${key}_other`] ?? key;
      return interpolate(template, { count: numberFormat().format(count), ...params });
    },
    number: (value, options) => numberFormat(options).format(value),
    percent: (fraction) => numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(fraction),
    dateTime: (value) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
  };
  return translator;
}

/** Sets up the page's language from the address and the browser, and marks <html lang>. */
export function setUpI18n(): Translator {
  const locale = pickLocale(location.search, navigator.languages ?? [navigator.language]);
  document.documentElement.lang = locale;
  return createTranslator(locale);
}

/** Fills every element marked data-i18n="key" (text) in a static page. */
export function translateStatic(root: ParentNode, t: Translator): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => { el.textContent = t.t(el.dataset.i18n!); });
}
