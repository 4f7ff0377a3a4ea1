import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evidence, KnowledgeRelease } from '../domain/index.js';
import { openDb } from '../store/db.js';
import { KnowledgeStore, openKnowledgeStore } from './store.js';

function ev(id: string, over: Partial<Evidence> = {}): Evidence {
  return {
    id,
    source: 'civic',
    release: 'r1',
    pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    tumorTypes: ['MEL'],
    excludedTumorTypes: [],
    drugs: ['vemurafenib'],
    effect: 'sensitivity',
    level: '3A',
    citations: [{ kind: 'civic', label: `CIViC ${id}`, id }],
    researchUseOnly: false,
    ...over,
  };
}

const REL: KnowledgeRelease = {
  source: 'civic',
  version: 'r1',
  date: '2024-08-01',
  researchUseOnly: false,
  importedAt: '2024-08-02T00:00:00Z',
};

describe('KnowledgeStore', () => {
  it('round-trips evidence and finds it by gene, partner and biomarker name', () => {
    const store = new KnowledgeStore(openDb(':memory:'));
    const items = [
      ev('EID1', { description: 'x', sourceLevel: 'B' }),
      ev('EID2', {
        pattern: { type: 'fusion', gene: 'ALK', partner: 'EML4' },
        drugs: ['alectinib'],
        level: '2',
      }),
      ev('EID3', {
        pattern: { type: 'biomarker', biomarker: 'MSI', statuses: ['MSI-H'] },
        drugs: ['pembrolizumab'],
        effect: 'sensitivity',
        level: '1',
      }),
      ev('EID4', { pattern: { type: 'amplification', gene: 'ERBB2' }, effect: 'resistance', level: 'R2' }),
    ];
    expect(store.replaceRelease(REL, items, { rowsRead: 4, imported: 4, skipped: {} })).toEqual({
      evidenceCount: 4,
    });
    expect(store.evidenceForGenes(['BRAF'])).toEqual([items[0]]);
    expect(store.evidenceForGenes(['EML4']).map((e) => e.id)).toEqual(['EID2']);
    expect(store.evidenceForGenes(['MSI']).map((e) => e.id)).toEqual(['EID3']);
    expect(store.evidenceForGenes(['BRAF', 'ALK', 'ERBB2']).map((e) => e.id)).toEqual([
      'EID1',
      'EID2',
      'EID4',
    ]);
    expect(store.evidenceForGenes(['BRAF'], ['moalmanac'])).toEqual([]);
    expect(store.evidenceForGenes([])).toEqual([]);
    expect(store.allEvidence().length).toBe(4);
    expect(store.releases()).toEqual([{ ...REL, evidenceCount: 4 }]);
    expect(store.importReport('civic')).toEqual({ rowsRead: 4, imported: 4, skipped: {} });
    const s = store.stats();
    expect(s.totalEvidence).toBe(4);
    expect(s.sources[0]).toMatchObject({
      source: 'civic',
      evidence: 4,
      byEffect: { sensitivity: 3, resistance: 1 },
    });
    expect(s.sources[0]?.byLevel).toMatchObject({ '1': 1, '2': 1, '3A': 1, R2: 1, '4': 0 });
  });

  it('replaces a source release without touching other sources', () => {
    const store = new KnowledgeStore(openDb(':memory:'));
    store.replaceRelease(REL, [ev('EID1'), ev('EID2')]);
    store.replaceRelease({ source: 'cgi', version: 'c1', date: '2017-12-26', researchUseOnly: false }, [
      ev('C1', { source: 'cgi', release: 'c1' }),
    ]);
    store.replaceRelease({ ...REL, version: 'r2' }, [ev('EID9', { release: 'r2' })]);
    expect(store.allEvidence(['civic']).map((e) => e.id)).toEqual(['EID9']);
    expect(store.allEvidence(['cgi']).map((e) => e.id)).toEqual(['C1']);
    expect(store.releases().map((r) => `${r.source}@${r.version}`)).toEqual(['cgi@c1', 'civic@r2']);
    expect(store.removeSource('cgi')).toBe(true);
    expect(store.releases().map((r) => r.source)).toEqual(['civic']);
  });

  it('keeps the previous release intact when an import fails half-way', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kb-')), 'kb.db');
    const store = openKnowledgeStore(path);
    store.replaceRelease(REL, [ev('EID1'), ev('EID2')]);
    function* failing(): Generator<Evidence> {
      yield ev('EID10', { release: 'r2' });
      yield ev('EID11', { release: 'r2' });
      throw new Error('network dropped');
    }
    expect(() => store.replaceRelease({ ...REL, version: 'r2' }, failing())).toThrow('network dropped');
    // Invalid evidence and duplicate ids also roll back.
    expect(() =>
      store.replaceRelease({ ...REL, version: 'r3' }, [ev('EID1'), { ...ev('X'), drugs: [] }]),
    ).toThrow();
    expect(() => store.replaceRelease({ ...REL, version: 'r4' }, [ev('EID1'), ev('EID1')])).toThrow();
    expect(() =>
      store.replaceRelease({ ...REL, version: 'r5' }, [ev('M1', { source: 'moalmanac' })]),
    ).toThrow(/expected civic/);
    store.close();
    // A fresh connection (as another process would see it) still has release r1 and its evidence.
    const again = openKnowledgeStore(path);
    expect(again.releases().map((r) => r.version)).toEqual(['r1']);
    expect(again.evidenceForGenes(['BRAF']).map((e) => e.id)).toEqual(['EID1', 'EID2']);
    again.close();
  });

  it('opens read-only files, including ones that never held knowledge', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-ro-'));
    const other = join(dir, 'other.db');
    openDb(other).close(); // written by another module only
    const ro = openKnowledgeStore(other, { readonly: true });
    expect(ro.releases()).toEqual([]);
    expect(ro.allEvidence()).toEqual([]);
    expect(ro.evidenceForGenes(['BRAF'])).toEqual([]);
    ro.close();
    const full = join(dir, 'kb.db');
    const rw = openKnowledgeStore(full);
    rw.replaceRelease(REL, [ev('EID1')]);
    rw.close();
    const ro2 = openKnowledgeStore(full, { readonly: true });
    expect(ro2.evidenceForGenes(['BRAF']).map((e) => e.id)).toEqual(['EID1']);
    ro2.close();
  });
});

describe('KnowledgeStore under a killed import', () => {
  it('keeps the previous release when the importing process is killed mid-transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-kill-'));
    const path = join(dir, 'kb.db');
    const store = openKnowledgeStore(path);
    store.replaceRelease(REL, [ev('EID1'), ev('EID2')]);
    store.close();
    // The child replaces the release, writes half of it inside the transaction, says so, then hangs
    // until it is killed with SIGKILL (no chance to roll back in process).
    const storeUrl = new URL('./store.ts', import.meta.url).href;
    const child = join(dir, 'child.mts');
    writeFileSync(
      child,
      `import { openKnowledgeStore } from ${JSON.stringify(storeUrl)};
const s = openKnowledgeStore(${JSON.stringify(path)});
function* items() {
  for (let i = 0; i < 500; i++) yield { id: 'NEW' + i, source: 'civic', release: 'r2', pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' }, tumorTypes: ['MEL'], excludedTumorTypes: [], drugs: ['x'], effect: 'sensitivity', level: '4', citations: [{ kind: 'civic', label: 'x' }], researchUseOnly: false };
  process.stdout.write('half\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
}
s.replaceRelease({ source: 'civic', version: 'r2', date: '2024-09-01', researchUseOnly: false }, items());
`,
    );
    const proc = spawn(process.execPath, ['--import', 'tsx', child], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += String(d)));
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        if (String(d).includes('half')) resolve();
      });
      proc.on('exit', () => reject(new Error(`child exited early: ${err}`)));
    });
    // Meanwhile readers still see the previous release (WAL): the import blocks nobody.
    const reader = openKnowledgeStore(path, { readonly: true });
    expect(reader.evidenceForGenes(['BRAF']).map((e) => e.id)).toEqual(['EID1', 'EID2']);
    reader.close();
    const exited = new Promise((r) => proc.on('exit', r));
    proc.kill('SIGKILL');
    await exited;
    const again = openKnowledgeStore(path);
    expect(again.releases().map((r) => r.version)).toEqual(['r1']);
    expect(again.allEvidence().map((e) => e.id)).toEqual(['EID1', 'EID2']);
    again.close();
  }, 30000);
});
