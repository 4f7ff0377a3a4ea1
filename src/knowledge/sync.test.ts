import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { openDb } from '../store/db.js';
import { KnowledgeStore } from './store.js';
import { importIntoStore, syncKnowledge } from './sync.js';

const fx = (p: string) => fileURLToPath(new URL(`./importers/fixtures/${p}`, import.meta.url));

// A local server stands in for the public download sites: tests never touch the network.
let server: Server;
let base = '';
let deadUrl = '';
beforeAll(async () => {
  const files: Record<string, Buffer> = {
    '/civic/nightly-ClinicalEvidenceSummaries.tsv': readFileSync(
      fx('civic/01-Jan-2025-ClinicalEvidenceSummaries.tsv'),
    ),
    '/civic/nightly-AssertionSummaries.tsv': readFileSync(fx('civic/01-Jan-2025-AssertionSummaries.tsv')),
    '/moa/molecular-oncology-almanac.json': readFileSync(fx('moalmanac/molecular-oncology-almanac.json')),
    '/cgi/cgi_biomarkers_latest.zip': Buffer.from(
      zipSync({
        'cgi_biomarkers_per_variant.tsv': readFileSync(fx('cgi/cgi_biomarkers_per_variant.tsv')),
        'README.txt': Buffer.from('x'),
      }),
    ),
  };
  server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was open and is now closed: connection refused, as when offline.
  const tmp = createServer();
  await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
  deadUrl = `http://127.0.0.1:${(tmp.address() as AddressInfo).port}/x.tsv`;
  await new Promise<void>((r) => tmp.close(() => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('knowledge sync (local HTTP server)', () => {
  it('downloads and imports the three sources', async () => {
    const store = new KnowledgeStore(openDb(':memory:'));
    const progress: number[] = [];
    const out = await syncKnowledge(store, {
      urls: {
        civic: `${base}/civic/nightly-ClinicalEvidenceSummaries.tsv`,
        civicAssertions: `${base}/civic/nightly-AssertionSummaries.tsv`,
        moalmanac: `${base}/moa/molecular-oncology-almanac.json`,
        cgi: `${base}/cgi/cgi_biomarkers_latest.zip`,
      },
      onDownloadProgress: (d) => progress.push(d),
    });
    expect(out.map((o) => [o.source, o.ok, o.error])).toEqual([
      ['civic', true, undefined],
      ['moalmanac', true, undefined],
      ['cgi', true, undefined],
    ]);
    expect(progress.length).toBeGreaterThan(0);
    const rel = Object.fromEntries(store.releases().map((r) => [r.source, r]));
    expect(rel.civic?.version).toMatch(/^nightly-\d{4}-\d{2}-\d{2}$/);
    expect(rel.moalmanac?.researchUseOnly).toBe(true);
    expect(rel.cgi?.version).toBe('cgi_biomarkers_per_variant');
    // Assertions came along with the CIViC evidence.
    expect(store.allEvidence(['civic']).some((e) => e.id === 'AID7001')).toBe(true);
    expect(store.evidenceForGenes(['BRAF']).map((e) => e.source)).toEqual(
      expect.arrayContaining(['civic', 'moalmanac', 'cgi']),
    );
  });

  it('reports an unreachable server clearly and keeps the previous release', async () => {
    const store = new KnowledgeStore(openDb(':memory:'));
    await importIntoStore(store, 'moalmanac', fx('moalmanac'));
    const before = store.allEvidence().length;
    await expect(importIntoStore(store, 'moalmanac', deadUrl)).rejects.toThrow(
      /cannot download .*(network looks unavailable|ECONNREFUSED|fetch failed).*kb import/s,
    );
    await expect(importIntoStore(store, 'moalmanac', `${base}/missing.json`)).rejects.toThrow(/HTTP 404/);
    const out = await syncKnowledge(store, { sources: ['moalmanac'], urls: { moalmanac: deadUrl } });
    expect(out[0]).toMatchObject({ source: 'moalmanac', ok: false });
    expect(store.allEvidence().length).toBe(before);
  });

  it('fetches the assertions beside a CIViC evidence URL', async () => {
    const store = new KnowledgeStore(openDb(':memory:'));
    await importIntoStore(store, 'civic', `${base}/civic/nightly-ClinicalEvidenceSummaries.tsv`);
    expect(store.allEvidence(['civic']).some((e) => e.id === 'AID7001')).toBe(true);
  });

  it('imports local paths and rejects missing ones', async () => {
    const store = new KnowledgeStore(openDb(':memory:'));
    const r = await importIntoStore(store, 'cgi', fx('cgi/cgi_biomarkers_per_variant.tsv'), {
      version: 'v',
      date: '2017-01-01',
    });
    expect(store.release('cgi')).toMatchObject({ version: 'v', evidenceCount: r.evidence.length });
    await expect(importIntoStore(store, 'cgi', '/nonexistent/file.tsv')).rejects.toThrow(/no such file/);
  });
});
