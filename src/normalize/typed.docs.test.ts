import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinContext } from './context.js';
import { parseTypedAlteration } from './typed.js';

/** Every "you write" example in docs/case-format.md reads without an error, so the documentation stays true. */
const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'case-format.md'), 'utf8');
const ctx = builtinContext();

function examples(section: string): string[] {
  const start = doc.indexOf(`## ${section}`);
  const end = doc.indexOf('\n## ', start + 1);
  const out: string[] = [];
  for (const line of doc.slice(start, end === -1 ? undefined : end).split('\n')) {
    if (!line.startsWith('| `')) continue;
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([^`]+)`/g)) out.push(m[1]!);
  }
  return out;
}

describe('docs/case-format.md examples', () => {
  const alterations = examples('Alterations');
  const biomarkers = examples('Biomarkers');

  it('lists examples', () => {
    expect(alterations.length).toBeGreaterThan(30);
    expect(biomarkers.length).toBeGreaterThan(20);
  });

  it.each(alterations)('alteration %j reads', (text) => {
    const r = parseTypedAlteration(text, ctx);
    expect(r.issues.filter((i) => i.severity === 'error' || i.code === 'gene.unknown')).toEqual([]);
    expect(r.alteration ?? r.biomarker).toBeDefined();
  });

  it.each(biomarkers)('biomarker %j reads', (text) => {
    const r = parseTypedAlteration(text, ctx);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.biomarker).toBeDefined();
  });
});
