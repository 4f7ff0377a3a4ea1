import type { Issue, Trial } from '../domain/index.js';
import { trialFromApiV2 } from './record.js';

/**
 * ClinicalTrials.gov API v2 JSON in the shapes the registry serves: one study (`GET /api/v2/studies/{nctId}`),
 * a search page (`GET /api/v2/studies` → `{"studies": [...], "nextPageToken": "..."}`), or a JSON array of
 * studies (the website's "download as JSON"). Each problem is an issue with a JSON pointer.
 */
export interface JsonImportResult {
  trials: Trial[];
  issues: Issue[];
  nextPageToken?: string;
  totalCount?: number;
}

export function trialsFromApiV2Json(doc: unknown, file?: string): JsonImportResult {
  const issues: Issue[] = [];
  const trials: Trial[] = [];
  const one = (study: unknown, pointer: string): void => {
    const r = trialFromApiV2(study, { ...(file ? { file } : {}), pointer });
    issues.push(...r.issues);
    if (r.trial) trials.push(r.trial);
  };
  if (Array.isArray(doc)) {
    doc.forEach((s, i) => one(s, `/${i}`));
    return { trials, issues };
  }
  if (doc !== null && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o.studies)) {
      o.studies.forEach((s, i) => one(s, `/studies/${i}`));
      return {
        trials,
        issues,
        ...(typeof o.nextPageToken === 'string' ? { nextPageToken: o.nextPageToken } : {}),
        ...(typeof o.totalCount === 'number' ? { totalCount: o.totalCount } : {}),
      };
    }
    if ('protocolSection' in o) {
      one(o, '');
      return { trials, issues };
    }
  }
  issues.push({
    severity: 'error',
    code: 'trials.not-api-v2',
    message: 'JSON is not a ClinicalTrials.gov API v2 study, studies page or array of studies',
    ...(file ? { file } : {}),
    pointer: '',
  });
  return { trials, issues };
}

export function trialsFromJsonText(text: string, file?: string): JsonImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return {
      trials: [],
      issues: [
        {
          severity: 'error',
          code: 'trials.json-invalid',
          message: `invalid JSON: ${(err as Error).message}`,
          ...(file ? { file } : {}),
        },
      ],
    };
  }
  return trialsFromApiV2Json(doc, file);
}
