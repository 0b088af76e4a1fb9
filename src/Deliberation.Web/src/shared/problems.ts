// What to tell a person when the API says no: one sentence per stable problem type, in their language.
import { ApiError } from './api';
import type { Translator } from './i18n';

const known = new Set([
  'duplicate-statement', 'rate-limited', 'conversation-closed', 'writing-disabled', 'statement-not-votable',
  'network', 'participant-required', 'unauthenticated', 'conversation-not-found', 'statement-not-found',
  'forbidden', 'foreign-participant', 'conflict', 'payload-too-large', 'internal', 'validation', 'invalid-export',
  'unsupported-media-type', 'not-open-data',
]);

export function problemMessage(t: Translator, error: unknown): string {
  if (!(error instanceof ApiError)) return t.t('problem.unknown');
  const kind = error.kind;
  if (kind === 'rate-limited') {
    return t.tn('problem.rate-limited', Math.max(1, Math.round(error.problem.retryAfterSeconds ?? 1)));
  }
  if (kind === 'validation') {
    const first = Object.values(error.problem.errors ?? {}).flat()[0];
    // The server's own sentence names the field and the limit; it is English, so prefix it with ours.
    return first ? `${t.t('problem.validation')} ${first}` : t.t('problem.validation');
  }
  if (known.has(kind)) return t.t(`problem.${kind}`);
  return error.status >= 500 ? t.t('problem.internal') : t.t('problem.unknown');
}

/** Field errors of a validation problem, keyed by field name in lower case. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.kind !== 'validation') return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error.problem.errors ?? {})) out[field.toLowerCase()] = messages.join(' ');
  return out;
}

/** Where an uploaded Polis export is at fault (400 invalid-export: file, 1-based line and column, 0 = the whole file). */
export function invalidExportLocation(t: Translator, error: unknown): string | null {
  if (!(error instanceof ApiError) || error.kind !== 'invalid-export') return null;
  const { file, line, column } = error.problem;
  if (typeof file !== 'string' || !file) return null;
  const lineNumber = typeof line === 'number' ? line : 0;
  const columnNumber = typeof column === 'number' ? column : 0;
  if (lineNumber <= 0) return t.t('admin.importWhereFile', { file });
  if (columnNumber <= 0) return t.t('admin.importWhereLine', { file, line: t.number(lineNumber) });
  return t.t('admin.importWhere', { file, line: t.number(lineNumber), column: t.number(columnNumber) });
}
