import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import { ALL_SOLID_TUMORS, ALL_TUMORS } from '../domain/index.js';
import { openDb, type Db } from '../store/db.js';
import { builtinContext, contextFromDb, loadContext } from './context.js';
import { builtinOncoTree } from './oncotree.js';
import { importHgnc, importOncoTree, referenceStatus, resolverFromStore, storeOncoTree } from './ref-store.js';

const fixture = (name: string): string => join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name);
const tmp = mkdtempSync(join(tmpdir(), 'onconav-ref-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const now = (): Date => new Date('2026-11-25T00:00:00Z');

function memDb(): Db {
  return openDb(':memory:');
}

describe('importHgnc', () => {
  it('imports approved genes, aliases and previous symbols with located issues', async () => {
    const db = memDb();
    const r = await importHgnc(db, fixture('hgnc_small.tsv'), { now, displayName: 'hgnc_small.tsv' });
    expect(r.release).toMatchObject({ kind: 'hgnc', version: 'HGNC 2018-11-07', rowCount: 11, importedAt: '2026-11-25T00:00:00.000Z' });
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'hgnc.bad-row', file: 'hgnc_small.tsv', line: 14 }));
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'info', code: 'hgnc.withdrawn' }));
    expect(referenceStatus(db)).toEqual([r.release]);

    const g = resolverFromStore(db);
    expect(g.source).toBe('HGNC 2018-11-07');
    // Legacy table beats HGNC's alias list; the collision is reported.
    expect(g.resolve('MLL2')).toMatchObject({ symbol: 'KMT2D', via: 'legacy', ambiguity: { candidates: ['KMT2D', 'KMT2B'] } });
    expect(g.resolve('mll')).toMatchObject({ symbol: 'KMT2A', changed: true });
    expect(g.resolve('BRAF1')).toMatchObject({ symbol: 'BRAF', via: 'alias' });
    expect(g.resolve('ngl')).toMatchObject({ symbol: 'ERBB2', via: 'previous' });
    expect(g.resolve('HER-2')).toMatchObject({ symbol: 'ERBB2' });
    expect(g.resolve('CDKN2')).toMatchObject({ symbol: 'CDKN2A', via: 'previous' });
    // Several aliases, none on the cancer list: alphabetical, reported.
    expect(g.resolve('xalias')).toMatchObject({ symbol: 'SHARED1', ambiguity: { candidates: ['SHARED1', 'SHARED2'] } });
    // Renamed after the imported release: still current thanks to the built-in list.
    expect(g.resolve('HIST1H3B')).toMatchObject({ symbol: 'H3C2', known: true });
    expect(g.resolve('H3C2')).toMatchObject({ symbol: 'H3C2', known: true });
    expect(g.resolve('NOTAGENE')).toMatchObject({ known: false });
    db.close();
  });

  it('reads gzip and keeps the previous release when a later import fails', async () => {
    const db = memDb();
    const gz = join(tmp, 'hgnc.txt.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('hgnc_small.tsv'))));
    const ok = await importHgnc(db, gz, { now, version: 'test-1' });
    expect(ok.release?.rowCount).toBe(11);

    const bad = join(tmp, 'bad.tsv');
    writeFileSync(bad, 'gene\tdescription\nBRAF\tkinase\n');
    const r = await importHgnc(db, bad, { now });
    expect(r.release).toBeUndefined();
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'hgnc.missing-column', line: 1 })]);
    expect(referenceStatus(db)[0]?.version).toBe('test-1');
    expect(resolverFromStore(db).resolve('BRAF1').symbol).toBe('BRAF');

    const empty = join(tmp, 'empty.tsv');
    writeFileSync(empty, 'symbol\tstatus\talias_symbol\tprev_symbol\n');
    expect((await importHgnc(db, empty)).issues).toContainEqual(expect.objectContaining({ code: 'hgnc.empty' }));
    db.close();
  });
});

describe('importOncoTree', () => {
  it.each(['oncotree_small.json', 'oncotree_small.tsv'])('imports %s with retired codes and the pseudo-nodes', async (name) => {
    const db = memDb();
    const r = await importOncoTree(db, fixture(name), { now, version: 'small' });
    expect(r.release).toMatchObject({ kind: 'oncotree', version: 'small' });
    expect(r.issues.some((i) => i.severity === 'error')).toBe(false);
    const t = storeOncoTree(db)!;
    expect(t.release).toBe('small');
    expect(t.ancestors('LUAD')).toEqual(['LUAD', 'NSCLC', 'LUNG', ALL_SOLID_TUMORS, ALL_TUMORS]);
    expect(t.resolve('GBM').ref?.code).toBe('GB');
    expect(t.resolve('LADC')).toMatchObject({ ref: { code: 'LUAD' }, via: 'retiredCode' });
    expect(t.isLiquid('AML')).toBe(true);
    expect(t.resolve('lung adenocarcinoma').ref?.code).toBe('LUAD');
    db.close();
  });

  it('locates bad nodes (JSON pointer, TSV line) and orphans', async () => {
    const db = memDb();
    const j = await importOncoTree(db, fixture('oncotree_small.json'), { displayName: 'tree.json' });
    expect(j.issues).toContainEqual(expect.objectContaining({ code: 'oncotree.bad-node', pointer: '/TISSUE/children/MYELOID/children/BROKEN' }));
    const t = await importOncoTree(db, fixture('oncotree_small.tsv'), { displayName: 'tree.tsv' });
    expect(t.issues).toContainEqual(expect.objectContaining({ code: 'oncotree.bad-row', line: 12 }));
    expect(t.issues).toContainEqual(expect.objectContaining({ code: 'oncotree.orphan' }));
    expect(storeOncoTree(db)!.resolve('DIPG').ref?.code).toBe('DMG');
    db.close();
  });

  it('reads the classic level_1…level_7 tumor_types.txt', async () => {
    const db = memDb();
    const r = await importOncoTree(db, fixture('tumor_types_small.txt'), { displayName: 'tumor_types.txt' });
    expect(r.release?.rowCount).toBe(6);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'oncotree.bad-cell', line: 5, column: 2 }));
    const t = storeOncoTree(db)!;
    expect(t.ancestors('LUSC')).toEqual(['LUSC', 'NSCLC', 'LUNG', ALL_SOLID_TUMORS, ALL_TUMORS]);
    expect(t.get('LUAD')?.mainType).toBe('Non-Small Cell Lung Cancer');
    db.close();
  });

  it('rejects files that are not OncoTree and keeps the previous tree', async () => {
    const db = memDb();
    await importOncoTree(db, fixture('oncotree_small.json'), { version: 'v1' });
    const bad = join(tmp, 'notatree.json');
    writeFileSync(bad, '{ "oops": ');
    expect((await importOncoTree(db, bad)).issues[0]).toMatchObject({ severity: 'error', code: 'oncotree.bad-json' });
    const tsv = join(tmp, 'other.tsv');
    writeFileSync(tsv, 'a\tb\n1\t2\n');
    expect((await importOncoTree(db, tsv)).issues[0]).toMatchObject({ code: 'oncotree.unknown-format', line: 1 });
    expect((await importOncoTree(db, join(tmp, 'missing.json'))).issues[0]).toMatchObject({ code: 'oncotree.unreadable' });
    expect(storeOncoTree(db)?.release).toBe('v1');
    db.close();
  });
});

describe('loadContext', () => {
  it('is built-in for a missing store and uses imported sets when present', async () => {
    expect(loadContext(join(tmp, 'none.db')).sources).toEqual(builtinContext().sources);
    const path = join(tmp, 'ctx.db');
    const db = openDb(path);
    await importHgnc(db, fixture('hgnc_small.tsv'), { version: 'hgnc-test' });
    expect(contextFromDb(db).oncotree).toBe(builtinOncoTree());
    await importOncoTree(db, fixture('oncotree_small.json'), { version: 'tree-test' });
    db.close();
    const ctx = loadContext(path);
    expect(ctx.sources).toEqual({ genes: 'hgnc-test', oncotree: 'tree-test' });
    expect(ctx.genes.resolve('BRAF1').symbol).toBe('BRAF');
    expect(ctx.oncotree.get('LUSC')).toBeDefined();
  });
});

function clinicalCodes(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  const header = lines[0]!.split('\t');
  const c = header.indexOf('ONCOTREE_CODE');
  return [...new Set(lines.slice(1).map((l) => l.split('\t')[c]!.trim()).filter(Boolean))].sort();
}

describeWithSharedData('reference imports of the real releases', () => {
  const db = memDb();
  const codes = [...new Set([...clinicalCodes(sharedPath('examples/msk_impact_2017/data_clinical_sample.txt')), ...clinicalCodes(sharedPath('examples/crc_msk_2017/data_clinical_sample.txt'))])];

  it('imports OncoTree 2025-10-03 (JSON and flat TSV agree) and resolves every clinical code', async () => {
    const r = await importOncoTree(db, sharedPath('knowledge/oncotree/oncotree_2025_10_03.json'));
    expect(r.release).toMatchObject({ version: 'oncotree_2025_10_03', rowCount: 898 });
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const tree = storeOncoTree(db)!;
    const unresolved = codes.filter((c) => tree.resolve(c).ref === null);
    expect(unresolved).toEqual([]);
    expect(tree.resolve('AASTR').ref?.code).toBe('ASTR');
    for (const c of codes) expect(tree.ancestors(tree.resolve(c).ref!.code).at(-1)).toBe(ALL_TUMORS);

    const db2 = memDb();
    await importOncoTree(db2, sharedPath('knowledge/oncotree/oncotree_2025_10_03.flat.tsv'));
    const flat = storeOncoTree(db2)!;
    for (const n of tree.all()) expect(flat.get(n.code)?.parent, n.code).toBe(n.parent);
    db2.close();

    const builtin = builtinOncoTree();
    const builtinHits = codes.filter((c) => builtin.resolve(c).ref !== null).length;
    // Reported in docs/normalization.md: the built-in subset covers about half of the codes in these cohorts.
    expect(builtinHits).toBeGreaterThan(codes.length * 0.45);
    console.info(`built-in OncoTree resolves ${builtinHits}/${codes.length} distinct clinical codes; imported: ${codes.length}/${codes.length}`);
  });

  it('imports the HGNC 2018 complete set and resolves every panel and MAF gene', async () => {
    const r = await importHgnc(db, sharedPath('knowledge/hgnc/hgnc_complete_set.txt.gz'));
    expect(r.release).toMatchObject({ version: 'HGNC 2018-11-07', rowCount: 41562 });
    const g = resolverFromStore(db);
    const panel = readFileSync(sharedPath('knowledge/gene_panels/data_gene_panel_impact468.txt'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('gene_list:'))!
      .replace(/^gene_list:\s*/, '')
      .split('\t')
      .filter(Boolean);
    for (const s of panel) expect(g.resolve(s).known, s).toBe(true);
    expect(g.resolve('MLL2')).toMatchObject({ symbol: 'KMT2D', ambiguity: { candidates: ['KMT2D', 'KMT2B'] } });
    expect(g.resolve('MLL4')).toMatchObject({ symbol: 'KMT2B' });
    expect(g.resolve('C17orf39').symbol).toBe('GID4');
    expect(g.resolve('c17orf39').symbol).toBe('GID4');
    expect(g.resolve('TP53').via).toBe('approved');
  });
});

describe('importers on arbitrary input', () => {
  const cell = fc.oneof(fc.constantFrom('', 'BRAF', 'Approved', 'Entry Withdrawn', 'A|B', '"X|Y"', 'LUAD', 'TISSUE', 'Lung (LUNG)', '{', '[', '"'), fc.string({ maxLength: 12 }));
  const line = fc.array(cell, { maxLength: 8 }).map((c) => c.join('\t'));
  const header = fc.constantFrom(
    'symbol\tstatus\talias_symbol\tprev_symbol',
    'hgnc_id\tsymbol\tname\tstatus\talias_symbol\tprev_symbol\tdate_modified',
    'code\tname\tparent\thistory',
    'level_1\tlevel_2\tlevel_3\tmetamaintype',
    '',
  );
  const fileText = fc.tuple(header, fc.array(line, { maxLength: 15 })).map(([h, ls]) => [h, ...ls].join('\n'));

  it('never throw: they import or report, and a failed import changes nothing', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fileText, fc.boolean(), async (text, asJson) => {
        const db = memDb();
        const path = join(tmp, `prop-${n++}.${asJson ? 'json' : 'tsv'}`);
        writeFileSync(path, asJson ? `{"TISSUE": ${JSON.stringify({ code: 'TISSUE', name: 'Tissue', children: text.split('\n').map((l) => ({ code: l.split('\t')[0], name: l.split('\t')[1] })) })}}` : text);
        for (const importer of [importHgnc, importOncoTree]) {
          const r = await importer(db, path);
          const failed = r.issues.some((i) => i.severity === 'error');
          expect(failed || r.release !== undefined).toBe(true);
          if (failed) expect(r.release).toBeUndefined();
        }
        expect(() => storeOncoTree(db)?.ancestors('LUAD')).not.toThrow();
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
