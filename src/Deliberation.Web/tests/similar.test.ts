import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimilarLookup, normaliseDraft, type SimilarItem, type SimilarState } from '../src/shared/similar';

const item = (statementId: number, score: number): SimilarItem => ({ statementId, number: statementId, text: `S${statementId}`, score });

/** A fake server: each call waits until the test answers it. */
function fakeServer() {
  const calls: { text: string; signal: AbortSignal; resolve(items: SimilarItem[]): void; reject(error: unknown): void }[] = [];
  const fetch = (text: string, signal: AbortSignal) => new Promise<SimilarItem[]>((resolve, reject) => {
    calls.push({ text, signal, resolve, reject });
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
  return { calls, fetch };
}

function setUp(options: Partial<ConstructorParameters<typeof SimilarLookup>[0]> = {}) {
  const server = fakeServer();
  const states: SimilarState[] = [];
  const lookup = new SimilarLookup({ fetch: server.fetch, onChange: (s) => states.push(s), ...options });
  return { server, states, lookup };
}

describe('similar statements while writing', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('asks once typing pauses, not on every keystroke', async () => {
    const { server, lookup } = setUp();
    for (const draft of ['More', 'More t', 'More trees', 'More trees in the park']) {
      lookup.update(draft);
      vi.advanceTimersByTime(100);
    }
    expect(server.calls).toHaveLength(0);
    expect(lookup.state.status).toBe('waiting');
    vi.advanceTimersByTime(400);
    expect(server.calls.map((c) => c.text)).toEqual(['More trees in the park']);
    expect(lookup.state.status).toBe('loading');
    server.calls[0].resolve([item(1, 0.9)]);
    await vi.runAllTimersAsync();
    expect(lookup.state).toEqual({ text: 'More trees in the park', status: 'done', items: [item(1, 0.9)] });
  });

  it('shows only strong enough matches, best first', async () => {
    const { server, lookup } = setUp({ minScore: 0.3 });
    lookup.update('Benches in the shade');
    vi.advanceTimersByTime(400);
    server.calls[0].resolve([item(2, 0.31), item(3, 0.1), item(4, 0.8)]);
    await vi.runAllTimersAsync();
    expect(lookup.state.items.map((i) => i.statementId)).toEqual([4, 2]);
  });

  it('does not look up short drafts and clears the list for them', async () => {
    const { server, lookup, states } = setUp({ minLength: 5 });
    lookup.update('公園');
    vi.advanceTimersByTime(1000);
    expect(server.calls).toHaveLength(0);
    expect(lookup.state).toEqual({ text: '公園', status: 'idle', items: [] });

    lookup.update('公園預算不夠');
    vi.advanceTimersByTime(400);
    server.calls[0].resolve([item(1, 0.7)]);
    await vi.runAllTimersAsync();
    expect(lookup.state.items).toHaveLength(1);
    lookup.update('公園');
    expect(lookup.state.items).toEqual([]);
    expect(states.at(-1)?.status).toBe('idle');
  });

  it('drops the answer to an older draft and aborts its request', async () => {
    const { server, lookup } = setUp();
    lookup.update('Longer opening hours');
    vi.advanceTimersByTime(400);
    lookup.update('Longer opening hours in summer');
    vi.advanceTimersByTime(400);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[0].signal.aborted).toBe(true);
    server.calls[1].resolve([item(5, 0.6)]);
    await vi.runAllTimersAsync();
    expect(lookup.state).toEqual({ text: 'Longer opening hours in summer', status: 'done', items: [item(5, 0.6)] });
  });

  it('checks at once before posting, and reuses what it already found', async () => {
    const { server, lookup } = setUp();
    lookup.update('A quiet corner with benches');
    const checked = lookup.check('  A quiet   corner with benches ');
    expect(server.calls).toHaveLength(1);
    server.calls[0].resolve([item(7, 0.95)]);
    expect(await checked).toEqual([item(7, 0.95)]);
    vi.advanceTimersByTime(1000);
    expect(server.calls).toHaveLength(1);

    // Typing back to a draft already looked up shows its answer without asking again.
    lookup.update('A quiet corner with benches!');
    vi.advanceTimersByTime(400);
    server.calls[1].resolve([]);
    await vi.runAllTimersAsync();
    expect(lookup.state.items).toEqual([]);
    lookup.update('A quiet corner with benches');
    expect(lookup.state).toEqual({ text: 'A quiet corner with benches', status: 'done', items: [item(7, 0.95)] });
    expect(server.calls).toHaveLength(2);
  });

  it('shows nothing when the service fails, and forgets everything once cleared', async () => {
    const { server, lookup } = setUp();
    lookup.update('Free parking downtown');
    vi.advanceTimersByTime(400);
    server.calls[0].reject(new Error('429'));
    await vi.runAllTimersAsync();
    expect(lookup.state).toEqual({ text: 'Free parking downtown', status: 'error', items: [] });

    lookup.update('Free parking downtown please');
    vi.advanceTimersByTime(400);
    server.calls[1].resolve([item(1, 0.5)]);
    await vi.runAllTimersAsync();
    lookup.clear();
    expect(lookup.state).toEqual({ text: '', status: 'idle', items: [] });
    lookup.update('Free parking downtown please');
    vi.advanceTimersByTime(400);
    expect(server.calls).toHaveLength(3);
  });

  it('compares drafts with white space normalised', () => {
    expect(normaliseDraft('  two\n\nlines\t here ')).toBe('two lines here');
  });
});
