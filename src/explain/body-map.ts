import type { BodyRegion } from './cancer-types.js';
import type { RenderMessages } from './messages/types.js';

/**
 * A hand-drawn front view of a person as inline SVG, marking where the cancer started (a square) and
 * where it spread (circles), each named in a label column with a leader line. Shape and label, not colour
 * alone, carry the meaning (WCAG 1.4.1). The figure is one `role="img"` with <title> and <desc> that say
 * in words what it shows, so screen readers read the description and skip the drawing.
 * Coordinates are the person's own sides: their right is on the viewer's left.
 */

type Point = readonly [number, number];

const CX = 110;
/** Where each region's marker sits (one or more points); labels name the region once. */
const POINTS: Record<BodyRegion, readonly Point[]> = {
  brain: [[CX, 30]],
  leptomeninges: [[CX - 16, 22]],
  spinal_cord: [[CX, 150]],
  eye: [[CX + 9, 40]],
  throat: [[CX, 74]],
  thyroid: [[CX - 6, 82]],
  lymph_node: [
    [CX + 14, 80],
    [CX - 42, 104],
  ],
  breast: [[CX + 22, 112]],
  lung: [
    [CX - 20, 128],
    [CX + 20, 128],
  ],
  pleura: [[CX + 34, 138]],
  liver: [[CX - 18, 166]],
  stomach: [[CX + 16, 164]],
  pancreas: [[CX + 4, 178]],
  adrenal: [
    [CX - 14, 184],
    [CX + 14, 184],
  ],
  kidney: [
    [CX - 20, 196],
    [CX + 20, 196],
  ],
  peritoneum: [[CX + 26, 208]],
  bowel: [[CX - 6, 214]],
  ovary: [
    [CX - 16, 232],
    [CX + 16, 232],
  ],
  uterus: [[CX, 236]],
  bladder: [[CX, 246]],
  prostate: [[CX, 254]],
  bone: [
    [CX - 32, 120],
    [CX + 20, 240],
    [CX - 22, 320],
  ],
  soft_tissue: [[CX + 24, 300]],
  skin: [[CX + 68, 210]],
  other: [[CX + 70, 30]],
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface BodyMapInput {
  primary: BodyRegion | null;
  primaryLabel: string | null;
  sites: ReadonlyArray<{ region: BodyRegion; label: string }>;
}

/** The figure's outline: head, neck, trunk, arms and legs, plus faint organ outlines for orientation. */
const OUTLINE = [
  `<ellipse cx="${CX}" cy="36" rx="24" ry="29"/>`,
  `<path d="M${CX - 10} 62 L${CX - 10} 76 L${CX + 10} 76 L${CX + 10} 62 Z"/>`,
  `<path d="M${CX - 48} 90 Q${CX - 46} 78 ${CX - 30} 76 L${CX + 30} 76 Q${CX + 46} 78 ${CX + 48} 90 L${CX + 42} 180 Q${CX + 46} 220 ${CX + 44} 250 L${CX - 44} 250 Q${CX - 46} 220 ${CX - 42} 180 Z"/>`,
  `<path d="M${CX - 46} 88 Q${CX - 62} 96 ${CX - 64} 150 L${CX - 70} 236 Q${CX - 72} 250 ${CX - 64} 252 Q${CX - 56} 250 ${CX - 58} 236 L${CX - 50} 156 Z"/>`,
  `<path d="M${CX + 46} 88 Q${CX + 62} 96 ${CX + 64} 150 L${CX + 70} 236 Q${CX + 72} 250 ${CX + 64} 252 Q${CX + 56} 250 ${CX + 58} 236 L${CX + 50} 156 Z"/>`,
  `<path d="M${CX - 44} 248 L${CX - 40} 420 Q${CX - 30} 428 ${CX - 20} 420 L${CX - 4} 262 L${CX + 4} 262 L${CX + 20} 420 Q${CX + 30} 428 ${CX + 40} 420 L${CX + 44} 248 Z"/>`,
].join('');

const ORGANS = [
  `<ellipse cx="${CX}" cy="30" rx="17" ry="15"/>`,
  `<ellipse cx="${CX - 20}" cy="128" rx="14" ry="26"/>`,
  `<ellipse cx="${CX + 20}" cy="128" rx="14" ry="26"/>`,
  `<path d="M${CX - 36} 160 Q${CX - 4} 150 ${CX + 4} 162 Q${CX - 14} 180 ${CX - 36} 174 Z"/>`,
  `<path d="M${CX - 26} 204 Q${CX} 194 ${CX + 26} 204 Q${CX + 30} 226 ${CX} 228 Q${CX - 30} 226 ${CX - 26} 204 Z"/>`,
  `<line x1="${CX}" y1="80" x2="${CX}" y2="246"/>`,
].join('');

/** Renders the body map as a self-contained SVG string (no external references). `id` must be unique in the page. */
export function renderBodyMap(input: BodyMapInput, msg: RenderMessages, id = 'body-map'): string {
  const marks: Array<{ kind: 'primary' | 'spread'; label: string; points: readonly Point[] }> = [];
  if (input.primary)
    marks.push({
      kind: 'primary',
      label: input.primaryLabel ?? msg.bodyMapLegendPrimary,
      points: POINTS[input.primary],
    });
  const seen = new Set<BodyRegion>();
  for (const s of input.sites) {
    if (seen.has(s.region)) continue;
    seen.add(s.region);
    marks.push({ kind: 'spread', label: s.label, points: POINTS[s.region] });
  }
  // Labels in a column on the right, each near the height of its markers, at least `gap` apart, so
  // leader lines stay short and do not cross.
  const mean = (pts: readonly Point[]): number => pts.reduce((n, p) => n + p[1], 0) / Math.max(1, pts.length);
  const ordered = [...marks].sort((a, b) => mean(a.points) - mean(b.points));
  const labelX = 214;
  // Up to 14 labels keep 28 units apart; more labels share the height evenly (never under 22: the font is 15).
  const gap = Math.max(22, Math.min(28, 390 / Math.max(1, ordered.length - 1)));
  const ys: number[] = [];
  for (const mark of ordered)
    ys.push(Math.max(mean(mark.points), (ys[ys.length - 1] ?? -Infinity) + gap, 20));
  // Pull the column back up if it ran past the bottom of the drawing.
  for (let i = ys.length - 1, limit = 410; i >= 0; i--, limit -= gap)
    ys[i] = Math.max(20, Math.min(ys[i]!, limit));
  const parts: string[] = [];
  ordered.forEach((mark, i) => {
    const ly = Math.round(ys[i]!);
    for (const [x, y] of mark.points)
      parts.push(`<line class="bm-lead" x1="${x}" y1="${y}" x2="${labelX - 6}" y2="${ly}"/>`);
    for (const [x, y] of mark.points)
      parts.push(
        mark.kind === 'primary'
          ? `<rect class="bm-primary" x="${x - 7}" y="${y - 7}" width="14" height="14"/>`
          : `<circle class="bm-spread" cx="${x}" cy="${y}" r="7"/>`,
      );
    const icon =
      mark.kind === 'primary'
        ? `<rect class="bm-primary" x="${labelX}" y="${ly - 6}" width="12" height="12"/>`
        : `<circle class="bm-spread" cx="${labelX + 6}" cy="${ly}" r="6"/>`;
    parts.push(`${icon}<text class="bm-label" x="${labelX + 18}" y="${ly + 5}">${esc(mark.label)}</text>`);
  });
  const legendY = 446;
  const legend =
    `<rect class="bm-primary" x="10" y="${legendY - 10}" width="12" height="12"/><text class="bm-legend" x="28" y="${legendY}">${esc(input.primary ? msg.bodyMapLegendPrimary : msg.bodyMapPrimaryUnknown)}</text>` +
    `<circle class="bm-spread" cx="176" cy="${legendY - 4}" r="6"/><text class="bm-legend" x="188" y="${legendY}">${esc(msg.bodyMapLegendSpread)}</text>`;
  const desc = msg.bodyMapDesc(
    input.primary ? msg.regions[input.primary] : null,
    input.sites.map((s) => s.label),
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="body-map" viewBox="0 0 430 460" width="430" height="460" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${esc(msg.bodyMapTitle)}</title><desc id="${id}-desc">${esc(desc)}</desc>` +
    `<g class="bm-body" aria-hidden="true">${OUTLINE}</g><g class="bm-organs" aria-hidden="true">${ORGANS}</g>` +
    `<g aria-hidden="true">${parts.join('')}${legend}</g></svg>`
  );
}

/** Styles for the body map, inlined by the HTML renderer (and kept in the SVG's class names only). */
export const BODY_MAP_CSS = `
.body-map { max-width: 100%; height: auto; }
.bm-body { fill: #eef2f6; stroke: #5b6b7c; stroke-width: 1.5; }
.bm-organs { fill: none; stroke: #a9b6c4; stroke-width: 1; stroke-dasharray: 3 2; }
.bm-lead { stroke: #5b6b7c; stroke-width: 1; }
.bm-primary { fill: #1f4e8c; stroke: #fff; stroke-width: 2; }
.bm-spread { fill: #b3261e; stroke: #fff; stroke-width: 2; }
.bm-label, .bm-legend { font: 15px system-ui, sans-serif; fill: #1b1b1b; }
`;
