// The API's JSON shapes as the UI reads them (see docs/api.md and src/Deliberation.Api/Features/*/…Contracts.cs).

export type VoteValue = 'agree' | 'disagree' | 'pass';
export type Moderation = 'unmoderated' | 'accepted' | 'rejected';

export interface ConversationView {
  id: string;
  topic: string;
  description: string;
  isOpen: boolean;
  participantsCanWrite: boolean;
  maxStatementLength: number;
  strictModeration: boolean;
  reportIsPublic: boolean;
  isOpenData: boolean;
  createdAt: string;
}

export interface ListedConversation { id: string; topic: string; createdAt: string; participants: number; statements: number }

export interface JoinResponse { participantNumber: number; token: string; isNew: boolean }

export interface Progress { voted: number; total: number; remaining: number }

export interface StatementView {
  id: number;
  number: number;
  text: string;
  moderation: Moderation;
  isSeed: boolean;
  isMine: boolean;
  createdAt: string;
}

export interface StatementList { items: StatementView[]; nextAfter: number | null }

export interface VoteResponse { statementId: number; value: VoteValue; eventId: number; next: StatementView | null; progress: Progress }

export interface NextResponse { next: StatementView | null; progress: Progress }

export interface MyVote { statementId: number; statementNumber: number; value: VoteValue; updatedAt: string }

export interface Settings {
  strictModeration: boolean;
  participantsCanWrite: boolean;
  maxStatementLength: number;
  isListed: boolean;
  reportIsPublic: boolean;
  isOpenData: boolean;
}

export interface Counts { participants: number; statements: number; statementsWaiting: number; votes: number; voteEvents: number }

export interface ConversationDetails {
  id: string;
  topic: string;
  description: string;
  isOpen: boolean;
  settings: Settings;
  createdAt: string;
  updatedAt: string;
  counts: Counts;
}

export interface ConversationSummary {
  id: string;
  topic: string;
  isOpen: boolean;
  createdAt: string;
  participants: number;
  statements: number;
  statementsWaiting: number;
}

export interface Page<T> { items: T[]; pageNumber: number; pageSize: number; total: number }

export interface ModerationItem {
  id: number;
  number: number;
  text: string;
  moderation: Moderation;
  isMeta: boolean;
  isSeed: boolean;
  authorNumber: number | null;
  createdAt: string;
  moderatedAt: string | null;
  agrees: number;
  disagrees: number;
  passes: number;
}

export interface Facilitator { id: string; email: string | null }

export interface NearDuplicateStatement { statementId: number; number: number; text: string; moderation: Moderation }
export interface NearDuplicatePair { first: NearDuplicateStatement; second: NearDuplicateStatement; score: number }
export interface NearDuplicates { threshold: number; pairs: NearDuplicatePair[] }

export interface TopicStatement { statementId: number; number: number; text: string }
export interface Topic { id: number; label: string; terms: string[]; statements: TopicStatement[] }
export interface TopicsView { topics: Topic[]; silhouette: number }

export interface ImportResponse {
  conversationId: string;
  topic: string;
  isOpen: boolean;
  participants: number;
  statements: number;
  voteEvents: number;
  votes: number;
  votesFrom: string;
  elapsedMs: number;
}
