import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../store/db.js';
import { importTrials } from '../../trials/import.js';
import { main } from '../main.js';
import { en } from '../../explain/messages/en.js';
import type { Report } from '../../explain/model.js';
import { narrativeUnits, uncoveredJargon } from '../../explain/patient.js';
import { fleschKincaid } from '../../explain/readability.js';
import { parseFormats, reportClock } from './report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EX = (name: string): string => join(ROOT, 'examples', name);
const tmp = mkdtempSync(join(tmpdir(), 'onconav-report-cli-'));
const NO_DB = join(tmp, 'no-such.db');

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

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('onconav report', () => {
  it('writes both HTML reports for the example case with no store and no network, and says how to get trials', async () => {
    const out = join(tmp, 'example');
    const r = await run(
      '--db',
      NO_DB,
      'report',
      EX('melanoma-brain-lung.case.json'),
      '--out',
      out,
      '--now',
      '2026-11-25',
    );
    expect(r.code).toBe(0);
    const files = r.stdout.trim().split('\n');
    expect(files).toEqual([
      join(out, 'example-melanoma-001.patient.html'),
      join(out, 'example-melanoma-001.clinician.html'),
    ]);
    const patient = readFileSync(files[0]!, 'utf8');
    expect(patient).toContain('metastatic melanoma');
    expect(patient).toContain('onconav trials import');
    expect(patient).toContain('<svg');
    expect(patient).not.toMatch(/(?:src|href)="https?:/);
    expect(readFileSync(files[1]!, 'utf8')).toContain('V600E');
    expect(r.stderr).toContain('import trials with');
    expect(existsSync(NO_DB)).toBe(false);
  });

  it('is byte-identical for the same case and knowledge (clock from --now or ONCONAV_NOW)', async () => {
    const a = join(tmp, 'det-a');
    const b = join(tmp, 'det-b');
    await run(
      '--db',
      NO_DB,
      '-q',
      'report',
      EX('crc-liver-kras-g12c.case.json'),
      '--out',
      a,
      '--format',
      'html,md,json',
      '--now',
      '2026-11-25T08:00:00Z',
    );
    vi.stubEnv('ONCONAV_NOW', '2026-11-25T23:59:00Z');
    await run(
      '--db',
      NO_DB,
      '-q',
      'report',
      EX('crc-liver-kras-g12c.case.json'),
      '--out',
      b,
      '--format',
      'html,md,json',
    );
    const names = readdirSync(a).sort();
    expect(names).toHaveLength(6);
    expect(readdirSync(b).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(b, n)), n).toEqual(readFileSync(join(a, n)));
  });

  it('writes the chosen audience and formats; JSON follows the report schema', async () => {
    const out = join(tmp, 'json');
    const r = await run(
      '--db',
      NO_DB,
      '-q',
      'report',
      EX('breast-her2-bone.case.json'),
      '--audience',
      'patient',
      '--format',
      'json,md',
      '--trials',
      'off',
      '--out',
      out,
      '--now',
      '2026-11-25',
    );
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      ['example-breast-001.patient.json', 'example-breast-001.patient.md'].sort(),
    );
    const json = JSON.parse(readFileSync(join(out, 'example-breast-001.patient.json'), 'utf8')) as {
      meta: Record<string, unknown>;
      facts: { cancer: { key: string } };
    };
    expect(json.meta).toMatchObject({
      schemaVersion: 'onconav.report/1',
      audience: 'patient',
      date: '2026-11-25',
      trials: 'off',
    });
    expect(json.facts.cancer.key).toBe('breast');
    expect(readFileSync(join(out, 'example-breast-001.patient.md'), 'utf8')).toContain(
      'This report did not search for clinical trials.',
    );
  });

  it('matches trials from the store and lists them in both reports', async () => {
    const db = join(tmp, 'trials.db');
    const handle = openDb(db);
    await importTrials(handle, [join(ROOT, 'src', 'trials', 'fixtures', 'api-v2-page.json')]);
    handle.close();
    const out = join(tmp, 'trials');
    const r = await run(
      '--db',
      db,
      '-q',
      'report',
      EX('crc-liver-kras-g12c.case.json'),
      '--out',
      out,
      '--format',
      'md',
      '--now',
      '2026-11-25',
    );
    expect(r.code).toBe(0);
    const [patientFile, clinicianFile] = r.stdout.trim().split('\n');
    expect(readFileSync(patientFile!, 'utf8')).toContain('NCT09000002');
    expect(readFileSync(clinicianFile!, 'utf8')).toMatch(/NCT09000002 — /);
  });

  it('rejects bad options with exit 2 and missing files with exit 1, writing nothing', async () => {
    const out = join(tmp, 'bad');
    expect(
      (
        await run(
          '--db',
          NO_DB,
          'report',
          EX('melanoma-brain-lung.case.json'),
          '--format',
          'docx',
          '--out',
          out,
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await run(
          '--db',
          NO_DB,
          'report',
          EX('melanoma-brain-lung.case.json'),
          '--now',
          'yesterday',
          '--out',
          out,
        )
      ).code,
    ).toBe(2);
    const missing = await run('--db', NO_DB, 'report', join(tmp, 'nope.case.json'), '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    expect(existsSync(out)).toBe(false);
  });
});

describe('every example case through the real pipeline', () => {
  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.case.json'))
    .sort();
  it('has the example cases', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });
  it.each(examples)(
    '%s: patient report reads at grade 8 or below, explains its jargon, promises nothing',
    async (file) => {
      const out = join(tmp, `ex-${file}`);
      const r = await run(
        '--db',
        NO_DB,
        '-q',
        'report',
        EX(file),
        '--audience',
        'patient',
        '--format',
        'json',
        '--out',
        out,
        '--now',
        '2026-11-25',
      );
      expect(r.code).toBe(0);
      const report = JSON.parse(readFileSync(r.stdout.trim(), 'utf8')) as Report;
      const units = narrativeUnits(report, { headings: false });
      expect(fleschKincaid(units).grade).toBeLessThanOrEqual(8);
      const text = narrativeUnits(report).join('\n');
      expect(uncoveredJargon(report)).toEqual([]);
      for (const re of en.forbiddenPromises) expect(text).not.toMatch(re);
    },
  );
});

describe('report option parsing', () => {
  it('parses comma-separated formats and refuses unknown ones', () => {
    expect(parseFormats('html, pdf,html')).toEqual(['html', 'pdf']);
    expect(parseFormats('html,docx')).toBeNull();
    expect(parseFormats('')).toBeNull();
  });
  it('takes the clock from --now, then ONCONAV_NOW, else now', () => {
    expect(reportClock('2026-01-02', {})?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(reportClock(undefined, { ONCONAV_NOW: '2026-03-04T05:06:07Z' })?.toISOString()).toBe(
      '2026-03-04T05:06:07.000Z',
    );
    expect(reportClock('not a date', {})).toBeNull();
    expect(Math.abs(reportClock(undefined, {})!.getTime() - Date.now())).toBeLessThan(5000);
  });
});
