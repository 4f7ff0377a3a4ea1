import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mutation, TumorType } from '../domain/index.js';
import { CaseSchema } from '../domain/index.js';
import { builtinContext, type NormalizeContext } from '../normalize/context.js';
import { OncoTree } from '../normalize/oncotree.js';
import { buildCase, foldIssues } from './build.js';
import { emptyStats, type ReadResult, type SampleData } from './types.js';

const nodes = new Map<string, TumorType>([
  ['LUAD', { code: 'LUAD', name: 'Lung Adenocarcinoma', parent: 'NSCLC' }],
  ['COADREAD', { code: 'COADREAD', name: 'Colorectal Adenocarcinoma', parent: 'BOWEL' }],
]);
const ctx: NormalizeContext = { ...builtinContext(), oncotree: new OncoTree(nodes) };
const sha256 = (p: string) => `sha-of-${p}`;

const mut = (gene: string, alteration: string, line: number): Mutation => ({
  kind: 'mutation',
  gene,
  alteration,
  consequence: 'missense',
  classes: ['missense'],
  somaticStatus: 'somatic',
  originalText: `${gene} ${alteration}`,
  origin: { file: 'm.maf', line },
});
const result = (
  file: string,
  format: ReadResult['format'],
  samples: SampleData[],
  extra: Partial<ReadResult> = {},
): ReadResult => ({
  file,
  format,
  samples,
  patients: [],
  issues: [],
  stats: emptyStats(),
  ...extra,
});

describe('buildCase', () => {
  const maf = result('m.maf', 'maf', [
    { id: 'S2', alterations: [mut('KRAS', 'G12C', 3)], biomarkers: [] },
    { id: 'S1', alterations: [mut('BRAF', 'V600E', 2)], biomarkers: [] },
  ]);
  const clinical = result(
    'c.txt',
    'clinical-sample',
    [
      {
        id: 'S1',
        patientId: 'P1',
        tumorTypeInput: 'LUAD',
        panel: 'IMPACT468',
        alterations: [],
        biomarkers: [],
      },
      { id: 'S2', patientId: 'P2', tumorTypeInput: 'XYZ', alterations: [], biomarkers: [] },
    ],
    { patients: [{ id: 'P1', age: 61, sex: 'female' }] },
  );

  it('merges samples across files by id, joins patients and resolves tumor types', () => {
    const c = buildCase([maf, clinical], { ctx, sha256 });
    expect(CaseSchema.safeParse(c).success).toBe(true);
    expect(c.samples.map((s) => s.id)).toEqual(['S1', 'S2']);
    const s1 = c.samples[0]!;
    expect(s1).toMatchObject({
      patientId: 'P1',
      panel: 'IMPACT468',
      tumorType: { code: 'LUAD' },
      age: 61,
      sex: 'female',
    });
    expect(s1.alterations.map((a) => a.gene)).toEqual(['BRAF']);
    expect(c.inputs).toEqual([
      { file: 'm.maf', sha256: 'sha-of-m.maf', format: 'maf' },
      { file: 'c.txt', sha256: 'sha-of-c.txt', format: 'clinical-sample' },
    ]);
    const unknown = c.issues.find((i) => i.code === 'tumor-type.unknown')!;
    // A cohort keeps going: the sample stays, without a tumor type, and the warning says why.
    expect(unknown).toMatchObject({ severity: 'warning', file: 'c.txt' });
    expect(unknown.message).toContain('"XYZ"');
    expect(unknown.message).toContain('S2');
    expect(c.samples[1]!.tumorType).toBeUndefined();
  });

  it('makes an unknown tumor type an error when the inputs describe one sample', () => {
    const c = buildCase([maf, clinical], { ctx, sha256, sampleFilter: 'S2' });
    expect(c.issues.find((i) => i.code === 'tumor-type.unknown')).toBeDefined();
    const single = buildCase([result('c1.txt', 'clinical-sample', [{ id: 'S9', tumorTypeInput: 'XYZ', alterations: [], biomarkers: [] }])], { ctx, sha256 });
    expect(single.issues.find((i) => i.code === 'tumor-type.unknown')).toMatchObject({ severity: 'error' });
    const bad = buildCase([maf], { ctx, sha256, tumorType: 'NOPE' });
    expect(bad.issues.find((i) => i.code === 'tumor-type.unknown')).toMatchObject({ severity: 'error' });
  });

  it('applies --tumor-type only to samples without one, and to the case', () => {
    const c = buildCase([maf], { ctx, sha256, tumorType: 'coadread' });
    expect(c.samples.map((s) => s.tumorType?.code)).toEqual(['COADREAD', 'COADREAD']);
    expect(c.tumorType?.code).toBe('COADREAD');
    const mixed = buildCase([maf, clinical], { ctx, sha256, tumorType: 'COADREAD' });
    expect(mixed.samples[0]!.tumorType?.code).toBe('LUAD');
    const bad = buildCase([maf], { ctx, sha256, tumorType: 'NOPE' });
    expect(bad.issues.find((i) => i.code === 'tumor-type.unknown')).toMatchObject({ file: '--tumor-type' });
  });

  it('keeps one sample with --sample and reports an unknown one', () => {
    const c = buildCase([maf, clinical], { ctx, sha256, sampleFilter: 'S1' });
    expect(c.samples.map((s) => s.id)).toEqual(['S1']);
    expect(c.patient).toMatchObject({ id: 'P1', age: 61, sex: 'female' });
    const missing = buildCase([maf], { ctx, sha256, sampleFilter: 'S9' });
    expect(missing.samples).toEqual([]);
    expect(missing.issues[0]!.message).toContain('S1, S2');
  });

  it('derives a stable id from the inputs unless a case JSON names one', () => {
    const a = buildCase([maf], { ctx, sha256 });
    const b = buildCase([maf], { ctx, sha256 });
    expect(a.id).toMatch(/^case-[0-9a-f]{12}$/);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const named = buildCase(
      [maf, result('c.json', 'case-json', [], { caseFields: { id: 'pt-42', stage: 'IV' } })],
      { ctx, sha256 },
    );
    expect(named).toMatchObject({ id: 'pt-42', stage: 'IV' });
  });

  it('folds identical issues with a count and keeps the first location', () => {
    const i = { severity: 'warning' as const, code: 'gene.unknown', message: 'X unknown' };
    expect(
      foldIssues([
        { ...i, line: 3 },
        { ...i, line: 9, count: 2 },
        { ...i, message: 'Y' },
      ]),
    ).toEqual([
      { ...i, line: 3, count: 3 },
      { ...i, message: 'Y' },
    ]);
  });

  it('warns when two files disagree about a sample and keeps the first value', () => {
    const other = result('c2.txt', 'clinical-sample', [
      { id: 'S1', panel: 'IMPACT341', alterations: [], biomarkers: [] },
    ]);
    const c = buildCase([clinical, other], { ctx, sha256 });
    expect(c.samples.find((s) => s.id === 'S1')!.panel).toBe('IMPACT468');
    expect(c.issues.find((i) => i.code === 'case.conflict')!.message).toContain('panel');
  });

  it('keeps every alteration, one sample per id, sorted, and a valid case for any merge', () => {
    const sampleArb = fc.record({
      id: fc.constantFrom('A', 'B', 'C', 'sample 1', 'é'),
      genes: fc.array(fc.constantFrom('BRAF', 'KRAS', 'TP53', ''), { maxLength: 4 }),
      tumor: fc.option(fc.constantFrom('LUAD', 'luad', 'COADREAD', 'bogus'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(sampleArb, { maxLength: 4 }), { maxLength: 4 }), (files) => {
        const results = files.map((samples, i) =>
          result(
            `f${i}.maf`,
            'maf',
            samples.map((s) => ({
              id: s.id,
              tumorTypeInput: s.tumor,
              alterations: s.genes.map((g, k) => mut(g, 'V1E', k + 1)),
              biomarkers: [],
            })),
          ),
        );
        const c = buildCase(results, { ctx, sha256 });
        expect(CaseSchema.safeParse(c).success).toBe(true);
        const ids = c.samples.map((s) => s.id);
        expect(ids).toEqual([...new Set(ids)].sort());
        const total = files.flat().reduce((n, s) => n + s.genes.length, 0);
        expect(c.samples.reduce((n, s) => n + s.alterations.length, 0)).toBe(total);
        expect(JSON.stringify(buildCase(results, { ctx, sha256 }))).toBe(JSON.stringify(c));
      }),
      { numRuns: 100 },
    );
  });
});
