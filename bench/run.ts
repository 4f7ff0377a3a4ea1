import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own Node process (so each reports its own peak RSS),
 * in name order. `npm run bench -- maf` runs only the benches whose file name contains "maf".
 * Benchmarks are not part of `npm test`; they print figures and exit non-zero only when a bench crashes.
 */
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const f of benches) {
  process.stdout.write(`\n=== ${f} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`${f} failed (exit ${r.status ?? r.signal})\n`);
  }
}
if (benches.length === 0) process.stdout.write('no bench/*.bench.ts matched\n');
process.exitCode = failed > 0 ? 1 : 0;
