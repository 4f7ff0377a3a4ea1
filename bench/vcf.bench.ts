import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVcf } from '../src/intake/vcf.js';
import { builtinContext } from '../src/normalize/context.js';

/**
 * VCF reader throughput on a synthetic VEP-annotated tumor/normal VCF (three CSQ entries per record, one in
 * ten records multi-allelic). Set BENCH_VCF_RECORDS to change the size (default 200,000).
 */
const here = dirname(fileURLToPath(import.meta.url));
const RECORDS = Number(process.env.BENCH_VCF_RECORDS ?? 200_000);
const CSQ_FORMAT =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|Protein_position|CANONICAL|MANE_SELECT|PICK';
const GENES = [
  ['BRAF', 'ENST00000646891', 'p.Val600Glu', '600', '15/18'],
  ['KRAS', 'ENST00000256078', 'p.Gly12Cys', '12', '2/6'],
  ['TP53', 'ENST00000269305', 'p.Arg248Gln', '248', '7/11'],
  ['PIK3CA', 'ENST00000263967', 'p.His1047Arg', '1047', '21/21'],
];

function generate(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    [
      '##fileformat=VCFv4.2',
      '##reference=GRCh38',
      `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`,
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR',
      '',
    ].join('\n'),
  );
  let buf = '';
  for (let i = 0; i < RECORDS; i++) {
    const [gene, tx, hgvsp, pos, exon] = GENES[i % GENES.length]!;
    const multi = i % 10 === 0;
    const entry = (allele: string, pick: string) =>
      `${allele}|missense_variant|MODERATE|${gene}|ENSG0|Transcript|${tx}|protein_coding|${exon}||${tx}:c.1A>T|ENSP0:${hgvsp}|${pos}|YES|NM_0|${pick}`;
    const csq = [
      entry('T', '1'),
      `T|intron_variant|MODIFIER|${gene}|ENSG0|Transcript|ENST9|retained_intron||2/3||||||`,
      ...(multi ? [entry('G', '1')] : []),
    ].join(',');
    buf += `chr${(i % 22) + 1}\t${1000 + i * 7}\t.\tA\t${multi ? 'T,G' : 'T'}\t.\tPASS\tCSQ=${csq}\tGT:AD\t0/0:40,0${multi ? ',0' : ''}\t${multi ? '1/2:50,30,20' : '0/1:60,40'}\n`;
    if (buf.length > 1 << 22) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

async function main(): Promise<void> {
  const file = join(here, '.tmp', `vcf-${RECORDS}.vcf`);
  if (!existsSync(file)) generate(file);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const t = cpu();
  const w = performance.now();
  const r = await readVcf(file, { ctx: builtinContext() });
  const secs = cpu() - t;
  const wall = (performance.now() - w) / 1000;
  const n = r.samples.reduce((a, s) => a + s.alterations.length, 0);
  console.log(
    `records            ${r.stats.rows.toLocaleString('en-US')} (${n.toLocaleString('en-US')} mutations after splitting multi-allelic records)`,
  );
  console.log(
    `readVcf            ${secs.toFixed(2)} CPU s (${wall.toFixed(2)} wall s), ${Math.round(r.stats.rows / secs).toLocaleString('en-US')} records/s`,
  );
  console.log(`peak RSS           ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`errors             ${r.issues.filter((i) => i.severity === 'error').length}`);
}

await main();
