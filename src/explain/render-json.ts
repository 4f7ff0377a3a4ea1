import type { Report } from './model.js';

/**
 * The report as JSON (schema `onconav.report/1`, documented in docs/reports.md): `meta` (audience, case
 * id, date, onconav version, knowledge releases, trial state), `title`, `subtitle`, `summary`, `notice`,
 * `sections` (the narrative as typed blocks) and `facts` (the structured findings behind it). Keys keep
 * the model's order, so equal reports give equal bytes.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
