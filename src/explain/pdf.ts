import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnconavError } from '../domain/index.js';

/**
 * Prints report HTML to PDF with Chromium (Debian's `chromium` package) driven by playwright-core, which
 * downloads no browser of its own. Each call uses a fresh profile directory and flags that keep the
 * browser off the network, so a report never leaves the machine. Page numbers sit in the footer
 * (Chromium's footerTemplate fills `pageNumber`/`totalPages`).
 */

export const DEFAULT_CHROMIUM = process.env.ONCONAV_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface PdfOptions {
  executablePath?: string;
  /** Label before the page number, from the message catalog ("Page"). */
  pageLabel?: string;
  /** Footer text on the left (e.g. the case id and date). */
  footerText?: string;
  /** Clock stamped as the PDF's creation and modification date, so equal inputs give equal bytes. */
  now?: Date;
}

/**
 * Chromium stamps the wall clock into the PDF Info dictionary (`/CreationDate (D:YYYYMMDDHHmmSS+00'00')`,
 * PDF 32000-1 §7.9.4). We overwrite both dates with the injected clock in the same fixed-width form, so the
 * byte offsets of the cross-reference table stay valid.
 */
export function stampPdfDates(pdf: Buffer, now: Date): Buffer {
  const d = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const text = pdf
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \(D:\d{14}([-+Z][^)]*)\)/g, (_m, key: string, tz: string) => {
      // The clock is UTC; keep the field's width (`+HH'mm'` is 7 characters) so no offset moves.
      const tail = tz.length === 7 ? "+00'00'" : tz;
      return `/${key} (D:${d}${tail})`;
    });
  return Buffer.from(text, 'latin1');
}

// Minimal view of playwright-core's API that we use (it is an optional, dev-installed dependency).
interface PwPage {
  setContent(
    html: string,
    options?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' },
  ): Promise<void>;
  pdf(options: Record<string, unknown>): Promise<Buffer>;
  screenshot(options: Record<string, unknown>): Promise<Buffer>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
}
interface PwContext {
  newPage(): Promise<PwPage>;
  close(): Promise<void>;
}
interface PwChromium {
  launchPersistentContext(userDataDir: string, options: Record<string, unknown>): Promise<PwContext>;
}

async function loadChromium(): Promise<PwChromium> {
  try {
    const mod = (await import('playwright-core')) as unknown as { chromium: PwChromium };
    return mod.chromium;
  } catch {
    throw new OnconavError(
      'PDF output needs the playwright-core package (npm install playwright-core@1).',
      1,
    );
  }
}

/** A launched browser with a throwaway profile; `close()` removes the profile. */
export async function openBrowser(
  executablePath = DEFAULT_CHROMIUM,
): Promise<{ page: () => Promise<PwPage>; close: () => Promise<void> }> {
  if (!existsSync(executablePath))
    throw new OnconavError(
      `Chromium not found at ${executablePath} (install Debian's chromium package or set ONCONAV_CHROMIUM).`,
      1,
    );
  const chromium = await loadChromium();
  const profile = mkdtempSync(join(tmpdir(), 'onconav-chromium-'));
  try {
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline: true,
    });
    return {
      page: () => ctx.newPage(),
      close: async () => {
        await ctx.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders one or more HTML documents to PDF bytes with one browser launch. */
export async function htmlToPdf(htmls: readonly string[], options: PdfOptions = {}): Promise<Buffer[]> {
  const browser = await openBrowser(options.executablePath);
  try {
    const out: Buffer[] = [];
    for (const html of htmls) {
      const page = await browser.page();
      await page.setContent(html, { waitUntil: 'load' });
      const footer =
        `<div style="font-size:9px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#444;font-family:sans-serif">` +
        `<span>${esc(options.footerText ?? '')}</span>` +
        `<span>${esc(options.pageLabel ?? 'Page')} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
      const pdf = Buffer.from(
        await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<div></div>',
          footerTemplate: footer,
          margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
          preferCSSPageSize: false,
        }),
      );
      out.push(options.now ? stampPdfDates(pdf, options.now) : pdf);
    }
    return out;
  } finally {
    await browser.close();
  }
}
