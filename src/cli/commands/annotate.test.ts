import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../../test/shared-data.js';
import { AnnotationResultSchema, type AnnotationResult } from '../../domain/index.js';
import { buildCase } from '../../intake/build.js';
import { readInputs } from '../../intake/index.js';
import { annotateCase } from '../../interpret/engine.js';
import { loadKnowledge, parseKbList } from '../../interpret/knowledge.js';
import { defaultOncogenicity } from '../../interpret/oncogenicity.js';
import { writeAnnotatedMaf } from '../../interpret/output-maf.js';
import { builtinContext } from '../../normalize/context.js';
import { main } from '../main.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'annotate');
const MAF = join(FIX, 'tumor.maf');
const CLIN = join(FIX, 'clinical.txt');
const tmp = mkdtempSync(join(tmpdir(), 'onconav-annotate-cli-'));
// A store path that does not exist: only the built-in knowledge is used, nothing is created.
const NO_DB = join(tmp, 'none', 'onconav.db');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'onconav', '--db', NO_DB, ...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('onconav annotate', () => {
  it('writes the annotation JSON: levels in each sample tumor type, reported TMB wins, germline flagged', async () => {
    const { code, stdout, stderr } = await run('annotate', MAF, CLIN);
    expect(code, stderr).toBe(0);
    const r = AnnotationResultSchema.parse(JSON.parse(stdout)) as AnnotationResult;
    expect(r.knowledgeBase.map((k) => k.source)).toEqual(['builtin']);
    const [s1, s2] = r.samples;
    expect(s1!.tumorType?.code).toBe('COADREAD');
    const braf = s1!.alterations.find((a) => a.gene === 'BRAF')!;
    expect(braf.treatments.find((t) => t.level === '1')?.drugs.sort()).toEqual(['cetuximab', 'encorafenib']);
    expect(s1!.highestSensitiveLevel).toBe('1');
    expect(s1!.alterations.find((a) => a.gene === 'BRCA2')?.germline).toBe(true);
    // Computed TMB for S1 (IMPACT468): BRAF, TP53 counted; germline BRCA2 and the intron row are not.
    expect(s1!.tmb).toMatchObject({ provenance: 'computed', panel: 'IMPACT468', mutations: 2 });
    expect(s1!.tmb!.value).toBeCloseTo(2 / 1.139541, 6);
    // S2 has a reported TMB of 12.5 in the clinical file: it wins and makes pembrolizumab level 1.
    expect(s2!.tmb).toEqual({ value: 12.5, provenance: 'reported' });
    expect(
      s2!.alterations.some(
        (a) =>
          a.kind === 'biomarker' &&
          a.treatments.some((t) => t.drugs.includes('pembrolizumab') && t.level === '1'),
      ),
    ).toBe(true);
    expect(stderr).toMatch(/2 sample\(s\)/);
  });

  it('carries input warnings in the result issues', async () => {
    const maf = join(tmp, 'unknown-gene.maf');
    writeFileSync(
      maf,
      'Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\tVariant_Classification\nNOTAGENE9\tS1\tp.V600E\tMissense_Mutation\n',
    );
    const { code, stdout } = await run('annotate', maf, '--tumor-type', 'MEL');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as AnnotationResult;
    expect(r.issues?.some((i) => i.severity === 'warning' && i.file === maf)).toBe(true);
  });

  it('is deterministic: two runs give byte-identical JSON', async () => {
    const a = await run('annotate', MAF, CLIN);
    const b = await run('annotate', MAF, CLIN);
    expect(a.stdout).toBe(b.stdout);
  });

  it('writes the input MAF with oncokb-annotator columns appended', async () => {
    const out = join(tmp, 'out.maf');
    const { code, stderr } = await run('annotate', MAF, CLIN, '--format', 'maf', '--out', out);
    expect(code, stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('#version 2.4');
    const head = lines[1]!.split('\t');
    const braf = lines[2]!.split('\t');
    const col = (name: string) => braf[head.indexOf(name)];
    expect(col('Hugo_Symbol')).toBe('BRAF');
    expect(col('ONCOGENIC')).toBe('Oncogenic');
    expect(col('HIGHEST_SENSITIVE_LEVEL')).toBe('LEVEL_1');
    expect(col('LEVEL_1')!.split(',')).toContain('encorafenib+cetuximab');
    expect(lines).toHaveLength(7);
  });

  it('streams --format maf (rows annotated as read) with the same output as the whole-case writer', async () => {
    const streamed = join(tmp, 'streamed.maf');
    const s = await run('annotate', MAF, CLIN, '--format', 'maf', '--out', streamed);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toMatch(
      /2 sample\(s\), 5 mutation\(s\) annotated; highest level per sample \(mutations\): 2 at level 1/,
    );
    // The whole-case path: read everything, build the case, annotate it, write the MAF from the result.
    const ctx = builtinContext();
    const { results, issues } = await readInputs([MAF, CLIN], { ctx });
    const kase = buildCase(results, { ctx, issues });
    const knowledge = loadKnowledge({ dbPath: NO_DB, sources: parseKbList(undefined) });
    const result = annotateCase(kase, {
      evidence: knowledge.index,
      oncotree: ctx.oncotree,
      oncogenicity: defaultOncogenicity(),
    });
    const whole = join(tmp, 'whole.maf');
    await writeAnnotatedMaf([MAF], result, whole);
    expect(readFileSync(streamed, 'utf8')).toBe(readFileSync(whole, 'utf8'));
  });

  it('prints a table and honors --tumor-type for samples without one', async () => {
    const { code, stdout } = await run('annotate', MAF, '--tumor-type', 'MEL', '--format', 'table');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Sample S1 — .*\(MEL\) — highest level 1/);
    expect(stdout).toMatch(/BRAF\s+V600E\s+Oncogenic\s+1\s+1: /);
    expect(stdout).toMatch(/BRCA2\s+S1982Rfs\*22 \(germline\)/);
  });

  it('usage errors: --format maf without --out, unknown knowledge source, bad --panel-mb', async () => {
    expect((await run('annotate', MAF, '--format', 'maf')).code).toBe(2);
    const kb = await run('annotate', MAF, '--kb', 'builtin,civic');
    expect(kb.code).toBe(2);
    expect(kb.stderr).toMatch(/civic.*not imported/);
    expect((await run('annotate', MAF, '--panel-mb', 'zero')).code).toBe(2);
  });

  it('an unwritable --out is one clear error line, exit 1', async () => {
    const { code, stderr } = await run('annotate', MAF, '--out', tmp);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot write/);
  });

  it('input errors: nothing written, exit 1, located issue', async () => {
    const bad = join(tmp, 'bad.maf');
    writeFileSync(bad, 'Hugo_Symbol\tFoo\nBRAF\tx\n');
    const out = join(tmp, 'bad.json');
    const { code, stderr } = await run('annotate', bad, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.maf:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('onconav cohort summarize', () => {
  it('summarizes annotation JSON as a table, JSON and a valid SVG', async () => {
    const json = join(tmp, 'ann.json');
    expect((await run('annotate', MAF, CLIN, '--out', json)).code).toBe(0);
    const table = await run('cohort', 'summarize', json);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Cohort: 2 sample\(s\)/);
    expect(table.stdout).toMatch(/COADREAD\s+1\s+100\.0%/);
    const asJson = await run('cohort', 'summarize', json, '--format', 'json');
    const summary = JSON.parse(asJson.stdout) as {
      samples: number;
      levels: Record<string, { samples: number }>;
      tmb: { samples: number };
    };
    expect(summary.samples).toBe(2);
    expect(summary.levels['1']!.samples).toBe(2);
    expect(summary.tmb.samples).toBe(2);
    const svgPath = join(tmp, 'chart.svg');
    expect((await run('cohort', 'summarize', json, '--format', 'svg', '--out', svgPath)).code).toBe(0);
    expect(XMLValidator.validate(readFileSync(svgPath, 'utf8'))).toBe(true);
  });

  it('rejects a broken annotation JSON with exit 1', async () => {
    const bad = join(tmp, 'broken.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 'onconav.annotation/1', samples: 'no' }));
    const { code, stderr } = await run('cohort', 'summarize', bad);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not a valid onconav\.annotation\/1 file/);
  });

  it('annotates raw files on the fly', async () => {
    const { code, stdout } = await run('cohort', 'summarize', MAF, CLIN, '--format', 'json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { samples: number }).samples).toBe(2);
  });
});

describeWithSharedData('onconav annotate on crc_msk_2017', () => {
  it('annotates the 14,645-row MAF with the clinical file: every row annotated, BRAF V600E level 1', async () => {
    const dir = sharedPath('examples', 'crc_msk_2017');
    const out = join(tmp, 'crc.maf');
    const { code, stderr } = await run(
      'annotate',
      join(dir, 'data_mutations_extended.txt'),
      join(dir, 'data_clinical_sample.txt'),
      '--format',
      'maf',
      '--out',
      out,
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/14645 MAF rows written, 14645 annotated/);
    // Every input line is kept byte for byte; data lines gain the annotation cells after a tab.
    const input = readFileSync(join(dir, 'data_mutations_extended.txt'), 'utf8').split('\n').slice(0, -1);
    const output = readFileSync(out, 'utf8').split('\n').slice(0, -1);
    expect(output).toHaveLength(input.length);
    for (let i = 0; i < input.length; i++) {
      if (input[i]!.startsWith('#')) expect(output[i]).toBe(input[i]);
      else expect(output[i]!.slice(0, input[i]!.length + 1)).toBe(`${input[i]}\t`);
    }
    const lines = output.filter((l) => !l.startsWith('#'));
    const head = lines[0]!.split('\t');
    const [g, p, lvl] = ['Hugo_Symbol', 'HGVSp_Short', 'HIGHEST_SENSITIVE_LEVEL'].map((c) => head.indexOf(c));
    const v600e = lines
      .slice(1)
      .map((l) => l.split('\t'))
      .filter((c) => c[g!] === 'BRAF' && c[p!] === 'p.V600E');
    expect(v600e.length).toBeGreaterThan(50);
    expect(v600e.every((c) => c[lvl!] === 'LEVEL_1')).toBe(true);
    // The streamed file (rows annotated as read) is byte for byte the whole-case writer's file.
    const ctx = builtinContext();
    const files = [join(dir, 'data_mutations_extended.txt'), join(dir, 'data_clinical_sample.txt')];
    const { results, issues } = await readInputs(files, { ctx });
    const knowledge = loadKnowledge({ dbPath: NO_DB, sources: parseKbList(undefined) });
    const result = annotateCase(buildCase(results, { ctx, issues }), {
      evidence: knowledge.index,
      oncotree: ctx.oncotree,
      oncogenicity: defaultOncogenicity(),
    });
    const whole = join(tmp, 'crc-whole.maf');
    await writeAnnotatedMaf([files[0]!], result, whole);
    expect(readFileSync(out, 'utf8') === readFileSync(whole, 'utf8')).toBe(true);
  });
});
