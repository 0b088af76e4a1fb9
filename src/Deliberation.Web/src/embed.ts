// /embed.js: turns each <div class="deliberation-embed" data-conversation="…"> on a host page into an iframe of the
// participant page, passing data-xid, data-show-map, data-allow-writing and data-lang, and keeps its height fitted.
import { embedFrameUrl, isHeightMessage, optionsFromDataset } from './shared/embed-core';

const script = document.currentScript as HTMLScriptElement | null;
const origin = script?.src ? new URL(script.src).origin : location.origin;

function mount(): void {
  document.querySelectorAll<HTMLElement>('.deliberation-embed:not([data-mounted])').forEach((host) => {
    const { conversationId, options } = optionsFromDataset(host.dataset);
    if (!conversationId) return;
    host.dataset.mounted = 'true';
    const frame = document.createElement('iframe');
    frame.src = embedFrameUrl(origin, conversationId, options);
    frame.title = host.dataset.title || 'Deliberation';
    frame.loading = 'lazy';
    frame.dataset.conversation = conversationId;
    frame.style.width = '100%';
    frame.style.minHeight = '480px';
    frame.style.border = '0';
    host.replaceChildren(frame);
  });
}

window.addEventListener('message', (event) => {
  if (event.origin !== origin || !isHeightMessage(event.data)) return;
  const height = event.data.height;
  document.querySelectorAll<HTMLIFrameElement>('.deliberation-embed iframe').forEach((frame) => {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  });
});

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
