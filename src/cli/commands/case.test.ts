import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../../test/shared-data.js';
import { CaseSchema, type Case } from '../../domain/index.js';
import { main } from '../main.js';
import { validateCaseText } from './case.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'intake', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'onconav-case-cli-'));

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
    // A store path that does not exist: the built-in reference sets, whatever the machine has imported.
    const code = await main(['node', 'onconav', '--db', join(tmp, 'absent.db'), ...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('onconav case build', () => {
  it('prints the case JSON on stdout and a summary on stderr', async () => {
    const r = await run('case', 'build', join(FIX, 'gdc_small.maf'));
    expect(r.code).toBe(0);
    const c = CaseSchema.parse(JSON.parse(r.stdout));
    expect(c.samples).toHaveLength(3);
    expect(c.inputs[0]).toMatchObject({ format: 'maf' });
    expect(c.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stderr).toContain('7 rows read, 6 used, 1 flagged (1 germline), 0 skipped');
    expect(r.stderr).toContain('3 sample(s)');
  });

  it('writes --out atomically, the same bytes every run', async () => {
    const out = join(tmp, 'a', 'case.json');
    const r1 = await run(
      '--quiet',
      'case',
      'build',
      join(FIX, 'gdc_small.maf'),
      join(FIX, 'vep_tumor_normal.vcf'),
      '--out',
      out,
    );
    expect(r1).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const first = readFileSync(out, 'utf8');
    await run(
      '--quiet',
      'case',
      'build',
      join(FIX, 'gdc_small.maf'),
      join(FIX, 'vep_tumor_normal.vcf'),
      '--out',
      out,
    );
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(join(tmp, 'a'))).toEqual(['case.json']);
    const c = JSON.parse(first) as Case;
    expect(c.samples.map((s) => s.id)).toContain('TUMOR');
  });

  it('prints a table with --format table', async () => {
    const r = await run(
      '--quiet',
      'case',
      'build',
      join(FIX, 'vep_tumor_normal.vcf'),
      '--format',
      'table',
      '--tumor-sample',
      'TUMOR',
      '--sample',
      'PT1',
    );
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('sample\ttumor_type\tkind\tgene\talteration\tdetail\tvaf');
    expect(rows.some((l) => l.startsWith('PT1\t\tmutation\tBRAF\tV600E'))).toBe(true);
  });

  it('exits 1 and writes nothing when a file has errors, naming file and line', async () => {
    const out = join(tmp, 'bad.json');
    const r = await run('case', 'build', join(FIX, 'missing_columns.maf'), '--as', 'maf', '--out', out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toMatch(/missing_columns\.maf:1: error: required MAF column\(s\) missing/);
    expect(r.stderr).toContain('nothing written');
  });

  it('exits 1 for missing, empty, binary and truncated inputs', async () => {
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const bin = join(tmp, 'bin.dat');
    writeFileSync(bin, Buffer.from([1, 2, 0, 0, 5, 6]));
    const trunc = join(tmp, 'trunc.maf');
    writeFileSync(trunc, 'Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\nBRAF\tS1\tp.V600E\nKRAS\tS1');
    const gz = gzipSync(
      Buffer.from(
        `Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\n${Array.from({ length: 5000 }, (_, i) => `G${i}\tS1\tp.V${i + 1}E`).join('\n')}\n`,
      ),
    );
    const cutGz = join(tmp, 'cut.maf.gz');
    writeFileSync(cutGz, gz.subarray(0, Math.floor(gz.length / 2)));
    for (const f of [join(tmp, 'nope.maf'), empty, bin, trunc, cutGz]) {
      const r = await run('case', 'build', f);
      expect(r.code, f).toBe(1);
      expect(r.stdout, f).toBe('');
      expect(r.stderr, f).toContain('error');
    }
  });

  it('lists the first 20 issues and says how many more', async () => {
    // Each row has a different field count, so the messages differ and are not folded together.
    const rows = Array.from({ length: 30 }, (_, i) =>
      ['G', 'S1', 'p.V1E', ...Array.from({ length: i + 1 }, () => 'x')].join('\t'),
    ).join('\n');
    const f = join(tmp, 'many.maf');
    writeFileSync(f, `Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\n${rows}\n`);
    const r = await run('case', 'build', f);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/: error: row has/g)).toHaveLength(20);
    expect(r.stderr).toMatch(/… and 10 more/);
  });

  it('rejects an unknown --tumor-type with exit 1 and applies a known one', async () => {
    const bad = await run('case', 'build', join(FIX, 'gdc_small.maf'), '--tumor-type', 'NOT_A_TUMOR');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"NOT_A_TUMOR" is not an OncoTree code or name');
    const good = await run('--quiet', 'case', 'build', join(FIX, 'gdc_small.maf'), '--tumor-type', 'LUAD');
    expect(good.code).toBe(0);
    const c = JSON.parse(good.stdout) as Case;
    expect(c.tumorType?.code).toBe('LUAD');
    expect(c.samples.every((s) => s.tumorType?.code === 'LUAD')).toBe(true);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('case', 'build')).code).toBe(2);
    expect((await run('case', 'build', join(FIX, 'gdc_small.maf'), '--as', 'docx')).code).toBe(2);
  });
});

describe('onconav case validate', () => {
  it('accepts a built case and a hand-typed one', async () => {
    const out = join(tmp, 'v.json');
    await run('--quiet', 'case', 'build', join(FIX, 'gdc_small.maf'), '--out', out);
    expect((await run('case', 'validate', out)).code).toBe(0);
    const typed = join(tmp, 'typed.json');
    writeFileSync(
      typed,
      JSON.stringify({ tumorType: 'MEL', alterations: ['BRAF V600E'], metastaticSites: ['brain'] }),
    );
    expect((await run('case', 'validate', typed)).code).toBe(0);
  });

  it('points at the wrong field with a JSON pointer', async () => {
    const f = join(tmp, 'wrong.json');
    writeFileSync(f, JSON.stringify({ patient: { age: -3 }, alterations: [42] }));
    const r = await run('case', 'validate', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('#/patient/age');
    expect(r.stderr).toContain('#/alterations/0');
  });

  it('locates JSON syntax errors by line', () => {
    const issues = validateCaseText('{\n  "id": "x",\n  oops\n}', 'f.json');
    expect(issues[0]).toMatchObject({ code: 'json.syntax', file: 'f.json', line: 3 });
  });
});

describeWithSharedData('onconav case build on shared data', () => {
  it('reads crc_msk_2017 mutations and clinical samples into 1,134 samples', async () => {
    const out = join(tmp, 'crc.json');
    const r = await run(
      '--quiet',
      'case',
      'build',
      sharedPath('examples/crc_msk_2017/data_mutations_extended.txt'),
      sharedPath('examples/crc_msk_2017/data_clinical_sample.txt'),
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const c = JSON.parse(readFileSync(out, 'utf8')) as Case;
    expect(c.samples).toHaveLength(1134);
    expect(c.samples.reduce((n, s) => n + s.alterations.length, 0)).toBe(14645);
    expect(c.samples.filter((s) => s.tumorType?.code === 'COADREAD')).toHaveLength(1134);
    expect(c.samples.filter((s) => s.alterations.length === 0)).toHaveLength(1);
    expect(c.tumorType?.code).toBe('COADREAD');
    expect(c.inputs.map((i) => i.format)).toEqual(['maf', 'clinical-sample']);
  });
});
