import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath, sharedTrialCorpora } from '../../test/shared-data.js';
import { buildCase } from '../intake/build.js';
import { readInputs } from '../intake/index.js';
import { builtinContext } from '../normalize/context.js';
import { openDb, type Db } from '../store/db.js';
import type { TrialMatch } from '../domain/index.js';
import { factsFromCase } from './facts.js';
import { importTrials, type ImportResult } from './import.js';
import { matchTrials } from './matcher.js';
import { trialFromNormalizedRecord } from './normalized-record.js';
import { factsFromNote } from './note.js';
import { TrialStore } from './store.js';

const FX = join(import.meta.dirname, 'fixtures');

describeWithSharedData('trials on the shared corpora', () => {
  let db: Db;
  let result: ImportResult;
  const expectedIds = new Set<string>();
  const T = (...p: string[]) => sharedPath('trials', ...p);
  const { apiV2 } = sharedTrialCorpora();

  beforeAll(async () => {
    // What should arrive, counted independently of the importers: file names for XML, nctIds for JSON.
    for (const f of readdirSync(T('ctgov_legacy_xml_oncology', 'xml')))
      expectedIds.add(f.replace('.xml', ''));
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (Array.isArray(o.studies)) collect(o.studies);
        const id = (o.protocolSection as { identificationModule?: { nctId?: string } } | undefined)
          ?.identificationModule?.nctId;
        if (id) expectedIds.add(id);
      }
    };
    const walk = (p: string): void => {
      if (p.endsWith('.json')) return collect(JSON.parse(readFileSync(p, 'utf8')));
      if (p.endsWith('.md') || p.endsWith('.txt')) return;
      for (const f of readdirSync(p)) walk(join(p, f));
    };
    apiV2.forEach(walk);
    db = openDb(':memory:');
    result = await importTrials(db, [T('ctgov_legacy_xml_oncology', 'xml'), ...apiV2]);
    // The normalized modern records are not a registry format; they go in through the test adapter.
    const store = new TrialStore(db);
    const dir = T('ctgov_modern', 'jwlieb_clinical_trial_agent', 'trials');
    store.transaction(() => {
      for (const f of readdirSync(dir)) {
        const t = trialFromNormalizedRecord(JSON.parse(readFileSync(join(dir, f), 'utf8')));
        if (t && !store.get(t.nctId)) store.upsert(t, 'normalized-test', '2026-11-25T00:00:00Z');
      }
    });
  }, 600_000);

  it('imports the legacy XML and API v2 corpora cleanly: every record arrives', () => {
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.byFormat['legacy-xml']).toBe(2174);
    expect(result.byFormat['api-v2-json']).toBeGreaterThanOrEqual(125);
    const store = new TrialStore(db);
    for (const id of expectedIds) expect(store.get(id), id).not.toBeNull();
    const stats = store.stats();
    expect(stats.total).toBeGreaterThanOrEqual(expectedIds.size + 900);
    expect(stats.parsedCriteria / stats.criteria).toBeGreaterThan(0.3);
  });

  const loadCase = async (file: string) => {
    const ctx = builtinContext();
    const { results, issues } = await readInputs([join(FX, file)], { ctx, as: 'case-json' });
    const kase = buildCase(results, { ctx, issues });
    expect(kase.issues.filter((i) => i.severity === 'error')).toEqual([]);
    return kase;
  };
  const genomic = (m: TrialMatch): string => m.highlights.find((h) => h.startsWith('Genomic match')) ?? '';
  const sane = (ms: readonly TrialMatch[]): void => {
    for (const m of ms) {
      expect(m.excluded).toBe(false);
      expect(m.criteria.some((c) => c.verdict === 'not_met')).toBe(false);
      for (const c of m.criteria) expect(c.reason.length).toBeGreaterThan(0);
    }
  };

  it('lung adenocarcinoma, EGFR exon 19 deletion, treated brain metastases: EGFR trials first, treated-brain clauses met', async () => {
    const kase = await loadCase('lung-egfr-brain.case.json');
    const r = matchTrials(db, kase, { limit: 15 });
    sane(r.matches);
    expect(r.extracted.tumorType?.code).toBe('LUAD');
    expect(r.matches.slice(0, 3).every((m) => /EGFR/.test(genomic(m)))).toBe(true);
    // No KRAS G12C-only trial is offered to an EGFR-driven tumor.
    expect(
      r.matches.some((m) =>
        m.criteria.some(
          (c) => c.category === 'biomarker' && c.verdict === 'met' && /KRAS G12C/.test(c.reason),
        ),
      ),
    ).toBe(false);
    // "Active brain metastases" exclusions do not rule out treated, stable ones.
    const cns = r.matches.flatMap((m) =>
      m.criteria.filter((c) => c.category === 'cns_metastases' && c.type === 'exclusion'),
    );
    expect(cns.length).toBeGreaterThan(0);
    expect(cns.every((c) => c.verdict === 'met')).toBe(true);
    // The same case with untreated brain metastases loses those trials.
    const active = factsFromCase(kase);
    active.sites = active.sites.map((s) => (s.site === 'brain' ? { ...s, status: 'untreated' } : s));
    const r2 = matchTrials(db, active, { limit: 50 });
    expect(r2.counts.excluded).toBeGreaterThan(r.counts.excluded);
    const kept = new Set(r2.matches.map((m) => m.nctId));
    const lost = r.matches.filter((m) =>
      m.criteria.some(
        (c) => c.category === 'cns_metastases' && c.type === 'exclusion' && /active/.test(c.reason),
      ),
    );
    expect(lost.length).toBeGreaterThan(0);
    for (const m of lost) expect(kept.has(m.nctId)).toBe(false);
  });

  it('colorectal KRAS G12C with liver metastases: KRAS G12C colorectal trials first, MSI-H trials excluded', async () => {
    const kase = await loadCase('crc-kras-liver.case.json');
    const r = matchTrials(db, kase, { limit: 10 });
    sane(r.matches);
    for (const m of r.matches.slice(0, 3)) expect(genomic(m)).toMatch(/KRAS (G12C|alteration|mutation)/);
    expect(
      r.matches.every(
        (m) =>
          !m.criteria.some(
            (c) =>
              c.verdict === 'met' &&
              c.category === 'biomarker' &&
              /MSI-H/.test(c.reason) &&
              c.type === 'inclusion',
          ),
      ),
    ).toBe(true);
    expect(r.extracted.sites.map((s) => s.site)).toEqual(['liver']);
  });

  it('HER2-positive breast: HER2-positive trials first, HER2-negative trials ruled out', async () => {
    const kase = await loadCase('breast-her2.case.json');
    const r = matchTrials(db, kase, { limit: 10, includeExcluded: true });
    const open = r.matches.filter((m) => !m.excluded);
    sane(open);
    expect(genomic(open[0]!)).toMatch(/HER2-positive/);
    const her2neg = r.matches.filter((m) =>
      m.criteria.some(
        (c) => c.type === 'inclusion' && /HER2[- ]negative/i.test(c.text) && c.category === 'biomarker',
      ),
    );
    for (const m of her2neg) expect(m.excluded).toBe(true);
  });

  it('free-text note: extracts the facts and matches KRAS G12C lung trials', () => {
    const facts = factsFromNote(readFileSync(join(FX, 'lung-note.txt'), 'utf8'));
    const r = matchTrials(db, facts, { limit: 10 });
    sane(r.matches);
    expect(r.extracted).toMatchObject({ age: 62, sex: 'female', tumorType: { code: 'LUAD' } });
    expect(r.matches.filter((m) => /KRAS G12C/.test(genomic(m))).length).toBeGreaterThanOrEqual(2);
    expect(/KRAS G12C/.test(genomic(r.matches[0]!))).toBe(true);
  });
});
