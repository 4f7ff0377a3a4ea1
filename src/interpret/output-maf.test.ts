import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_SCHEMA_VERSION,
  type AnnotatedAlteration,
  type AnnotationResult,
} from '../domain/index.js';
import {
  annotationCells,
  highestOverallLevel,
  MAF_ANNOTATION_COLUMNS,
  writeAnnotatedMaf,
} from './output-maf.js';
import { mut } from './fixtures/builders.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'small.maf');

function annotated(line: number, file = FIXTURE): AnnotatedAlteration {
  return {
    kind: 'mutation',
    gene: 'BRAF',
    alteration: 'V600E',
    originalText: 'p.V600E',
    oncogenic: 'Oncogenic',
    mutationEffect: 'Gain-of-function',
    highestSensitiveLevel: '1',
    highestResistanceLevel: 'R2',
    treatments: [
      {
        drugs: ['dabrafenib', 'trametinib'],
        level: '1',
        effect: 'sensitivity',
        tumorTypes: ['MEL'],
        sources: [
          {
            source: 'builtin',
            release: 'x',
            evidenceId: 'a',
            researchUseOnly: false,
            citations: [{ kind: 'fda_label', label: 'Tafinlar', id: 'NDA 202806' }],
          },
        ],
      },
      { drugs: ['vemurafenib'], level: '1', effect: 'sensitivity', tumorTypes: ['MEL'], sources: [] },
      {
        drugs: ['trametinib', 'dabrafenib'],
        level: '3B',
        effect: 'sensitivity',
        tumorTypes: ['NSCLC'],
        sources: [
          {
            source: 'builtin',
            release: 'x',
            evidenceId: 'b',
            researchUseOnly: false,
            citations: [
              { kind: 'publication', label: 'p', id: 'PMID:1' },
              { kind: 'fda_label', label: 'Tafinlar', id: 'NDA 202806' },
            ],
          },
        ],
      },
      { drugs: ['cetuximab'], level: 'R2', effect: 'resistance', tumorTypes: ['COADREAD'], sources: [] },
    ],
    conflicts: [],
    alterationData: mut('BRAF', 'V600E', { origin: { file, line } }),
  };
}

describe('annotationCells', () => {
  it('writes oncokb-annotator style cells: LEVEL_x labels, "," between treatments, "+" in combinations', () => {
    const cells = Object.fromEntries(
      MAF_ANNOTATION_COLUMNS.map((c, i) => [c, annotationCells(annotated(3))[i]]),
    );
    expect(cells).toEqual({
      ONCOGENIC: 'Oncogenic',
      MUTATION_EFFECT: 'Gain-of-function',
      HIGHEST_LEVEL: 'LEVEL_1',
      HIGHEST_SENSITIVE_LEVEL: 'LEVEL_1',
      HIGHEST_RESISTANCE_LEVEL: 'LEVEL_R2',
      LEVEL_1: 'dabrafenib+trametinib,vemurafenib',
      LEVEL_2: '',
      LEVEL_3A: '',
      // The same combination already listed at level 1 is not repeated at 3B.
      LEVEL_3B: '',
      LEVEL_4: '',
      LEVEL_R1: '',
      LEVEL_R2: 'cetuximab',
      TX_CITATIONS: 'NDA 202806;PMID:1',
    });
    expect(annotationCells(undefined)).toEqual(MAF_ANNOTATION_COLUMNS.map(() => ''));
  });

  it('HIGHEST_LEVEL ranks R1 above 1 and R2 below 4', () => {
    expect(highestOverallLevel({ highestSensitiveLevel: '1', highestResistanceLevel: 'R1' })).toBe('R1');
    expect(highestOverallLevel({ highestSensitiveLevel: '4', highestResistanceLevel: 'R2' })).toBe('4');
    expect(highestOverallLevel({ highestSensitiveLevel: null, highestResistanceLevel: 'R2' })).toBe('R2');
    expect(highestOverallLevel({ highestSensitiveLevel: null, highestResistanceLevel: null })).toBeNull();
  });
});

describe('writeAnnotatedMaf', () => {
  const result = (alts: AnnotatedAlteration[]): AnnotationResult => ({
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    generatedBy: 'test',
    knowledgeBase: [],
    samples: [
      {
        id: 'S1',
        tumorType: null,
        tmb: null,
        highestSensitiveLevel: '1',
        highestResistanceLevel: null,
        alterations: alts,
      },
    ],
  });

  it('keeps every input line and appends the columns to the rows that were annotated', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'onconav-maf-')), 'out.maf');
    const stats = await writeAnnotatedMaf([FIXTURE], result([annotated(3)]), out);
    expect(stats).toMatchObject({ rows: 3, annotated: 1 });
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[0]).toBe('#version 2.4');
    expect(lines[1]!.split('\t').slice(-13)).toEqual([...MAF_ANNOTATION_COLUMNS]);
    const braf = lines[2]!.split('\t');
    expect(braf.slice(0, 6)).toEqual(['BRAF', '7', '140453136', 'Missense_Mutation', 'S1', 'p.V600E']);
    expect(braf[6]).toBe('Oncogenic');
    // A short row (no HGVSp_Short cell) is padded so the annotation columns line up.
    const apc = lines[4]!.split('\t');
    expect(apc).toHaveLength(6 + 13);
    expect(lines).toHaveLength(6);
  });

  it('two MAFs with different columns: error, and no file is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onconav-maf-'));
    const other = join(dir, 'other.maf');
    writeFileSync(other, 'Hugo_Symbol\tTumor_Sample_Barcode\nKRAS\tS9\n');
    const out = join(dir, 'out.maf');
    const stats = await writeAnnotatedMaf([FIXTURE, other], result([]), out);
    expect(stats.issues.map((i) => i.code)).toEqual(['maf-out.header-differs']);
    expect(existsSync(out)).toBe(false);
  });

  it('property: every data row gets exactly the 13 extra cells whatever the annotations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onconav-maf-'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.constantFrom('BRAF', 'KRAS', 'TP53'), fc.constantFrom('S1', 'S2'), fc.boolean()),
          { minLength: 1, maxLength: 20 },
        ),
        async (rows) => {
          const path = join(dir, 'in.maf');
          writeFileSync(
            path,
            [
              'Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short',
              ...rows.map(([g, s]) => `${g}\t${s}\tp.X1Y`),
            ].join('\n') + '\n',
          );
          const alts = rows.flatMap(([, , on], i) => (on ? [annotated(i + 2, path)] : []));
          const out = join(dir, 'out.maf');
          const stats = await writeAnnotatedMaf([path], result(alts), out);
          const lines = readFileSync(out, 'utf8').split('\n').slice(0, -1);
          expect([stats.rows, stats.annotated, lines.map((l) => l.split('\t').length)]).toEqual([
            rows.length,
            alts.length,
            lines.map(() => 16),
          ]);
          return true;
        },
      ),
      { numRuns: 25 },
    );
  });
});
