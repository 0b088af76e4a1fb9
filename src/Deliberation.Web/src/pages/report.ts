// The report /r/{id}. Its content is built from the results of issue 4 (see report-view.ts once those exist).
import { get } from '../shared/api';
import type { ConversationView } from '../shared/contracts';
import { byId, fill, h } from '../shared/dom';
import { conversationIdFromPath } from '../shared/format';
import { setTitle, showFatal, startPage } from '../shared/layout';
import { renderMarkdown } from '../shared/markdown';
import { problemMessage } from '../shared/problems';

const t = startPage({ nav: (t) => [h('a', { href: '/' }, t.t('common.home'))] });
const conversationId = conversationIdFromPath(location.pathname);

async function main(): Promise<void> {
  if (!conversationId) { showFatal(t, t.t('problem.conversation-not-found')); return; }
  let conversation: ConversationView;
  try {
    conversation = await get<ConversationView>(`/api/v1/conversations/${encodeURIComponent(conversationId)}`);
  } catch (error) {
    showFatal(t, problemMessage(t, error));
    return;
  }
  setTitle(conversation.topic);
  const description = h('div', { class: 'description' });
  description.appendChild(renderMarkdown(conversation.description));
  fill(byId('main'), h('section', { class: 'card' }, h('h1', null, conversation.topic), description));
}

void main();
