// The frame every page shares: header with the way home and the language choice, footer, page title, errors.
import './styles.css';
import { byId, fill, h } from './dom';
import { setUpI18n, supportedLocales, type Translator } from './i18n';

const languageNames: Record<string, string> = { en: 'English', de: 'Deutsch', 'zh-TW': '繁體中文' };

export function startPage(options: { nav?: (t: Translator) => (Node | null)[] } = {}): Translator {
  const t = setUpI18n();
  document.querySelector('.skip-link')!.textContent = t.t('common.skipToContent');
  const select = h('select', { id: 'language', 'aria-label': t.t('common.language') },
    supportedLocales.map((code) => h('option', { value: code, selected: code === t.locale }, languageNames[code])));
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    location.assign(url.toString());
  });
  fill(byId('site-header'),
    h('a', { class: 'brand', href: '/' }, 'Deliberation'),
    h('nav', { 'aria-label': t.t('common.mainNavigation') }, ...(options.nav?.(t) ?? []), select));
  fill(byId('site-footer'), t.t('common.footer'));
  return t;
}

export function setTitle(...parts: string[]): void {
  document.title = [...parts.filter(Boolean), 'Deliberation'].join(' · ');
}

/** A page-level failure (not found, offline…) replacing the main content, announced to screen readers. */
export function showFatal(t: Translator, message: string): void {
  fill(byId('main'), h('div', { class: 'notice error', role: 'alert' }, message), h('p', null, h('a', { href: '/' }, t.t('common.backHome'))));
}
