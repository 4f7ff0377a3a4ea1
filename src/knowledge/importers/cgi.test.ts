import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { EvidenceSchema } from '../../domain/index.js';
import { describeWithSharedData, sharedPath } from '../../../test/shared-data.js';
import { cgiDrugGroups, cgiPatterns, importCgi } from './cgi.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/cgi/cgi_biomarkers_per_variant.tsv', import.meta.url));

describe('CGI alteration strings', () => {
  it('maps the forms used by the biomarkers file', () => {
    expect(cgiPatterns('BRAF:V600E', 'MUT', 'BRAF', '')).toEqual([
      { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    ]);
    expect(cgiPatterns('BRAF:V600.', 'MUT', 'BRAF', '')).toEqual([
      { type: 'codon', gene: 'BRAF', position: 600 },
    ]);
    expect(cgiPatterns('ESR1:.537.,L536.', 'MUT', 'ESR1', '')).toEqual([
      { type: 'codon', gene: 'ESR1', position: 537 },
      { type: 'codon', gene: 'ESR1', position: 536 },
    ]);
    expect(cgiPatterns('ALK:.', 'MUT', 'ALK', '')).toEqual([{ type: 'oncogenic', gene: 'ALK' }]);
    expect(cgiPatterns('ERBB2:amp', 'CNA', 'ERBB2', '')).toEqual([{ type: 'amplification', gene: 'ERBB2' }]);
    expect(cgiPatterns('CDKN2A:del', 'CNA', 'CDKN2A', '')).toEqual([{ type: 'deletion', gene: 'CDKN2A' }]);
    expect(cgiPatterns('RET__.', 'FUS', 'RET', '')).toEqual([{ type: 'fusion', gene: 'RET' }]);
    expect(cgiPatterns('PML__RARA', 'FUS', 'RARA', '')).toEqual([
      { type: 'fusion', gene: 'RARA', partner: 'PML' },
    ]);
    expect(
      cgiPatterns('EGFR::consequence::inframe_deletion:729-761', 'MUT', 'EGFR', 'EGFR exon 19 deletions'),
    ).toEqual([{ type: 'class', gene: 'EGFR', class: 'exon19_inframe_deletion' }]);
    expect(cgiPatterns('KIT:449-514,550-592', 'MUT', 'KIT', 'KIT mutation in exon 9 or 11')).toEqual([
      { type: 'class', gene: 'KIT', class: 'exon9_mutation' },
      { type: 'class', gene: 'KIT', class: 'exon11_mutation' },
    ]);
    expect(cgiPatterns('KIT::wildtype:.', 'MUT', 'KIT', 'KIT wildtype')).toBeNull();
    expect(cgiPatterns('AR:over', 'EXPR', 'AR', '')).toBeNull();
  });
  it('splits drug cells into alternatives and combinations', () => {
    expect(cgiDrugGroups('[Nilotinib,Dasatinib]')).toEqual([['nilotinib'], ['dasatinib']]);
    expect(cgiDrugGroups('Everolimus;Erlotinib')).toEqual([['everolimus', 'erlotinib']]);
    expect(cgiDrugGroups('Dasatinib')).toEqual([['dasatinib']]);
    expect(cgiDrugGroups('[]')).toEqual([]);
  });
  it('never throws on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('MUT', 'CNA', 'FUS', 'EXPR', 'BIA', ''),
        fc.string({ maxLength: 30 }),
        (alt, type, label) => {
          const r = cgiPatterns(alt, type, 'G', label);
          if (r !== null) expect(r.length).toBeGreaterThan(0);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (d) =>
        cgiDrugGroups(d).every((g) => g.length > 0 && g.every((x) => x === x.toLowerCase() && x !== '')),
      ),
    );
  });
});

describe('importCgi (fixture)', () => {
  it('folds per-variant rows back into biomarkers and maps levels and tumor acronyms', async () => {
    const r = await importCgi(FIXTURE, {
      version: 'fixture-2017',
      date: '2017-12-26',
      importedAt: '2025-01-01T00:00:00Z',
    });
    expect(r.release).toMatchObject({
      source: 'cgi',
      version: 'fixture-2017',
      date: '2017-12-26',
      researchUseOnly: false,
    });
    for (const e of r.evidence) EvidenceSchema.parse(e);
    const braf = r.evidence.find((e) => e.sourceLevel === 'FDA guidelines' && e.pattern.type === 'variant')!;
    expect(braf).toMatchObject({ level: '1', tumorTypes: ['SKCM'], drugs: ['vemurafenib'] });
    expect(braf.citations.map((c) => c.kind)).toEqual(['cgi', 'fda_label']);
    // Two variants × two alternative drugs → four evidence items, from two rows.
    const egfr = r.evidence.filter((e) => e.pattern.type === 'variant' && e.pattern.gene === 'EGFR');
    expect(egfr).toHaveLength(4);
    expect(egfr[0]).toMatchObject({ level: '2', tumorTypes: ['NSCLC', 'LUAD'] });
    expect(r.evidence.find((e) => e.pattern.type === 'codon')).toMatchObject({
      effect: 'resistance',
      level: 'R2',
      tumorTypes: ['COADREAD'],
    });
    expect(r.evidence.find((e) => e.pattern.type === 'amplification')).toMatchObject({
      drugs: ['trastuzumab', 'pertuzumab'],
      level: '3A',
    });
    expect(r.evidence.find((e) => e.pattern.type === 'fusion')).toMatchObject({
      level: '4',
      tumorTypes: ['LUNG'],
    });
    expect(
      r.evidence.find((e) => e.pattern.type === 'class' && e.pattern.class === 'exon11_mutation'),
    ).toMatchObject({ level: '2', tumorTypes: ['GIST'] });
    expect(r.report).toMatchObject({
      rowsRead: 14,
      skipped: {
        'same-biomarker-another-variant-row': 1,
        'resistance-preclinical': 1,
        'drug-family-only': 1,
        'combined-biomarker': 1,
        expression: 1,
        toxicity: 1,
        'unmapped-disease': 1,
      },
      unmappedDiseases: { ZZZ: 1 },
    });
    // Ids are content hashes: the same file gives the same ids.
    const again = await importCgi(FIXTURE, { version: 'fixture-2017', date: '2017-12-26' });
    expect(again.evidence.map((e) => e.id)).toEqual(r.evidence.map((e) => e.id));
  });
});

describeWithSharedData('importCgi (shared cgi_biomarkers_per_variant.tsv)', () => {
  it('imports the file', async () => {
    const r = await importCgi(sharedPath('knowledge', 'cgi', 'cgi_biomarkers_per_variant.tsv'), {
      version: 'cgi_biomarkers_per_variant-2017',
      date: '2017-12-26',
    });
    expect(r.report.rowsRead).toBe(1442);
    expect(r.evidence.length).toBeGreaterThan(600);
    for (const e of r.evidence) EvidenceSchema.parse(e);
    expect(new Set(r.evidence.map((e) => e.id)).size).toBe(r.evidence.length);
    console.info('CGI:', JSON.stringify({ evidence: r.evidence.length, skipped: r.report.skipped }));
  });
});
