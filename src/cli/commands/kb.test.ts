import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const FX = fileURLToPath(new URL('../../knowledge/importers/fixtures/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'onconav-kb-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

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
    const code = await main(['node', 'onconav', ...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('onconav kb', () => {
  it('imports the three sources and lists, counts and shows them', async () => {
    const db = join(tmp, 'kb.db');
    const c = await run('--db', db, 'kb', 'import', 'civic', join(FX, 'civic'));
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(/civic 01-Jan-2025 \(2025-01-01\): \d+ evidence items from 18 rows/);
    expect(c.stderr).toMatch(/diseases without an OncoTree mapping: Made Up Disease \(DOID:99999999\) \(1\)/);
    const m = await run(
      '--db',
      db,
      '--quiet',
      'kb',
      'import',
      'moalmanac',
      join(FX, 'moalmanac', 'molecular-oncology-almanac.json'),
    );
    expect(m).toMatchObject({ code: 0, stderr: '' });
    const g = await run(
      '--db',
      db,
      'kb',
      'import',
      'cgi',
      join(FX, 'cgi', 'cgi_biomarkers_per_variant.tsv'),
      '--release-version',
      'cgi-test',
      '--release-date',
      '2017-12-26',
      '--json',
    );
    expect(g.code).toBe(0);
    expect(JSON.parse(g.stdout)).toMatchObject({
      release: { source: 'cgi', version: 'cgi-test', date: '2017-12-26' },
    });

    const l = await run('--db', db, 'kb', 'list', '--json');
    const releases = JSON.parse(l.stdout) as { source: string; researchUseOnly: boolean }[];
    expect(releases.filter((r) => r.source !== 'builtin').map((r) => [r.source, r.researchUseOnly])).toEqual([
      ['cgi', false],
      ['civic', false],
      ['moalmanac', true],
    ]);
    const lt = await run('--db', db, 'kb', 'list');
    expect(lt.stdout).toMatch(/moalmanac\s+2025-12-26\s+2025-12-26\s+\d+\s+yes/);

    const s = await run('--db', db, 'kb', 'stats', '--json');
    const stats = JSON.parse(s.stdout) as {
      sources: { source: string; evidence: number; importReport?: { rowsRead: number } }[];
    };
    expect(stats.sources.find((x) => x.source === 'civic')?.importReport?.rowsRead).toBe(18);

    const show = await run('--db', db, 'kb', 'show', 'braf', '--source', 'civic', 'moalmanac', 'cgi');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^BRAF: \d+ evidence items/);
    expect(show.stdout).toMatch(
      /Level 1 \(\d+\)[\s\S]*BRAF V600E → dabrafenib \+ trametinib \(sensitivity\) in MEL {2}\[moalmanac FDA-Approved, research use only/,
    );
    expect(show.stdout).toMatch(/\[civic A; EID9001, PMID:11111111\]/);
    const js = JSON.parse(
      (await run('--db', db, 'kb', 'show', 'ALK', '--source', 'civic', '--json')).stdout,
    ) as Record<string, { id: string }[]>;
    expect(Object.keys(js)).toEqual(['4']);
    expect(js['4']?.map((e) => e.id)).toEqual(['EID9004']);

    expect((await run('--db', db, '--quiet', 'kb', 'remove', 'cgi')).code).toBe(0);
    expect(
      (JSON.parse((await run('--db', db, 'kb', 'list', '--json')).stdout) as { source: string }[]).some(
        (r) => r.source === 'cgi',
      ),
    ).toBe(false);
  });

  it('exits 2 on usage errors and 1 on unreadable input or no network', async () => {
    const db = join(tmp, 'err.db');
    expect((await run('--db', db, 'kb', 'import', 'oncokb', 'x')).code).toBe(2);
    expect((await run('--db', db, 'kb', 'import', 'cgi', 'x', '--release-date', 'yesterday')).code).toBe(2);
    const missing = await run('--db', db, 'kb', 'import', 'civic', join(tmp, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file or directory/);
    const offline = await run(
      '--db',
      db,
      'kb',
      'sync',
      '--source',
      'moalmanac',
      '--moalmanac-url',
      'http://127.0.0.1:9/x.json',
    );
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(
      /moalmanac: not updated — cannot download http:\/\/127\.0\.0\.1:9\/x\.json/,
    );
  });

  it('dry run reports without touching the store', async () => {
    const db = join(tmp, 'dry.db');
    const r = await run('--db', db, 'kb', 'import', 'civic', join(FX, 'civic'), '--dry-run', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^dry run \(store unchanged\): civic 01-Jan-2025/);
    expect(JSON.parse(r.stdout)).toMatchObject({ report: { rowsRead: 18 } });
    expect(existsSync(db)).toBe(false);
  });

  it('shows an empty store without creating it', async () => {
    const db = join(tmp, 'never.db');
    const r = await run('--db', db, 'kb', 'show', 'BRAF', '--source', 'civic');
    expect(r).toMatchObject({ code: 0, stdout: 'No evidence for BRAF.\n' });
  });
});
