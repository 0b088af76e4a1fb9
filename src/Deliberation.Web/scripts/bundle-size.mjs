// Prints the gzipped JavaScript and CSS each page loads (its entry and every chunk it imports), from Vite's manifest,
// and fails the build when the participant page's JavaScript exceeds its budget (issue 6: 150 KB gzipped).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = resolve(import.meta.dirname, '../../Deliberation.Api/wwwroot/app');
const manifest = JSON.parse(readFileSync(resolve(out, '.vite/manifest.json'), 'utf8'));
const budgets = { 'participant.html': 150 * 1024 };
const gz = (file) => gzipSync(readFileSync(resolve(out, file)), { level: 9 }).length;

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
}

let failed = false;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('Bundle sizes (gzipped, everything a page loads at start):');
for (const [key, entry] of Object.entries(manifest)) {
  if (!entry.isEntry) continue;
  const chunks = [...closure(key)].map((k) => manifest[k]);
  const js = chunks.reduce((sum, c) => sum + gz(c.file), 0);
  const css = chunks.flatMap((c) => c.css ?? []).filter((f, i, all) => all.indexOf(f) === i).reduce((sum, f) => sum + gz(f), 0);
  const budget = budgets[key];
  const verdict = budget ? (js <= budget ? ` (budget ${kb(budget)}: ok)` : ` (budget ${kb(budget)}: OVER)`) : '';
  if (budget && js > budget) failed = true;
  console.log(`  ${key.padEnd(16)} JS ${kb(js).padStart(9)}   CSS ${kb(css).padStart(8)}${verdict}`);
}
if (failed) {
  console.error('A page is over its JavaScript budget.');
  process.exit(1);
}
