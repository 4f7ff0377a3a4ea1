import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import { ALL_SOLID_TUMORS, type Evidence } from '../domain/index.js';
import { builtinEvidence } from './builtin/index.js';
import {
  computeCoverage,
  DELIBERATE_DIFFERENCES,
  formatCoverageTable,
  keyDrugs,
  moaTumorCodes,
  normalizeDrug,
  readMoalmanacFdaAssertions,
  tumorCompatible,
  tumorTreeFromFlatTsv,
} from './moalmanac-coverage.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'moalmanac-coverage');
const sample = (): unknown => JSON.parse(readFileSync(join(FIXTURES, 'almanac-sample.json'), 'utf8'));
const tree = tumorTreeFromFlatTsv(readFileSync(join(FIXTURES, 'oncotree-sample.tsv'), 'utf8'));

describe('readMoalmanacFdaAssertions', () => {
  it('keeps FDA-approved, non-deprecated sensitivity rows of gene and biomarker features', () => {
    const { assertions, issues, skipped } = readMoalmanacFdaAssertions(sample(), 'almanac.json');
    expect(assertions.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(skipped).toBe(1); // the mutational signature row
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ['moalmanac.no-therapy', '/11/therapy_name'],
      ['moalmanac.bad-row', '/12'],
    ]);
    expect(assertions[0]).toMatchObject({
      gene: 'BRAF',
      proteinChange: 'V600E',
      exon: 15,
      feature: 'BRAF V600E',
    });
    expect(assertions[1]).toMatchObject({
      gene: 'EGFR',
      annotation: 'Deletion',
      exon: 19,
      feature: 'EGFR Deletion exon 19',
    });
    expect(assertions[2]).toMatchObject({ gene: 'BCR', partner: 'ABL1', feature: 'BCR::ABL1' });
    expect(assertions[7]).toMatchObject({ gene: 'MSI', direction: 'MSI-High' });
  });

  it('reports a non-array document as one error', () => {
    const r = readMoalmanacFdaAssertions({ not: 'an array' }, 'x.json');
    expect(r.assertions).toEqual([]);
    expect(r.issues[0]?.code).toBe('moalmanac.not-array');
  });

  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = readMoalmanacFdaAssertions(v);
        expect(Array.isArray(r.assertions)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(
            fc.constantFrom(
              'feature_type',
              'gene',
              'gene1',
              'therapy_name',
              'predictive_implication',
              'therapy_sensitivity',
              'exon',
              'protein_change',
            ),
            fc.oneof(
              fc.string(),
              fc.integer(),
              fc.constant('FDA-Approved'),
              fc.constant('Somatic Variant'),
              fc.constant(1),
            ),
          ),
        ),
        (rows) => {
          const r = readMoalmanacFdaAssertions(rows);
          for (const a of r.assertions) expect(a.gene).not.toBe('');
        },
      ),
    );
  });
});

describe('tumor and drug matching', () => {
  it('maps retired and tumor-agnostic codes', () => {
    expect(moaTumorCodes({ oncotreeCode: 'ALL', oncotreeTerm: 'Acute Lymphoid Leukemia' })).toEqual([
      'BLL',
      'TLL',
    ]);
    expect(moaTumorCodes({ oncotreeCode: '', oncotreeTerm: 'Any solid tumor' })).toEqual([ALL_SOLID_TUMORS]);
    expect(moaTumorCodes({ oncotreeCode: '', oncotreeTerm: 'something else' })).toEqual([]);
  });

  it('accepts equal, broader and narrower real codes but never narrower than a pseudo-code', () => {
    const e = (
      tumorTypes: string[],
      excludedTumorTypes: string[] = [],
    ): Pick<Evidence, 'tumorTypes' | 'excludedTumorTypes'> => ({ tumorTypes, excludedTumorTypes });
    expect(tumorCompatible(e(['MEL']), ['MEL'], tree)).toBe(true);
    expect(tumorCompatible(e(['SKIN']), ['MEL'], tree)).toBe(true);
    expect(tumorCompatible(e(['LUAD']), ['NSCLC'], tree)).toBe(true);
    expect(tumorCompatible(e([ALL_SOLID_TUMORS]), ['NSCLC'], tree)).toBe(true);
    expect(tumorCompatible(e(['NSCLC']), [ALL_SOLID_TUMORS], tree)).toBe(false);
    expect(tumorCompatible(e([ALL_SOLID_TUMORS]), ['AML'], tree)).toBe(false);
    expect(tumorCompatible(e([ALL_SOLID_TUMORS], ['COADREAD']), ['COADREAD'], tree)).toBe(false);
    expect(tumorCompatible(e(['MEL']), ['NSCLC'], tree)).toBe(false);
  });

  it('builds ancestry from any flat TSV text without throwing', () => {
    expect(tree.ancestors('LUAD')).toEqual(['LUAD', 'NSCLC', 'LUNG', ALL_SOLID_TUMORS, 'ALL_TUMORS']);
    expect(tree.ancestors('AML').at(-2)).toBe('ALL_LIQUID_TUMORS');
    expect(tree.has('luad')).toBe(true);
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string(), { maxLength: 8 }).map((cols) => cols.join('\t')),
          { maxLength: 20 },
        ),
        fc.string(),
        (lines, code) => {
          const t = tumorTreeFromFlatTsv(
            ['code\tname\tmain_type\ttissue\tparent\tlevel\tpath', ...lines].join('\n'),
          );
          expect(t.ancestors(code).at(-1)).toBe('ALL_TUMORS');
        },
      ),
    );
  });

  it('compares regimens by their key drugs', () => {
    expect(normalizeDrug('Ado-Trastuzumab Emtansine')).toBe('trastuzumab emtansine');
    expect(normalizeDrug('Abiraterone acetate')).toBe('abiraterone');
    expect(normalizeDrug('Hyaluronidase-zzxf')).toBe('hyaluronidase');
    expect(keyDrugs(['Cisplatin', 'Osimertinib', 'Pemetrexed'])).toEqual(['osimertinib']);
    expect(keyDrugs(['Capivasertib', 'Fulvestrant'])).toEqual(['capivasertib']);
    expect(keyDrugs(['Fulvestrant'])).toEqual(['fulvestrant']);
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalizeDrug(normalizeDrug(s))).toBe(normalizeDrug(s));
      }),
    );
  });
});

describe('computeCoverage on the fixture', () => {
  const { assertions } = readMoalmanacFdaAssertions(sample());
  const report = computeCoverage(assertions, builtinEvidence(), tree);
  const status = (id: number): string | undefined => report.rows.find((r) => r.assertion.id === id)?.status;

  it('covers what the built-in tables hold and reports the rest', () => {
    expect(status(1)).toBe('covered'); // BRAF V600E melanoma, dabrafenib + trametinib
    expect(status(2)).toBe('covered'); // EGFR exon 19 deletion, osimertinib + chemotherapy
    expect(status(3)).toBe('covered'); // BCR::ABL1, retired code ALL -> BLL
    expect(status(4)).toBe('covered'); // NTRK1 fusion, any solid tumor
    expect(status(5)).toBe('covered'); // ERBB2 amplification, trastuzumab emtansine
    expect(status(6)).toBe('excluded'); // mobocertinib, withdrawn
    expect(status(7)).toBe('missing'); // invented drug
    expect(status(8)).toBe('covered'); // MSI-H, pembrolizumab
    expect(report).toMatchObject({ total: 8, covered: 6, excluded: 1, missing: 1 });
    expect(report.ratio).toBeCloseTo(6 / 7);
    expect(formatCoverageTable(report)).toContain('#7 KRAS G12D | PAAD | Imaginarib');
  });

  it('misses a row once the covering entries are gone (no hidden per-row rule)', () => {
    const withoutMelanoma = builtinEvidence().filter(
      (e) => !e.id.startsWith('builtin:mel-') && !e.id.startsWith('builtin:solid-braf'),
    );
    const r = computeCoverage(assertions, withoutMelanoma, tree);
    expect(r.rows.find((x) => x.assertion.id === 1)?.status).toBe('missing');
  });
});

describeWithSharedData('MOAlmanac FDA-approved coverage by the built-in knowledge', () => {
  const json: unknown = JSON.parse(
    readFileSync(sharedPath('knowledge', 'moalmanac', 'molecular-oncology-almanac.json'), 'utf8'),
  );
  const realTree = tumorTreeFromFlatTsv(
    readFileSync(sharedPath('knowledge', 'oncotree', 'oncotree_2025_10_03.flat.tsv'), 'utf8'),
  );
  const { assertions, issues } = readMoalmanacFdaAssertions(json, 'molecular-oncology-almanac.json');
  const report = computeCoverage(assertions, builtinEvidence(), realTree);

  it('covers at least 95% of the assertions we do not deliberately leave out', () => {
    console.log(formatCoverageTable(report));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.total).toBeGreaterThan(250);
    expect(report.ratio).toBeGreaterThanOrEqual(0.95);
  });

  it('uses every deliberate difference (none is stale)', () => {
    const used = new Set(report.rows.flatMap((r) => (r.difference ? [r.difference] : [])));
    const unused = DELIBERATE_DIFFERENCES.filter((d) => !used.has(d)).map((d) => d.reason);
    expect(unused).toEqual([]);
  });
});
