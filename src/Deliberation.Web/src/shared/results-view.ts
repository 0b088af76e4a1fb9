// Drawing results: the opinion map (SVG, with the group list as its text alternative), common ground (bridging),
// each group's representative statements, majority opinions, and the connection state.
import { extent, linearScale, polygonPath } from './chart';
import { h, s } from './dom';
import { groupStyle, shapePath } from './groups';
import type { Translator } from './i18n';
import type { ConnectionState } from './live';
import type { MyResultsView, ResultsView } from './results-contracts';

export type TextOf = (statementId: number) => string | undefined;

const width = 400;
const height = 300;
const pad = 24;

export function groupSymbol(index: number, size = 16): SVGSVGElement {
  const style = groupStyle(index);
  return s('svg', { viewBox: `${-size / 2} ${-size / 2} ${size} ${size}`, 'aria-hidden': 'true', focusable: 'false', class: 'group-symbol' },
    s('path', { d: shapePath(style.shape, size / 2 - 1), fill: style.color, stroke: '#1b1f24', 'stroke-width': 1 }));
}

export function groupChip(t: Translator, index: number, label: string): HTMLElement {
  return h('span', { class: 'group-chip' }, groupSymbol(index), t.t('results.group', { label }));
}

/** The map: base clusters as dots sized by members, group outlines with their letters, and "you are here". */
export function renderMap(t: Translator, results: ResultsView, me?: MyResultsView | null): HTMLElement {
  const xs = [...results.baseClusters.map((c) => c.x), ...results.groups.flatMap((g) => g.hull.map((p) => p.x))];
  const ys = [...results.baseClusters.map((c) => c.y), ...results.groups.flatMap((g) => g.hull.map((p) => p.y))];
  const x = linearScale(extent(xs, 0.08), [pad, width - pad]);
  const y = linearScale(extent(ys, 0.08), [height - pad, pad]);
  const maxSize = Math.max(1, ...results.baseClusters.map((c) => c.size));
  const radius = (size: number) => 3 + 9 * Math.sqrt(size / maxSize);
  const groupIndex = new Map(results.groups.map((g, i) => [g.id, i]));
  const captionId = `map-caption-${results.conversationId}`;

  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': captionId, class: 'map' },
    results.groups.map((g, i) => {
      const style = groupStyle(i);
      return s('g', { class: `group ${style.className}` },
        g.hull.length >= 3
          ? s('path', { d: polygonPath(g.hull.map((p) => [x(p.x), y(p.y)])), fill: style.color, 'fill-opacity': 0.14, stroke: style.color, 'stroke-width': 2, 'stroke-dasharray': i % 2 ? '6 3' : null })
          : null);
    }),
    results.baseClusters.map((c) => {
      const index = c.group === null ? null : groupIndex.get(c.group) ?? null;
      const style = index === null ? null : groupStyle(index);
      return s('g', { transform: `translate(${x(c.x).toFixed(1)},${y(c.y).toFixed(1)})` },
        s('path', { d: shapePath(style?.shape ?? 'circle', radius(c.size)), fill: style?.color ?? '#8a939d', 'fill-opacity': 0.75, stroke: '#1b1f24', 'stroke-width': 0.75 }));
    }),
    results.groups.map((g, i) => s('text', { x: x(g.x), y: y(g.y), class: 'group-label', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, groupStyle(i).letter)),
    me && me.x !== null && me.y !== null
      ? s('g', { transform: `translate(${x(me.x).toFixed(1)},${y(me.y).toFixed(1)})`, class: 'you' },
        s('circle', { r: 7, fill: 'none', stroke: '#1b1f24', 'stroke-width': 3 }),
        s('text', { x: 10, y: 4, class: 'you-label' }, t.t('results.you')))
      : null);

  const caption = h('figcaption', { id: captionId },
    h('span', { class: 'visually-hidden' }, `${t.t('results.mapTitle')}. `),
    h('ul', { class: 'group-legend' }, results.groups.map((g, i) =>
      h('li', null, groupChip(t, i, groupStyle(i).letter), ' ', t.tn('results.people', g.size),
        me?.group === g.id ? ` — ${t.t('results.yourGroup')}` : ''))));
  return h('figure', { class: 'map-figure' }, svg, caption);
}

function percentBar(agree: number, disagree: number, seen: number): HTMLElement {
  const bar = h('span', { class: 'agree-bar', 'aria-hidden': 'true' }, h('span', { class: 'a' }), h('span', { class: 'd' }), h('span', { class: 'p' }));
  const total = Math.max(1, seen);
  const [a, d, p] = bar.children as unknown as HTMLElement[];
  a.style.width = `${(100 * agree) / total}%`;
  d.style.width = `${(100 * disagree) / total}%`;
  p.style.width = `${(100 * Math.max(0, seen - agree - disagree)) / total}%`;
  return bar;
}

export { percentBar };

/** Statements every group tends to agree with, first, with one plain sentence of what that means. */
export function renderBridging(t: Translator, results: ResultsView, textOf: TextOf, limit = 5): HTMLElement {
  const items = results.bridging.slice(0, limit);
  return h('section', { class: 'bridging', 'aria-labelledby': `bridging-${results.conversationId}` },
    h('h3', { id: `bridging-${results.conversationId}` }, t.t('results.bridgingHeading')),
    h('p', { class: 'muted small' }, t.t('results.bridgingExplained')),
    items.length === 0
      ? h('p', { class: 'muted' }, t.t('results.noBridging'))
      : h('ol', { class: 'statement-list' }, items.map((b) => h('li', { 'data-statement-id': b.statementId },
        h('p', null, textOf(b.statementId) ?? `#${b.statementId}`),
        h('p', { class: 'small muted' }, b.groupAgreePercent.map((p, i) =>
          h('span', { class: 'group-chip' }, groupSymbol(i), `${groupStyle(i).letter} ${t.percent(p / 100)} `)))))));
}

export function renderGroups(t: Translator, results: ResultsView, textOf: TextOf, me?: MyResultsView | null, perGroup = 3): HTMLElement {
  return h('div', { class: 'groups' }, results.groups.map((g, i) => h('section', { class: 'group-card', 'aria-labelledby': `group-${results.conversationId}-${g.id}` },
    h('h3', { id: `group-${results.conversationId}-${g.id}` }, groupChip(t, i, groupStyle(i).letter), ' · ', t.tn('results.people', g.size),
      me?.group === g.id ? h('span', { class: 'badge' }, t.t('results.yourGroup')) : null),
    h('ul', { class: 'statement-list' }, g.representative.slice(0, perGroup).map((r) => h('li', null,
      h('p', null, textOf(r.statementId) ?? `#${r.statementId}`),
      h('p', { class: 'small' }, t.t(r.direction === 'agree' ? 'results.groupAgrees' : 'results.groupDisagrees', { percent: t.percent(r.percent / 100) })),
      percentBar(r.inGroup.a, r.inGroup.d, r.inGroup.s)))))));
}

export function renderMajority(t: Translator, results: ResultsView, textOf: TextOf, limit = 5): HTMLElement {
  const rows = [
    ...results.majorityAgree.map((m) => ({ m, key: 'results.majorityAgrees' })),
    ...results.majorityDisagree.map((m) => ({ m, key: 'results.majorityDisagrees' })),
  ].slice(0, limit);
  return h('section', { 'aria-labelledby': `majority-${results.conversationId}` },
    h('h3', { id: `majority-${results.conversationId}` }, t.t('results.majorityHeading')),
    rows.length === 0 ? h('p', { class: 'muted' }, t.t('results.noMajority')) : h('ul', { class: 'statement-list' }, rows.map(({ m, key }) => h('li', null,
      h('p', null, textOf(m.statementId) ?? `#${m.statementId}`),
      h('p', { class: 'small' }, t.t(key, { percent: t.percent(m.percent / 100) })),
      percentBar(m.votes.a, m.votes.d, m.votes.s)))));
}

/** A small "Live / Reconnecting / Offline" indicator, announced politely. */
export function connectionIndicator(t: Translator): { element: HTMLElement; set(state: ConnectionState): void } {
  const element = h('span', { class: 'connection', role: 'status', 'data-state': 'connecting' }, t.t('live.connecting'));
  return {
    element,
    set: (state) => {
      element.dataset.state = state;
      element.textContent = t.t(`live.${state}`);
    },
  };
}
