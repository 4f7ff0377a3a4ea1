import { buildClinicianReport } from './clinician.js';
import { en } from './messages/en.js';
import type { Messages } from './messages/types.js';
import type { Audience, Report } from './model.js';
import { buildPatientReport, type ReportInput } from './patient.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-md.js';

export { buildPatientReport, narrativeUnits, glossaryFor, type ReportInput } from './patient.js';
export { buildClinicianReport } from './clinician.js';
export { renderHtml } from './render-html.js';
export { renderMarkdown } from './render-md.js';
export { renderJson } from './render-json.js';
export { renderBodyMap } from './body-map.js';
export { fleschKincaid, countSyllables } from './readability.js';
export * from './model.js';

export const REPORT_FORMATS = ['html', 'pdf', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type TextFormat = Exclude<ReportFormat, 'pdf'>;

export function buildReport(audience: Audience, input: ReportInput): Report {
  switch (audience) {
    case 'patient':
      return buildPatientReport(input);
    case 'clinician':
      return buildClinicianReport(input);
  }
}

/** Renders a report to a text format (PDF is HTML printed by pdf.ts). */
export function renderReport(report: Report, format: TextFormat, messages: Messages = en): string {
  switch (format) {
    case 'html':
      return renderHtml(report, messages);
    case 'md':
      return renderMarkdown(report, messages);
    case 'json':
      return renderJson(report);
  }
}

/** File name for a report: `<case-id>.<audience>.<ext>`, with the case id made safe for file systems. */
export function reportFileName(caseId: string, audience: Audience, format: ReportFormat): string {
  const safe = caseId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'case';
  return `${safe}.${audience}.${format}`;
}
