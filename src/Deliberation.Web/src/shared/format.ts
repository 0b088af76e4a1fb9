// Small pure helpers shared by the pages (formatting, counting, ordering).

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * Characters as a person counts them — and as the server does (text elements): an emoji with its skin tone or a
 * Chinese character is one, whatever UTF-16 says.
 */
export function characterCount(text: string): number {
  let count = 0;
  if (graphemes) {
    for (const _ of graphemes.segment(text)) count++;
  } else {
    for (const _ of text) count++;
  }
  return count;
}

/** The state of a character counter: fine, close to the limit (last 10%), or over it. */
export function counterState(length: number, limit: number): 'ok' | 'near' | 'over' {
  if (length > limit) return 'over';
  return length >= Math.floor(limit * 0.9) ? 'near' : 'ok';
}

/** Group letters A, B, C… (then AA, AB… past Z, though the math caps groups far below that). */
export function groupLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/** Votes per minute from (time ms, cumulative votes) samples over the last window; null with too little data. */
export function ratePerMinute(samples: readonly { at: number; total: number }[], windowMs = 5 * 60_000): number | null {
  if (samples.length < 2) return null;
  const last = samples[samples.length - 1];
  const first = samples.find((s) => s.at >= last.at - windowMs) ?? samples[0];
  const minutes = (last.at - first.at) / 60_000;
  if (minutes <= 0 || first === last) return null;
  return Math.max(0, (last.total - first.total) / minutes);
}

/** Sort helper for tables: numbers and strings, nulls last, stable. */
export function sortBy<T>(items: readonly T[], key: (item: T) => number | string | null | undefined, descending = false): T[] {
  const direction = descending ? -1 : 1;
  return items
    .map((item, index) => ({ item, index, value: key(item) }))
    .sort((a, b) => {
      if (a.value === b.value) return a.index - b.index;
      if (a.value === null || a.value === undefined) return 1;
      if (b.value === null || b.value === undefined) return -1;
      const compared = typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : String(a.value).localeCompare(String(b.value));
      return compared === 0 ? a.index - b.index : compared * direction;
    })
    .map((x) => x.item);
}

/** The seed statements a facilitator typed, one a line: trimmed, blank lines and exact repeats dropped. */
export function parseSeedLines(text: string): string[] {
  const seen = new Set<string>();
  const seeds: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const key = line.toLocaleLowerCase();
    if (!line || seen.has(key)) continue;
    seen.add(key);
    seeds.push(line);
  }
  return seeds;
}

/** The conversation id in /c/{id} or /r/{id} (12 base-62 characters today, any URL-safe id accepted). */
export function conversationIdFromPath(pathname: string): string | null {
  const match = /^\/[cr]\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return match ? match[1] : null;
}
