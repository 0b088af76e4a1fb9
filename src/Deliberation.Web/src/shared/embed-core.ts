// What /embed.js needs, and nothing else: it runs on other sites as a classic script, so it must not share a chunk
// (an ES import) with the pages. The host page's data-* attributes become the iframe's participant page address.

const falsy = new Set(['0', 'false', 'no', 'off']);

export interface EmbedOptions {
  /** An external participant id from the host site (its own user id), so a person is the same participant everywhere. */
  xid?: string | null;
  showMap?: boolean;
  allowWriting?: boolean;
  lang?: string | null;
}

/** The participant page address for an embed (what embed.js puts in the iframe). */
export function embedFrameUrl(origin: string, conversationId: string, options: EmbedOptions): string {
  const url = new URL(`/c/${encodeURIComponent(conversationId)}`, origin);
  url.searchParams.set('embed', '1');
  if (options.xid) url.searchParams.set('xid', options.xid);
  if (options.showMap === false) url.searchParams.set('map', '0');
  if (options.allowWriting === false) url.searchParams.set('write', '0');
  if (options.lang) url.searchParams.set('lang', options.lang);
  return url.toString();
}

/** Reads a snippet element's data-* attributes (data-conversation, data-xid, data-show-map, data-allow-writing, data-lang). */
export function optionsFromDataset(dataset: DOMStringMap): { conversationId: string | null; options: EmbedOptions } {
  const bool = (value: string | undefined) => (value === undefined ? undefined : !falsy.has(value.toLowerCase()));
  return {
    conversationId: dataset.conversation?.trim() || null,
    options: { xid: dataset.xid || null, showMap: bool(dataset.showMap), allowWriting: bool(dataset.allowWriting), lang: dataset.lang || null },
  };
}

/** Height messages the embedded page posts to its parent so the iframe fits its content. */
export interface HeightMessage { type: 'deliberation:height'; conversationId: string; height: number }

export function isHeightMessage(data: unknown): data is HeightMessage {
  const m = data as Partial<HeightMessage> | null;
  return !!m && m.type === 'deliberation:height' && typeof m.conversationId === 'string' && typeof m.height === 'number'
    && Number.isFinite(m.height) && m.height > 0 && m.height < 100_000;
}
