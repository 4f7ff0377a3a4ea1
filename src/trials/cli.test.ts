import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main.js';

const FX = join(import.meta.dirname, 'fixtures');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(['node', 'onconav', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('onconav trials', () => {
  afterEach(() => vi.restoreAllMocks());

  it('imports, reports stats, and matches a case and a note (JSON documented shape)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onconav-cli-'));
    const db = join(dir, 'o.db');
    const imp = await run([
      '--db',
      db,
      '-q',
      'trials',
      'import',
      join(FX, 'api-v2-study.json'),
      join(FX, 'api-v2-page.json'),
      join(FX, 'legacy-pdq.xml'),
    ]);
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(
      /^4 trials imported from 3 files \(4 new, 0 updated; 3 API v2 JSON, 1 legacy XML\)/,
    );

    const stats = await run(['--db', db, 'trials', 'stats', '--format', 'json']);
    expect(JSON.parse(stats.out)).toMatchObject({
      total: 4,
      byStatus: { RECRUITING: 3, ACTIVE_NOT_RECRUITING: 1 },
    });

    const m = await run([
      '--db',
      db,
      'trials',
      'match',
      '--case',
      join(FX, 'lung-egfr-brain.case.json'),
      '--format',
      'json',
      '--near',
      'Boston, MA',
      '--radius',
      '50km',
    ]);
    expect(m.code).toBe(0);
    const j = JSON.parse(m.out);
    expect(j.extracted).toMatchObject({ age: 58, tumorType: { code: 'LUAD' } });
    expect(j.matches).toHaveLength(1);
    const first = j.matches[0];
    expect(first).toMatchObject({
      nctId: 'NCT09000001',
      phase: 'PHASE2',
      status: 'RECRUITING',
      nearestSite: { facility: 'Harbor Cancer Institute' },
    });
    expect(typeof first.score).toBe('number');
    for (const c of first.criteria) {
      expect(['inclusion', 'exclusion']).toContain(c.type);
      expect(['met', 'not_met', 'unknown']).toContain(c.verdict);
      expect(typeof c.text).toBe('string');
      expect(typeof c.reason).toBe('string');
    }

    // Full-text search: plain words (punctuation inside them is not query syntax), a status filter, FTS5 syntax.
    const s1 = await run(['--db', db, 'trials', 'search', 'HER2-positive', 'breast', '--format', 'json']);
    expect(s1.code).toBe(0);
    const hits = JSON.parse(s1.out).hits as Array<{ nctId: string; title: string; snippet: string }>;
    expect(hits.map((h) => h.title)).toEqual([
      'Trastuzumab Deruxtecan Versus Physician Choice in HER2-Positive Metastatic Breast Cancer',
    ]);
    expect(hits[0]!.snippet).toMatch(/«HER2/);
    const s2 = await run(['--db', db, 'trials', 'search', '--fts', 'breast NOT trastuzumab']);
    expect(s2.code).toBe(0);
    expect(s2.out).toContain('Combination Chemotherapy in Treating Patients With Metastatic Breast Cancer');
    expect(s2.out).not.toContain('Deruxtecan');
    const s3 = await run(['--db', db, 'trials', 'search', 'breast', '--status', 'recruiting']);
    expect(s3.out).toContain('Deruxtecan');
    expect(s3.out).not.toContain('Combination Chemotherapy');
    const bad = await run(['--db', db, 'trials', 'search', '--fts', 'AND (']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('fts5: syntax error');
    expect((await run(['--db', db, 'trials', 'search', '--', '--'])).code).toBe(2);

    const notePath = join(dir, 'note.txt');
    writeFileSync(
      notePath,
      readFileSync(join(FX, 'lung-note.txt'), 'utf8')
        .replace('KRAS G12C', 'EGFR exon 19 deletion')
        .replace('Negative for EGFR and ALK.', ''),
    );
    const t = await run([
      '--db',
      db,
      'trials',
      'match',
      '--note',
      notePath,
      '--include-excluded',
      '--status',
      'all',
      '--out',
      join(dir, 'm.json'),
    ]);
    expect(t.code).toBe(0);
    expect(t.out).toContain('NCT09000001');
    expect(t.out).toContain('Discuss these trials with your care team');
    expect(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')).extracted.alterations[0]).toMatchObject({
      gene: 'EGFR',
    });
  });

  it('rejects bad usage with exit code 2 and bad input with 1', async () => {
    expect((await run(['trials', 'match'])).code).toBe(2);
    expect((await run(['trials', 'match', '--case', 'a.json', '--note', 'b.txt'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'onconav-cli-'));
    const db = join(dir, 'o.db');
    expect(
      (await run(['--db', db, 'trials', 'match', '--note', join(FX, 'lung-note.txt'), '--radius', '10km']))
        .code,
    ).toBe(2);
    expect(
      (await run(['--db', db, 'trials', 'match', '--note', join(FX, 'lung-note.txt'), '--near', 'Atlantis']))
        .code,
    ).toBe(2);
    expect(
      (await run(['--db', db, 'trials', 'match', '--note', join(FX, 'lung-note.txt'), '--status', 'OPENISH']))
        .code,
    ).toBe(2);
    expect((await run(['--db', db, '-q', 'trials', 'match', '--note', join(dir, 'missing.txt')])).code).toBe(
      1,
    );
    const many = await run(['--db', db, 'trials', 'import', '--workers', 'many', join(FX, 'legacy-pdq.xml')]);
    expect(many.code).toBe(2);
    expect(many.err).toContain('--workers must be a whole number');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"studies": [');
    const r = await run(['--db', db, '-q', 'trials', 'import', bad]);
    expect(r.code).toBe(1);
  });
});
