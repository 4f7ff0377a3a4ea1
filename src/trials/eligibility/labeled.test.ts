import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, parseCriterion, type ParsedItem } from './parse.js';

/**
 * Precision and recall of the criterion parser per category against the hand-labeled set
 * (labeled/*.json, see labeled/README.md). Prints the table; fails only below the floors set here, so that
 * parser changes that lose ground are noticed.
 */
interface Labeled {
  id: string;
  /** Labeled after the parser rules were written, and not used to tune them. */
  heldOut?: boolean;
  type: 'inclusion' | 'exclusion';
  text: string;
  context?: string;
  categories: string[];
  expect?: {
    ecogMax?: number;
    ageMin?: number;
    genes?: string[];
    cns?: string;
    requirement?: string;
    linesMin?: number;
  };
}

const dir = join(import.meta.dirname, 'labeled');
const set: Labeled[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Labeled[]);

function parse(l: Labeled): ParsedItem[] {
  return parseCriterion(l.context ? `${l.context} ${l.text}` : l.text, l.type);
}

describe('labeled eligibility criteria', () => {
  it('has at least 200 hand-labeled criteria', () => {
    expect(set.length).toBeGreaterThanOrEqual(200);
  });

  it('reports precision / recall per category (all, and the held-out part alone)', () => {
    const all = table(set, 'all hand-labeled criteria');
    table(
      set.filter((l) => l.heldOut),
      'held-out criteria (labeled after the rules were written)',
    );
    expect(all.precision).toBeGreaterThanOrEqual(0.85);
    expect(all.recall).toBeGreaterThanOrEqual(0.8);
  });

  function table(rowsIn: readonly Labeled[], title: string): { precision: number; recall: number } {
    const tp: Record<string, number> = {};
    const fp: Record<string, number> = {};
    const fn: Record<string, number> = {};
    const misses: string[] = [];
    for (const l of rowsIn) {
      const got = new Set(parse(l).map((p) => p.category));
      const want = new Set(l.categories);
      for (const c of CATEGORIES) {
        if (got.has(c) && want.has(c)) tp[c] = (tp[c] ?? 0) + 1;
        else if (got.has(c)) {
          fp[c] = (fp[c] ?? 0) + 1;
          misses.push(`FP ${c} ${l.id}: ${l.text.slice(0, 90)}`);
        } else if (want.has(c)) {
          fn[c] = (fn[c] ?? 0) + 1;
          misses.push(`FN ${c} ${l.id}: ${l.text.slice(0, 90)}`);
        }
      }
    }
    const rows: string[] = ['category              n   TP  FP  FN  precision  recall'];
    let TP = 0;
    let FP = 0;
    let FN = 0;
    for (const c of CATEGORIES) {
      const t = tp[c] ?? 0;
      const f = fp[c] ?? 0;
      const n = fn[c] ?? 0;
      TP += t;
      FP += f;
      FN += n;
      const p = t + f > 0 ? t / (t + f) : NaN;
      const r = t + n > 0 ? t / (t + n) : NaN;
      rows.push(
        `${c.padEnd(20)} ${String(t + n).padStart(3)} ${String(t).padStart(4)} ${String(f).padStart(3)} ${String(n).padStart(3)}  ${isNaN(p) ? '   -' : p.toFixed(2).padStart(6)}     ${isNaN(r) ? '  -' : r.toFixed(2).padStart(5)}`,
      );
    }
    const micro = { precision: TP / (TP + FP), recall: TP / (TP + FN) };
    rows.push(
      `${'all (micro)'.padEnd(20)} ${String(TP + FN).padStart(3)} ${String(TP).padStart(4)} ${String(FP).padStart(3)} ${String(FN).padStart(3)}  ${micro.precision.toFixed(2).padStart(6)}     ${micro.recall.toFixed(2).padStart(5)}`,
    );
    process.stdout.write(`\nEligibility parser on ${rowsIn.length} ${title}\n${rows.join('\n')}\n`);
    if (process.env.SHOW_MISSES) process.stdout.write(misses.join('\n') + '\n');
    return micro;
  }

  it('gets the labeled field values right where they were labeled', () => {
    let checked = 0;
    let right = 0;
    const wrong: string[] = [];
    for (const l of set) {
      if (!l.expect) continue;
      const items = parse(l);
      const e = l.expect;
      const ok: boolean[] = [];
      if (e.ecogMax !== undefined)
        ok.push(items.some((p) => p.category === 'performance_status' && p.max === e.ecogMax));
      if (e.ageMin !== undefined) ok.push(items.some((p) => p.category === 'age' && p.min === e.ageMin));
      if (e.cns !== undefined)
        ok.push(items.some((p) => p.category === 'cns_metastases' && p.rule === e.cns));
      if (e.requirement !== undefined)
        ok.push(items.some((p) => p.category === 'prior_therapy' && p.requirement === e.requirement));
      if (e.linesMin !== undefined)
        ok.push(items.some((p) => p.category === 'prior_lines' && p.min === e.linesMin));
      if (e.genes) {
        const genes = new Set(
          items.flatMap((p) => (p.category === 'biomarker' ? p.anyOf.map((t) => t.gene) : [])),
        );
        ok.push(e.genes.every((g) => genes.has(g)));
      }
      for (const o of ok) {
        checked++;
        if (o) right++;
        else wrong.push(`${l.id}: ${JSON.stringify(e)} ← ${l.text.slice(0, 80)}`);
      }
    }
    process.stdout.write(
      `field values: ${right}/${checked} right${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}\n`,
    );
    expect(right / checked).toBeGreaterThanOrEqual(0.8);
  });
});
