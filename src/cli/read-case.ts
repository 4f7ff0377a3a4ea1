import type { Case } from '../domain/index.js';
import { buildCase } from '../intake/build.js';
import { isFormatId, readInputs, type ReadInputsOptions } from '../intake/index.js';
import type { FormatId, ReadResult } from '../intake/types.js';
import { loadContext, type NormalizeContext } from '../normalize/context.js';
import { PROGRESS_MIN_BYTES, progressBar, type ProgressBar } from './progress.js';

export interface ReadCaseOptions {
  as?: string;
  tumorType?: string;
  sample?: string;
  tumorSample?: string;
}

/**
 * The intake every file-reading command shares (`case build`, `annotate`, `report`, `cohort`): the store's
 * imported HGNC/OncoTree sets when present (built-in ones on a fresh machine), every file read with a progress
 * bar for large ones, and the results merged into one case.
 */
export async function readCaseFiles(
  files: string[],
  o: ReadCaseOptions,
  env: { dbPath: string; quiet: boolean; onMafAlteration?: ReadInputsOptions['onMafAlteration'] },
): Promise<{ ctx: NormalizeContext; results: ReadResult[]; kase: Case }> {
  const as: FormatId | undefined = o.as !== undefined && isFormatId(o.as) ? o.as : undefined;
  const ctx = loadContext(env.dbPath);
  let bar: ProgressBar | null = null;
  const { results, issues } = await readInputs(files, {
    ctx,
    as,
    tumorSample: o.tumorSample,
    sampleId: o.sample,
    onFileStart: (file, bytes) => {
      bar = bytes >= PROGRESS_MIN_BYTES ? progressBar(`reading ${file}`, { quiet: env.quiet }) : null;
    },
    onProgress: (_file, p) => bar?.update(p.bytes, p.totalBytes),
    onFileDone: () => {
      bar?.done();
      bar = null;
    },
    onMafAlteration: env.onMafAlteration,
  });
  const kase = buildCase(results, { ctx, tumorType: o.tumorType, sampleFilter: o.sample, issues });
  return { ctx, results, kase };
}
