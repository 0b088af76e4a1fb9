import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/shared/api';
import { exportFiles, exportLinks, renderExportLinks } from '../src/shared/exports';
import { createTranslator } from '../src/shared/i18n';
import { invalidExportLocation, problemMessage } from '../src/shared/problems';

describe('export links', () => {
  it('gives the facilitator their own route, whatever the settings', () => {
    for (const isOpenData of [false, true]) {
      const links = exportLinks('aB3dE5gH7jK9', { isOpenData, isOwner: true });
      expect(links?.zip).toBe('/api/v1/manage/conversations/aB3dE5gH7jK9/export');
      expect(links?.files.map((f) => f.href)).toContain('/api/v1/manage/conversations/aB3dE5gH7jK9/export/votes.csv');
      expect(links?.isPublic).toBe(isOpenData);
    }
  });

  it('gives anyone the public route of open data, and nothing otherwise', () => {
    const links = exportLinks('x y', { isOpenData: true, isOwner: false });
    expect(links?.zip).toBe('/api/v1/conversations/x%20y/export');
    expect(links?.files).toHaveLength(exportFiles.length);
    expect(links?.files[0]).toEqual({ name: 'summary.csv', href: '/api/v1/conversations/x%20y/export/summary.csv' });
    expect(exportLinks('abc', { isOpenData: false, isOwner: false })).toBeNull();
  });

  it('renders the zip and every single file as download links', () => {
    const t = createTranslator('en');
    const el = renderExportLinks(t, exportLinks('abc', { isOpenData: false, isOwner: true })!, 'report');
    expect(el.querySelector('#report-export-zip')?.getAttribute('href')).toBe('/api/v1/manage/conversations/abc/export');
    expect([...el.querySelectorAll('[data-export-file]')].map((a) => a.getAttribute('download'))).toEqual([...exportFiles]);
    expect(el.textContent).toContain('Open data');
    expect(renderExportLinks(t, exportLinks('abc', { isOpenData: true, isOwner: false })!, 'r').textContent).not.toContain('Open data');
  });
});

describe('import errors', () => {
  const t = createTranslator('en');
  const invalid = (extra: Record<string, unknown>) => new ApiError({ type: '/problems/invalid-export', status: 400, ...extra });

  it('names the file, line and column of a malformed export', () => {
    expect(invalidExportLocation(t, invalid({ file: 'votes.csv', line: 4, column: 5, reason: "'agree' is not an integer" }))).toBe('votes.csv, line 4, column 5');
    expect(invalidExportLocation(t, invalid({ file: 'comments.csv', line: 1200, column: 0 }))).toBe('comments.csv, line 1,200');
    expect(invalidExportLocation(t, invalid({ file: 'upload', line: 0, column: 0 }))).toBe('upload');
    expect(invalidExportLocation(createTranslator('de'), invalid({ file: 'votes.csv', line: 4, column: 5 }))).toBe('votes.csv, Zeile 4, Spalte 5');
  });

  it('says nothing of a location for other problems', () => {
    expect(invalidExportLocation(t, invalid({}))).toBeNull();
    expect(invalidExportLocation(t, new ApiError({ type: '/problems/payload-too-large', status: 413 }))).toBeNull();
    expect(problemMessage(t, invalid({ file: 'x' }))).toBe(t.t('problem.invalid-export'));
  });
});
