// The participant page /c/{id}: topic, one statement at a time with agree / disagree / pass, changing the last vote,
// progress, writing a statement, and (with issue 4's results) the live opinion map.
import { ApiError, get, post } from '../shared/api';
import type { ConversationView, JoinResponse, NextResponse, StatementList, StatementView, VoteResponse, VoteValue, Progress } from '../shared/contracts';
import { byId, fill, focusOn, h, isTyping } from '../shared/dom';
import { readPageOptions } from '../shared/embedding';
import { characterCount, conversationIdFromPath, counterState } from '../shared/format';
import { setTitle, showFatal, startPage } from '../shared/layout';
import { renderMarkdown } from '../shared/markdown';
import { problemMessage } from '../shared/problems';
import { VoteSession } from '../shared/vote-session';
import { SimilarLookup, normaliseDraft, type SimilarItem, type SimilarState } from '../shared/similar';
import { connectLive } from '../shared/live';
import type { MyResultsView, ResultsView } from '../shared/results-contracts';
import { connectionIndicator, renderBridging, renderGroups, renderMajority, renderMap } from '../shared/results-view';

const t = startPage({ nav: (t) => [h('a', { href: '/' }, t.t('common.home'))] });
const options = readPageOptions(location.search);
if (options.embedded) document.body.classList.add('embedded');
const conversationId = conversationIdFromPath(location.pathname);
const base = `/api/v1/conversations/${encodeURIComponent(conversationId ?? '')}`;

let token: string | null = null;
let conversation: ConversationView;
const session = new VoteSession();

const ui = {
  progressText: h('span', { id: 'progress-text', class: 'small' }),
  progressBar: h('span'),
  card: h('div', { class: 'card statement-card', id: 'statement-card', 'aria-live': 'polite', 'aria-atomic': 'true' }),
  voteStatus: h('p', { class: 'notice', id: 'vote-status', role: 'status' }),
  writeSection: h('section', { class: 'card', id: 'write', 'aria-labelledby': 'write-title' }),
};

async function main(): Promise<void> {
  if (!conversationId) { showFatal(t, t.t('problem.conversation-not-found')); return; }
  try {
    conversation = await get<ConversationView>(base);
  } catch (error) {
    showFatal(t, problemMessage(t, error));
    return;
  }
  setTitle(conversation.topic);
  renderFrame();
  try {
    const joined = await post<JoinResponse>(`${base}/participants`, options.xid ? { xid: options.xid } : {});
    token = joined.token;
    const first = await get<NextResponse>(`${base}/next`, { token });
    session.arrive(first.next, first.progress);
    renderCard();
    startLive();
  } catch (error) {
    fill(ui.card, h('p', { class: 'notice error', role: 'alert' }, problemMessage(t, error)));
  }
  document.addEventListener('keydown', onKey);
  reportHeightToHost();
}

function renderFrame(): void {
  const description = h('div', { class: 'description' });
  description.appendChild(renderMarkdown(conversation.description));
  fill(byId('main'),
    h('section', { class: 'card topic', 'aria-labelledby': 'topic-title' },
      conversation.isOpen ? null : h('p', { class: 'badge closed' }, t.t('participant.closedBadge')),
      h('h1', { id: 'topic-title' }, conversation.topic),
      description),
    h('div', { class: 'grid sidebar' },
      h('div', null,
        h('section', { 'aria-labelledby': 'vote-title', id: 'vote' },
          h('div', { class: 'progress' },
            h('h2', { id: 'vote-title' }, t.t('participant.voteHeading')),
            ui.progressText,
            h('div', { class: 'progress-bar', 'aria-hidden': 'true' }, ui.progressBar)),
          ui.card,
          ui.voteStatus,
          h('p', { class: 'hint' }, t.t('participant.shortcuts'))),
        ui.writeSection),
      options.showMap ? resultsSection() : h('div')));
  renderWrite();
}

function renderProgress(progress: Progress): void {
  ui.progressText.textContent = t.t('participant.progress', { voted: t.number(progress.voted), total: t.number(progress.total) });
  ui.progressBar.style.width = `${progress.total === 0 ? 0 : Math.round((100 * progress.voted) / progress.total)}%`;
}

function voteButton(value: VoteValue, key: string, current?: VoteValue | null): HTMLButtonElement {
  const icons: Record<VoteValue, string> = { agree: '✓', disagree: '✗', pass: '→' };
  return h('button', {
    type: 'button',
    class: value,
    'data-vote': value,
    'aria-pressed': current ? String(current === value) : null,
    'aria-keyshortcuts': key,
    onclick: () => void vote(value),
    disabled: !conversation.isOpen,
  },
  h('span', { 'aria-hidden': 'true' }, icons[value]),
  h('span', null, t.t(`participant.${value}`)),
  h('kbd', { 'aria-hidden': 'true' }, key));
}

function renderCard(): void {
  renderProgress(session.progress);
  const shown = session.shown;
  if (!shown) {
    fill(ui.card,
      h('div', { class: 'end-state' },
        h('p', { class: 'statement-text' }, session.progress.total === 0 ? t.t('participant.noStatementsYet') : t.t('participant.allSeen')),
        h('p', { class: 'muted' }, t.t('participant.newWillAppear'))),
      changeLastButton());
    ui.card.dataset.state = 'done';
    scheduleCheckForNew();
    return;
  }
  ui.card.dataset.state = session.revisiting ? 'revisiting' : 'voting';
  ui.card.dataset.statementId = String(shown.statement.id);
  fill(ui.card,
    h('div', null,
      session.revisiting ? h('p', { class: 'muted small' }, t.t('participant.youVoted', { vote: t.t(`participant.${shown.previous}`) })) : null,
      h('p', { class: 'statement-text', id: 'statement-text', lang: '' }, shown.statement.text),
      shown.statement.isMine ? h('p', { class: 'muted small' }, t.t('participant.yourStatement')) : null),
    h('div', { class: 'vote-buttons', role: 'group', 'aria-labelledby': 'statement-text' },
      voteButton('agree', 'A', shown.previous), voteButton('disagree', 'D', shown.previous), voteButton('pass', 'P', shown.previous)),
    session.revisiting
      ? h('p', { class: 'actions' }, h('button', { type: 'button', class: 'link', onclick: () => { session.cancelRevisit(); renderCard(); } }, t.t('participant.keepVote')))
      : changeLastButton());
}

function changeLastButton(): HTMLElement | null {
  if (!session.canRevisit || !conversation.isOpen) return null;
  return h('p', { class: 'actions' },
    h('button', { type: 'button', class: 'link', id: 'change-last', 'aria-keyshortcuts': 'U', onclick: () => { session.revisitLast(); renderCard(); focusFirstVoteButton(); } },
      t.t('participant.changeLast')));
}

function focusFirstVoteButton(): void {
  ui.card.querySelector<HTMLButtonElement>('button[data-vote]')?.focus();
}

let voting = false;
async function vote(value: VoteValue): Promise<void> {
  const shown = session.shown;
  if (!shown) return;
  if (await castVote(shown.statement, value) && session.shown) focusFirstVoteButton();
}

/** Records a vote on a statement (the card's, or one shown while writing); true when it was recorded. */
async function castVote(statement: StatementView, value: VoteValue): Promise<boolean> {
  if (voting || !token) return false;
  voting = true;
  ui.card.setAttribute('aria-busy', 'true');
  try {
    const response = await post<VoteResponse>(`${base}/votes`, { statementId: statement.id, value }, { token });
    session.voted(statement, value, response.next, response.progress);
    ui.voteStatus.className = 'notice';
    ui.voteStatus.textContent = t.t('participant.voteRecorded', { vote: t.t(`participant.${value}`) });
    renderCard();
    return true;
  } catch (error) {
    ui.voteStatus.className = 'notice error';
    ui.voteStatus.textContent = problemMessage(t, error);
    if (error instanceof ApiError && error.kind === 'statement-not-votable') {
      // Moderated away while on screen: move on.
      const next = await get<NextResponse>(`${base}/next`, { token });
      session.arrive(next.next, next.progress);
      renderCard();
    }
    return false;
  } finally {
    voting = false;
    ui.card.removeAttribute('aria-busy');
  }
}

let checkTimer: number | undefined;
/** In the end state, look for new statements now and then (the live push, when connected, makes this instant). */
function scheduleCheckForNew(): void {
  window.clearTimeout(checkTimer);
  checkTimer = window.setTimeout(() => void checkForNew(), 15_000);
}

async function checkForNew(force = false): Promise<void> {
  if (!token || (session.shown && !force)) return;
  try {
    const next = await get<NextResponse>(`${base}/next`, { token });
    if (next.next) {
      session.arrive(next.next, next.progress);
      renderCard();
    } else {
      session.progress = next.progress;
      renderProgress(next.progress);
      scheduleCheckForNew();
    }
  } catch {
    scheduleCheckForNew();
  }
}

function onKey(event: KeyboardEvent): void {
  if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  const value: VoteValue | null = key === 'a' ? 'agree' : key === 'd' ? 'disagree' : key === 'p' ? 'pass' : null;
  if (value && session.shown && conversation.isOpen) {
    event.preventDefault();
    void vote(value);
  } else if (key === 'u' && session.canRevisit && conversation.isOpen) {
    event.preventDefault();
    session.revisitLast();
    renderCard();
    focusFirstVoteButton();
  } else if (key === 'escape' && session.revisiting) {
    session.cancelRevisit();
    renderCard();
  }
}

// ---- Results, live -------------------------------------------------------------------------------------------------

const texts = new Map<number, string>();
const connection = connectionIndicator(t);
const resultsBody = h('div', { id: 'results', class: 'results-placeholder', 'aria-live': 'off' }, h('p', { class: 'muted' }, t.t('common.loading')));
let latest: ResultsView | null = null;
let me: MyResultsView | null = null;

function resultsSection(): HTMLElement {
  return h('section', { class: 'card', id: 'results-section', 'aria-labelledby': 'results-title' },
    h('div', { class: 'progress' }, h('h2', { id: 'results-title' }, t.t('results.heading')), connection.element),
    resultsBody);
}

function renderResults(): void {
  if (!options.showMap) return;
  const results = latest;
  if (!results || results.tick === 0) {
    fill(resultsBody, h('p', { class: 'muted' }, t.t('results.notYet')));
    return;
  }
  resultsBody.dataset.tick = String(results.tick);
  const counts = h('p', { class: 'small muted', id: 'results-counts' }, `${t.tn('common.participants', results.counts.participants)} · ${t.tn('results.votes', results.counts.votes)}`);
  if (results.groups.length === 0) {
    fill(resultsBody, counts, h('p', { class: 'muted' }, t.t('results.notYet')));
    return;
  }
  resultsBody.classList.remove('results-placeholder');
  const textOf = (id: number) => texts.get(id);
  fill(resultsBody,
    counts,
    renderMap(t, results, me),
    renderBridging(t, results, textOf),
    renderGroups(t, results, textOf, me),
    renderMajority(t, results, textOf));
}

let refreshing: Promise<void> | null = null;
/** The full results carry every visible statement's text; pushes are compact and name statements by id. */
function refreshFull(): Promise<void> {
  refreshing ??= (async () => {
    try {
      const full = await get<ResultsView>(`${base}/results`);
      for (const st of full.statements ?? []) texts.set(st.statementId, st.text);
      if (!latest || full.tick >= latest.tick) latest = full;
      await refreshMe();
    } catch {
      // keep what is shown; the next push tries again
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function refreshMe(): Promise<void> {
  if (!token) return;
  try { me = await get<MyResultsView>(`${base}/results/me`, { token }); } catch { /* the map shows without "you" */ }
}

function referenced(results: ResultsView): number[] {
  return [...results.bridging.map((b) => b.statementId), ...results.groups.flatMap((g) => g.representative.map((r) => r.statementId)),
    ...results.majorityAgree.map((m) => m.statementId), ...results.majorityDisagree.map((m) => m.statementId)];
}

let resultsPoll: number | undefined;

function startLive(): void {
  if (!conversationId) return;
  void refreshFull().then(renderResults);
  connectLive(conversationId, { token }, {
    state: (state) => {
      connection.set(state);
      // Without the live channel, look for new statements and results now and then instead. On (re)connecting the
      // hub sends the latest result itself, so there is nothing to fetch here.
      window.clearInterval(resultsPoll);
      if (state === 'disconnected') {
        scheduleCheckForNew();
        resultsPoll = window.setInterval(() => void refreshFull().then(renderResults), 20_000);
      }
    },
    resultsUpdated: async (results) => {
      if (latest && results.tick < latest.tick) return;
      latest = results;
      if (referenced(results).some((id) => !texts.has(id))) await refreshFull();
      else await refreshMe();
      renderResults();
    },
    statementAdded: (push) => {
      texts.set(push.statement.id, push.statement.text);
      if (!session.shown) void checkForNew();
    },
    statementModerated: (push) => {
      if (!push.visible && session.shown?.statement.id === push.statementId) void checkForNew(true);
    },
  });
}

// ---- Writing a statement -------------------------------------------------------------------------------------------

function renderWrite(): void {
  const allowed = conversation.participantsCanWrite && options.allowWriting;
  if (!allowed) { ui.writeSection.hidden = true; return; }
  const limit = conversation.maxStatementLength;
  const textarea = h('textarea', { id: 'new-statement', name: 'text', rows: 3, 'aria-describedby': 'write-hint write-counter', disabled: !conversation.isOpen });
  const counter = h('p', { class: 'counter', id: 'write-counter' });
  const counterAnnouncer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const message = h('div', { class: 'notice', id: 'write-message', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', disabled: true }, t.t('participant.submitStatement'));
  const similar = similarPanel(message);
  let lastState = 'ok';
  const update = () => {
    const length = characterCount(textarea.value);
    const state = counterState(length, limit);
    counter.textContent = t.t('participant.counter', { count: t.number(length), limit: t.number(limit) });
    counter.className = `counter ${state}`;
    if (state !== lastState && state !== 'ok') counterAnnouncer.textContent = state === 'over' ? t.t('participant.overLimit') : t.t('participant.nearLimit');
    lastState = state;
    submit.disabled = length === 0 || state === 'over' || !conversation.isOpen;
  };
  textarea.addEventListener('input', () => {
    update();
    similar.lookup.update(textarea.value);
  });
  const form = h('form', { novalidate: true },
    h('label', { for: 'new-statement' }, t.t('participant.writeLabel')),
    h('p', { class: 'hint', id: 'write-hint' }, t.t('participant.writeHint')),
    textarea, counter, counterAnnouncer,
    similar.element, similar.announcer,
    h('p', { class: 'actions' }, submit),
    message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void write(textarea, message, submit, update, similar);
  });
  fill(ui.writeSection, h('h2', { id: 'write-title' }, t.t('participant.writeHeading')), form);
  update();
}

/** Draft matches at least this strong stop the first "submit" so the person sees them (the list shows weaker ones). */
const askBeforePostingScore = 0.5;

interface SimilarPanel { element: HTMLElement; announcer: HTMLElement; lookup: SimilarLookup; focus(): void }

/** "Already said?": the statements most like the draft, each with one tap to agree instead of posting. */
function similarPanel(message: HTMLElement): SimilarPanel {
  const list = h('ul', { class: 'statement-list similar-list' });
  const heading = h('h3', { id: 'similar-title' }, t.t('participant.similarHeading'));
  const announcer = h('p', { class: 'visually-hidden', role: 'status', id: 'similar-status' });
  const element = h('section', { class: 'similar', id: 'similar', 'aria-labelledby': 'similar-title', hidden: true },
    heading, h('p', { class: 'hint' }, t.t('participant.similarHint')), list);
  const agreed = new Set<number>();
  let announced = '';
  const render = (state: SimilarState) => {
    element.setAttribute('aria-busy', String(state.status === 'waiting' || state.status === 'loading'));
    if (state.status === 'waiting' || state.status === 'loading') return; // keep what is shown until the answer
    element.hidden = state.items.length === 0;
    fill(list, state.items.map((item) => similarItem(item)));
    const sentence = state.items.length === 0 ? '' : t.tn('participant.similarFound', state.items.length);
    if (sentence !== announced) announcer.textContent = sentence;
    announced = sentence;
  };
  const similarItem = (item: SimilarItem): HTMLElement => {
    const statement: StatementView = { id: item.statementId, number: item.number, text: item.text, moderation: 'accepted', isSeed: false, isMine: false, createdAt: '' };
    const actions = h('p', { class: 'actions' });
    const done = () => {
      const note = h('p', { class: 'small agreed' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t.t('participant.similarAgreed'));
      fill(actions, note);
      return note;
    };
    if (agreed.has(item.statementId)) done();
    else {
      fill(actions,
        h('button', {
          type: 'button', class: 'agree-instead', 'data-similar-agree': item.statementId,
          onclick: async () => {
            if (!(await castVote(statement, 'agree'))) return;
            agreed.add(item.statementId);
            message.className = 'notice ok';
            message.textContent = t.t('participant.similarVoted');
            focusOn(done());
          },
        }, t.t('participant.agreeInstead')),
        h('button', {
          type: 'button', class: 'link', 'data-similar-show': item.statementId,
          onclick: () => { session.show(statement); renderCard(); focusFirstVoteButton(); },
        }, t.t('participant.voteOtherwise')));
    }
    return h('li', { 'data-statement-id': item.statementId }, h('p', { class: 'statement-text', lang: '' }, item.text), actions);
  };
  const lookup = new SimilarLookup({
    fetch: async (text, signal) => {
      const found = await get<{ items: SimilarItem[] }>(`${base}/statements/similar?k=3&text=${encodeURIComponent(text)}`, { token, signal });
      return found.items;
    },
    onChange: render,
  });
  return { element, announcer, lookup, focus: () => focusOn(heading) };
}

async function write(textarea: HTMLTextAreaElement, message: HTMLElement, submit: HTMLButtonElement, update: () => void, similar: SimilarPanel): Promise<void> {
  if (!token) return;
  submit.disabled = true;
  fill(message);
  message.className = 'notice';
  const draft = textarea.value.trim();
  // Check before posting: someone who typed fast and submitted before the list appeared sees it first, once.
  const seen = similar.lookup.state.status === 'done' && similar.lookup.state.text === normaliseDraft(draft);
  if (!seen) {
    const found = await similar.lookup.check(draft);
    if (found.some((item) => item.score >= askBeforePostingScore)) {
      message.className = 'notice warn';
      message.textContent = t.t('participant.similarBeforePosting');
      update();
      similar.focus();
      return;
    }
  }
  try {
    const created = await post<StatementView>(`${base}/statements`, { text: draft }, { token });
    textarea.value = '';
    similar.lookup.clear();
    message.className = 'notice ok';
    message.textContent = created.moderation === 'unmoderated' && conversation.strictModeration
      ? t.t('participant.writtenAwaitingModeration')
      : t.t('participant.written');
  } catch (error) {
    message.className = 'notice error';
    message.textContent = problemMessage(t, error);
    if (error instanceof ApiError && error.kind === 'duplicate-statement' && error.problem.existingStatementId) {
      const existing = await findVisibleStatement(error.problem.existingStatementId);
      if (existing) {
        message.append(
          h('blockquote', null, existing.text),
          h('button', { type: 'button', onclick: () => { session.show(existing); renderCard(); focusFirstVoteButton(); } }, t.t('participant.voteOnExisting')));
      }
    }
  } finally {
    update();
    focusOn(message);
  }
}

async function findVisibleStatement(id: number): Promise<StatementView | null> {
  let after: number | null = null;
  for (let page = 0; page < 20; page++) {
    const list: StatementList = await get<StatementList>(`${base}/statements?limit=1000${after === null ? '' : `&after=${after}`}`, { token });
    const found = list.items.find((s) => s.id === id);
    if (found) return found;
    if (list.nextAfter === null) return null;
    after = list.nextAfter;
  }
  return null;
}

// ---- Embedding -----------------------------------------------------------------------------------------------------

function reportHeightToHost(): void {
  if (!options.embedded || window.parent === window) return;
  const send = () => window.parent.postMessage({ type: 'deliberation:height', conversationId, height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(send).observe(document.body);
  send();
}

void main();
