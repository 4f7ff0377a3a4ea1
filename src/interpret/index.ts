import type { AnnotationResult, Case, TumorTypeRef } from '../domain/index.js';
import { builtinContext, type NormalizeContext } from '../normalize/context.js';
import { annotateCase } from './engine.js';
import { loadKnowledge } from './knowledge.js';
import { defaultOncogenicity } from './oncogenicity.js';
import type { TmbOptions } from './tmb.js';

export {
  adjustLevel,
  annotateCase,
  annotateSample,
  buildEvidenceIndex,
  createAnnotator,
  EvidenceIndex,
} from './engine.js';
export type { AnnotateOptions, OncogenicityCall, OncogenicityFn, TumorHierarchy } from './engine.js';
export { loadKnowledge, parseKbList, type LoadedKnowledge } from './knowledge.js';
export { defaultOncogenicity } from './oncogenicity.js';
export { matchesPattern, biomarkerStatus, TMB_HIGH_THRESHOLD } from './patterns.js';
export { computeTmb, sampleTmb, resolvePanel, PANEL_CODING_MB, type TmbOptions } from './tmb.js';
export { summarizeCohort, formatCohortTable, type CohortSummary } from './cohort.js';
export { cohortChartSvg } from './chart-svg.js';
export {
  writeAnnotatedMaf,
  annotationCells,
  highestOverallLevel,
  levelLabel,
  MAF_ANNOTATION_COLUMNS,
} from './output-maf.js';
export { formatAnnotationTable, formatSampleTable, treatmentSummary } from './output-table.js';

/**
 * One call for other stages (reports, trials, the API): annotate a case with the default knowledge (builtin
 * plus everything imported in `dbPath`, or `sources`), the built-in oncogenicity rules and TMB.
 */
export function annotateWithDefaults(
  c: Case,
  options: {
    dbPath?: string;
    sources?: readonly string[];
    ctx?: NormalizeContext;
    tumorTypeOverride?: TumorTypeRef;
    tmb?: TmbOptions | false;
  } = {},
): { result: AnnotationResult; notices: string[]; issues: ReturnType<typeof loadKnowledge>['issues'] } {
  const knowledge = loadKnowledge({ dbPath: options.dbPath, sources: options.sources });
  const ctx = options.ctx ?? builtinContext();
  const result = annotateCase(c, {
    evidence: knowledge.index,
    oncotree: ctx.oncotree,
    oncogenicity: defaultOncogenicity(),
    tumorTypeOverride: options.tumorTypeOverride,
    tmb: options.tmb ?? {},
  });
  return { result, notices: knowledge.notices, issues: knowledge.issues };
}
