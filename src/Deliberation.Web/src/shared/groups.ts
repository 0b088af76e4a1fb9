// How groups look everywhere: a letter, a colour from the Okabe–Ito palette (safe for the common colour-vision
// deficiencies) and a shape, so that no group is told apart by colour alone.
import { groupLetter } from './format';

export const groupColors = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const groupShapes = ['circle', 'square', 'triangle', 'diamond', 'pentagon', 'cross', 'star', 'hexagon'] as const;
export type GroupShape = (typeof groupShapes)[number];

export interface GroupStyle { letter: string; color: string; shape: GroupShape; className: string }

export function groupStyle(index: number): GroupStyle {
  return {
    letter: groupLetter(index),
    color: groupColors[index % groupColors.length],
    shape: groupShapes[index % groupShapes.length],
    className: `group-${index % groupColors.length}`,
  };
}

/** An SVG path for a shape of radius r centred on (0, 0). */
export function shapePath(shape: GroupShape, r: number): string {
  const polygon = (n: number, rotation = -Math.PI / 2, inner?: number) => {
    const points: string[] = [];
    const total = inner ? n * 2 : n;
    for (let i = 0; i < total; i++) {
      const radius = inner && i % 2 === 1 ? inner : r;
      const angle = rotation + (i * 2 * Math.PI) / total;
      points.push(`${(Math.cos(angle) * radius).toFixed(2)},${(Math.sin(angle) * radius).toFixed(2)}`);
    }
    return `M${points.join('L')}Z`;
  };
  switch (shape) {
    case 'circle': return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square': return polygon(4, -Math.PI / 4);
    case 'triangle': return polygon(3);
    case 'diamond': return polygon(4);
    case 'pentagon': return polygon(5);
    case 'hexagon': return polygon(6);
    case 'star': return polygon(5, -Math.PI / 2, r * 0.45);
    case 'cross': {
      const a = r / 3;
      return `M${-a},${-r}H${a}V${-a}H${r}V${a}H${a}V${r}H${-a}V${a}H${-r}V${-a}H${-a}Z`;
    }
  }
}
