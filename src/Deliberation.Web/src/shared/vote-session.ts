// The participant's voting state, apart from the DOM: which statement is on the card, what they voted last (so they
// can change it), and their progress.
import type { Progress, StatementView, VoteValue } from './contracts';

export interface Shown { statement: StatementView; previous: VoteValue | null }

interface Cast { statement: StatementView; value: VoteValue }

export class VoteSession {
  progress: Progress = { voted: 0, total: 0, remaining: 0 };
  private next: StatementView | null = null;
  private readonly history: Cast[] = [];
  private revisit: Cast | null = null;
  private interjected: StatementView | null = null;

  /** The statement on the card: one being revisited, one the person asked for, else the next to vote on. */
  get shown(): Shown | null {
    if (this.revisit) return { statement: this.revisit.statement, previous: this.revisit.value };
    if (this.interjected) return { statement: this.interjected, previous: this.voteOn(this.interjected.id) };
    return this.next ? { statement: this.next, previous: null } : null;
  }

  get revisiting(): boolean { return this.revisit !== null; }

  get canRevisit(): boolean { return this.history.length > 0 && this.revisit === null; }

  get lastVote(): Cast | null { return this.history[this.history.length - 1] ?? null; }

  /** The server's next statement and progress (first load, or a check for new statements). */
  arrive(next: StatementView | null, progress: Progress): void {
    this.next = next;
    this.progress = progress;
  }

  /** A vote was recorded: remember it, and take the next statement the server chose. */
  voted(statement: StatementView, value: VoteValue, next: StatementView | null, progress: Progress): void {
    const earlier = this.history.findIndex((c) => c.statement.id === statement.id);
    if (earlier >= 0) this.history.splice(earlier, 1);
    this.history.push({ statement, value });
    if (this.history.length > 50) this.history.shift();
    this.revisit = null;
    this.interjected = null;
    this.next = next;
    this.progress = progress;
  }

  /** Brings the last voted statement back, with its vote marked, to change it. */
  revisitLast(): void {
    this.revisit = this.lastVote;
  }

  cancelRevisit(): void {
    this.revisit = null;
  }

  /** Shows a particular statement (e.g. the existing one a duplicate pointed at). */
  show(statement: StatementView): void {
    this.revisit = null;
    this.interjected = statement;
  }

  private voteOn(statementId: number): VoteValue | null {
    return this.history.find((c) => c.statement.id === statementId)?.value ?? null;
  }
}
