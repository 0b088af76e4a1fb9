// The data exports of issue 5 (Polis format), as links: the facilitator's own route, or the public one when the
// conversation is open data; nothing for anyone else.
import { h } from './dom';
import type { Translator } from './i18n';

/** The export's files, in the order the server documents them (docs/research.md). */
export const exportFiles = [
  'summary.csv', 'comments.csv', 'votes.csv', 'participants-votes.csv', 'comment-groups.csv', 'math.json', 'polarisation-history.csv',
] as const;

export interface ExportLinks {
  /** Open data: anyone may download. Otherwise only the facilitator can (their own route). */
  isPublic: boolean;
  zip: string;
  files: { name: string; href: string }[];
}

/**
 * Which exports a viewer may download: the facilitator their own (which works whatever the settings), anyone else the
 * public ones of an open-data conversation; null when neither applies.
 */
export function exportLinks(conversationId: string, access: { isOpenData: boolean; isOwner: boolean }): ExportLinks | null {
  const id = encodeURIComponent(conversationId);
  const root = access.isOwner ? `/api/v1/manage/conversations/${id}/export` : access.isOpenData ? `/api/v1/conversations/${id}/export` : null;
  if (root === null) return null;
  return { isPublic: access.isOpenData, zip: root, files: exportFiles.map((name) => ({ name, href: `${root}/${name}` })) };
}

/** The zip as a button-like link, the single files behind a disclosure. */
export function renderExportLinks(t: Translator, links: ExportLinks, idPrefix: string): HTMLElement {
  return h('div', { class: 'exports', id: `${idPrefix}-exports` },
    h('p', { class: 'small muted' }, t.t('exports.intro')),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: links.zip, download: '', id: `${idPrefix}-export-zip` }, t.t('exports.zip'))),
    h('details', null,
      h('summary', null, t.t('exports.files')),
      h('ul', { class: 'export-files' }, links.files.map((f) => h('li', null, h('a', { href: f.href, download: f.name, 'data-export-file': f.name }, f.name))))),
    links.isPublic ? null : h('p', { class: 'hint' }, t.t('exports.ownerOnly')));
}
