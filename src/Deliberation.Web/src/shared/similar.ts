// While a participant writes, the statements already there that say nearly the same (issue 5's similarity service),
// so that they can vote instead of repeating. The logic apart from the DOM: debounce while typing, one request in
// flight (a newer draft aborts the older one), answers for an outdated draft dropped, and an immediate check before
// posting that reuses what was already fetched.
import { characterCount } from './format';

export interface SimilarItem { statementId: number; number: number; text: string; score: number }

export type SimilarStatus = 'idle' | 'waiting' | 'loading' | 'done' | 'error';

/** What to show: the items found for `text` (empty when none, or while nothing has been looked up). */
export interface SimilarState { text: string; status: SimilarStatus; items: SimilarItem[] }

export interface SimilarOptions {
  /** Asks the server; rejects with an AbortError when the signal fires. */
  fetch: (text: string, signal: AbortSignal) => Promise<SimilarItem[]>;
  onChange: (state: SimilarState) => void;
  /** Quiet time after the last keystroke before asking (ms). */
  delayMs?: number;
  /** Shorter drafts (in characters as people count them) are not looked up. */
  minLength?: number;
  /** Weaker matches are not shown: a cosine in [0, 1]. */
  minScore?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The draft as it is compared: trimmed, runs of white space as one space (as the server stores statements). */
export function normaliseDraft(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export class SimilarLookup {
  private readonly options: Required<Omit<SimilarOptions, 'setTimer' | 'clearTimer'>> & Pick<SimilarOptions, 'setTimer' | 'clearTimer'>;
  private readonly cache = new Map<string, SimilarItem[]>();
  private timer: unknown = null;
  private inFlight: { text: string; controller: AbortController; promise: Promise<SimilarItem[]> } | null = null;
  private wanted = '';
  private current: SimilarState = { text: '', status: 'idle', items: [] };

  constructor(options: SimilarOptions) {
    this.options = { delayMs: 400, minLength: 5, minScore: 0.3, ...options };
  }

  get state(): SimilarState { return this.current; }

  /** The draft changed (a keystroke): look it up once typing pauses. */
  update(draft: string): void {
    const text = normaliseDraft(draft);
    if (text === this.wanted && this.current.status !== 'idle') return;
    this.wanted = text;
    this.cancelTimer();
    if (!this.worthAsking(text)) { this.abort(); this.emit({ text, status: 'idle', items: [] }); return; }
    const cached = this.cache.get(text);
    if (cached) { this.abort(); this.emit({ text, status: 'done', items: cached }); return; }
    this.emit({ text, status: 'waiting', items: this.current.items });
    const set = this.options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
    this.timer = set(() => { this.timer = null; void this.ask(text); }, this.options.delayMs);
  }

  /** Before posting: the similar statements for this draft now, without waiting for the pause. */
  async check(draft: string): Promise<SimilarItem[]> {
    const text = normaliseDraft(draft);
    this.wanted = text;
    this.cancelTimer();
    if (!this.worthAsking(text)) { this.emit({ text, status: 'idle', items: [] }); return []; }
    return this.ask(text);
  }

  /** Forget the draft and what was found (it was posted: the statements have changed). */
  clear(): void {
    this.wanted = '';
    this.cache.clear();
    this.cancelTimer();
    this.abort();
    this.emit({ text: '', status: 'idle', items: [] });
  }

  private worthAsking(text: string): boolean {
    return characterCount(text) >= this.options.minLength;
  }

  private async ask(text: string): Promise<SimilarItem[]> {
    const cached = this.cache.get(text);
    if (cached) { this.emit({ text, status: 'done', items: cached }); return cached; }
    if (this.inFlight?.text === text) return this.inFlight.promise;
    this.abort();
    const controller = new AbortController();
    const promise = this.options.fetch(text, controller.signal).then(
      (found) => {
        const items = found.filter((item) => item.score >= this.options.minScore).sort((a, b) => b.score - a.score);
        this.remember(text, items);
        if (this.wanted === text) this.emit({ text, status: 'done', items });
        return items;
      },
      (error: unknown) => {
        // A newer draft took over, or the service failed: writing must never depend on this, so show nothing.
        if (this.wanted === text && !(error instanceof DOMException && error.name === 'AbortError')) this.emit({ text, status: 'error', items: [] });
        return [] as SimilarItem[];
      },
    ).finally(() => { if (this.inFlight?.controller === controller) this.inFlight = null; });
    this.inFlight = { text, controller, promise };
    this.emit({ text, status: 'loading', items: this.current.items });
    return promise;
  }

  private remember(text: string, items: SimilarItem[]): void {
    this.cache.set(text, items);
    if (this.cache.size > 30) this.cache.delete(this.cache.keys().next().value as string);
  }

  private abort(): void {
    this.inFlight?.controller.abort();
    this.inFlight = null;
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    const clear = this.options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    clear(this.timer);
    this.timer = null;
  }

  private emit(state: SimilarState): void {
    const same = state.text === this.current.text && state.status === this.current.status && state.items === this.current.items;
    this.current = state;
    if (!same) this.options.onChange(state);
  }
}
