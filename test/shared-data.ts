import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The reference data (../shared/data beside the repository, or $ONCONAV_SHARED_DATA). Tests that read it
 * skip with a visible reason when it is absent, so `npm test` passes on a fresh clone elsewhere.
 */
export const SHARED_DATA =
  process.env.ONCONAV_SHARED_DATA ??
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
export const hasSharedData = existsSync(SHARED_DATA);

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DATA, ...parts);
}

/**
 * `describe` that runs only when the shared reference data is present; the skip reason shows in the report.
 * Without the data the suite's body is not even collected: many bodies read the files while declaring tests.
 */
export function describeWithSharedData(name: string, fn: () => void): void {
  if (hasSharedData) describe(name, fn);
  else
    describe.skip(name, () => {
      it.skip(`skipped: reference data not found at ${SHARED_DATA}`, () => undefined);
    });
}

/**
 * The ClinicalTrials.gov registry records of the shared data: the legacy XML folder and the API v2 JSON
 * sources (pages, fixtures, single studies). The import test and the trials benchmark read the same set.
 */
export function sharedTrialCorpora(): { legacyXml: string; apiV2: string[] } {
  const t = (...p: string[]): string => sharedPath('trials', ...p);
  return {
    legacyXml: t('ctgov_legacy_xml_oncology', 'xml'),
    apiV2: [
      t('ctgov_modern', 'nsclcbench_api_v2'),
      t('ctgov_modern', 'xiaoyibao_mcp_api_v2_page'),
      t('ctgov_modern', 'biomcp_api_v2_fixtures'),
      t('ctgov_modern', 'dbdishant_pipeline_api_v2'),
      t('mcode', 'service_spec_data', 'NCT02513394.json'),
    ],
  };
}
