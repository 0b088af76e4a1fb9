// Embedding a conversation in another site: the snippet a facilitator copies and the options the participant page
// reads back from its address (embed-core.ts builds that address).

import type { EmbedOptions } from './embed-core';

export type { EmbedOptions };

export interface PageOptions {
  embedded: boolean;
  xid: string | null;
  showMap: boolean;
  allowWriting: boolean;
}

const falsy = new Set(['0', 'false', 'no', 'off']);

export function readPageOptions(search: string): PageOptions {
  const q = new URLSearchParams(search);
  const flag = (name: string) => { const v = q.get(name); return v === null ? true : !falsy.has(v.toLowerCase()); };
  const xid = q.get('xid')?.trim();
  return {
    embedded: q.get('embed') === '1',
    xid: xid ? xid.slice(0, 256) : null,
    showMap: flag('map'),
    allowWriting: flag('write'),
  };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The one-line snippet a facilitator pastes into another site. */
export function embedSnippet(origin: string, conversationId: string, options: EmbedOptions = {}): string {
  const attributes = [`data-conversation="${escapeAttribute(conversationId)}"`];
  if (options.xid) attributes.push(`data-xid="${escapeAttribute(options.xid)}"`);
  if (options.showMap === false) attributes.push('data-show-map="false"');
  if (options.allowWriting === false) attributes.push('data-allow-writing="false"');
  if (options.lang) attributes.push(`data-lang="${escapeAttribute(options.lang)}"`);
  return `<div class="deliberation-embed" ${attributes.join(' ')}></div><script async src="${escapeAttribute(new URL('/embed.js', origin).toString())}"></script>`;
}

