import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator, interpolate, locales, matchLocale, pickLocale } from '../src/shared/i18n';

describe('language choice', () => {
  it('prefers ?lang=, then the browser languages, then English', () => {
    expect(pickLocale('?lang=de', ['zh-TW'])).toBe('de');
    expect(pickLocale('?lang=xx', ['fr-FR', 'de-AT'])).toBe('de');
    expect(pickLocale('', ['zh-Hant-TW'])).toBe('zh-TW');
    expect(pickLocale('', ['fr'])).toBe('en');
    expect(pickLocale('?lang=zh_tw', [])).toBe('zh-TW');
  });

  it('maps tags to supported locales', () => {
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('zh-HK')).toBe('zh-TW');
    expect(matchLocale('zh-CN')).toBeNull();
    expect(matchLocale('')).toBeNull();
  });
});

describe('translator', () => {
  it('interpolates and pluralises per language', () => {
    const en = createTranslator('en');
    expect(en.t('participant.progress', { voted: 12, total: 40 })).toBe('12 of 40');
    expect(en.tn('common.participants', 1)).toBe('1 participant');
    expect(en.tn('common.participants', 1200)).toBe('1,200 participants');
    expect(createTranslator('de').tn('common.statements', 2)).toBe('2 Aussagen');
    expect(createTranslator('zh-TW').tn('common.statements', 1)).toBe('1 則意見');
    expect(interpolate('{a} and {missing}', { a: 1 })).toBe('1 and {missing}');
  });

  it('falls back to English for a missing key, and to the key itself', () => {
    expect(createTranslator('de').t('no.such.key')).toBe('no.such.key');
  });
});

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('locale files', () => {
  const english = locales.en as Record<string, string>;
  for (const [code, messages] of Object.entries(locales) as [string, Record<string, string>][]) {
    it(`${code} has every English message with the same placeholders`, () => {
      const have = new Set(Object.keys(messages).map(base));
      const missing = Object.keys(english).map(base).filter((k) => !have.has(k));
      expect(missing).toEqual([]);
      for (const [key, text] of Object.entries(messages)) {
        const englishText = english[key] ?? english[`${base(key)}_other`];
        expect(englishText, `${code}: ${key} is not an English key`).toBeDefined();
        expect(placeholders(text), `${code}: ${key}`).toEqual(placeholders(englishText));
      }
    });
  }

  it('every key the sources use exists in English', () => {
    const root = join(import.meta.dirname, '../src');
    const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const m of source.matchAll(/\bt\.(t|tn)\('([a-zA-Z0-9.-]+)'/g)) used.add(m[2]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in english) && !(`${k}_other` in english));
    expect(missing).toEqual([]);
  });
});
