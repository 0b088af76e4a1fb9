// The report /r/{id}: overview, map, majority, each group's statements, common ground ranked by group-informed
// consensus with the matrix-factorisation score beside it, areas of uncertainty, and every statement in a sortable,
// filterable table with per-group agreement bars (and a topic filter), and the data exports for whoever may have them.
// Public when the facilitator made it so (or to its facilitator).
import { get } from '../shared/api';
import type { ConversationView, TopicsView } from '../shared/contracts';
import { exportLinks, renderExportLinks } from '../shared/exports';
import { byId, fill, h } from '../shared/dom';
import { conversationIdFromPath, sortBy } from '../shared/format';
import { groupStyle } from '../shared/groups';
import { setTitle, showFatal, startPage } from '../shared/layout';
import { connectLive } from '../shared/live';
import { renderMarkdown } from '../shared/markdown';
import { problemMessage } from '../shared/problems';
import type { ResultsView, StatementStatsView } from '../shared/results-contracts';
import { groupSymbol, percentBar, renderGroups, renderMajority, renderMap } from '../shared/results-view';

const t = startPage({ nav: (t) => [h('a', { href: '/' }, t.t('common.home'))] });
const conversationId = conversationIdFromPath(location.pathname);
const api = `/api/v1/conversations/${encodeURIComponent(conversationId ?? '')}`;
const body = h('div', { id: 'report-body' });

async function main(): Promise<void> {
  if (!conversationId) { showFatal(t, t.t('problem.conversation-not-found')); return; }
  let conversation: ConversationView;
  try {
    conversation = await get<ConversationView>(api);
  } catch (error) {
    showFatal(t, problemMessage(t, error));
    return;
  }
  setTitle(t.t('report.title'), conversation.topic);
  const description = h('div', { class: 'description' });
  description.appendChild(renderMarkdown(conversation.description));
  const exports = h('section', { class: 'no-print', id: 'report-data', 'aria-labelledby': 'exports-title', hidden: true });
  fill(byId('main'),
    h('section', { class: 'card' },
      h('p', { class: 'muted small' }, t.t('report.title')),
      h('h1', null, conversation.topic), description,
      h('p', { class: 'actions no-print' }, h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t.t('report.print'))),
      exports),
    body);
  // Open data needs no sign-in; otherwise only the facilitator may see a private report or download the data.
  const owner = conversation.isOpenData && conversation.reportIsPublic ? false : await isOwner();
  const links = exportLinks(conversationId, { isOpenData: conversation.isOpenData, isOwner: owner });
  if (links) {
    fill(exports, h('h2', { id: 'exports-title' }, t.t('exports.heading')), renderExportLinks(t, links, 'report'));
    exports.hidden = false;
  }
  if (!conversation.reportIsPublic && !owner) {
    fill(body, h('p', { class: 'notice warn', id: 'report-private' }, t.t('report.notPublic')));
    return;
  }
  await load();
  // Live while the hub is reachable; every 30 s while it is not.
  let poll: number | undefined;
  connectLive(conversationId, {}, {
    resultsUpdated: (r) => { if (r.tick > shownTick) void load(); },
    state: (state) => {
      window.clearInterval(poll);
      if (state === 'disconnected') poll = window.setInterval(() => void load(), 30_000);
    },
  });
}

async function isOwner(): Promise<boolean> {
  try {
    await get(`/api/v1/manage/conversations/${encodeURIComponent(conversationId!)}`);
    return true;
  } catch {
    return false;
  }
}

let shownTick = -1;
let loading = false;
async function load(): Promise<void> {
  if (loading) return;
  loading = true;
  try {
    const results = await get<ResultsView>(`${api}/results`);
    if (results.tick <= shownTick) return;
    shownTick = results.tick;
    render(results);
    if (results.counts.statements !== topicsFor) void loadTopics(results.counts.statements);
  } catch (error) {
    fill(body, h('p', { class: 'notice error', role: 'alert' }, problemMessage(t, error)));
  } finally {
    loading = false;
  }
}

// Topics (issue 5: statements clustered by their words), fetched beside the results and again when statements change.
let topics: TopicsView | null = null;
let topicsFor = -1;
let onTopics: (() => void) | null = null;
async function loadTopics(statementCount: number): Promise<void> {
  topicsFor = statementCount;
  try {
    topics = await get<TopicsView>(`${api}/topics`);
    onTopics?.();
  } catch {
    // The table works without a topic filter.
  }
}

function render(results: ResultsView): void {
  if (results.tick === 0 || !results.statements) {
    fill(body, h('p', { class: 'notice', id: 'report-not-yet' }, t.t('report.notYet')));
    return;
  }
  const statements = results.statements;
  const byStatement = new Map(statements.map((s) => [s.statementId, s]));
  const textOf = (id: number) => byStatement.get(id)?.text;
  const grouped = results.groups.reduce((sum, g) => sum + g.size, 0);
  const stat = (label: string, value: number, id: string) => h('div', { class: 'stat', id }, h('div', { class: 'value' }, t.number(value)), h('div', { class: 'label' }, label));
  body.dataset.tick = String(results.tick);
  fill(body,
    h('section', { class: 'card', 'aria-labelledby': 'overview-title' },
      h('h2', { id: 'overview-title' }, t.t('report.overview')),
      h('div', { class: 'stat-grid' },
        stat(t.t('report.participants'), results.counts.participants, 'report-participants'),
        stat(t.t('report.grouped'), grouped, 'report-grouped'),
        stat(t.t('report.votes'), results.counts.votes, 'report-votes'),
        stat(t.t('report.statements'), results.counts.statements, 'report-statements')),
      h('p', { class: 'small muted' }, t.t('report.updated', { time: t.dateTime(results.computedAt) }))),
    h('div', { class: 'grid two' },
      h('section', { class: 'card', 'aria-labelledby': 'map-title' }, h('h2', { id: 'map-title' }, t.t('report.map')), renderMap(t, results)),
      h('section', { class: 'card' }, renderMajority(t, results, textOf, 10))),
    h('section', { class: 'card', 'aria-labelledby': 'groups-heading' }, h('h2', { id: 'groups-heading' }, t.t('report.groupsHeading')), renderGroups(t, results, textOf, null, 5)),
    bridgingTable(results, textOf),
    uncertainty(results, textOf),
    allStatements(statements));
}

function bridgingTable(results: ResultsView, textOf: (id: number) => string | undefined): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'bridging-title', id: 'report-bridging' },
    h('h2', { id: 'bridging-title' }, t.t('report.bridgingTable')),
    h('p', { class: 'small muted' }, t.t('report.bridgingTableExplained')),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'bridging-title' }, h('table', null,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t.t('report.col.statement')), h('th', { scope: 'col', class: 'num' }, t.t('report.col.gic')),
        h('th', { scope: 'col', class: 'num' }, t.t('report.col.mf')), h('th', { scope: 'col' }, t.t('report.col.groups')))),
      h('tbody', null, results.bridging.length === 0 ? h('tr', null, h('td', { colspan: 4, class: 'muted' }, t.t('results.noBridging'))) : results.bridging.map((b) => h('tr', null,
        h('td', null, textOf(b.statementId) ?? `#${b.statementId}`),
        h('td', { class: 'num' }, t.number(b.groupInformedConsensus, { maximumFractionDigits: 3 })),
        h('td', { class: 'num' }, t.number(b.intercept, { maximumFractionDigits: 3 })),
        h('td', null, b.groupAgreePercent.map((p, i) => h('span', { class: 'group-chip' }, groupSymbol(i), `${groupStyle(i).letter} ${t.percent(p / 100)} `)))))))));
}

function uncertainty(results: ResultsView, textOf: (id: number) => string | undefined): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'uncertainty-title' },
    h('h2', { id: 'uncertainty-title' }, t.t('report.uncertainty')),
    h('p', { class: 'small muted' }, t.t('report.uncertaintyExplained')),
    results.uncertainty.length === 0 ? h('p', { class: 'muted' }, t.t('report.noUncertainty')) : h('ul', { class: 'statement-list' }, results.uncertainty.slice(0, 10).map((u) => h('li', null,
      h('p', null, textOf(u.statementId) ?? `#${u.statementId}`),
      h('p', { class: 'small' }, t.t('report.passed', { percent: t.percent(u.passPercent / 100) }))))));
}

type Column = 'number' | 'votes' | 'agree' | 'gic' | 'mf';

/** The table's sorting and filters outlive a re-render (new results arrive live). */
const table = { column: 'gic' as Column, descending: true, text: '', topic: '' };

function allStatements(statements: StatementStatsView[]): HTMLElement {
  const filter = h('input', { type: 'search', id: 'statement-filter', value: table.text });
  const topicHolder = h('div', { class: 'topic-filter' });
  const shown = h('p', { class: 'small muted', id: 'statements-shown', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const agree = (s: StatementStatsView) => (s.votes.s ? s.votes.a / s.votes.s : 0);
  const key: Record<Column, (s: StatementStatsView) => number> = {
    number: (s) => s.number, votes: (s) => s.votes.s, agree, gic: (s) => s.groupInformedConsensusAgree, mf: (s) => s.bridging.intercept,
  };
  const head = h('tr');
  const inTopic = (): Set<number> | null => {
    const chosen = topics?.topics.find((x) => String(x.id) === table.topic);
    return chosen ? new Set(chosen.statements.map((x) => x.statementId)) : null;
  };
  const draw = () => {
    const needle = table.text.trim().toLocaleLowerCase();
    const topic = inTopic();
    const rows = sortBy(statements.filter((s) => (!needle || s.text.toLocaleLowerCase().includes(needle)) && (!topic || topic.has(s.statementId))),
      key[table.column], table.descending);
    const sort = (c: Column) => (table.column === c ? (table.descending ? 'descending' : 'ascending') : null);
    fill(head, h('th', { scope: 'col', 'aria-sort': sort('number') }, sortButton('number')),
      h('th', { scope: 'col' }, t.t('report.col.statement')),
      (['votes', 'agree', 'gic', 'mf'] as Column[]).map((c) => h('th', { scope: 'col', class: 'num', 'aria-sort': sort(c) }, sortButton(c))),
      h('th', { scope: 'col' }, t.t('report.col.groups')));
    fill(tbody, rows.map((s) => h('tr', { 'data-statement-id': s.statementId },
      h('td', { class: 'num' }, s.number), h('td', null, s.text),
      h('td', { class: 'num' }, t.number(s.votes.s)), h('td', { class: 'num' }, t.percent(agree(s))),
      h('td', { class: 'num' }, t.number(s.groupInformedConsensusAgree, { maximumFractionDigits: 3 })),
      h('td', { class: 'num' }, t.number(s.bridging.intercept, { maximumFractionDigits: 3 })),
      h('td', null, s.groupVotes.map((g, i) => h('div', { class: 'small' },
        h('span', { class: 'group-chip' }, groupSymbol(i), `${groupStyle(i).letter} ${t.percent(g.s ? g.a / g.s : 0)}`), percentBar(g.a, g.d, g.s)))))));
    shown.textContent = t.t('report.shownCount', { shown: t.number(rows.length), total: t.number(statements.length) });
  };
  const sortButton = (c: Column) => h('button', {
    type: 'button', 'data-sort': c,
    onclick: () => { table.descending = table.column === c ? !table.descending : true; table.column = c; draw(); },
  }, t.t(`report.col.${c}`), table.column === c ? (table.descending ? ' ▼' : ' ▲') : '');
  const drawTopics = () => {
    if (!topics || topics.topics.length < 2) { fill(topicHolder); return; }
    if (!topics.topics.some((x) => String(x.id) === table.topic)) table.topic = '';
    const select = h('select', { id: 'topic-filter' },
      h('option', { value: '' }, t.t('report.topicAll')),
      topics.topics.map((x) => h('option', { value: String(x.id), selected: String(x.id) === table.topic }, `${x.label} (${t.number(x.statements.length)})`)));
    select.addEventListener('change', () => { table.topic = select.value; draw(); });
    fill(topicHolder, h('label', { for: 'topic-filter' }, t.t('report.topic')), select);
  };
  filter.addEventListener('input', () => { table.text = filter.value; draw(); });
  onTopics = () => { drawTopics(); draw(); };
  drawTopics();
  draw();
  return h('section', { class: 'card', 'aria-labelledby': 'all-title', id: 'report-statements-table' },
    h('h2', { id: 'all-title' }, t.t('report.allStatements')),
    h('div', { class: 'table-filters' }, h('div', null, h('label', { for: 'statement-filter' }, t.t('report.filter')), filter), topicHolder),
    shown,
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'all-title' }, h('table', null, h('thead', null, head), tbody)));
}

void main();
