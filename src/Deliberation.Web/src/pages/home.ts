// Home: what Deliberation is, the conversations open to join, and the way in for facilitators.
import { get } from '../shared/api';
import type { ListedConversation } from '../shared/contracts';
import { byId, fill, h } from '../shared/dom';
import { setTitle, startPage } from '../shared/layout';
import { problemMessage } from '../shared/problems';

const t = startPage({ nav: (t) => [h('a', { href: '/admin' }, t.t('home.facilitators'))] });
setTitle(t.t('home.title'));

const list = h('div', { id: 'open-conversations', 'aria-live': 'polite' }, h('p', { class: 'loading' }, t.t('common.loading')));
fill(byId('main'),
  h('section', { class: 'card', 'aria-labelledby': 'intro-title' },
    h('h1', { id: 'intro-title' }, t.t('home.heading')),
    h('p', null, t.t('home.intro1')),
    h('p', null, t.t('home.intro2'))),
  h('section', { class: 'card', 'aria-labelledby': 'open-title' },
    h('h2', { id: 'open-title' }, t.t('home.openConversations')),
    list),
  h('section', { class: 'card', 'aria-labelledby': 'facilitator-title' },
    h('h2', { id: 'facilitator-title' }, t.t('home.facilitatorHeading')),
    h('p', null, t.t('home.facilitatorText')),
    h('p', { class: 'actions' }, h('a', { class: 'button primary', href: '/admin' }, t.t('home.startConversation')))));

get<ListedConversation[]>('/api/v1/conversations').then(
  (conversations) => {
    if (conversations.length === 0) {
      fill(list, h('p', { class: 'muted' }, t.t('home.noneOpen')));
      return;
    }
    fill(list, h('ul', { class: 'conversation-list' }, conversations.map((c) =>
      h('li', null,
        h('a', { href: `/c/${encodeURIComponent(c.id)}` }, c.topic),
        h('div', { class: 'muted small' },
          `${t.tn('common.participants', c.participants)} · ${t.tn('common.statements', c.statements)}`)))));
  },
  (error) => fill(list, h('p', { class: 'notice error', role: 'alert' }, problemMessage(t, error))));
