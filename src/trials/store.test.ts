import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trial } from '../domain/index.js';
import { migrate, openDb, type Db } from '../store/db.js';
import { geocode } from './geo.js';
import { ftsQueryFromWords, MIGRATIONS, TrialStore } from './store.js';

function trial(over: Partial<Trial> = {}): Trial {
  return {
    nctId: 'NCT09000100',
    title: 'Osimertinib in EGFR-mutant lung cancer',
    status: 'RECRUITING',
    conditions: ['Non-small Cell Lung Cancer'],
    tumorTypes: ['NSCLC'],
    interventions: [{ name: 'Osimertinib', drugs: ['osimertinib'] }],
    eligibilityText: 'Inclusion Criteria:\n- EGFR exon 19 deletion\n- ECOG 0-1',
    criteria: [],
    sites: [
      {
        facility: 'Hospital A',
        city: 'Quimperlé',
        country: 'France',
        lat: 47.87,
        lon: -3.55,
        status: 'RECRUITING',
      },
      { facility: 'Hospital B', city: 'Lorient', country: 'France', postalCode: '56100' },
    ],
    ...over,
  };
}

/** FTS5 check of the index against the content table (throws on any difference). */
function ftsIntact(db: Db): void {
  db.prepare("INSERT INTO trial_fts(trial_fts, rank) VALUES ('integrity-check', 1)").run();
}

describe('TrialStore', () => {
  it('round-trips sites through the JSON column and counts them', () => {
    const db = openDb(':memory:');
    const store = new TrialStore(db);
    const t = trial();
    store.transaction(() => store.upsert(t, 'test', 'now'));
    expect(store.get(t.nctId)!.sites).toEqual(t.sites);
    expect(store.sitesOf(t.nctId)).toEqual(t.sites);
    expect(store.sitesOf('NCT00000000')).toEqual([]);
    expect(store.loadMany([t.nctId])[0]!.sites).toEqual(t.sites);
    // Without sites: the same trial otherwise, and the sites read in one batch afterwards.
    const { sites: _s, ...rest } = store.loadMany([t.nctId])[0]!;
    expect(store.loadMany([t.nctId], { sites: false })[0]).toEqual({ ...rest, sites: [] });
    expect(store.sitesOfMany([t.nctId, 'NCT00000000'])).toEqual(new Map([[t.nctId, t.sites]]));
    expect(store.stats()).toMatchObject({ total: 1, sites: 2, geocodedSites: 1 });
  });

  it('re-import of a changed trial leaves no stale FTS hit, site or screening row', () => {
    const db = openDb(':memory:');
    const store = new TrialStore(db);
    store.transaction(() => {
      store.upsert(trial(), 'test', 'now');
      store.upsert(
        trial({ nctId: 'NCT09000101', title: 'Second osimertinib study', sites: [] }),
        'test',
        'now',
      );
    });
    expect(store.search('osimertinib')).toHaveLength(2);
    const changed = trial({
      title: 'Lorlatinib in ALK-rearranged lung cancer',
      interventions: [{ name: 'Lorlatinib', drugs: ['lorlatinib'] }],
      eligibilityText: 'Inclusion Criteria:\n- ALK rearrangement',
      conditions: ['ALK-positive NSCLC'],
      tumorTypes: ['LUAD'],
      sites: [{ facility: 'Hospital C', city: 'Brest', country: 'France', lat: 48.39, lon: -4.49 }],
    });
    expect(store.transaction(() => store.upsert(changed, 'test', 'later'))).toBe('updated');
    expect(store.search('osimertinib')).toEqual(['NCT09000101']);
    expect(store.search('exon')).toEqual(['NCT09000101']);
    expect(store.search('lorlatinib')).toEqual(['NCT09000100']);
    expect(store.search('rearrangement')).toEqual(['NCT09000100']);
    expect(store.search('conditions:positive')).toEqual(['NCT09000100']);
    expect(store.sitesOf('NCT09000100')).toEqual(changed.sites);
    expect(store.get('NCT09000100')).toMatchObject({ title: changed.title, sites: changed.sites });
    expect(store.stats()).toMatchObject({ total: 2, sites: 1, geocodedSites: 1 });
    const codes = db.prepare("SELECT code FROM trial_tumor WHERE nct_id = 'NCT09000100'").pluck().all();
    expect(codes).toEqual(['LUAD']);
    ftsIntact(db);
    // Both sites' cities stay in the gazetteer (places are where trials were, not per trial).
    expect(geocode('Brest, France', db)).toMatchObject({ source: 'sites', lat: 48.39 });
    expect(geocode('Quimperlé', db)).toMatchObject({ source: 'sites', lat: 47.87 });
  });

  it('ranks by relevance over titles, conditions and eligibility text', () => {
    const db = openDb(':memory:');
    const store = new TrialStore(db);
    store.transaction(() => {
      store.upsert(
        trial({ nctId: 'NCT09000201', title: 'A study', eligibilityText: 'prior melanoma allowed' }),
        't',
        'n',
      );
      store.upsert(
        trial({ nctId: 'NCT09000202', title: 'Melanoma melanoma vaccine', conditions: ['Melanoma'] }),
        't',
        'n',
      );
      store.upsert(trial({ nctId: 'NCT09000203', title: 'Breast cancer' }), 't', 'n');
    });
    expect(store.search('melanoma')).toEqual(['NCT09000202', 'NCT09000201']);
    expect(store.search('"exon 19"', 1)).toHaveLength(1);
    expect(store.search('title:vaccine')).toEqual(['NCT09000202']);
  });

  it('geocodes a city from the median of its trial sites, filtered by region', () => {
    const db = openDb(':memory:');
    const store = new TrialStore(db);
    const site = (lat: number, state: string): Trial['sites'][number] => ({
      city: 'Springfieldia',
      state,
      country: 'United States',
      lat,
      lon: -89,
    });
    store.transaction(() => {
      store.upsert(
        trial({ sites: [site(39.7, 'Illinois'), site(39.8, 'Illinois'), site(39.8, 'Illinois')] }),
        't',
        'n',
      );
      store.upsert(
        trial({ nctId: 'NCT09000102', sites: [site(37.2, 'Missouri'), site(90, 'Illinois')] }),
        't',
        'n',
      );
    });
    expect(db.prepare('SELECT count(*) FROM trial_places').pluck().get()).toBe(4);
    expect(geocode('springfieldia, IL', db)).toMatchObject({ source: 'sites', lat: 39.8, lon: -89 });
    expect(geocode('Springfieldia, Missouri', db)).toMatchObject({ source: 'sites', lat: 37.2 });
    expect(geocode('Springfieldia, Ohio', db)).toBeNull();
  });

  it('migrates a database of the previous schema with its sites, places and FTS intact', () => {
    const db = openDb(':memory:');
    migrate(db, 'trials', MIGRATIONS.slice(0, 3));
    const cols = `nct_id, title, status, conditions, tumor_types, interventions, eligibility_text, criteria, source, imported_at`;
    const insTrial = db.prepare(
      `INSERT INTO trials (${cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'old', 'then')`,
    );
    const insFts = db.prepare(
      'INSERT INTO trial_fts (nct_id, title, conditions, eligibility) VALUES (?, ?, ?, ?)',
    );
    const insSite = db.prepare('INSERT INTO trial_sites VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const old = [
      ['NCT00000001', 'Osimertinib for lung cancer', ['Lung Cancer'], 'EGFR mutation required'],
      ['NCT00000002', 'Trastuzumab for breast cancer', ['Breast Cancer'], 'HER2 positive'],
      ['NCT00000003', 'Observation only', [], ''],
    ] as const;
    for (const [id, title, conds, elig] of old) {
      insTrial.run(id, title, 'RECRUITING', JSON.stringify(conds), '["LUNG"]', '[]', elig, '[]');
      insFts.run(id, title, conds.join('; '), elig);
      db.prepare("INSERT INTO trial_tumor (nct_id, code, status) VALUES (?, 'LUNG', 'RECRUITING')").run(id);
    }
    db.prepare(
      "INSERT INTO trial_gene (nct_id, gene, required, status) VALUES ('NCT00000001', 'EGFR', 1, 'RECRUITING')",
    ).run();
    insSite.run('NCT00000001', 1, 'Second', 'Lorient', null, 'France', '56100', null, null, null);
    insSite.run(
      'NCT00000001',
      0,
      'First',
      'Vannes-Ouest',
      'Bretagne',
      'France',
      null,
      47.66,
      -2.76,
      'RECRUITING',
    );
    insSite.run('NCT00000002', 0, '', 'Vannes-Ouest', 'Bretagne', 'France', '', 47.7, -2.8, null);
    insSite.run('NCT00000002', 1, 'Dup', 'vannes-ouest', 'Bretagne', 'France', null, 47.66, -2.76, null);

    const store = new TrialStore(db);
    expect(db.prepare("SELECT version FROM schema_versions WHERE module = 'trials'").pluck().get()).toBe(
      MIGRATIONS.length,
    );
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('trial_sites');
    expect(tables).not.toContain('trials_v4');
    expect(store.sitesOf('NCT00000001')).toEqual([
      {
        facility: 'First',
        city: 'Vannes-Ouest',
        state: 'Bretagne',
        country: 'France',
        lat: 47.66,
        lon: -2.76,
        status: 'RECRUITING',
      },
      { facility: 'Second', city: 'Lorient', country: 'France', postalCode: '56100' },
    ]);
    expect(store.get('NCT00000002')!.sites).toEqual([
      { city: 'Vannes-Ouest', state: 'Bretagne', country: 'France', lat: 47.7, lon: -2.8 },
      { facility: 'Dup', city: 'vannes-ouest', state: 'Bretagne', country: 'France', lat: 47.66, lon: -2.76 },
    ]);
    expect(store.get('NCT00000003')!.sites).toEqual([]);
    expect(store.stats()).toMatchObject({ total: 3, sites: 4, geocodedSites: 3 });
    expect(db.prepare('SELECT count(*) FROM trial_places').pluck().get()).toBe(2);
    expect(geocode('Vannes-Ouest, Bretagne', db)).toMatchObject({ source: 'sites', lat: 47.7 });
    ftsIntact(db);
    expect(store.search('osimertinib')).toEqual(['NCT00000001']);
    expect(store.search('conditions:breast')).toEqual(['NCT00000002']);
    expect(store.search('mutation')).toEqual(['NCT00000001']);
    // The screening rows survive the table rebuild.
    expect(
      store
        .candidates({ tumorCode: 'LUNG', genes: ['EGFR'] })
        .map((c) => c.nctId)
        .sort(),
    ).toEqual(['NCT00000001', 'NCT00000002', 'NCT00000003']);
    // And the migrated store keeps working: replacing a trial removes its old index entries.
    store.transaction(() =>
      store.upsert(trial({ nctId: 'NCT00000001', title: 'Osimertinib study', sites: [] }), 'new', 'now'),
    );
    expect(store.search('mutation')).toEqual([]);
    expect(store.search('osimertinib')).toEqual(['NCT00000001']);
    expect(db.prepare("SELECT count(*) FROM trial_gene WHERE nct_id = 'NCT00000001'").pluck().get()).toBe(0);
    ftsIntact(db);
    // v5: a large import collects FTS terms in a 32 MB buffer before writing a segment (default 1 MB).
    expect(db.prepare("SELECT v FROM trial_fts_config WHERE k = 'hashsize'").pluck().get()).toBe(33554432);
  });
});

describe('full-text search', () => {
  it('turns any typed words into a query FTS5 accepts, finding the trial that has them (property)', () => {
    const db = openDb(':memory:');
    const store = new TrialStore(db);
    store.transaction(() => store.upsert(trial(), 'test', 'now'));
    expect(store.searchTrials(ftsQueryFromWords('EGFR exon-19 deletion'))).toMatchObject([
      {
        nctId: 'NCT09000100',
        status: 'RECRUITING',
        snippet: expect.stringContaining('- «EGFR» «exon 19» «deletion»'),
      },
    ]);
    expect(store.searchTrials(ftsQueryFromWords('EGFR "AND" ALK'))).toEqual([]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const q = ftsQueryFromWords(text);
        if (q !== '') expect(() => store.searchTrials(q)).not.toThrow();
      }),
    );
  });
});
