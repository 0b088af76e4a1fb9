// A small, safe Markdown subset for conversation descriptions: paragraphs, headings, lists, quotes, bold, italic,
// inline code and links. Parsing yields a tree of plain data; rendering builds DOM nodes with text nodes only, so no
// input can inject markup, scripts or styles. Links are kept only for http(s) and mailto addresses.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

export type Block =
  | { type: 'p'; children: Inline[] }
  | { type: 'h'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'ul' | 'ol'; items: Inline[][] }
  | { type: 'quote'; children: Inline[] };

const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/;
const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const quote = /^\s*>\s?(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') { i++; continue; }
    const hm = heading.exec(line);
    if (hm) {
      const level = Math.min(3, hm[1].length) as 1 | 2 | 3;
      blocks.push({ type: 'h', level, children: parseInline(hm[2]) });
      i++;
      continue;
    }
    const list = bullet.test(line) ? { pattern: bullet, type: 'ul' as const } : numbered.test(line) ? { pattern: numbered, type: 'ol' as const } : null;
    if (list) {
      const items: Inline[][] = [];
      while (i < lines.length && list.pattern.test(lines[i])) items.push(parseInline(list.pattern.exec(lines[i++])![1]));
      blocks.push({ type: list.type, items });
      continue;
    }
    if (quote.test(line)) {
      const parts: string[] = [];
      while (i < lines.length && quote.test(lines[i])) parts.push(quote.exec(lines[i++])![1]);
      blocks.push({ type: 'quote', children: parseInline(parts.join('\n')) });
      continue;
    }
    const parts: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !heading.test(lines[i]) && !bullet.test(lines[i])
      && !numbered.test(lines[i]) && !quote.test(lines[i])) {
      parts.push(lines[i++]);
    }
    blocks.push({ type: 'p', children: parseInline(parts.join('\n')) });
  }
  return blocks;
}

/** Only web and mail links survive; everything else (javascript:, data:, relative tricks) stays text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"']+$/i.test(trimmed) ? trimmed : null;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => { if (buffer) { out.push({ type: 'text', text: buffer }); buffer = ''; } };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#>+\-.!]/.test(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') { flush(); out.push({ type: 'br' }); i++; continue; }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) { flush(); out.push({ type: 'code', text: text.slice(i + 1, end) }); i = end + 1; continue; }
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) { flush(); out.push({ type: 'strong', children: parseInline(strong[2]) }); i += strong[0].length; continue; }
    const em = /^(\*|_)(?=\S)([\s\S]*?\S)\1(?![*_])/.exec(rest);
    if (em && (c === '*' || i === 0 || !/\w/.test(text[i - 1]))) {
      flush(); out.push({ type: 'em', children: parseInline(em[2]) }); i += em[0].length; continue;
    }
    const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      const href = safeHref(link[2]);
      flush();
      if (href) out.push({ type: 'link', href, children: parseInline(link[1]) });
      else out.push(...parseInline(link[1]));
      i += link[0].length;
      continue;
    }
    const auto = /^https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]/.exec(rest);
    if (auto && (i === 0 || /\s|\(/.test(text[i - 1]))) {
      flush(); out.push({ type: 'link', href: auto[0], children: [{ type: 'text', text: auto[0] }] }); i += auto[0].length; continue;
    }
    buffer += c;
    i++;
  }
  flush();
  return out;
}

export function renderMarkdown(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of parseMarkdown(source)) fragment.appendChild(renderBlock(block));
  return fragment;
}

function renderBlock(block: Block): HTMLElement {
  switch (block.type) {
    case 'p': return withInlines(document.createElement('p'), block.children);
    // Headings inside a description sit below the page's own h1/h2.
    case 'h': return withInlines(document.createElement(`h${block.level + 2}` as 'h3'), block.children);
    case 'quote': return withInlines(document.createElement('blockquote'), block.children);
    case 'ul':
    case 'ol': {
      const list = document.createElement(block.type);
      for (const item of block.items) list.appendChild(withInlines(document.createElement('li'), item));
      return list;
    }
  }
}

function withInlines<T extends HTMLElement>(el: T, inlines: Inline[]): T {
  for (const inline of inlines) el.appendChild(renderInline(inline));
  return el;
}

function renderInline(inline: Inline): Node {
  switch (inline.type) {
    case 'text': return document.createTextNode(inline.text);
    case 'br': return document.createElement('br');
    case 'code': { const code = document.createElement('code'); code.textContent = inline.text; return code; }
    case 'strong':
    case 'em': return withInlines(document.createElement(inline.type), inline.children);
    case 'link': {
      const a = withInlines(document.createElement('a'), inline.children);
      a.href = inline.href;
      a.rel = 'noopener noreferrer nofollow ugc';
      a.target = '_blank';
      return a;
    }
  }
}

/** Plain text of a Markdown source, for places that show a short excerpt. */
export function markdownToText(source: string, maxLength = 200): string {
  const text = parseMarkdown(source).map(blockText).join(' ').replace(/\s+/g, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

function blockText(block: Block): string {
  return 'items' in block ? block.items.map(inlineText).join(' ') : inlineText(block.children);
}

function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.type === 'text' || i.type === 'code' ? i.text : i.type === 'br' ? ' ' : inlineText(i.children))).join('');
}
