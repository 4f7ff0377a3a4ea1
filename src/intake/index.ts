import { existsSync, statSync } from 'node:fs';
import type { Biomarker, GenomicAlteration, Issue } from '../domain/index.js';
import type { NormalizeContext } from '../normalize/context.js';
import { caseJsonReader } from './case-json.js';
import { clinicalPatientReader, clinicalSampleReader, genePanelMatrixReader } from './clinical.js';
import { cnaDiscreteReader, cnaLongReader } from './cna.js';
import type { Progress } from './lines.js';
import { mafReader } from './maf.js';
import type { ReaderModule } from './registry.js';
import { sniffFile } from './sniff.js';
import { fusionListReader, svReader } from './sv.js';
import { FORMATS, type FormatId, type ReadResult } from './types.js';
import { vcfReader } from './vcf.js';

export type { ReaderModule } from './registry.js';
export type { FormatId, ReadResult, ReadOptions, SampleData, PatientData, ReadStats } from './types.js';

/** Every reader onconav has; sniffing asks each of them. Order only breaks display ties. */
export const READERS: readonly ReaderModule[] = [
  mafReader,
  vcfReader,
  cnaDiscreteReader,
  cnaLongReader,
  svReader,
  fusionListReader,
  clinicalSampleReader,
  clinicalPatientReader,
  genePanelMatrixReader,
  caseJsonReader,
];

export function readerFor(format: FormatId): ReaderModule | undefined {
  return READERS.find((r) => r.format === format);
}

export function isFormatId(text: string): text is FormatId {
  return (FORMATS as readonly string[]).includes(text);
}

export interface ReadInputsOptions {
  ctx: NormalizeContext;
  /** Skip sniffing and read every file as this format. */
  as?: FormatId;
  tumorSample?: string;
  sampleId?: string;
  signal?: AbortSignal;
  /** Per-file progress, for the CLI's bar. */
  onProgress?: (file: string, p: Progress) => void;
  /** Called before each file is read, with its size, so the CLI can decide whether to draw a bar. */
  onFileStart?: (file: string, bytes: number, format: FormatId) => void;
  onFileDone?: (file: string) => void;
  /**
   * MAF files are read in streaming mode: their mutations go to this function (with the file's path) and are
   * not kept on the samples. Other formats are read as usual.
   */
  onMafAlteration?: (file: string, sampleId: string, alteration: GenomicAlteration | Biomarker) => void;
}

export interface ReadInputsResult {
  results: ReadResult[];
  /** Problems that stopped a file from being read at all (missing, unknown format); reader issues sit in results. */
  issues: Issue[];
}

/** Reads each file with its sniffed (or forced) reader, in the order given. Never throws on bad input. */
export async function readInputs(
  paths: readonly string[],
  options: ReadInputsOptions,
): Promise<ReadInputsResult> {
  const results: ReadResult[] = [];
  const issues: Issue[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      issues.push({ severity: 'error', code: 'file.not-found', file: path, message: 'no such file' });
      continue;
    }
    const st = statSync(path);
    if (!st.isFile()) {
      issues.push({
        severity: 'error',
        code: 'file.not-a-file',
        file: path,
        message: 'not a regular file (a directory?)',
      });
      continue;
    }
    let format = options.as;
    if (format === undefined) {
      const sniffed = await sniffFile(path, READERS, path);
      issues.push(...sniffed.issues);
      if (sniffed.format === null) continue;
      format = sniffed.format;
    }
    const reader = readerFor(format);
    if (!reader) {
      issues.push({
        severity: 'error',
        code: 'file.unsupported-format',
        file: path,
        message: `no reader for format ${format}`,
      });
      continue;
    }
    options.onFileStart?.(path, st.size, format);
    try {
      const r = await reader.read(path, {
        ctx: options.ctx,
        displayName: path,
        signal: options.signal,
        onProgress: options.onProgress ? (p) => options.onProgress!(path, p) : undefined,
        tumorSample: options.tumorSample,
        sampleId: options.sampleId,
        onAlteration:
          format === 'maf' && options.onMafAlteration
            ? (sample, alt) => options.onMafAlteration!(path, sample, alt)
            : undefined,
      });
      results.push(r);
    } catch (err) {
      if (options.signal?.aborted) throw err;
      // Readers should report, not throw; if one does, the user still gets a located message.
      const msg = err instanceof Error ? err.message : String(err);
      issues.push({
        severity: 'error',
        code: 'file.read-failed',
        file: path,
        message: `the ${format} reader failed: ${msg}`,
      });
    } finally {
      options.onFileDone?.(path);
    }
  }
  return { results, issues };
}
