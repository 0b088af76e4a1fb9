// The live channel (SignalR hub of issue 4): join a conversation, rejoin after every reconnect (the hub then pushes
// the latest result at once), report the connection state, and keep trying after the automatic retries give up.
import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { ModerationItem } from './contracts';
import type { ResultsView, SeriesPointPush, StatementAddedPush, StatementModeratedPush, VoteTalliesPush } from './results-contracts';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface LiveHandlers {
  resultsUpdated?(results: ResultsView): void;
  statementAdded?(push: StatementAddedPush): void;
  statementModerated?(push: StatementModeratedPush): void;
  voteTallies?(push: VoteTalliesPush): void;
  moderationQueued?(item: ModerationItem): void;
  seriesPoint?(push: SeriesPointPush): void;
  state?(state: ConnectionState): void;
}

export interface LiveOptions { token?: string | null; facilitator?: boolean }

/** Delays of the automatic reconnect; after them, one more try every 30 s until the page closes. */
export const reconnectDelaysMs = [0, 1_000, 2_000, 5_000, 10_000, 20_000];

export function connectLive(conversationId: string, options: LiveOptions, handlers: LiveHandlers): { stop(): Promise<void>; connection: HubConnection } {
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/deliberation')
    .withAutomaticReconnect(reconnectDelaysMs)
    .configureLogging(LogLevel.None)
    .build();
  let stopped = false;
  let retry: number | undefined;
  const setState = (state: ConnectionState) => handlers.state?.(state);

  connection.on('ResultsUpdated', (r: ResultsView) => handlers.resultsUpdated?.(r));
  connection.on('StatementAdded', (p: StatementAddedPush) => handlers.statementAdded?.(p));
  connection.on('StatementModerated', (p: StatementModeratedPush) => handlers.statementModerated?.(p));
  connection.on('VoteTallies', (p: VoteTalliesPush) => handlers.voteTallies?.(p));
  connection.on('ModerationQueued', (i: ModerationItem) => handlers.moderationQueued?.(i));
  connection.on('SeriesPoint', (p: SeriesPointPush) => handlers.seriesPoint?.(p));

  const join = () => (options.facilitator
    ? connection.invoke('JoinAsFacilitator', conversationId)
    : connection.invoke('JoinConversation', conversationId, options.token ?? null));

  connection.onreconnecting(() => setState('reconnecting'));
  connection.onreconnected(async () => {
    try {
      await join();
      setState('connected');
    } catch {
      setState('disconnected');
    }
  });
  connection.onclose(() => {
    if (stopped) return;
    setState('disconnected');
    retry = window.setTimeout(() => void start(), 30_000);
  });

  const start = async () => {
    setState('connecting');
    try {
      await connection.start();
      await join();
      setState('connected');
    } catch {
      if (stopped) return;
      setState('disconnected');
      if (connection.state === 'Disconnected') retry = window.setTimeout(() => void start(), 30_000);
    }
  };
  void start();

  return {
    connection,
    stop: async () => {
      stopped = true;
      window.clearTimeout(retry);
      await connection.stop();
    },
  };
}
