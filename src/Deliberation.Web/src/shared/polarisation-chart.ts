// The facilitator's polarisation chart: the between-group share of vote variance over time, as an SVG line with
// axes, and a sentence that says the same for screen readers.
import { extent, linePath, linearScale, niceTicks } from './chart';
import { h, s } from './dom';
import type { Translator } from './i18n';
import type { PolarisationPoint } from './results-contracts';

const width = 640;
const height = 240;
const margin = { left: 44, right: 12, top: 12, bottom: 28 };

export function renderPolarisationChart(t: Translator, points: readonly PolarisationPoint[]): HTMLElement {
  if (points.length === 0) return h('p', { class: 'muted', id: 'polarisation-chart' }, t.t('admin.polarisationNone'));
  const times = points.map((p) => new Date(p.at).getTime());
  const values = points.map((p) => p.betweenGroupVarianceShare);
  const [t0, t1] = times.length > 1 ? [times[0], times[times.length - 1]] : [times[0] - 60_000, times[0]];
  const x = linearScale([t0, t1], [margin.left, width - margin.right]);
  const [, high] = extent(values, 0.1);
  const y = linearScale([0, Math.min(1, Math.max(0.1, high))], [height - margin.bottom, margin.top]);
  // Seconds matter while a session is young; minutes after that.
  const timeFormat = new Intl.DateTimeFormat(t.locale, t1 - t0 < 10 * 60_000
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { hour: '2-digit', minute: '2-digit' });
  const yTicks = niceTicks(0, y.domain[1], 4);
  const xTicks = niceTicks(t0, t1, 4).filter((v) => v >= t0 && v <= t1)
    .filter((v, i, all) => i === 0 || timeFormat.format(v) !== timeFormat.format(all[i - 1]));
  const last = points[points.length - 1];
  const label = t.t('admin.chartLabel', { start: timeFormat.format(t0), end: timeFormat.format(t1), value: t.percent(last.betweenGroupVarianceShare) });
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    s('g', { class: 'grid' }, yTicks.map((v) => s('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v) }))),
    s('g', { class: 'axis' },
      yTicks.map((v) => s('text', { x: margin.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, t.percent(v))),
      xTicks.map((v) => s('text', { x: x(v), y: height - 8, 'text-anchor': 'middle' }, timeFormat.format(v)))),
    s('path', { class: 'series', d: linePath(points.map((p, i) => ({ x: x(times[i]), y: y(p.betweenGroupVarianceShare) }))) }),
    s('circle', { cx: x(times[times.length - 1]), cy: y(last.betweenGroupVarianceShare), r: 4, fill: '#005a9c' }));
  return h('div', { class: 'chart', id: 'polarisation-chart' }, svg);
}
