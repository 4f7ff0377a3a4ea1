import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClinicianReport } from './clinician.js';
import { FIXED_NOW, FIXTURE_CASES } from './fixtures/cases.js';
import { buildPatientReport } from './patient.js';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM, htmlToPdf } from './pdf.js';
import { renderHtml } from './render-html.js';

/**
 * End to end in a real browser: each report's HTML is opened in headless Chromium (Debian's package,
 * driven by playwright-core) and checked with axe-core for WCAG 2.1 A/AA rules; no serious or critical
 * violation may remain. Also checks keyboard use (the skip link is the first stop) and prints a PDF.
 * Skips, with the reason in its name, where Chromium is not installed (CI installs it with apt-get).
 */

const hasChromium = existsSync(DEFAULT_CHROMIUM);
const suite = hasChromium ? describe : describe.skip;
const name = hasChromium
  ? 'reports in Chromium'
  : `reports in Chromium [skipped: no Chromium at ${DEFAULT_CHROMIUM}; apt-get install chromium]`;

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}

suite(name, () => {
  // Loaded lazily so a machine without the browser never imports playwright-core.
  let ctx: import('playwright-core').BrowserContext;
  let profile: string;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'onconav-a11y-'));
    // bypassCSP: the report forbids all scripts; the test alone injects axe.
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: DEFAULT_CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      bypassCSP: true,
      viewport: { width: 1000, height: 1400 },
    });
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const cases = FIXTURE_CASES.flatMap((f) => [
    {
      label: `${f.name} patient`,
      html: () =>
        renderHtml(
          buildPatientReport({ case: f.case, annotation: f.annotation, trials: f.trials, now: FIXED_NOW }),
        ),
    },
    {
      label: `${f.name} clinician`,
      html: () =>
        renderHtml(
          buildClinicianReport({ case: f.case, annotation: f.annotation, trials: f.trials, now: FIXED_NOW }),
        ),
    },
  ]);

  it.each(cases)('$label has no serious or critical axe violations', async ({ label, html }) => {
    const page = await ctx.newPage();
    try {
      await page.setContent(html(), { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      // A string expression: the test runs under Node's types, without the DOM library.
      const result = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
      )) as AxeResult;
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×)`),
        label,
      ).toEqual([]);
      if (label === 'melanoma-brain-lung patient') {
        // A picture for people to look at (not committed): out/ is ignored by git.
        mkdirSync('out', { recursive: true });
        await page.screenshot({ path: join('out', 'patient-report.png'), fullPage: true });
      }
    } finally {
      await page.close();
    }
  });

  it('the skip link is the first keyboard stop and moves focus to the report', async () => {
    const page = await ctx.newPage();
    try {
      await page.setContent(cases[0]!.html(), { waitUntil: 'load' });
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to the report');
      await page.keyboard.press('Enter');
      expect(await page.evaluate('location.hash')).toBe('#main');
    } finally {
      await page.close();
    }
  });

  it('prints a PDF with page numbers', async () => {
    const [pdf] = await htmlToPdf([cases[0]!.html()], { now: FIXED_NOW, footerText: 'onconav test' });
    expect(pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf!.toString('latin1');
    expect(text).toContain("/CreationDate (D:20261125120000+00'00')");
    expect(Number(/\/Count (\d+)/.exec(text)?.[1])).toBeGreaterThan(2);
    // Same HTML and clock → same bytes.
    const [again] = await htmlToPdf([cases[0]!.html()], { now: FIXED_NOW, footerText: 'onconav test' });
    expect(again!.equals(pdf!)).toBe(true);
  });
});
