import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueSchema, hasErrors } from '../domain/index.js';
import { builtinContext } from '../normalize/context.js';
import { caseJsonReader } from './case-json.js';
import { clinicalPatientReader, clinicalSampleReader, genePanelMatrixReader } from './clinical.js';
import { cnaDiscreteReader, cnaLongReader } from './cna.js';
import type { ReaderModule } from './registry.js';
import { fusionListReader, svReader } from './sv.js';

/** Bad input for the CNA, SV/fusion, clinical, panel and case-JSON readers: located issues, never a throw. */
const ctx = builtinContext();
const dir = mkdtempSync(join(tmpdir(), 'onconav-h3-bad-'));
let n = 0;
function file(body: string | Buffer, name = `f${n++}.txt`): string {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
}

const readers: Array<[ReaderModule, string]> = [
  [cnaDiscreteReader, 'Hugo_Symbol\tEntrez_Gene_Id\tS1\nERBB2\t2064\t2\nMYC\t4609\t1\n'],
  [
    cnaLongReader,
    'Tumor_Sample_Barcode\tHugo_Symbol\tCopy_Number_Alteration\nS1\tERBB2\tAmplification\nS1\tMYC\tGain\n',
  ],
  [
    svReader,
    'Sample_Id\tSite1_Hugo_Symbol\tSite2_Hugo_Symbol\tEvent_Info\nS1\tALK\tEML4\tProtein fusion: in frame (EML4-ALK)\nS1\tRET\tKIF5B\tKIF5B-RET Fusion\n',
  ],
  [fusionListReader, 'Tumor_Sample_Barcode\tFusion\nS1\tEML4-ALK\nS1\tKIF5B-RET\n'],
  [clinicalSampleReader, 'SAMPLE_ID\tONCOTREE_CODE\tTMB_NONSYNONYMOUS\nS1\tLUAD\t12\nS2\tCOADREAD\t3\n'],
  [clinicalPatientReader, 'PATIENT_ID\tSEX\tAGE\nP1\tFemale\t50\nP2\tMale\t60\n'],
  [genePanelMatrixReader, 'SAMPLE_ID\tmutations\tcna\nS1\tIMPACT468\tIMPACT468\nS2\tIMPACT341\tIMPACT341\n'],
];
const tableReaders = readers.filter(([r]) => r.format !== 'case-json');

describe.each(readers)('$format reader on bad input', (reader, good) => {
  const read = (p: string) => reader.read(p, { ctx, displayName: 'in.txt' });

  it('reads the good sample without errors', async () => {
    const r = await read(file(good));
    expect(hasErrors(r.issues)).toBe(false);
    expect(r.stats.used).toBe(2);
  });

  it('reports an empty file', async () => {
    const r = await read(file(''));
    expect(r.issues.map((i) => [i.code, i.severity, i.file])).toEqual([['table.empty', 'error', 'in.txt']]);
  });

  it('reports binary content', async () => {
    const r = await read(file(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0])));
    expect(r.issues.map((i) => i.code)).toEqual(['file.binary']);
  });

  it('reports a comma-separated file', async () => {
    const r = await read(file(good.replace(/\t/g, ',')));
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['table.not-tab-separated', 1]]);
  });

  it('reports missing columns at the header line', async () => {
    const r = await read(file('Foo\tBar\nx\ty\n'));
    const errs = r.issues.filter((i) => i.severity === 'error');
    expect(errs).toHaveLength(1);
    if (reader.format === 'fusion-list') {
      // No "Fusion" column means a header-less list; nothing in it reads as a fusion.
      expect(errs[0]!.code).toBe('fusion.no-fusions');
    } else {
      expect(errs[0]!.code).toMatch(/\.missing-column$/);
      expect(errs[0]!.line).toBe(1);
    }
  });

  it('reads a file cut off mid-line and keeps the rows before it', async () => {
    const cut = good.slice(0, good.length - 4);
    const r = await read(file(cut));
    expect(r.stats.rows).toBe(2);
    expect(r.stats.used).toBeGreaterThanOrEqual(1);
  });

  it('reads CRLF line ends like LF', async () => {
    const a = await read(file(good));
    const b = await read(file(good.replace(/\n/g, '\r\n')));
    expect(JSON.stringify(b.samples).replaceAll(/"file":"[^"]*"/g, '')).toBe(
      JSON.stringify(a.samples).replaceAll(/"file":"[^"]*"/g, ''),
    );
    expect(b.patients).toEqual(a.patients);
  });

  it('reports a damaged gzip and keeps what decompressed', async () => {
    const rows = good.split('\n')[1]!;
    const big =
      good +
      Array.from({ length: 20000 }, (_, i) =>
        rows.replace('S1', `S${i + 10}`).replace('P1', `P${i + 10}`),
      ).join('\n') +
      '\n';
    const gz = gzipSync(Buffer.from(big));
    const r = await read(file(gz.subarray(0, Math.floor(gz.length / 2)), `cut${n++}.txt.gz`));
    expect(r.issues.map((i) => i.code)).toContain('file.gzip-truncated');
    expect(r.stats.rows).toBeGreaterThan(0);
  });
});

describe('very long lines', () => {
  it.each(tableReaders)('$format skips a 10 MB line with a located issue', async (reader, good) => {
    const lines = good.split('\n');
    const body = [lines[0], 'X'.repeat(10 * 1024 * 1024), ...lines.slice(1)].join('\n');
    const r = await reader.read(file(body), { ctx, displayName: 'long.txt' });
    expect(r.issues.find((i) => i.code === 'file.line-too-long')).toMatchObject({
      line: 2,
      file: 'long.txt',
    });
    expect(r.stats.used).toBe(2);
  });
});

describe('unknown genes', () => {
  it('warn with the line and keep the alteration', async () => {
    const r = await cnaLongReader.read(
      file('Tumor_Sample_Barcode\tHugo_Symbol\tCopy_Number_Alteration\nS1\tNOTAGENE1\tAmplification\n'),
      { ctx, displayName: 'g.txt' },
    );
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'gene.unknown', severity: 'warning', line: 2, file: 'g.txt' }),
    ]);
    expect(r.samples[0]!.alterations).toHaveLength(1);
  });
});

describe('never throws on arbitrary input (property)', () => {
  const all: ReaderModule[] = [...readers.map(([r]) => r), caseJsonReader];
  const content = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .array(
        fc
          .array(
            fc.oneof(
              fc.string(),
              fc.constantFrom('NA', '-2', '2', 'EML4-ALK', 'Hugo_Symbol', 'SAMPLE_ID', '#x', ''),
            ),
            { maxLength: 6 },
          )
          .map((c) => c.join('\t')),
        { maxLength: 8 },
      )
      .map((ls) => ls.join('\n')),
    fc.json(),
  );
  it.each(all)('$format', async (reader) => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...readers.map(([, g]) => g.split('\n')[0]! + '\n'), ''),
        content,
        async (header, body) => {
          const r = await reader.read(file(header + body), { ctx });
          for (const i of r.issues) expect(IssueSchema.safeParse(i).success).toBe(true);
          expect(r.stats.rows).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
