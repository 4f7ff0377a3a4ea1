import { COHORT_LEVELS, type CohortSummary } from './cohort.js';

/**
 * A standalone SVG bar chart of the share of samples with at least one alteration at each level, written by
 * hand (SVG 1.1: xmlns, <title> and <desc> first so screen readers and file browsers can name it). Fixed
 * number formatting keeps the output byte-identical for the same summary.
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Colors per level: strong evidence dark, weak light; resistance in red. Chosen for contrast on white. */
const COLORS: Record<(typeof COHORT_LEVELS)[number], string> = {
  '1': '#1a7f37',
  '2': '#2d6cdf',
  '3A': '#6f42c1',
  '3B': '#9a6700',
  '4': '#6e7781',
  R1: '#cf222e',
};

const f1 = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

export function cohortChartSvg(c: CohortSummary, options: { title?: string } = {}): string {
  const title = options.title ?? `Actionability in ${c.samples} sample${c.samples === 1 ? '' : 's'}`;
  const desc =
    `Share of samples with at least one alteration at each level of evidence. ` +
    COHORT_LEVELS.map((l) => `Level ${l}: ${f1(c.levels[l].share * 100)}% (${c.levels[l].samples})`).join(
      '; ',
    ) +
    `. Knowledge: ${c.knowledgeBase.map((k) => `${k.source} ${k.version}`).join(', ') || 'none'}.`;
  const left = 80;
  const top = 50;
  const barH = 28;
  const gap = 12;
  const plotW = 420;
  const width = left + plotW + 90;
  const height = top + COHORT_LEVELS.length * (barH + gap) + 40;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
  );
  out.push(`<title id="chart-title">${escapeXml(title)}</title>`);
  out.push(`<desc id="chart-desc">${escapeXml(desc)}</desc>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${left}" y="28" font-family="sans-serif" font-size="16" font-weight="bold" fill="#1f2328">${escapeXml(title)}</text>`,
  );
  // Grid at 0, 25, 50, 75, 100 %.
  for (let p = 0; p <= 100; p += 25) {
    const x = left + (plotW * p) / 100;
    out.push(
      `<line x1="${f1(x)}" y1="${top - 6}" x2="${f1(x)}" y2="${height - 34}" stroke="#d0d7de" stroke-width="1"/>`,
    );
    out.push(
      `<text x="${f1(x)}" y="${height - 18}" font-family="sans-serif" font-size="11" fill="#57606a" text-anchor="middle">${p}%</text>`,
    );
  }
  COHORT_LEVELS.forEach((l, i) => {
    const y = top + i * (barH + gap);
    const s = c.levels[l];
    const w = plotW * s.share;
    out.push(
      `<text x="${left - 10}" y="${f1(y + barH / 2 + 4)}" font-family="sans-serif" font-size="13" fill="#1f2328" text-anchor="end">Level ${l}</text>`,
    );
    out.push(
      `<rect x="${left}" y="${y}" width="${f1(w)}" height="${barH}" fill="${COLORS[l]}"><title>${escapeXml(`Level ${l}: ${s.samples} of ${c.samples} samples`)}</title></rect>`,
    );
    out.push(
      `<text x="${f1(left + w + 6)}" y="${f1(y + barH / 2 + 4)}" font-family="sans-serif" font-size="12" fill="#1f2328">${f1(s.share * 100)}% (${s.samples})</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
