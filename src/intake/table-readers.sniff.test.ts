import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READERS } from './index.js';
import { sniffFile } from './sniff.js';

/** Format detection across all readers picks the right one for each of our fixtures and example files. */
const fx = (name: string): string => join(import.meta.dirname, 'fixtures', name);
const ex = (name: string): string => join(import.meta.dirname, '..', '..', 'examples', name);

describe('sniffing CNA, SV, fusion, clinical, panel and case files among all readers', () => {
  it.each([
    [fx('cna-matrix.txt'), 'cna-discrete'],
    [fx('cna-gistic.txt'), 'cna-discrete'],
    [fx('cna-long.txt'), 'cna-long'],
    [fx('sv-cbioportal.txt'), 'sv'],
    [fx('sv-genea-geneb.txt'), 'sv'],
    [fx('fusion-list.txt'), 'fusion-list'],
    [fx('fusion-plain.txt'), 'fusion-list'],
    [fx('fusion-cbioportal-old.txt'), 'fusion-list'],
    [fx('clinical-sample.txt'), 'clinical-sample'],
    [fx('clinical-patient.txt'), 'clinical-patient'],
    [fx('gene-panel-matrix.txt'), 'gene-panel-matrix'],
    [ex('files/example_cna.txt'), 'cna-discrete'],
    [ex('files/example_sv.txt'), 'sv'],
    [ex('melanoma-brain-lung.case.json'), 'case-json'],
  ])('%s → %s', async (path, format) => {
    const r = await sniffFile(path, READERS);
    expect(r.format).toBe(format);
  });
});
