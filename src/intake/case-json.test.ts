import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseJsonSchemaText, SCHEMA_PATH } from '../../scripts/gen-schema.js';
import { CaseInputSchema } from '../domain/index.js';
import { builtinContext } from '../normalize/context.js';
import { caseJsonReader, jsonErrorAt, toPointer } from './case-json.js';

const ctx = builtinContext();
const dir = mkdtempSync(join(tmpdir(), 'onconav-casejson-'));
const examples = join(import.meta.dirname, '..', '..', 'examples');

async function readJson(
  name: string,
  body: string | Buffer,
): Promise<Awaited<ReturnType<typeof caseJsonReader.read>>> {
  const p = join(dir, name);
  writeFileSync(p, body);
  return caseJsonReader.read(p, { ctx, displayName: name });
}

describe('case JSON schema and examples', () => {
  it('docs/case.schema.json is what scripts/gen-schema.ts generates (run `npx tsx scripts/gen-schema.ts` after changing CaseInputSchema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(caseJsonSchemaText());
  });

  const files = readdirSync(examples).filter((f) => f.endsWith('.case.json'));
  it('has the examples later stages rely on', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'melanoma-brain-lung.case.json',
        'crc-liver-kras-g12c.case.json',
        'breast-her2-bone.case.json',
        'lung-egfr-ex19-brain.case.json',
        'lung-no-actionable-brain.case.json',
      ]),
    );
  });

  it.each(files)('%s validates and reads without errors or warnings', async (f) => {
    const path = join(examples, f);
    expect(CaseInputSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))).success).toBe(true);
    const r = await caseJsonReader.read(path, { ctx });
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.caseFields?.tumorType?.code).toBeTruthy();
    expect(r.samples).toHaveLength(1);
    expect(r.samples[0]!.alterations.length).toBeGreaterThan(0);
    expect(r.stats.rows).toBe(r.stats.used);
  });

  it('reads the melanoma example as the report expects', async () => {
    const r = await caseJsonReader.read(join(examples, 'melanoma-brain-lung.case.json'), { ctx });
    expect(r.caseFields).toMatchObject({
      id: 'example-melanoma-001',
      patient: { age: 58, ecog: 1, location: { city: 'Boston', region: 'MA' } },
      tumorType: { code: 'SKCM' },
      metastaticSites: [{ site: 'brain', status: 'stable' }, { site: 'lung' }],
    });
    expect(r.caseFields?.priorTherapies?.[1]).toMatchObject({
      drugs: ['nivolumab', 'ipilimumab'],
      progressed: true,
    });
    const s = r.samples[0]!;
    expect(s.id).toBe('example-melanoma-001-T1');
    expect(s.alterations[0]).toMatchObject({
      kind: 'mutation',
      gene: 'BRAF',
      alteration: 'V600E',
      origin: { pointer: '/samples/0/alterations/0' },
    });
    expect(s.biomarkers.map((b) => b.name)).toEqual(['TMB', 'MSI', 'PD-L1']);
  });
});

describe('caseJsonReader', () => {
  it('puts top-level alterations in a sample named after the case, strings or objects alike', async () => {
    const r = await readJson(
      'top.json',
      JSON.stringify({
        id: 'c1',
        tumorType: 'LUAD',
        metastaticSites: ['treated brain mets', { site: 'liver', status: 'progressing' }],
        priorTherapies: ['FOLFOX', { drugs: ['Tagrisso'], response: 'PD' }],
        alterations: [
          'EGFR L858R',
          'MSI-H',
          {
            kind: 'copyNumber',
            gene: 'MET',
            alteration: 'Amplification',
            change: 'amplification',
            originalText: 'MET amp',
          },
        ],
        biomarkers: ['PD-L1 TPS 80%'],
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.samples.map((s) => s.id)).toEqual(['c1']);
    expect(r.samples[0]!.alterations.map((a) => a.gene)).toEqual(['EGFR', 'MET']);
    expect(r.samples[0]!.biomarkers.map((b) => b.alteration)).toEqual(['MSI-H', 'PD-L1 TPS 80%']);
    expect(r.samples[0]!.tumorType?.code).toBe('LUAD');
    expect(r.caseFields?.metastaticSites).toEqual([
      { site: 'brain', status: 'treated', text: 'treated brain mets' },
      { site: 'liver', status: 'progressing' },
    ]);
    expect(r.caseFields?.priorTherapies?.map((t) => t.drugs)).toEqual([
      ['fluorouracil', 'leucovorin', 'oxaliplatin'],
      ['osimertinib'],
    ]);
  });

  it('reports schema problems with JSON pointers and still reads the rest', async () => {
    const r = await readJson(
      'bad.json',
      JSON.stringify({
        tumorType: 'MEL',
        patient: { age: -3, ecog: 7 },
        samples: [{ id: 's', alterations: ['BRAF V600E', 42, 'KRAS G12D'] }],
        alteration: ['typo'],
      }),
    );
    const where = r.issues.map((i) => [i.severity, i.code, i.pointer]);
    expect(where).toEqual(
      expect.arrayContaining([
        ['warning', 'case.unknown-field', '/alteration'],
        ['error', 'case.schema', '/patient/age'],
        ['error', 'case.schema', '/patient/ecog'],
        ['error', 'case.schema', '/samples/0/alterations/1'],
      ]),
    );
    expect(r.samples[0]!.alterations.map((a) => a.alteration)).toEqual(['V600E', 'G12D']);
  });

  it('reports an unknown tumor type as an error with suggestions', async () => {
    const r = await readJson(
      'tt.json',
      JSON.stringify({ tumorType: 'melanomma', alterations: ['BRAF V600E'] }),
    );
    const i = r.issues.find((x) => x.code === 'oncotree.unknown');
    expect(i).toMatchObject({ severity: 'error', pointer: '/tumorType' });
    expect(r.caseFields?.tumorType).toBeUndefined();
  });

  it('locates typed-alteration problems by pointer', async () => {
    const r = await readJson(
      'typed.json',
      JSON.stringify({ samples: [{ id: 'a', alterations: ['BRAF V600E', 'p.G12C'] }] }),
    );
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'typed.no-gene',
        severity: 'error',
        pointer: '/samples/0/alterations/1',
        file: 'typed.json',
      }),
    ]);
    expect(r.stats).toMatchObject({ rows: 2, used: 1, skipped: { unreadable: 1 } });
  });

  it('gives pointer-located issues the line and column of the value (or of its parent when missing)', async () => {
    const text = JSON.stringify(
      {
        tumorType: 'LUAD',
        patient: { ecog: 9 },
        samples: [{ id: 'a', alterations: ['EGFR L858R', 'p.T790M'] }, {}],
      },
      null,
      2,
    );
    const r = await readJson('lines.json', text);
    const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(r.issues.find((i) => i.pointer === '/samples/0/alterations/1')).toMatchObject({
      line: lineOf('"p.T790M"'),
      column: 9,
    });
    expect(r.issues.find((i) => i.pointer === '/patient/ecog')).toMatchObject({ line: lineOf('"ecog"') });
    expect(r.issues.find((i) => i.pointer === '/samples/1/id')).toMatchObject({ line: lineOf('{}') });
  });

  it('reports JSON syntax errors with line and column', async () => {
    const r = await readJson('syntax.json', '{\n  "tumorType": "MEL",\n  "alterations": ["BRAF V600E",]\n}');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'case.json-syntax', severity: 'error', line: 3 });
    expect(r.samples).toEqual([]);
  });

  it.each([
    ['empty.json', '', 'case.empty'],
    ['array.json', '[1,2]', 'case.schema'],
    ['binary.json', Buffer.from([0x7b, 0x00, 0x01, 0x02]), 'file.binary'],
    ['gz.json', gzipSync(Buffer.from('{}')), 'case.compressed'],
  ])('reports %s as a located error', async (name, body, code) => {
    const r = await readJson(name, body);
    expect(r.issues.map((i) => i.code)).toEqual([code]);
    expect(r.issues[0]!.file).toBe(name);
  });

  it('makes RFC 6901 pointers', () => {
    expect(toPointer(['samples', 0, 'alterations', 2])).toBe('/samples/0/alterations/2');
    expect(toPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
  });

  it('sniffs onconav cases but not FHIR bundles', () => {
    expect(caseJsonReader.sniff(['{', '  "tumorType": "MEL",'], 'x.json')).toBeGreaterThan(0.9);
    expect(caseJsonReader.sniff(['{ "resourceType": "Bundle" }'], 'x.json')).toBe(0);
    expect(caseJsonReader.sniff(['Hugo_Symbol\tx'], 'x.txt')).toBe(0);
  });
});

describe('jsonErrorAt', () => {
  it.each([
    ['{"a": [1,]}', 'trailing comma before ]', 9],
    ['{"a": 1,}', 'trailing comma before }', 8],
    ['{"a" 1}', 'expected ":" after the field name', 5],
    ["{'a': 1}", 'expected a quoted field name', 1],
    ['{"a": "x\n"}', 'line break or control character inside a string (missing closing quote?)', 8],
    ['{"a": 1 "b": 2}', 'expected "," or "}" (missing comma?)', 8],
    ['{"a": tru}', 'unexpected character "t"', 6],
    ['{"a": 1', 'expected "," or "}" (missing comma?)', 7],
  ])('%j', (text, reason, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorAt(text)).toEqual({ reason, offset });
  });
});

describe('jsonErrorAt (property)', () => {
  it('finds no error in valid JSON and a position inside the text in invalid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorAt(text)).toEqual({ offset: text.length, reason: 'invalid JSON' });
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const r = jsonErrorAt(text);
        if (!valid) {
          expect(r.offset).toBeGreaterThanOrEqual(0);
          expect(r.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
