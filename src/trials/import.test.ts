import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/db.js';
import { trialsFromJsonText } from './import-ctgov-json.js';
import { trialFromXmlText } from './import-ctgov-xml.js';
import { importTrials } from './import.js';
import { normalizePhase, normalizeStatus, parseAgeText } from './record.js';
import { TrialStore } from './store.js';

const FX = join(import.meta.dirname, 'fixtures');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'onconav-trials-'));

describe('API v2 JSON', () => {
  it('reads a single study with its sites, phases, ages and parsed criteria', () => {
    const r = trialsFromJsonText(readFileSync(join(FX, 'api-v2-study.json'), 'utf8'), 'study.json');
    expect(r.issues).toEqual([]);
    const t = r.trials[0]!;
    expect(t).toMatchObject({
      nctId: 'NCT09000001',
      status: 'RECRUITING',
      phase: 'PHASE2',
      minimumAge: 18,
      sex: 'ALL',
      sponsor: 'Example Oncology Inc.',
      lastUpdate: '2026-09-16',
    });
    expect(t.tumorTypes).toContain('NSCLC');
    expect(t.sites).toHaveLength(3);
    expect(t.sites[0]).toMatchObject({
      city: 'Boston',
      status: 'RECRUITING',
      lat: 42.3374,
      lon: -71.1063,
      postalCode: '02215',
    });
    expect(t.interventions[1]).toMatchObject({ name: 'Carboplatin', type: 'DRUG', drugs: ['carboplatin'] });
    expect(t.criteria.filter((c) => c.type === 'exclusion')).toHaveLength(4);
    const egfr = t.criteria.find((c) => c.text.startsWith('Documented EGFR'))!;
    expect(t.eligibilityText.slice(...egfr.span!)).toBe(egfr.text);
    expect(egfr.parsed[0]).toMatchObject({ category: 'biomarker' });
  });

  it('reads a studies page and keeps nextPageToken', () => {
    const r = trialsFromJsonText(readFileSync(join(FX, 'api-v2-page.json'), 'utf8'));
    expect(r.trials.map((t) => t.nctId)).toEqual(['NCT09000002', 'NCT09000003']);
    expect(r.nextPageToken).toBe('NF0g5JGBlfQ');
  });

  it('reports bad records with a JSON pointer and keeps the good ones', () => {
    const page = {
      studies: [
        { protocolSection: { identificationModule: { nctId: 'bad' } } },
        JSON.parse(readFileSync(join(FX, 'api-v2-study.json'), 'utf8')),
      ],
    };
    const r = trialsFromJsonText(JSON.stringify(page), 'p.json');
    expect(r.trials).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      severity: 'error',
      code: 'trial.missing-id',
      file: 'p.json',
      pointer: '/studies/0',
    });
    expect(trialsFromJsonText('{"studies": [', 'x.json').issues[0]).toMatchObject({
      code: 'trials.json-invalid',
      file: 'x.json',
    });
    expect(trialsFromJsonText('{"hello": 1}').issues[0]).toMatchObject({ code: 'trials.not-api-v2' });
  });

  it('property: arbitrary JSON never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = trialsFromJsonText(JSON.stringify(v));
        expect(Array.isArray(r.trials)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('legacy XML', () => {
  it('reads a PDQ-layout record', () => {
    const r = trialFromXmlText(readFileSync(join(FX, 'legacy-pdq.xml'), 'utf8'), 'legacy.xml');
    expect(r.issues).toEqual([]);
    const t = r.trial!;
    expect(t).toMatchObject({
      nctId: 'NCT09000010',
      status: 'ACTIVE_NOT_RECRUITING',
      phase: 'PHASE2',
      sex: 'FEMALE',
      minimumAge: 18,
      tumorTypes: ['BRCA'],
    });
    expect(t.maximumAge).toBeUndefined();
    expect(t.sites[0]).toMatchObject({
      facility: 'Midwest Cancer Center',
      city: 'Rochester',
      postalCode: '55905',
    });
    expect(t.interventions[1]).toMatchObject({ drugs: ['carboplatin'] });
    expect(t.criteria.map((c) => c.section)).toContain('PRIOR CONCURRENT THERAPY');
    expect(t.criteria.find((c) => c.text === 'No active brain metastases')!.parsed).toEqual([
      { category: 'cns_metastases', rule: 'excluded_active' },
    ]);
  });

  it('reports invalid XML and a wrong root', () => {
    expect(trialFromXmlText('<clinical_study><id_info>', 'a.xml').issues[0]!.severity).toBe('error');
    expect(trialFromXmlText('<other/>', 'b.xml').issues[0]).toMatchObject({
      code: 'trials.not-legacy-xml',
      file: 'b.xml',
    });
    expect(
      trialFromXmlText('<clinical_study><brief_title>x</brief_title></clinical_study>', 'c.xml').issues[0],
    ).toMatchObject({ code: 'trial.missing-id' });
  });

  it('property: arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        trialFromXmlText(`<clinical_study>${s}</clinical_study>`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('field normalization', () => {
  it('maps statuses, phases and ages from both formats', () => {
    expect(normalizeStatus('Active, not recruiting')).toBe('ACTIVE_NOT_RECRUITING');
    expect(normalizeStatus('Unknown status')).toBe('UNKNOWN');
    expect(normalizeStatus('ENROLLING_BY_INVITATION')).toBe('ENROLLING_BY_INVITATION');
    expect(normalizeStatus('Available')).toBeNull();
    expect(normalizePhase(['PHASE1', 'PHASE2'])).toBe('PHASE1/PHASE2');
    expect(normalizePhase('Phase 1/Phase 2')).toBe('PHASE1/PHASE2');
    expect(normalizePhase('N/A')).toBe('NA');
    expect(parseAgeText('18 Years')).toBe(18);
    expect(parseAgeText('6 Months')).toBe(0.5);
    expect(parseAgeText('N/A')).toBeUndefined();
  });
});

describe('importTrials', () => {
  it('imports files, folders and zips (JSON and XML) in one transaction, replacing earlier versions', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(FX, 'api-v2-study.json'), join(dir, 'in', 'NCT09000001.json'));
    copyFileSync(join(FX, 'legacy-pdq.xml'), join(dir, 'in', 'NCT09000010.xml'));
    writeFileSync(join(dir, 'in', 'notes.txt'), 'ignored');
    writeFileSync(
      join(dir, 'bulk.zip'),
      zipSync({
        'ctg-studies/NCT09000002.json': strToU8(
          JSON.stringify(JSON.parse(readFileSync(join(FX, 'api-v2-page.json'), 'utf8')).studies[0]),
        ),
        'README.txt': strToU8('x'),
      }),
    );
    const db = openDb(join(dir, 't.db'));
    const r = await importTrials(db, [join(dir, 'in'), join(dir, 'bulk.zip')]);
    expect(r).toMatchObject({
      trials: 3,
      inserted: 3,
      updated: 0,
      skipped: 0,
      byFormat: { 'api-v2-json': 2, 'legacy-xml': 1 },
    });
    const again = await importTrials(db, [join(dir, 'in')]);
    expect(again).toMatchObject({ trials: 2, inserted: 0, updated: 2 });
    const store = new TrialStore(db);
    expect(store.stats()).toMatchObject({ total: 3, byStatus: { RECRUITING: 2, ACTIVE_NOT_RECRUITING: 1 } });
    expect(store.get('NCT09000001')!.sites).toHaveLength(3);
    expect(store.search('osimertinib')).toContain('NCT09000001');
    db.close();
  });

  it('leaves the store unchanged when an import is aborted part-way', async () => {
    const dir = tmp();
    const db = openDb(join(dir, 't.db'));
    const cache = db.pragma('cache_size', { simple: true }) as number;
    await importTrials(db, [join(FX, 'api-v2-study.json')]);
    expect(db.pragma('cache_size', { simple: true })).toBe(cache);
    const ac = new AbortController();
    await expect(
      importTrials(db, [join(FX, 'api-v2-page.json'), join(FX, 'legacy-pdq.xml')], {
        signal: ac.signal,
        onProgress: () => ac.abort(new Error('stop')),
      }),
    ).rejects.toThrow('stop');
    expect(new TrialStore(db).stats().total).toBe(1);
    // The import's larger page cache is given back, after a failed import as after a good one.
    expect(db.pragma('cache_size', { simple: true })).toBe(cache);
    db.close();
  });

  it('reports unreadable paths and broken files as located issues', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.json'), '{"studies": [');
    const db = openDb(':memory:');
    const r = await importTrials(db, [join(dir, 'missing'), join(dir, 'broken.json')]);
    expect(r.trials).toBe(0);
    expect(r.issues.map((i) => i.code)).toEqual(['trials.path-unreadable', 'trials.json-invalid']);
    expect(r.issues[1]!.file).toBe(join(dir, 'broken.json'));
  });
});
