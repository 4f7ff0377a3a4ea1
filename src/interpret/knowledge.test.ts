import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openKnowledgeStore } from '../knowledge/store.js';
import { loadKnowledge, parseKbList } from './knowledge.js';
import { ev, mut } from './fixtures/builders.js';

describe('parseKbList', () => {
  it('splits, trims, lower-cases and de-duplicates', () => {
    expect(parseKbList(' Builtin, civic,,CIVIC ')).toEqual(['builtin', 'civic']);
    expect(parseKbList(undefined)).toBeUndefined();
  });
  it('property: every listed name survives once, in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 8 }), (names) => {
        expect(parseKbList(names.join(','))).toEqual([...new Set(names)]);
      }),
    );
  });
});

describe('loadKnowledge', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'onconav-kb-')), 'kb.db');
  const store = openKnowledgeStore(db);
  store.replaceRelease({ source: 'moalmanac', version: 'test', date: '2025-12-01', researchUseOnly: true }, [
    ev({
      id: 'm1',
      source: 'moalmanac',
      release: 'test',
      pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
      drugs: ['drug m'],
      level: '3A',
      researchUseOnly: true,
    }),
  ]);
  store.close();

  it('uses builtin plus every imported source by default, and announces research-use-only ones', () => {
    const k = loadKnowledge({ dbPath: db });
    expect(k.releases.map((r) => r.source)).toEqual(['builtin', 'moalmanac']);
    expect(k.notices[0]).toMatch(/moalmanac .*research use only/);
    expect(k.index.candidates(mut('BRAF', 'V600E')).some((e) => e.source === 'moalmanac')).toBe(true);
    expect(k.issues).toEqual([]);
  });

  it('--kb selects sources; an unknown one is an issue; no store file means builtin only', () => {
    expect(loadKnowledge({ dbPath: db, sources: ['moalmanac'] }).releases.map((r) => r.source)).toEqual([
      'moalmanac',
    ]);
    expect(loadKnowledge({ dbPath: db, sources: ['builtin', 'cgi'] }).issues[0]?.code).toBe(
      'kb.not-imported',
    );
    const none = loadKnowledge({ dbPath: join(tmpdir(), 'does-not-exist', 'x.db') });
    expect(none.releases.map((r) => r.source)).toEqual(['builtin']);
    expect(none.index.size).toBeGreaterThan(100);
  });
});

describe('annotateWithDefaults', () => {
  it('annotates a case with builtin knowledge, oncogenicity and TMB in one call', async () => {
    const { annotateWithDefaults } = await import('./index.js');
    const { caseOf } = await import('./fixtures/builders.js');
    const c = caseOf([
      {
        id: 'S',
        panel: 'IMPACT468',
        tumorType: { code: 'MEL', name: 'Melanoma' },
        alterations: [mut('BRAF', 'V600E', { variantClassification: 'Missense_Mutation' })],
      },
    ]);
    const { result, issues } = annotateWithDefaults(c, { dbPath: join(tmpdir(), 'no-such-dir', 'x.db') });
    expect(issues).toEqual([]);
    const s = result.samples[0]!;
    expect(s.highestSensitiveLevel).toBe('1');
    expect(s.alterations[0]!.oncogenic).toBe('Oncogenic');
    expect(s.tmb).toMatchObject({ provenance: 'computed', mutations: 1, panel: 'IMPACT468' });
  });
});
