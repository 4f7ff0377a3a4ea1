import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import {
  CASE_SCHEMA_VERSION,
  CaseSchema,
  type Case,
  type Issue,
  type MetastaticSite,
  type Patient,
  type Sample,
  type TumorTypeRef,
} from '../domain/index.js';
import type { NormalizeContext } from '../normalize/context.js';
import type { PatientData, ReadResult, SampleData } from './types.js';

export interface BuildOptions {
  ctx: NormalizeContext;
  /** OncoTree code or name for samples whose files carry none (`--tumor-type`). */
  tumorType?: string;
  /** Keep only this sample (`--sample`). */
  sampleFilter?: string;
  /** Issues from before reading (missing files, unknown formats), folded in with the readers' issues. */
  issues?: readonly Issue[];
  /** SHA-256 per input path; computed from the file when absent (tests inject it). */
  sha256?: (path: string) => string | undefined;
}

/** SHA-256 of a file, read in 1 MiB blocks so large inputs do not sit in memory. Undefined when unreadable. */
export function sha256File(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      hash.update(buf.subarray(0, n));
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Identical problems (same severity, code and message) become one issue with a count; first location kept. */
export function foldIssues(issues: readonly Issue[]): Issue[] {
  const byKey = new Map<string, Issue>();
  const out: Issue[] = [];
  for (const i of issues) {
    const key = `${i.severity}\u0000${i.code}\u0000${i.message}`;
    const prev = byKey.get(key);
    if (prev) prev.count = (prev.count ?? 1) + (i.count ?? 1);
    else {
      const copy = { ...i };
      byKey.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}

interface MergedSample {
  data: Omit<SampleData, 'alterations' | 'biomarkers'>;
  alterations: SampleData['alterations'];
  biomarkers: SampleData['biomarkers'];
  /** The file that gave the tumor type text, so an unknown code is reported where it was written. */
  tumorTypeFile?: string;
}

function addSites(into: MetastaticSite[], sites: readonly MetastaticSite[] | undefined): void {
  for (const s of sites ?? [])
    if (!into.some((x) => x.site === s.site && x.status === s.status && x.text === s.text)) into.push(s);
}

/**
 * Merges what each file read into one Case: samples by id (clinical files give tumor type and panel, MAF/CNA/SV
 * files give alterations), patients joined through patientId, tumor types resolved through OncoTree.
 * Output order is deterministic: samples sorted by id, alterations in input-file then line order.
 */
export function buildCase(results: readonly ReadResult[], opts: BuildOptions): Case {
  const issues: Issue[] = [...(opts.issues ?? [])];
  const samples = new Map<string, MergedSample>();
  const patients = new Map<string, PatientData>();
  const caseFields: NonNullable<ReadResult['caseFields']> = {};
  const conflicts = new Set<string>();

  for (const r of results) {
    issues.push(...r.issues);
    if (r.caseFields) {
      for (const [k, v] of Object.entries(r.caseFields) as [keyof typeof caseFields, never][]) {
        if (v !== undefined && caseFields[k] === undefined) caseFields[k] = v;
      }
    }
    for (const p of r.patients) {
      const prev = patients.get(p.id);
      if (!prev)
        patients.set(p.id, { ...p, metastaticSites: p.metastaticSites ? [...p.metastaticSites] : undefined });
      else {
        prev.age ??= p.age;
        prev.sex ??= p.sex;
        if (p.metastaticSites) addSites((prev.metastaticSites ??= []), p.metastaticSites);
      }
    }
    for (const s of r.samples) {
      const { alterations, biomarkers, ...data } = s;
      const prev = samples.get(s.id);
      if (!prev) {
        samples.set(s.id, {
          data: { ...data },
          alterations: [...alterations],
          biomarkers: [...biomarkers],
          ...(data.tumorTypeInput !== undefined ? { tumorTypeFile: r.file } : {}),
        });
        continue;
      }
      if (prev.data.tumorTypeInput === undefined && data.tumorTypeInput !== undefined)
        prev.tumorTypeFile = r.file;
      prev.alterations.push(...alterations);
      prev.biomarkers.push(...biomarkers);
      for (const [k, v] of Object.entries(data) as [keyof typeof data, unknown][]) {
        if (v === undefined || k === 'id') continue;
        const old = prev.data[k];
        if (old === undefined) (prev.data as Record<string, unknown>)[k] = v;
        else if (
          k !== 'metastaticSites' &&
          k !== 'tumorType' &&
          JSON.stringify(old) !== JSON.stringify(v) &&
          !conflicts.has(`${s.id}/${k}`)
        ) {
          conflicts.add(`${s.id}/${k}`);
          issues.push({
            severity: 'warning',
            code: 'case.conflict',
            file: r.file,
            message: `sample ${s.id}: ${k} is "${String(v)}" here but "${String(old)}" in an earlier file; the first is kept`,
          });
        }
      }
      if (data.metastaticSites) addSites((prev.data.metastaticSites ??= []), data.metastaticSites);
    }
  }

  const resolveTumor = (
    text: string,
    where: { file?: string; sample?: string },
  ): TumorTypeRef | undefined => {
    const res = opts.ctx.oncotree.resolve(text);
    if (res.ref) return res.ref;
    // In a cohort, one sample's retired or unknown code must not block thousands of others: the sample is
    // kept without a tumor type (its evidence is then levelled as "other tumor type") and a warning says
    // so. For one patient, or a code the user typed, it stays an error: levels would be wrong otherwise.
    const cohortRow = where.sample !== undefined && samples.size > 1;
    issues.push({
      severity: cohortRow ? 'warning' : 'error',
      code: 'tumor-type.unknown',
      ...(where.file !== undefined ? { file: where.file } : {}),
      message: `"${text}" is not an OncoTree code or name${where.sample ? ` (sample ${where.sample})` : ''}${res.suggestions.length ? `; did you mean ${res.suggestions.slice(0, 5).join(', ')}?` : ''}${cohortRow ? '; the sample is kept without a tumor type (import the full tree with `onconav ref import oncotree`)' : ''}`,
    });
    return undefined;
  };

  const defaultTumor =
    opts.tumorType !== undefined ? resolveTumor(opts.tumorType, { file: '--tumor-type' }) : undefined;
  const tumorCache = new Map<string, TumorTypeRef | undefined>();

  let ids = [...samples.keys()].sort();
  if (opts.sampleFilter !== undefined) {
    if (!samples.has(opts.sampleFilter)) {
      issues.push({
        severity: 'error',
        code: 'case.sample-not-found',
        message: `--sample ${opts.sampleFilter} is not in the inputs; samples: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … (${ids.length} in all)` : ids.length === 0 ? '(none)' : ''}`,
      });
      ids = [];
    } else ids = [opts.sampleFilter];
  }

  const outSamples: Sample[] = ids.map((id) => {
    const m = samples.get(id)!;
    const d = m.data;
    let tumorType = d.tumorType;
    if (!tumorType && d.tumorTypeInput !== undefined) {
      const key = d.tumorTypeInput;
      if (!tumorCache.has(key)) tumorCache.set(key, resolveTumor(key, { sample: id, file: m.tumorTypeFile }));
      tumorType = tumorCache.get(key);
    }
    tumorType ??= defaultTumor;
    const patient = d.patientId !== undefined ? patients.get(d.patientId) : undefined;
    const s: Sample = {
      id,
      sampleType: d.sampleType ?? 'unknown',
      alterations: m.alterations,
      biomarkers: m.biomarkers,
    };
    if (d.patientId !== undefined) s.patientId = d.patientId;
    if (tumorType) s.tumorType = tumorType;
    if (d.biopsySite !== undefined) s.biopsySite = d.biopsySite;
    if (d.panel !== undefined) s.panel = d.panel;
    const age = d.age ?? patient?.age;
    if (age !== undefined) s.age = age;
    const sex = d.sex ?? patient?.sex;
    if (sex !== undefined) s.sex = sex;
    return s;
  });

  // Patient facts belong on the case only when the inputs describe a single patient.
  const patientIds = new Set(outSamples.map((s) => s.patientId).filter((p): p is string => p !== undefined));
  const patient: Patient = { sex: 'unknown', ...(caseFields.patient ?? {}) } as Patient;
  const sites: MetastaticSite[] = [...(caseFields.metastaticSites ?? [])];
  const onePatient =
    patientIds.size === 1
      ? patients.get([...patientIds][0]!)
      : patients.size === 1 && outSamples.length <= 1
        ? [...patients.values()][0]
        : undefined;
  if (onePatient) {
    patient.id ??= onePatient.id;
    if (patient.age === undefined && onePatient.age !== undefined) patient.age = onePatient.age;
    if (patient.sex === 'unknown' && onePatient.sex !== undefined) patient.sex = onePatient.sex;
    addSites(sites, onePatient.metastaticSites);
  }
  if (outSamples.length === 1) addSites(sites, samples.get(outSamples[0]!.id)?.data.metastaticSites);

  let tumorType = caseFields.tumorType ?? defaultTumor;
  if (!tumorType) {
    const codes = new Set(outSamples.map((s) => s.tumorType?.code));
    if (codes.size === 1 && outSamples[0]?.tumorType) tumorType = outSamples[0].tumorType;
  }

  const inputs = results.map((r) => ({
    file: r.file,
    sha256: (opts.sha256 ?? sha256File)(r.file) ?? '',
    format: r.format,
  }));
  const id =
    caseFields.id ??
    `case-${createHash('sha256')
      .update(inputs.map((i) => `${i.format}:${i.sha256}`).join('\n'))
      .update(`\n${opts.sampleFilter ?? ''}`)
      .digest('hex')
      .slice(0, 12)}`;

  const c: Case = {
    schemaVersion: CASE_SCHEMA_VERSION,
    id,
    patient,
    metastaticSites: sites,
    priorTherapies: caseFields.priorTherapies ?? [],
    samples: outSamples,
    inputs,
    issues: foldIssues(issues),
  };
  if (tumorType) c.tumorType = tumorType;
  if (caseFields.stage !== undefined) c.stage = caseFields.stage;
  if (caseFields.notes !== undefined) c.notes = caseFields.notes;

  // A reader bug must surface as a located problem, not as a malformed case downstream. Readers build
  // typed objects, so this is a safety net: a whole-case parse costs more than reading a large cohort, so
  // the shell and a spread of up to 200 samples are checked.
  const step = Math.max(1, Math.ceil(c.samples.length / 200));
  const check = CaseSchema.safeParse({ ...c, samples: c.samples.filter((_, i) => i % step === 0) });
  if (!check.success) {
    for (const zi of check.error.issues.slice(0, 20)) {
      c.issues.push({
        severity: 'error',
        code: 'case.invalid',
        pointer: '/' + zi.path.map((seg, i) => (i === 1 && zi.path[0] === 'samples' ? Number(seg) * step : seg)).map(String).join('/'),
        message: zi.message,
      });
    }
  }
  return orderKeys(c);
}

/** Fixed key order, so the same inputs give byte-identical JSON. */
function orderKeys(c: Case): Case {
  const out: Case = {
    schemaVersion: c.schemaVersion,
    id: c.id,
    patient: c.patient,
    ...(c.tumorType ? { tumorType: c.tumorType } : {}),
    metastaticSites: c.metastaticSites,
    ...(c.stage !== undefined ? { stage: c.stage } : {}),
    priorTherapies: c.priorTherapies,
    samples: c.samples,
    ...(c.notes !== undefined ? { notes: c.notes } : {}),
    inputs: c.inputs,
    issues: c.issues,
  };
  return out;
}
