// A QR code as SVG for the share link (generated in the browser, nothing leaves the page).
import { encode } from 'uqr';
import { s } from './dom';

/** Dark modules as one SVG path, rows run-length merged so a 57×57 code stays a short string. */
export function qrPath(data: boolean[][]): string {
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) { x++; continue; }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start},${y}h${x - start}v1h${start - x}z`;
    }
  });
  return d;
}

export function qrSvg(text: string, label: string): SVGSVGElement {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  return s('svg', { viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges' },
    s('rect', { width: size, height: size, fill: '#fff' }),
    s('path', { d: qrPath(data), fill: '#000' }));
}
