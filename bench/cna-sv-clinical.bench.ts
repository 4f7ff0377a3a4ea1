import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinicalSampleReader } from '../src/intake/clinical.js';
import { cnaDiscreteReader } from '../src/intake/cna.js';
import type { ReaderModule } from '../src/intake/registry.js';
import { svReader } from '../src/intake/sv.js';
import { builtinContext } from '../src/normalize/context.js';

/**
 * Throughput of the CNA matrix, SV and clinical-sample readers on synthetic cohort-sized files: a
 * 500-gene × 10,000-sample discrete CNA matrix (5 M cells, ~10% non-diploid), 100,000 SV rows and 100,000
 * clinical sample rows. Target: ≥ 1 M CNA cells/s and ≥ 50,000 SV or clinical rows/s (real files hold 2,000 SV and 11,000 sample rows). BENCH_SCALE scales sizes.
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'onconav-bench-cna-'));
const ctx = builtinContext();

/** Deterministic pseudo-random numbers so every run reads the same files. */
let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

const GENES = [
  'ERBB2',
  'MET',
  'CDKN2A',
  'PTEN',
  'MYC',
  'CCND1',
  'EGFR',
  'KRAS',
  'CDK4',
  'MDM2',
  'RB1',
  'SMAD4',
  'FGFR1',
  'AKT2',
];

function cnaMatrix(genes: number, samples: number): string {
  const p = join(dir, 'cna.txt');
  const values = ['0', '0', '0', '0', '0', '0', '0', '0', '0', '-1', '1', '2', '-2', 'NA'];
  const lines = [
    ['Hugo_Symbol', 'Entrez_Gene_Id', ...Array.from({ length: samples }, (_, i) => `S-${i}`)].join('\t'),
  ];
  for (let g = 0; g < genes; g++) {
    const row = [`${GENES[g % GENES.length]}${g < GENES.length ? '' : `_${g}`}`, String(g)];
    for (let s = 0; s < samples; s++)
      row.push(rand() < 0.9 ? '0' : values[Math.floor(rand() * values.length)]!);
    lines.push(row.join('\t'));
  }
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

function svFile(rows: number): string {
  const p = join(dir, 'sv.txt');
  const events = [
    ['ALK', 'EML4', 'Protein fusion: in frame (EML4-ALK)'],
    ['RET', 'CCDC6', 'Protein fusion: in frame (CCDC6-RET)'],
    ['ROS1', 'SLC34A2', 'ROS1-SLC34A2 Fusion'],
    ['EGFR', 'EGFR', 'Deletion within transcript: mid-exon'],
    ['TMPRSS2', 'ERG', 'Antisense fusion'],
  ];
  const lines = [
    'Sample_Id\tSV_Status\tSite1_Hugo_Symbol\tSite2_Hugo_Symbol\tSite2_Effect_on_Frame\tClass\tEvent_Info',
  ];
  for (let i = 0; i < rows; i++) {
    const e = events[i % events.length]!;
    lines.push(`S-${i}\tSOMATIC\t${e[0]}\t${e[1]}\tin frame\tINVERSION\t${e[2]}`);
  }
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

function clinicalFile(rows: number): string {
  const p = join(dir, 'clinical.txt');
  const lines = [
    '#Patient Identifier\tSample Identifier\tOncotree Code\tSample Type\tMetastatic Site\tTMB\tMSI Score',
    '#x\tx\tx\tx\tx\tx\tx',
    '#STRING\tSTRING\tSTRING\tSTRING\tSTRING\tNUMBER\tNUMBER',
    '#1\t1\t1\t1\t1\t1\t1',
    'PATIENT_ID\tSAMPLE_ID\tONCOTREE_CODE\tSAMPLE_TYPE\tMETASTATIC_SITE\tTMB_NONSYNONYMOUS\tMSI_SCORE',
  ];
  const codes = ['LUAD', 'COADREAD', 'IDC', 'SKCM', 'PAAD', 'PRAD'];
  const sites = ['Liver', 'Lymph Node', 'Lung', 'Bone', 'Brain', 'Not Applicable'];
  for (let i = 0; i < rows; i++) {
    const met = i % 2 === 0;
    lines.push(
      `P-${i}\tP-${i}-T01\t${codes[i % codes.length]}\t${met ? 'Metastasis' : 'Primary'}\t${met ? sites[i % sites.length] : 'Not Applicable'}\t${(rand() * 30).toFixed(2)}\t${(rand() * 15).toFixed(2)}`,
    );
  }
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

async function run(
  label: string,
  reader: ReaderModule,
  path: string,
  unit: string,
  target: number,
): Promise<void> {
  await reader.read(path, { ctx }); // warm-up
  const t0 = process.hrtime.bigint();
  const r = await reader.read(path, { ctx });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const perSec = r.stats.rows / s;
  const ok = perSec >= target ? 'ok' : 'BELOW TARGET';
  process.stdout.write(
    `${label}: ${r.stats.rows.toLocaleString('en-US')} ${unit} in ${s.toFixed(2)} s = ${Math.round(perSec).toLocaleString('en-US')} ${unit}/s (target ≥ ${target.toLocaleString('en-US')}: ${ok}); ${r.stats.used.toLocaleString('en-US')} used\n`,
  );
}

try {
  await run('CNA matrix', cnaDiscreteReader, cnaMatrix(500, Math.round(10_000 * scale)), 'cells', 1_000_000);
  await run('SV', svReader, svFile(Math.round(100_000 * scale)), 'rows', 50_000);
  await run(
    'clinical sample',
    clinicalSampleReader,
    clinicalFile(Math.round(100_000 * scale)),
    'rows',
    50_000,
  );
  process.stdout.write(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
