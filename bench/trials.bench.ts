import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCase } from '../src/intake/build.js';
import { readInputs } from '../src/intake/index.js';
import { builtinContext } from '../src/normalize/context.js';
import { openDb } from '../src/store/db.js';
import { sharedPath, sharedTrialCorpora, SHARED_DATA } from '../test/shared-data.js';
import { factsFromCase, type CaseFacts } from '../src/trials/facts.js';
import { importEntries, importTrials, type ImportEntry } from '../src/trials/import.js';
import { defaultParseWorkers } from '../src/trials/parse-pool.js';
import { matchTrials } from '../src/trials/matcher.js';
import { trialFromNormalizedRecord } from '../src/trials/normalized-record.js';
import { factsFromNote } from '../src/trials/note.js';
import { TrialStore } from '../src/trials/store.js';

/**
 * Trial store and matcher at scale. Imports the shared legacy XML and API v2 records (cold: every record
 * parsed for the first time), loads the normalized modern records, then replicates all of them with synthetic
 * NCT ids to BENCH_TRIALS (default 50,000) through the same conversion path as `trials import` (registry
 * text → Trial → store, one transaction), and times `match` for the fixture cases and note.
 * Targets (issue 4): import ≥ 2,000 trials/s; match p95 ≤ 100 ms at 50,000 trials; memory ≤ 1 GB.
 */
const here = dirname(fileURLToPath(import.meta.url));
const T = (...p: string[]): string => sharedPath('trials', ...p);
const TARGET = Number(process.env.BENCH_TRIALS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const FX = join(here, '..', 'src', 'trials', 'fixtures');
// Parse worker threads for the imports (0 = parse on the importing thread), as `trials import --workers`.
const WORKERS = Number(process.env.BENCH_WORKERS ?? defaultParseWorkers());

if (!existsSync(T('ctgov_legacy_xml_oncology', 'xml'))) {
  process.stdout.write(`shared trial corpora not found under ${SHARED_DATA}; skipping\n`);
  process.exit(0);
}

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 50);
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;

// BENCH_DB=path keeps the built store (and reuses it when it exists: only the match timings run).
const dir = mkdtempSync(join(tmpdir(), 'onconav-trials-bench-'));
const dbPath = process.env.BENCH_DB ?? join(dir, 'trials.db');
const reuse = process.env.BENCH_DB !== undefined && existsSync(dbPath);
const db = openDb(dbPath);
const store = new TrialStore(db);
const { apiV2 } = sharedTrialCorpora();
if (!reuse) await build();

async function build(): Promise<void> {
  // 1. Cold import of the registry formats.
  let t0 = performance.now();
  const cold = await importTrials(db, [T('ctgov_legacy_xml_oncology', 'xml'), ...apiV2], {
    workers: WORKERS,
  });
  const coldMs = performance.now() - t0;
  process.stdout.write(
    `cold import (legacy XML + API v2): ${cold.trials} trials in ${(coldMs / 1000).toFixed(1)} s = ${Math.round((cold.trials / coldMs) * 1000)} trials/s with ${WORKERS} parse worker(s); errors ${cold.issues.filter((i) => i.severity === 'error').length}\n`,
  );

  // 2. Normalized modern records (test adapter; not a registry format).
  const modernDir = T('ctgov_modern', 'jwlieb_clinical_trial_agent', 'trials');
  const modernTexts = readdirSync(modernDir).map((f) => readFileSync(join(modernDir, f), 'utf8'));
  t0 = performance.now();
  let modern = 0;
  store.transaction(() => {
    for (const text of modernTexts) {
      const t = trialFromNormalizedRecord(JSON.parse(text));
      if (t) {
        store.upsert(t, 'normalized', new Date().toISOString());
        modern++;
      }
    }
  });
  const modernMs = performance.now() - t0;
  process.stdout.write(
    `modern normalized records: ${modern} in ${(modernMs / 1000).toFixed(1)} s = ${Math.round((modern / modernMs) * 1000)} trials/s\n`,
  );

  // 3. Replicate every record with synthetic ids until TARGET trials: the registry records (legacy XML, API v2
  // JSON) through the import path itself (importEntries: parse workers, one transaction), as `trials import`
  // of a folder does.
  const templates: Array<{ kind: 'xml' | 'json'; text: string }> = [];
  for (const f of readdirSync(T('ctgov_legacy_xml_oncology', 'xml')))
    templates.push({ kind: 'xml', text: readFileSync(T('ctgov_legacy_xml_oncology', 'xml', f), 'utf8') });
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.studies)) collect(o.studies);
      else if ('protocolSection' in o) templates.push({ kind: 'json', text: JSON.stringify(o) });
    }
  };
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else if (p.endsWith('.json')) collect(JSON.parse(readFileSync(p, 'utf8')));
  };
  apiV2.forEach(walk);
  const start = (store.stats().total as number) || 0;
  // The store keeps the corpora's mix: the normalized modern records (mostly recruiting trials, the match
  // workload) are replicated in their share through store.upsert (they are a test adapter, not a registry
  // format), the registry records through the import path.
  const all = Math.max(0, TARGET - start);
  const normalizedShare = modernTexts.length / (modernTexts.length + templates.length);
  const toMakeNormalized = Math.round(all * normalizedShare);
  const toMake = all - toMakeNormalized;
  t0 = performance.now();
  let madeNormalized = 0;
  store.transaction(() => {
    for (let i = 0; madeNormalized < toMakeNormalized; i++) {
      const id = `NCT9${String(i).padStart(7, '0')}`;
      const t = trialFromNormalizedRecord({
        ...JSON.parse(modernTexts[i % modernTexts.length]!),
        nct_id: id,
      });
      if (t) {
        store.upsert(t, 'bench', 'bench');
        madeNormalized++;
      }
    }
  });
  process.stdout.write(
    `replicated normalized records (store.upsert): ${madeNormalized} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  // Each template as its bytes before and after the NCT id, so a replica costs two copies (as cheap as
  // reading a file), not a text replace and a UTF-8 encoding on the importing thread.
  const enc = new TextEncoder();
  const parts = templates.map((tpl) => {
    const m = (tpl.kind === 'xml' ? /<nct_id>NCT\d{8}<\/nct_id>/ : /"nctId":"NCT\d{8}"/).exec(tpl.text);
    if (!m) throw new Error('template without an NCT id');
    const at = m.index + m[0].indexOf('NCT');
    return {
      kind: tpl.kind,
      head: enc.encode(tpl.text.slice(0, at)),
      tail: enc.encode(tpl.text.slice(at + 11)),
    };
  });
  async function* replicas(): AsyncGenerator<ImportEntry> {
    for (let i = 0; i < toMake; i++) {
      const p = parts[i % parts.length]!;
      const id = `NCT8${String(i).padStart(7, '0')}`;
      const bytes = new Uint8Array(p.head.length + 11 + p.tail.length);
      bytes.set(p.head, 0);
      enc.encodeInto(id, bytes.subarray(p.head.length, p.head.length + 11));
      bytes.set(p.tail, p.head.length + 11);
      if (i % 5000 === 0) sample();
      yield { name: `${id}.${p.kind}`, read: () => Promise.resolve(bytes) };
    }
  }
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const rep = await importEntries(db, replicas(), { workers: WORKERS });
  const repMs = performance.now() - t0;
  const repCpu = process.cpuUsage(cpu0);
  process.stdout.write(
    `replicated import: ${rep.trials} trials in ${(repMs / 1000).toFixed(1)} s = ${Math.round((rep.trials / repMs) * 1000)} trials/s with ${WORKERS} parse worker(s) (process CPU, all threads ${((repCpu.user + repCpu.system) / 1e6).toFixed(1)} s); errors ${rep.issues.filter((i) => i.severity === 'error').length}\n`,
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
}
sample();
process.stdout.write(
  `store: ${store.stats().total} trials, database ${mb(statSync(dbPath).size)}; peak RSS so far ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))}\n`,
);

// 4. Match latency, in a fresh process on the built store, as `onconav trials match` runs: the import's
// heap and parse workers are not there to slow the timings.
if (!reuse) {
  db.close();
  // The store is flushed to disk before matching starts: otherwise the kernel writes ~550 MB back while the
  // matches are timed (a user matches against a store imported earlier, not seconds before).
  const fd = openSync(dbPath, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  clearInterval(timer);
  process.stdout.write(
    `peak RSS of the import ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))} (target ≤ 1 GB)\n`,
  );
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_DB: dbPath },
  });
  rmSync(dir, { recursive: true, force: true });
  if (process.env.BENCH_DB === undefined) rmSync(dbPath, { force: true });
  process.exit(child.status ?? 1);
}
const ctx = builtinContext();
const cases: Array<[string, CaseFacts]> = [];
for (const f of ['lung-egfr-brain.case.json', 'crc-kras-liver.case.json', 'breast-her2.case.json']) {
  const { results, issues } = await readInputs([join(FX, f)], { ctx, as: 'case-json' });
  cases.push([f, factsFromCase(buildCase(results, { ctx, issues }))]);
}
cases.push(['lung-note.txt', factsFromNote(readFileSync(join(FX, 'lung-note.txt'), 'utf8'))]);
const all: number[] = [];
for (const [name, facts] of cases) {
  const times: number[] = [];
  let last = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const r = matchTrials(db, facts, { limit: 20, near: { lat: 42.36, lon: -71.06 } });
    times.push(performance.now() - s);
    last = r.counts.candidates;
  }
  sample();
  times.sort((a, b) => a - b);
  all.push(...times);
  process.stdout.write(
    `match ${name}: ${last} candidates; p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms\n`,
  );
}
all.sort((a, b) => a - b);
clearInterval(timer);
sample();
process.stdout.write(
  `match overall: p50 ${all[Math.floor(all.length / 2)]!.toFixed(1)} ms, p95 ${all[Math.floor(all.length * 0.95)]!.toFixed(1)} ms (target ≤ 100 ms)\n`,
);
process.stdout.write(
  `peak RSS of the match process ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))} (target ≤ 1 GB)\n`,
);
db.close();
rmSync(dir, { recursive: true, force: true });
if (process.env.BENCH_DB === undefined) rmSync(dbPath, { force: true });
