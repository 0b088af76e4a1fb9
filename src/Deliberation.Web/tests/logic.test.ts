import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from '../src/shared/api';
import { extent, linePath, linearScale, niceTicks, polygonPath } from '../src/shared/chart';
import type { StatementView } from '../src/shared/contracts';
import { embedFrameUrl, isHeightMessage, optionsFromDataset } from '../src/shared/embed-core';
import { embedSnippet, readPageOptions } from '../src/shared/embedding';
import { characterCount, conversationIdFromPath, counterState, groupLetter, parseSeedLines, ratePerMinute, sortBy } from '../src/shared/format';
import { groupStyle, shapePath } from '../src/shared/groups';
import { createTranslator } from '../src/shared/i18n';
import { problemMessage } from '../src/shared/problems';
import { qrPath } from '../src/shared/qr';
import { VoteSession } from '../src/shared/vote-session';

const statement = (id: number): StatementView => ({ id, number: id, text: `S${id}`, moderation: 'accepted', isSeed: true, isMine: false, createdAt: '' });
const progress = (voted: number, total = 3) => ({ voted, total, remaining: total - voted });

describe('vote session', () => {
  it('moves through statements and lets the last vote be changed', () => {
    const session = new VoteSession();
    session.arrive(statement(1), progress(0));
    expect(session.shown).toEqual({ statement: statement(1), previous: null });
    expect(session.canRevisit).toBe(false);

    session.voted(statement(1), 'agree', statement(2), progress(1));
    expect(session.shown?.statement.id).toBe(2);
    session.revisitLast();
    expect(session.revisiting).toBe(true);
    expect(session.shown).toEqual({ statement: statement(1), previous: 'agree' });

    session.voted(statement(1), 'disagree', statement(2), progress(1));
    expect(session.revisiting).toBe(false);
    expect(session.lastVote).toEqual({ statement: statement(1), value: 'disagree' });
    expect(session.shown?.statement.id).toBe(2);

    session.revisitLast();
    session.cancelRevisit();
    expect(session.shown?.statement.id).toBe(2);
    session.voted(statement(2), 'pass', null, progress(2, 2));
    expect(session.shown).toBeNull();
    expect(session.canRevisit).toBe(true);
  });

  it('can show a particular statement, with the vote already cast on it', () => {
    const session = new VoteSession();
    session.voted(statement(7), 'agree', statement(8), progress(1));
    session.show(statement(7));
    expect(session.shown).toEqual({ statement: statement(7), previous: 'agree' });
    session.voted(statement(7), 'pass', statement(8), progress(1));
    expect(session.shown?.statement.id).toBe(8);
  });
});

describe('formatting', () => {
  it('counts characters as people do', () => {
    expect(characterCount('héllo')).toBe(5);
    expect(characterCount('👍🏽 ok')).toBe(4);
    expect(characterCount('公園預算')).toBe(4);
  });

  it('warns near and over the limit', () => {
    expect(counterState(10, 280)).toBe('ok');
    expect(counterState(252, 280)).toBe('near');
    expect(counterState(281, 280)).toBe('over');
  });

  it('letters groups A, B, … Z, AA', () => {
    expect([0, 1, 25, 26, 27].map(groupLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('computes votes per minute over a window', () => {
    expect(ratePerMinute([{ at: 0, total: 0 }])).toBeNull();
    expect(ratePerMinute([{ at: 0, total: 10 }, { at: 60_000, total: 70 }])).toBe(60);
    expect(ratePerMinute([{ at: 0, total: 0 }, { at: 10 * 60_000, total: 1000 }, { at: 11 * 60_000, total: 1030 }], 5 * 60_000)).toBe(30);
  });

  it('sorts stably with nulls last in both directions', () => {
    const rows = [{ v: 2 }, { v: null }, { v: 1 }, { v: 2 }];
    expect(sortBy(rows, (r) => r.v).map((r) => r.v)).toEqual([1, 2, 2, null]);
    expect(sortBy(rows, (r) => r.v, true).map((r) => r.v)).toEqual([2, 2, 1, null]);
  });

  it('reads seed lines', () => {
    expect(parseSeedLines(' One \n\nTwo\none\r\nThree ')).toEqual(['One', 'Two', 'Three']);
  });

  it('finds the conversation id in the address', () => {
    expect(conversationIdFromPath('/c/AbC123xyz789')).toBe('AbC123xyz789');
    expect(conversationIdFromPath('/r/AbC123xyz789/')).toBe('AbC123xyz789');
    expect(conversationIdFromPath('/c/')).toBeNull();
    expect(conversationIdFromPath('/c/a/b')).toBeNull();
  });
});

describe('embedding', () => {
  it('builds the frame address from the snippet options and reads them back', () => {
    const url = embedFrameUrl('https://deliberation.example', 'AbC123xyz789', { xid: 'user 42', showMap: false, allowWriting: false, lang: 'de' });
    expect(url).toBe('https://deliberation.example/c/AbC123xyz789?embed=1&xid=user+42&map=0&write=0&lang=de');
    expect(readPageOptions(new URL(url).search)).toEqual({ embedded: true, xid: 'user 42', showMap: false, allowWriting: false });
    expect(readPageOptions('')).toEqual({ embedded: false, xid: null, showMap: true, allowWriting: true });
  });

  it('reads data attributes', () => {
    expect(optionsFromDataset({ conversation: ' abc ', xid: 'u1', showMap: 'false', allowWriting: 'true' })).toEqual({
      conversationId: 'abc', options: { xid: 'u1', showMap: false, allowWriting: true, lang: null },
    });
  });

  it('escapes the snippet', () => {
    expect(embedSnippet('https://d.example', 'abc', { xid: '"><script>', showMap: false }))
      .toBe('<div class="deliberation-embed" data-conversation="abc" data-xid="&quot;&gt;&lt;script&gt;" data-show-map="false"></div><script async src="https://d.example/embed.js"></script>');
  });

  it('accepts only well-formed height messages', () => {
    expect(isHeightMessage({ type: 'deliberation:height', conversationId: 'a', height: 500 })).toBe(true);
    expect(isHeightMessage({ type: 'deliberation:height', conversationId: 'a', height: -1 })).toBe(false);
    expect(isHeightMessage('x')).toBe(false);
  });
});

describe('charts and groups', () => {
  it('scales linearly, also a flat domain', () => {
    const x = linearScale([0, 10], [0, 100]);
    expect(x(5)).toBe(50);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('makes round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 97, 4)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  it('pads extents and draws paths with gaps', () => {
    expect(extent([])).toEqual([0, 1]);
    expect(extent([2, 2])).toEqual([1, 3]);
    expect(extent([0, 10], 0.1)).toEqual([-1, 11]);
    expect(linePath([{ x: 0, y: 0 }, { x: 1, y: NaN }, { x: 2, y: 2 }, { x: 3, y: 3 }])).toBe('M0,0M2,2L3,3');
    expect(polygonPath([[0, 0], [1, 0], [0, 1]])).toBe('M0,0L1,0L0,1Z');
  });

  it('gives every group a letter, a colour and a distinct shape', () => {
    const styles = [0, 1, 2, 3, 4, 5].map(groupStyle);
    expect(styles.map((s) => s.letter).join('')).toBe('ABCDEF');
    expect(new Set(styles.map((s) => s.shape)).size).toBe(6);
    expect(new Set(styles.map((s) => s.color)).size).toBe(6);
    for (const s of styles) expect(shapePath(s.shape, 5)).toMatch(/^M.*Z$/);
  });

  it('draws QR modules as merged runs', () => {
    expect(qrPath([[true, true, false, true], [false, false, false, false]])).toBe('M0,0h2v1h-2zM3,0h1v1h-1z');
  });
});

describe('problems', () => {
  const t = createTranslator('en');

  it('turns problem types into sentences', () => {
    expect(problemMessage(t, new ApiError({ type: '/problems/rate-limited', status: 429, retryAfterSeconds: 30 }))).toBe('Too many requests. Please wait 30 seconds and try again.');
    expect(problemMessage(t, new ApiError({ type: '/problems/conversation-closed', status: 409 }))).toContain('closed');
    expect(problemMessage(t, new ApiError({ type: '/problems/validation', status: 400, errors: { text: ['Too long.'] } }))).toBe('Please check what you entered. Too long.');
    expect(problemMessage(t, new ApiError({ type: '/problems/something-new', status: 503 }))).toBe(t.t('problem.internal'));
    expect(problemMessage(t, new Error('x'))).toBe(t.t('problem.unknown'));
  });

  it('reads a problem body, or makes one from the status', () => {
    const headers = new Headers({ 'Retry-After': '7' });
    expect(toProblem({ status: 409, headers }, '{"type":"/problems/duplicate-statement","existingStatementId":3}'))
      .toEqual({ type: '/problems/duplicate-statement', existingStatementId: 3, status: 409 });
    expect(toProblem({ status: 429, headers }, 'busy')).toEqual({ type: '/problems/rate-limited', status: 429, retryAfterSeconds: 7 });
  });
});
