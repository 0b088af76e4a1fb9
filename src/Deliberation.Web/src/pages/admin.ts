// The facilitator console /admin: sign up / sign in, my conversations, create and configure, import a Polis export,
// the moderation queue (with near-duplicate warnings), the dashboard (with the data export), close / reopen, and
// sharing (link, QR code, embed snippet).
import { ApiError, get, patch, post } from '../shared/api';
import type {
  ConversationDetails, ConversationSummary, Counts, Facilitator, ImportResponse, ModerationItem, Moderation, NearDuplicateStatement, NearDuplicates, Page, Settings,
} from '../shared/contracts';
import { byId, fill, focusOn, h, isTyping } from '../shared/dom';
import { embedSnippet } from '../shared/embedding';
import { parseSeedLines, ratePerMinute } from '../shared/format';
import { supportedLocales, type Translator } from '../shared/i18n';
import { setTitle, startPage } from '../shared/layout';
import { renderMarkdown } from '../shared/markdown';
import { exportLinks, renderExportLinks } from '../shared/exports';
import { fieldErrors, invalidExportLocation, problemMessage } from '../shared/problems';
import { uploadFile } from '../shared/upload';
import { qrSvg } from '../shared/qr';
import { connectLive } from '../shared/live';
import { renderPolarisationChart } from '../shared/polarisation-chart';
import type { PolarisationPoint, PolarisationRateView, PolarisationSeriesView, ResultsView } from '../shared/results-contracts';
import { connectionIndicator, groupChip, renderBridging } from '../shared/results-view';
import { groupStyle } from '../shared/groups';

const main = byId('main');
let me: Facilitator | null = null;
let t: Translator;
let stopCurrent: (() => void) | null = null;

const manage = '/api/v1/manage/conversations';

function withLang(path: string): string {
  const lang = new URLSearchParams(location.search).get('lang');
  return lang ? `${path}?lang=${encodeURIComponent(lang)}` : path;
}

function navigate(path: string): void {
  history.pushState(null, '', withLang(path));
  void route();
}

/** In-console links: same-document navigation, keeping ?lang=. */
function link(path: string, text: string, attrs: Record<string, string> = {}): HTMLAnchorElement {
  const a = h('a', { href: withLang(path), ...attrs }, text);
  a.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  });
  return a;
}

async function start(): Promise<void> {
  t = startPage({ nav: (t) => [h('a', { href: '/' }, t.t('common.home')), h('span', { id: 'account-nav' })] });
  window.addEventListener('popstate', () => void route());
  try {
    me = await get<Facilitator>('/api/v1/account/me');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  await route();
}

function renderAccountNav(): void {
  const nav = byId('account-nav');
  if (!me) { fill(nav); return; }
  fill(nav, h('span', { class: 'small muted' }, me.email ?? ''), ' ',
    h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: () => void signOut() }, t.t('admin.signOut')));
}

async function route(): Promise<void> {
  stopCurrent?.();
  stopCurrent = null;
  renderAccountNav();
  const path = location.pathname.replace(/\/+$/, '') || '/admin';
  if (!me) { renderSignIn(); return; }
  const conversation = /^\/admin\/c\/([A-Za-z0-9_-]+)(?:\/(moderate|settings|share))?$/.exec(path);
  if (path === '/admin/new') renderCreate();
  else if (path === '/admin/import') renderImport();
  else if (conversation) await renderConversation(conversation[1], (conversation[2] ?? 'dashboard') as Tab);
  else await renderList();
  focusOn(main);
}

// ---- Sign up / sign in -----------------------------------------------------------------------------------------------

function renderSignIn(): void {
  setTitle(t.t('admin.signInTitle'));
  const form = (mode: 'signin' | 'signup') => {
    const email = h('input', { type: 'email', id: `${mode}-email`, name: 'email', autocomplete: 'email', required: true });
    const password = h('input', {
      type: 'password', id: `${mode}-password`, name: 'password', required: true,
      autocomplete: mode === 'signin' ? 'current-password' : 'new-password',
      'aria-describedby': mode === 'signup' ? 'signup-password-hint' : null,
    });
    const message = h('div', { class: 'notice', role: 'alert', id: `${mode}-message` });
    const submit = h('button', { type: 'submit', class: 'primary' }, t.t(mode === 'signin' ? 'admin.signIn' : 'admin.signUp'));
    const el = h('form', { id: `${mode}-form`, novalidate: true, 'aria-labelledby': `${mode}-title` },
      h('h2', { id: `${mode}-title` }, t.t(mode === 'signin' ? 'admin.signInHeading' : 'admin.signUpHeading')),
      h('label', { for: email.id }, t.t('admin.email')), email,
      h('label', { for: password.id }, t.t('admin.password')), password,
      mode === 'signup' ? h('p', { class: 'hint', id: 'signup-password-hint' }, t.t('admin.passwordRules')) : null,
      h('p', { class: 'actions' }, submit), message);
    el.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      fill(message);
      try {
        const credentials = { email: email.value.trim(), password: password.value };
        if (mode === 'signup') await post('/api/v1/account/register', credentials);
        await post('/api/v1/account/login?useCookies=true', credentials);
        me = await get<Facilitator>('/api/v1/account/me');
        await route();
      } catch (error) {
        message.className = 'notice error';
        const details = error instanceof ApiError && error.problem.errors ? Object.values(error.problem.errors).flat() : [];
        message.textContent = error instanceof ApiError && error.status === 401 ? t.t('admin.badCredentials') : problemMessage(t, error);
        if (details.length && error instanceof ApiError && error.kind !== 'validation') message.append(h('ul', null, details.map((d) => h('li', null, d))));
      } finally {
        submit.disabled = false;
      }
    });
    return el;
  };
  fill(main, h('h1', null, t.t('admin.consoleTitle')), h('p', null, t.t('admin.consoleIntro')),
    h('div', { class: 'grid two' }, h('div', { class: 'card' }, form('signin')), h('div', { class: 'card' }, form('signup'))));
}

async function signOut(): Promise<void> {
  await post('/api/v1/account/logout').catch(() => undefined);
  me = null;
  history.pushState(null, '', '/admin' + location.search);
  await route();
}

// ---- My conversations ------------------------------------------------------------------------------------------------

async function renderList(): Promise<void> {
  setTitle(t.t('admin.myConversations'));
  const list = h('div', { 'aria-live': 'polite' }, h('p', { class: 'loading' }, t.t('common.loading')));
  fill(main,
    h('div', { class: 'actions' }, h('h1', null, t.t('admin.myConversations')),
      link('/admin/new', t.t('admin.newConversation'), { class: 'button primary', id: 'new-conversation' }),
      link('/admin/import', t.t('admin.import'), { class: 'button', id: 'import-conversation' })),
    list);
  try {
    const page = await get<Page<ConversationSummary>>(`${manage}?page=1&pageSize=100`);
    if (page.items.length === 0) { fill(list, h('p', { class: 'muted' }, t.t('admin.noConversations'))); return; }
    fill(list, h('ul', { class: 'conversation-list card' }, page.items.map((c) => h('li', null,
      link(`/admin/c/${c.id}`, c.topic),
      ' ', h('span', { class: `badge ${c.isOpen ? 'open' : 'closed'}` }, t.t(c.isOpen ? 'admin.open' : 'admin.closed')),
      h('div', { class: 'small muted' },
        [t.tn('common.participants', c.participants), t.tn('common.statements', c.statements), t.tn('admin.waitingCount', c.statementsWaiting), t.dateTime(c.createdAt)].join(' · '))))));
  } catch (error) {
    fill(list, h('p', { class: 'notice error', role: 'alert' }, problemMessage(t, error)));
  }
}

// ---- Create and configure ------------------------------------------------------------------------------------------------

interface SettingsFields { read(): Partial<Settings> & { topic: string; description: string }; element: HTMLElement }

function settingsFields(current?: ConversationDetails): SettingsFields {
  const topic = h('input', { type: 'text', id: 'topic', name: 'topic', required: true, maxlength: 500, value: current?.topic ?? '' });
  const description = h('textarea', { id: 'description', name: 'description', rows: 5, 'aria-describedby': 'description-hint' });
  description.value = current?.description ?? '';
  const preview = h('div', { class: 'card description', id: 'description-preview', 'aria-live': 'polite' });
  const updatePreview = () => { fill(preview); preview.appendChild(renderMarkdown(description.value)); preview.hidden = !description.value.trim(); };
  description.addEventListener('input', updatePreview);
  updatePreview();
  const s = current?.settings;
  const check = (id: keyof Settings, checked: boolean) => {
    const input = h('input', { type: 'checkbox', id, name: id, checked, 'aria-describedby': `${id}-hint` });
    return { input, el: h('div', null, h('label', { class: 'check', for: id }, input, h('span', null, t.t(`admin.setting.${id}`))), h('p', { class: 'hint', id: `${id}-hint` }, t.t(`admin.setting.${id}Hint`))) };
  };
  const strict = check('strictModeration', s?.strictModeration ?? false);
  const write = check('participantsCanWrite', s?.participantsCanWrite ?? true);
  const listed = check('isListed', s?.isListed ?? false);
  const report = check('reportIsPublic', s?.reportIsPublic ?? false);
  const open = check('isOpenData', s?.isOpenData ?? false);
  const length = h('input', { type: 'number', id: 'maxStatementLength', name: 'maxStatementLength', min: 20, max: 1000, value: s?.maxStatementLength ?? 280, 'aria-describedby': 'maxStatementLength-hint' });
  return {
    element: h('div', null,
      h('label', { for: 'topic' }, t.t('admin.topic')), topic,
      h('label', { for: 'description' }, t.t('admin.description')),
      h('p', { class: 'hint', id: 'description-hint' }, t.t('admin.descriptionHint')), description,
      h('p', { class: 'small muted' }, t.t('admin.preview')), preview,
      h('fieldset', { class: 'card' }, h('legend', null, t.t('admin.settings')),
        strict.el, write.el,
        h('label', { for: 'maxStatementLength' }, t.t('admin.setting.maxStatementLength')), length,
        h('p', { class: 'hint', id: 'maxStatementLength-hint' }, t.t('admin.setting.maxStatementLengthHint')),
        listed.el, report.el, open.el)),
    read: () => ({
      topic: topic.value.trim(),
      description: description.value,
      strictModeration: strict.input.checked,
      participantsCanWrite: write.input.checked,
      maxStatementLength: Number(length.value),
      isListed: listed.input.checked,
      reportIsPublic: report.input.checked,
      isOpenData: open.input.checked,
    }),
  };
}

function renderCreate(): void {
  setTitle(t.t('admin.newConversation'));
  const fields = settingsFields();
  const seeds = h('textarea', { id: 'seeds', name: 'seeds', rows: 6, 'aria-describedby': 'seeds-hint' });
  const message = h('div', { class: 'notice', role: 'alert', id: 'create-message' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t.t('admin.create'));
  const form = h('form', { id: 'create-form', novalidate: true },
    fields.element,
    h('label', { for: 'seeds' }, t.t('admin.seeds')),
    h('p', { class: 'hint', id: 'seeds-hint' }, t.t('admin.seedsHint')), seeds,
    h('p', { class: 'actions' }, submit, link('/admin', t.t('common.cancel'))), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { topic, description, ...settings } = fields.read();
    if (!topic) { message.className = 'notice error'; message.textContent = t.t('admin.topicRequired'); byId('topic').focus(); return; }
    submit.disabled = true;
    try {
      const created = await post<ConversationDetails>(manage, { topic, description, settings, seedStatements: parseSeedLines(seeds.value) });
      navigate(`/admin/c/${created.id}`);
    } catch (error) {
      message.className = 'notice error';
      message.textContent = problemMessage(t, error);
      const fieldsWithErrors = Object.keys(fieldErrors(error));
      if (fieldsWithErrors.length) document.getElementById(fieldsWithErrors[0])?.focus();
    } finally {
      submit.disabled = false;
    }
  });
  fill(main, h('h1', null, t.t('admin.newConversation')), h('div', { class: 'card' }, form));
}

// ---- Import a Polis export -------------------------------------------------------------------------------------------

/** A line for the next page to show once (the import's summary on the new conversation's dashboard). */
let flash: string | null = null;

function renderImport(): void {
  setTitle(t.t('admin.import'));
  const file = h('input', { type: 'file', id: 'import-file', name: 'file', accept: '.zip,application/zip', required: true, 'aria-describedby': 'import-file-hint' });
  const open = h('input', { type: 'checkbox', id: 'import-open', name: 'open', 'aria-describedby': 'import-open-hint' });
  const bar = h('progress', { id: 'import-progress-bar', max: 1, 'aria-labelledby': 'import-progress-text' });
  const barText = h('span', { id: 'import-progress-text' });
  const progress = h('div', { class: 'import-progress', id: 'import-progress', role: 'status', hidden: true }, barText, bar);
  const message = h('div', { class: 'notice', role: 'alert', id: 'import-message' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'import-submit' }, t.t('admin.importSubmit'));
  const showProgress = (fraction: number | null) => {
    progress.hidden = false;
    if (fraction === null || fraction >= 1) {
      bar.removeAttribute('value'); // indeterminate: the server reads and imports
      barText.textContent = fraction === null ? t.t('admin.importUploading', { percent: '…' }) : t.t('admin.importProcessing');
    } else {
      bar.value = fraction;
      barText.textContent = t.t('admin.importUploading', { percent: t.percent(fraction) });
    }
  };
  const form = h('form', { id: 'import-form', novalidate: true },
    h('label', { for: 'import-file' }, t.t('admin.importFile')),
    h('p', { class: 'hint', id: 'import-file-hint' }, t.t('admin.importFileHint')), file,
    h('label', { class: 'check', for: 'import-open' }, open, h('span', null, t.t('admin.importOpen'))),
    h('p', { class: 'hint', id: 'import-open-hint' }, t.t('admin.importOpenHint')),
    h('p', { class: 'actions' }, submit, link('/admin', t.t('common.cancel'))),
    progress, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(message);
    message.className = 'notice';
    const chosen = file.files?.[0];
    if (!chosen) { message.className = 'notice error'; message.textContent = t.t('admin.importChooseFile'); file.focus(); return; }
    submit.disabled = true;
    file.disabled = true;
    showProgress(0);
    try {
      const imported = await uploadFile<ImportResponse>(`${manage}/import${open.checked ? '?open=true' : ''}`, chosen, showProgress);
      flash = t.t('admin.imported', {
        participants: t.number(imported.participants), statements: t.number(imported.statements), votes: t.number(imported.votes),
      });
      navigate(`/admin/c/${imported.conversationId}`);
    } catch (error) {
      progress.hidden = true;
      message.className = 'notice error';
      const where = invalidExportLocation(t, error);
      if (where && error instanceof ApiError) {
        fill(message,
          h('p', null, t.t('admin.importFailed')),
          h('p', { id: 'import-error-where' }, h('strong', null, where)),
          typeof error.problem.reason === 'string' ? h('p', { id: 'import-error-reason' }, error.problem.reason) : null);
      } else {
        message.textContent = problemMessage(t, error);
      }
      focusOn(message);
    } finally {
      submit.disabled = false;
      file.disabled = false;
    }
  });
  fill(main, h('p', { class: 'small' }, link('/admin', `← ${t.t('admin.myConversations')}`)),
    h('h1', null, t.t('admin.import')),
    h('div', { class: 'card' }, h('p', null, t.t('admin.importIntro')), form));
}

// ---- One conversation -------------------------------------------------------------------------------------------------

type Tab = 'dashboard' | 'moderate' | 'settings' | 'share';

async function renderConversation(id: string, tab: Tab): Promise<void> {
  let details: ConversationDetails;
  try {
    details = await get<ConversationDetails>(`${manage}/${encodeURIComponent(id)}`);
  } catch (error) {
    fill(main, h('p', { class: 'notice error', role: 'alert' }, problemMessage(t, error)), link('/admin', t.t('admin.myConversations')));
    return;
  }
  setTitle(t.t(`admin.tab.${tab}`), details.topic);
  const status = h('div', { class: 'actions', id: 'open-state' });
  const renderStatus = () => fill(status,
    h('span', { class: `badge ${details.isOpen ? 'open' : 'closed'}` }, t.t(details.isOpen ? 'admin.open' : 'admin.closed')),
    h('button', {
      type: 'button', id: details.isOpen ? 'close-conversation' : 'reopen-conversation', class: details.isOpen ? 'danger' : 'primary',
      onclick: async () => {
        try {
          details = await post<ConversationDetails>(`${manage}/${id}/${details.isOpen ? 'close' : 'reopen'}`);
          renderStatus();
          byId(details.isOpen ? 'close-conversation' : 'reopen-conversation').focus();
        } catch (error) { alertIn(status, error); }
      },
    }, t.t(details.isOpen ? 'admin.close' : 'admin.reopen')),
    h('a', { href: `/c/${id}`, target: '_blank', rel: 'noopener' }, t.t('admin.openParticipantPage')),
    h('a', { href: `/r/${id}`, target: '_blank', rel: 'noopener' }, t.t('admin.openReport')));
  renderStatus();
  const tabs = (['dashboard', 'moderate', 'settings', 'share'] as Tab[]).map((name) => {
    const a = link(`/admin/c/${id}${name === 'dashboard' ? '' : `/${name}`}`, t.t(`admin.tab.${name}`));
    if (name === tab) a.setAttribute('aria-current', 'page');
    return a;
  });
  const body = h('div', { id: 'tab-body' });
  const notice = flash ? h('p', { class: 'notice ok', role: 'status', id: 'import-summary' }, flash) : null;
  flash = null;
  fill(main, h('p', { class: 'small' }, link('/admin', `← ${t.t('admin.myConversations')}`)),
    h('h1', null, details.topic), notice, status, h('nav', { class: 'tabs', 'aria-label': t.t('admin.sections') }, tabs), body);
  if (tab === 'dashboard') stopCurrent = renderDashboard(body, details);
  else if (tab === 'moderate') stopCurrent = renderModeration(body, details);
  else if (tab === 'settings') renderSettings(body, details);
  else renderShare(body, details);
}

function alertIn(container: HTMLElement, error: unknown): void {
  container.append(h('p', { class: 'notice error', role: 'alert' }, problemMessage(t, error)));
}

// ---- Dashboard -------------------------------------------------------------------------------------------------------

function renderDashboard(body: HTMLElement, details: ConversationDetails): () => void {
  const samples: { at: number; total: number }[] = [];
  const stats = h('div', { class: 'stat-grid', id: 'stats' });
  const connection = connectionIndicator(t);
  const groups = h('div', { id: 'dashboard-groups' });
  const bridging = h('div', { id: 'dashboard-bridging' });
  const chart = h('div', { id: 'chart-holder' });
  const rateText = h('p', { class: 'small', id: 'polarisation-rate' });
  let counts = details.counts;
  let points: PolarisationPoint[] = [];
  const texts = new Map<number, string>();
  const stat = (label: string, value: string, id: string) => h('div', { class: 'stat', id }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
  const renderStats = () => {
    samples.push({ at: Date.now(), total: counts.voteEvents });
    const rate = ratePerMinute(samples);
    fill(stats,
      stat(t.t('admin.stat.participants'), t.number(counts.participants), 'stat-participants'),
      stat(t.t('admin.stat.votes'), t.number(counts.votes), 'stat-votes'),
      stat(t.t('admin.stat.votesPerMinute'), rate === null ? '–' : t.number(rate, { maximumFractionDigits: 1 }), 'stat-rate'),
      stat(t.t('admin.stat.statements'), t.number(counts.statements), 'stat-statements'),
      stat(t.t('admin.stat.waiting'), t.number(counts.statementsWaiting), 'stat-waiting'));
  };
  const renderRate = (rate: PolarisationRateView | null) => {
    const value = rate?.betweenGroupVarianceShare;
    rateText.textContent = value === null || value === undefined ? '' : t.t('admin.polarisationRate', { rate: `${value >= 0 ? '+' : ''}${t.number(value * 100, { maximumFractionDigits: 2 })} pp` });
  };
  const renderResults = (results: ResultsView) => {
    for (const st of results.statements ?? []) texts.set(st.statementId, st.text);
    fill(groups, results.groups.length === 0 ? h('p', { class: 'muted' }, t.t('results.notYet')) : h('ul', { class: 'group-legend' },
      results.groups.map((g, i) => h('li', null, groupChip(t, i, groupStyle(i).letter), ' ', t.tn('results.people', g.size)))));
    fill(bridging, renderBridging(t, results, (id) => texts.get(id)));
  };
  renderStats();
  fill(body,
    h('div', { class: 'actions' }, h('h2', { id: 'stats-title' }, t.t('admin.dashboardHeading')), connection.element),
    stats,
    h('div', { class: 'grid two' },
      h('section', { class: 'card', 'aria-labelledby': 'polarisation-title' },
        h('h3', { id: 'polarisation-title' }, t.t('admin.polarisationHeading')),
        h('p', { class: 'small muted' }, t.t('admin.polarisationExplained')), chart, rateText),
      h('section', { class: 'card', 'aria-labelledby': 'groups-title' }, h('h3', { id: 'groups-title' }, t.t('admin.groupsHeading')), groups, bridging)),
    h('section', { class: 'card', 'aria-labelledby': 'data-title', id: 'dashboard-data' },
      h('h3', { id: 'data-title' }, t.t('exports.heading')),
      renderExportLinks(t, exportLinks(details.id, { isOpenData: details.settings.isOpenData, isOwner: true })!, 'dashboard')));
  const base = `${manage}/${details.id}`;
  const loadSeries = async () => {
    try {
      const series = await get<PolarisationSeriesView>(`${base}/polarisation`);
      points = series.points;
      fill(chart, renderPolarisationChart(t, points));
      renderRate(series.ratePerMinute);
    } catch { /* the chart stays as it was */ }
  };
  const loadResults = async () => {
    try { renderResults(await get<ResultsView>(`/api/v1/conversations/${details.id}/results`)); } catch { /* idem */ }
  };
  void loadSeries();
  void loadResults();
  const live = connectLive(details.id, { facilitator: true }, {
    state: (state) => connection.set(state),
    voteTallies: (push) => { counts = { ...counts, participants: push.participants, votes: push.votes }; renderStats(); },
    moderationQueued: () => { counts = { ...counts, statements: counts.statements + 1, statementsWaiting: counts.statementsWaiting + 1 }; renderStats(); },
    seriesPoint: (push) => {
      points = [...points.filter((p) => p.tick !== push.point.tick), push.point];
      fill(chart, renderPolarisationChart(t, points));
      renderRate(push.ratePerMinute);
    },
    resultsUpdated: (results) => {
      if (results.bridging.some((b) => !texts.has(b.statementId))) void loadResults();
      else renderResults(results);
    },
  });
  // Counts the pushes do not carry (statements waiting after moderation, vote events) come from a slow poll.
  const timer = window.setInterval(async () => {
    try { counts = await get<Counts>(`${base}/counts`); renderStats(); } catch { /* keep the last numbers */ }
  }, 15_000);
  return () => { window.clearInterval(timer); void live.stop(); };
}

// ---- Moderation queue ------------------------------------------------------------------------------------------------

type Filter = 'unmoderated' | 'accepted' | 'rejected' | 'all';

function renderModeration(body: HTMLElement, details: ConversationDetails): () => void {
  let filter: Filter = 'unmoderated';
  let items: ModerationItem[] = [];
  let current = 0;
  const selected = new Set<number>();
  const list = h('ul', { class: 'queue', id: 'queue', 'aria-label': t.t('admin.queue'), 'aria-describedby': 'queue-keys' });
  const status = h('p', { class: 'visually-hidden', role: 'status', id: 'queue-status' });
  const total = h('span', { class: 'muted small', id: 'queue-total' });
  const filterSelect = h('select', { id: 'queue-filter' }, (['unmoderated', 'accepted', 'rejected', 'all'] as Filter[]).map((f) => h('option', { value: f }, t.t(`admin.filter.${f}`))));
  // Near-duplicates (issue 5): each statement's nearly identical partners, among all statements not rejected.
  let duplicates = new Map<number, NearDuplicateStatement[]>();
  const duplicatesSummary = h('p', { class: 'notice warn', id: 'near-duplicates-summary', hidden: true });
  let duplicatesLoading = false;
  let duplicatesStale = false;
  const loadDuplicates = async (): Promise<void> => {
    if (duplicatesLoading) { duplicatesStale = true; return; }
    duplicatesLoading = true;
    try {
      const found = await get<NearDuplicates>(`${manage}/${details.id}/statements/near-duplicates`);
      const next = new Map<number, NearDuplicateStatement[]>();
      const add = (a: NearDuplicateStatement, b: NearDuplicateStatement) => next.set(a.statementId, [...(next.get(a.statementId) ?? []), b]);
      for (const pair of found.pairs) { add(pair.first, pair.second); add(pair.second, pair.first); }
      duplicates = next;
      duplicatesSummary.hidden = found.pairs.length === 0;
      duplicatesSummary.textContent = found.pairs.length === 0 ? '' : t.tn('admin.nearDuplicatesFound', found.pairs.length);
      draw(list.contains(document.activeElement));
    } catch {
      // Moderation works without the warnings.
    } finally {
      duplicatesLoading = false;
      if (duplicatesStale) { duplicatesStale = false; void loadDuplicates(); }
    }
  };
  const duplicateWarning = (item: ModerationItem): HTMLElement | null => {
    const partners = duplicates.get(item.id);
    if (!partners?.length) return null;
    return h('div', { class: 'near-duplicate small', 'data-near-duplicates': partners.map((p) => p.statementId).join(' ') },
      partners.slice(0, 3).map((p) => h('p', null,
        h('span', { 'aria-hidden': 'true' }, '⚠ '),
        t.t('admin.nearDuplicateOf', { number: p.number, state: t.t(`admin.moderation.${p.moderation}`) }), ' ',
        h('q', null, p.text))));
  };
  filterSelect.addEventListener('change', () => { filter = filterSelect.value as Filter; current = 0; selected.clear(); void load(); });

  const load = async () => {
    try {
      const query = filter === 'all' ? '' : `&moderation=${filter}`;
      const page = await get<Page<ModerationItem>>(`${manage}/${details.id}/statements?page=1&pageSize=200${query}`);
      items = page.items;
      for (const id of [...selected]) if (!items.some((i) => i.id === id)) selected.delete(id);
      current = Math.min(current, Math.max(0, items.length - 1));
      total.textContent = t.tn('admin.queueTotal', page.total);
      draw(false);
    } catch (error) { alertIn(body, error); }
  };

  const moderate = async (ids: number[], change: { moderation?: Moderation; isMeta?: boolean }) => {
    if (ids.length === 0) return;
    try {
      if (ids.length === 1) await patch(`${manage}/${details.id}/statements/${ids[0]}`, change);
      else await post(`${manage}/${details.id}/statements/moderation`, { statementIds: ids, ...change });
      status.textContent = t.tn(change.moderation ? `admin.done.${change.moderation}` : 'admin.done.meta', ids.length);
      ids.forEach((id) => selected.delete(id));
      if (change.moderation) void loadDuplicates();
      await load();
      list.querySelector<HTMLElement>('li.current')?.focus();
    } catch (error) { alertIn(body, error); }
  };

  const draw = (focus: boolean) => {
    if (items.length === 0) { fill(list, h('li', { class: 'muted' }, t.t('admin.queueEmpty'))); return; }
    fill(list, items.map((item, index) => {
      const checkbox = h('input', { type: 'checkbox', id: `select-${item.id}`, checked: selected.has(item.id), 'aria-label': t.t('admin.selectStatement', { number: item.number }) });
      checkbox.addEventListener('change', () => { if (checkbox.checked) selected.add(item.id); else selected.delete(item.id); });
      const li = h('li', { class: index === current ? 'current' : '', tabindex: index === current ? 0 : -1, 'data-statement-id': item.id, 'aria-current': index === current ? 'true' : null },
        checkbox,
        h('div', null,
          h('p', { class: 'statement-text' }, item.text),
          h('p', { class: 'small muted' }, [
            `#${item.number}`,
            t.t(`admin.moderation.${item.moderation}`),
            item.isMeta ? t.t('admin.meta') : null,
            item.isSeed ? t.t('admin.seed') : item.authorNumber !== null ? t.t('admin.byParticipant', { number: item.authorNumber }) : null,
            t.t('admin.tally', { agree: item.agrees, disagree: item.disagrees, pass: item.passes }),
          ].filter(Boolean).join(' · ')),
          duplicateWarning(item)),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'primary', 'data-action': 'accept', onclick: () => void moderate([item.id], { moderation: 'accepted' }) }, t.t('admin.accept')),
          h('button', { type: 'button', 'data-action': 'reject', onclick: () => void moderate([item.id], { moderation: 'rejected' }) }, t.t('admin.reject')),
          h('button', { type: 'button', 'data-action': 'meta', 'aria-pressed': String(item.isMeta), onclick: () => void moderate([item.id], { isMeta: !item.isMeta }) }, t.t('admin.markMeta'))));
      li.addEventListener('focus', () => { if (current !== index) { current = index; draw(true); } });
      return li;
    }));
    if (focus) list.querySelector<HTMLElement>('li.current')?.focus();
  };

  const onKey = (event: KeyboardEvent) => {
    if (isTyping(event) && !(event.target instanceof HTMLInputElement && event.target.type === 'checkbox')) return;
    if (event.ctrlKey || event.metaKey || event.altKey || items.length === 0) return;
    const item = items[current];
    const targets = () => (selected.size > 0 ? [...selected] : [item.id]);
    switch (event.key) {
      case 'j': case 'ArrowDown': current = Math.min(items.length - 1, current + 1); draw(true); break;
      case 'k': case 'ArrowUp': current = Math.max(0, current - 1); draw(true); break;
      case 'x': if (selected.has(item.id)) selected.delete(item.id); else selected.add(item.id); draw(true); break;
      case 'a': void moderate(targets(), { moderation: 'accepted' }); break;
      case 'r': void moderate(targets(), { moderation: 'rejected' }); break;
      case 'm': void moderate(targets(), { isMeta: !item.isMeta }); break;
      default: return;
    }
    event.preventDefault();
  };
  list.addEventListener('keydown', onKey);

  fill(body,
    h('section', { 'aria-labelledby': 'queue-title' },
      h('h2', { id: 'queue-title' }, t.t('admin.queue')),
      h('div', { class: 'actions' },
        h('label', { for: 'queue-filter' }, t.t('admin.show')), filterSelect, total),
      h('p', { class: 'hint', id: 'queue-keys' }, t.t('admin.queueKeys')),
      duplicatesSummary,
      h('div', { class: 'actions', role: 'group', 'aria-label': t.t('admin.bulk') },
        h('button', { type: 'button', id: 'select-all', onclick: () => { items.forEach((i) => selected.add(i.id)); draw(false); } }, t.t('admin.selectAll')),
        h('button', { type: 'button', id: 'accept-selected', class: 'primary', onclick: () => void moderate([...selected], { moderation: 'accepted' }) }, t.t('admin.acceptSelected')),
        h('button', { type: 'button', id: 'reject-selected', onclick: () => void moderate([...selected], { moderation: 'rejected' }) }, t.t('admin.rejectSelected'))),
      list, status));
  void load();
  void loadDuplicates();
  const connection = connectionIndicator(t);
  body.querySelector('#queue-title')?.after(connection.element);
  const live = connectLive(details.id, { facilitator: true }, {
    state: (state) => connection.set(state),
    moderationQueued: () => { void load(); void loadDuplicates(); },
    statementModerated: () => { void load(); void loadDuplicates(); },
  });
  // A slow poll as well, for when the live channel is down.
  const timer = window.setInterval(() => { if (!list.contains(document.activeElement)) void load(); }, 20_000);
  return () => { window.clearInterval(timer); void live.stop(); };
}

// ---- Settings --------------------------------------------------------------------------------------------------------

function renderSettings(body: HTMLElement, details: ConversationDetails): void {
  const fields = settingsFields(details);
  const message = h('div', { class: 'notice', role: 'status', id: 'settings-message' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t.t('admin.save'));
  const form = h('form', { id: 'settings-form', novalidate: true }, fields.element, h('p', { class: 'actions' }, submit), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { topic, description, ...settings } = fields.read();
    submit.disabled = true;
    try {
      await patch(`${manage}/${details.id}`, { topic, description, settings });
      message.className = 'notice ok';
      message.textContent = t.t('admin.saved');
    } catch (error) {
      message.className = 'notice error';
      message.textContent = problemMessage(t, error);
    } finally {
      submit.disabled = false;
    }
  });
  fill(body, h('h2', null, t.t('admin.tab.settings')), h('div', { class: 'card' }, form));
}

// ---- Share -----------------------------------------------------------------------------------------------------------

function copyButton(id: string, text: () => string): HTMLButtonElement {
  const button = h('button', { type: 'button', id }, t.t('admin.copy'));
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = t.t('admin.copied');
    } catch {
      button.textContent = t.t('admin.copyFailed');
    }
  });
  return button;
}

function renderShare(body: HTMLElement, details: ConversationDetails): void {
  const participantUrl = new URL(`/c/${details.id}`, location.origin).toString();
  const reportUrl = new URL(`/r/${details.id}`, location.origin).toString();
  const showMap = h('input', { type: 'checkbox', id: 'embed-map', checked: true });
  const allowWriting = h('input', { type: 'checkbox', id: 'embed-write', checked: true });
  const language = h('select', { id: 'embed-lang' }, h('option', { value: '' }, t.t('admin.embedLangAuto')), supportedLocales.map((l) => h('option', { value: l }, l)));
  const snippet = h('pre', { class: 'snippet', id: 'embed-snippet' });
  const snippetText = () => embedSnippet(location.origin, details.id, { showMap: showMap.checked, allowWriting: allowWriting.checked, lang: language.value || null });
  const update = () => { snippet.textContent = snippetText(); };
  [showMap, allowWriting, language].forEach((el) => el.addEventListener('change', update));
  update();
  fill(body,
    h('div', { class: 'grid two' },
      h('section', { class: 'card', 'aria-labelledby': 'share-title' },
        h('h2', { id: 'share-title' }, t.t('admin.shareLink')),
        h('p', null, h('a', { href: participantUrl, id: 'share-url' }, participantUrl)),
        h('p', { class: 'actions' }, copyButton('copy-link', () => participantUrl)),
        h('div', { class: 'qr', id: 'qr' }, qrSvg(participantUrl, t.t('admin.qrLabel', { url: participantUrl }))),
        h('p', null, t.t('admin.reportLink'), ' ', h('a', { href: reportUrl }, reportUrl)),
        details.settings.reportIsPublic ? null : h('p', { class: 'hint' }, t.t('admin.reportPrivate'))),
      h('section', { class: 'card', 'aria-labelledby': 'embed-title' },
        h('h2', { id: 'embed-title' }, t.t('admin.embed')),
        h('p', null, t.t('admin.embedIntro')),
        h('label', { class: 'check', for: 'embed-map' }, showMap, h('span', null, t.t('admin.embedShowMap'))),
        h('label', { class: 'check', for: 'embed-write' }, allowWriting, h('span', null, t.t('admin.embedAllowWriting'))),
        h('label', { for: 'embed-lang' }, t.t('common.language')), language,
        h('p', { class: 'hint' }, t.t('admin.embedXid')),
        snippet,
        h('p', { class: 'actions' }, copyButton('copy-embed', snippetText)))));
}

void start();
