import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../main.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'normalize', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'onconav-ref-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'onconav', ...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('onconav ref', () => {
  it('status shows the built-in sets on a fresh store', async () => {
    const r = await run('--db', join(tmp, 'fresh.db'), 'ref', 'status', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { references: Array<{ kind: string; imported: boolean }> };
    expect(s.references.map((x) => [x.kind, x.imported])).toEqual([
      ['hgnc', false],
      ['oncotree', false],
    ]);
  });

  it('imports files, reports located issues, and status lists the releases', async () => {
    const db = join(tmp, 'a.db');
    const h = await run('--db', db, 'ref', 'import', 'hgnc', join(FIX, 'hgnc_small.tsv'), '--release', 'HGNC test');
    expect(h.code).toBe(0);
    expect(h.stderr).toMatch(/hgnc_small\.tsv:14 \[symbol\]: warning: row without a symbol skipped/);
    expect(h.stderr).toContain('hgnc: imported 11 rows as "HGNC test"');
    const t = await run('--db', db, '--quiet', 'ref', 'import', 'oncotree', join(FIX, 'oncotree_small.json'));
    expect(t).toMatchObject({ code: 0, stderr: '' });
    const s = await run('--db', db, 'ref', 'status');
    expect(s.stdout).toMatch(/hgnc\s+imported: HGNC test, 11 rows/);
    expect(s.stdout).toMatch(/oncotree\s+imported: OncoTree oncotree_small\.json, 9 rows/);
  });

  it('exits 1 with nothing imported for a wrong file, a missing file or an unreachable URL', async () => {
    const db = join(tmp, 'b.db');
    const wrong = await run('--db', db, 'ref', 'import', 'hgnc', join(FIX, 'oncotree_small.tsv'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('error: not an HGNC complete set');
    expect(wrong.stderr).toContain('nothing imported');
    expect((await run('--db', db, 'ref', 'import', 'oncotree', join(tmp, 'nope.json'))).code).toBe(1);
    const offline = await run('--db', db, 'ref', 'import', 'oncotree', 'http://127.0.0.1:9/tree.json');
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/cannot download .*offline/);
  });

  it('exits 2 for an unknown kind', async () => {
    expect((await run('--db', join(tmp, 'c.db'), 'ref', 'import', 'civic', 'x')).code).toBe(2);
  });

  it('imports from a URL', async () => {
    const body = readFileSync(join(FIX, 'oncotree_small.json'));
    const server: Server = createServer((_req, res) => res.end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const r = await run('--db', join(tmp, 'd.db'), 'ref', 'import', 'oncotree', `http://127.0.0.1:${port}/oncotree_2025_10_03.json`);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('as "oncotree_2025_10_03"');
    } finally {
      server.close();
    }
  });
});
