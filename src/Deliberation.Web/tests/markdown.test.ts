import { describe, expect, it } from 'vitest';
import { markdownToText, parseInline, parseMarkdown, renderMarkdown, safeHref } from '../src/shared/markdown';

const html = (source: string) => {
  const div = document.createElement('div');
  div.appendChild(renderMarkdown(source));
  return div.innerHTML;
};

describe('markdown', () => {
  it('renders paragraphs, emphasis, code, lists and headings', () => {
    expect(html('Tell us **what matters** to *you*.')).toBe('<p>Tell us <strong>what matters</strong> to <em>you</em>.</p>');
    expect(html('- one\n- two\n\n1. first\n2. second')).toBe('<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>');
    expect(html('# Title\ntext `a<b>`')).toBe('<h3>Title</h3><p>text <code>a&lt;b&gt;</code></p>');
    expect(html('> quoted\n> more')).toBe('<blockquote>quoted<br>more</blockquote>');
  });

  it('never turns input into markup', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> **<b>bold</b>**');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>');
  });

  it('keeps only web and mail links, opened safely', () => {
    expect(html('[ok](https://example.org/a?b=1)')).toBe('<p><a href="https://example.org/a?b=1" rel="noopener noreferrer nofollow ugc" target="_blank">ok</a></p>');
    expect(html('[bad](javascript:alert(1))')).not.toContain('<a');
    expect(html('[data](data:text/html,hi)')).not.toContain('<a');
    expect(safeHref(' mailto:team@example.org ')).toBe('mailto:team@example.org');
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('https://example.org/"onmouseover=x')).toBeNull();
  });

  it('links bare addresses and leaves trailing punctuation out', () => {
    expect(parseInline('see https://example.org/x.')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://example.org/x', children: [{ type: 'text', text: 'https://example.org/x' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('does not treat snake_case words as emphasis and honours escapes', () => {
    expect(html('a snake_case_name here')).toBe('<p>a snake_case_name here</p>');
    expect(html('\\*not em\\*')).toBe('<p>*not em*</p>');
  });

  it('parses blank input to nothing and gives plain text excerpts', () => {
    expect(parseMarkdown('  \n\n ')).toEqual([]);
    expect(markdownToText('# Hi\n\nThis is **bold** and [a link](https://x.org).')).toBe('Hi This is bold and a link.');
    expect(markdownToText('x'.repeat(300), 10)).toBe('xxxxxxxxx…');
  });
});
