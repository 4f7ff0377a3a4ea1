import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import {
  CaseInputSchema,
  type Biomarker,
  type CaseInput,
  type GenomicAlteration,
  type Issue,
  type MetastaticSite,
  type PriorTherapy,
  type TumorTypeRef,
} from '../domain/index.js';
import type { NormalizeContext } from '../normalize/context.js';
import { mergeSite, resolveSite } from '../normalize/sites.js';
import { normalizeTherapy } from '../normalize/therapy.js';
import { parseTypedAlteration } from '../normalize/typed.js';
import type { ReaderModule } from './registry.js';
import {
  bump,
  emptyStats,
  type ReadOptions,
  type ReadResult,
  type ReadStats,
  type SampleData,
} from './types.js';

/**
 * The hand-typed case (docs/case-format.md, schema docs/case.schema.json generated from CaseInputSchema).
 * Schema problems are reported with JSON pointers (RFC 6901) such as `/samples/0/alterations/2`; the
 * offending entries are dropped and the rest of the case is still read, so one typo does not hide every
 * other problem. Strings go through the same normalizers as files: typed alterations, sites, therapies and
 * OncoTree names.
 */

const MAX_BYTES = 16 * 1024 * 1024;

/** RFC 6901 pointer for a zod issue path. */
export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Issues of a failed parse, with the object branch's detail for string-or-object unions. */
function flattenIssues(
  issues: readonly z.core.$ZodIssue[],
  base: PropertyKey[] = [],
): Array<{ path: PropertyKey[]; message: string }> {
  const out: Array<{ path: PropertyKey[]; message: string }> = [];
  for (const i of issues) {
    const path = [...base, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      // Pick the branch that got furthest (its issues are not a type mismatch at the union's own level).
      const deeper = i.errors.find(
        (branch) => branch.length > 0 && branch.every((b) => b.path.length > 0 || b.code !== 'invalid_type'),
      );
      if (deeper !== undefined) {
        out.push(...flattenIssues(deeper, path));
        continue;
      }
      out.push({ path, message: unionMessage(path) });
      continue;
    }
    out.push({ path, message: i.message });
  }
  return out;
}

function unionMessage(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  switch (last) {
    case 'alterations':
      return 'expected a text such as "BRAF V600E" or an alteration object';
    case 'biomarkers':
      return 'expected a text such as "MSI-H" or "TMB 14 mut/Mb", or a biomarker object';
    case 'metastaticSites':
      return 'expected a text such as "brain" or a site object {"site": "brain", "status": "treated"}';
    case 'priorTherapies':
      return 'expected a text such as "FOLFOX" or a therapy object {"drugs": ["osimertinib"]}';
    case 'tumorType':
      return 'expected an OncoTree code or name, such as "MEL" or "melanoma"';
    default:
      return 'value has the wrong type';
  }
}

/** Removes the value at `path` (the array element, or the object key) so the rest can be re-validated. */
function dropAt(root: unknown, path: readonly PropertyKey[]): boolean {
  // Drop the innermost array element on the path, else the top-level key.
  let cut = -1;
  let node: unknown = root;
  const nodes: unknown[] = [];
  for (let i = 0; i < path.length; i++) {
    nodes.push(node);
    if (Array.isArray(node) && typeof path[i] === 'number') cut = i;
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[path[i] as string];
  }
  if (cut === -1) {
    if (path.length === 0 || root === null || typeof root !== 'object') return false;
    // Object field: remove the deepest object key on the path.
    const parent = nodes[path.length - 1];
    if (parent === null || typeof parent !== 'object') return false;
    delete (parent as Record<PropertyKey, unknown>)[path[path.length - 1] as string];
    return true;
  }
  const arr = nodes[cut] as unknown[];
  arr.splice(path[cut] as number, 1, DROPPED);
  return true;
}

/** Placeholder for a dropped array element, so later indices (and pointers) stay as the user wrote them. */
const DROPPED = Symbol('dropped');

function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== DROPPED).map(compact);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = compact(x);
    return o;
  }
  return v;
}

/**
 * Offset and reason of the first JSON syntax error (RFC 8259 grammar). Node's JSON.parse message does not
 * always give a position, and users need the line of their trailing comma or missing quote.
 */
export function jsonErrorAt(
  text: string,
  positions?: Map<string, number>,
): { offset: number; reason: string } {
  let i = 0;
  const n = text.length;
  class Bad extends Error {
    constructor(
      readonly offset: number,
      readonly reason: string,
    ) {
      super(reason);
    }
  }
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (reason: string): never => {
    throw new Bad(i, reason);
  };
  const str = (): void => {
    i++;
    while (i < n) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        if (!/["\\/bfnrtu]/.test(text[i] ?? '')) fail('bad escape in a string');
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape in a string');
          i += 4;
        }
      } else if (ch.charCodeAt(0) < 0x20)
        fail('line break or control character inside a string (missing closing quote?)');
      i++;
    }
    fail('string is not closed');
  };
  const value = (pointer: string): void => {
    ws();
    positions?.set(pointer, i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(text[i] === '}' ? 'trailing comma before }' : 'expected a quoted field name');
        const keyStart = i;
        str();
        const name = positions !== undefined ? String(JSON.parse(text.slice(keyStart, i))) : '';
        ws();
        if (text[i] !== ':') fail('expected ":" after the field name');
        i++;
        value(positions !== undefined ? `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` : '');
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('expected "," or "}" (missing comma?)');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        ws();
        if (text[i] === ']') fail('trailing comma before ]');
        value(positions !== undefined ? `${pointer}/${index}` : '');
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('expected "," or "]" (missing comma?)');
      }
    }
    if (ch === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 64),
    );
    if (lit) {
      i += lit[0].length;
      return;
    }
    fail(
      ch === undefined
        ? 'the text ends too early'
        : ch === "'"
          ? 'strings need double quotes'
          : `unexpected character "${ch}"`,
    );
  };
  try {
    value('');
    ws();
    if (i < n) fail('unexpected text after the end of the JSON value');
  } catch (e) {
    if (e instanceof Bad) return { offset: e.offset, reason: e.reason };
    throw e;
  }
  return { offset: n, reason: 'invalid JSON' };
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineCol(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: pos - last };
}

const KNOWN_TOP = new Set(Object.keys(CaseInputSchema.shape));
const KNOWN_PATIENT = new Set(['id', 'age', 'sex', 'ecog', 'location']);
const KNOWN_SAMPLE = new Set(['id', 'tumorType', 'sampleType', 'panel', 'alterations', 'biomarkers']);

function unknownKeys(data: unknown, file: string, issues: Issue[]): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const o = data as Record<string, unknown>;
  const warn = (pointer: string, k: string, where: string): void => {
    issues.push({
      severity: 'warning',
      code: 'case.unknown-field',
      file,
      pointer,
      message: `"${k}" is not a field of ${where}; it was ignored (see docs/case-format.md)`,
    });
  };
  for (const k of Object.keys(o)) if (!KNOWN_TOP.has(k)) warn(toPointer([k]), k, 'a case');
  const p = o.patient;
  if (p !== null && typeof p === 'object' && !Array.isArray(p))
    for (const k of Object.keys(p)) if (!KNOWN_PATIENT.has(k)) warn(toPointer(['patient', k]), k, 'patient');
  if (Array.isArray(o.samples)) {
    o.samples.forEach((s, i) => {
      if (s !== null && typeof s === 'object' && !Array.isArray(s))
        for (const k of Object.keys(s))
          if (!KNOWN_SAMPLE.has(k)) warn(toPointer(['samples', i, k]), k, 'a sample');
    });
  }
}

/** Validates, dropping what is invalid, and returns the parsed input plus located issues. */
export function validateCaseInput(data: unknown, file: string, issues: Issue[]): CaseInput | null {
  unknownKeys(data, file, issues);
  let work: unknown = structuredClone(data);
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = CaseInputSchema.safeParse(compact(work));
    if (r.success) return r.data;
    const flat = flattenIssues(r.error.issues);
    for (const f of flat) {
      issues.push({
        severity: 'error',
        code: 'case.schema',
        file,
        pointer: toPointer(f.path),
        message: f.message,
      });
    }
    // zod reports every issue in one pass, so pointers of the first pass match the user's file; later passes
    // (rare: only when dropping exposes a new problem) refer to the compacted arrays.
    work = compact(work);
    let dropped = false;
    for (const f of [...flat].sort((a, b) => b.path.length - a.path.length))
      dropped = dropAt(work, f.path) || dropped;
    if (!dropped) return null;
  }
  return null;
}

interface Ctx {
  file: string;
  ctx: NormalizeContext;
  issues: Issue[];
  stats: ReadStats;
}

function tumorTypeOf(
  v: string | TumorTypeRef | undefined,
  pointer: string,
  c: Ctx,
): TumorTypeRef | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    if (c.ctx.oncotree.get(v.code) === undefined) {
      c.issues.push({
        severity: 'warning',
        code: 'oncotree.unknown',
        file: c.file,
        pointer: `${pointer}/code`,
        message: `"${v.code}" is not a known OncoTree code; kept as given`,
      });
    }
    return v;
  }
  const r = c.ctx.oncotree.resolve(v);
  if (r.ref === null) {
    c.issues.push({
      severity: 'error',
      code: 'oncotree.unknown',
      file: c.file,
      pointer,
      message: `"${v}" is not a known OncoTree code or cancer name${r.suggestions.length > 0 ? `; did you mean ${r.suggestions.slice(0, 5).join(', ')}?` : ''}`,
    });
    return undefined;
  }
  return r.ref;
}

function readAlterationList(
  list: ReadonlyArray<string | GenomicAlteration | Biomarker> | undefined,
  pointer: string,
  c: Ctx,
  into: SampleData,
): void {
  if (list === undefined) return;
  list.forEach((item, i) => {
    c.stats.rows++;
    const p = `${pointer}/${i}`;
    if (typeof item !== 'string') {
      const withOrigin = { ...item, origin: item.origin ?? { file: c.file, pointer: p } };
      if (withOrigin.kind === 'biomarker') into.biomarkers.push(withOrigin);
      else into.alterations.push(withOrigin);
      c.stats.used++;
      return;
    }
    const r = parseTypedAlteration(item, c.ctx, { origin: { file: c.file, pointer: p } });
    for (const iss of r.issues) c.issues.push({ ...iss, file: c.file, pointer: p });
    if (r.alteration !== undefined) into.alterations.push(r.alteration);
    else if (r.biomarker !== undefined) into.biomarkers.push(r.biomarker);
    else {
      bump(c.stats.skipped, 'unreadable');
      return;
    }
    c.stats.used++;
  });
}

async function readCaseJson(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const stats = emptyStats();
  const result: ReadResult = { file, format: 'case-json', samples: [], patients: [], issues, stats };
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    issues.push({
      severity: 'error',
      code: 'file.read-failed',
      file,
      message: `cannot read the file: ${err instanceof Error ? err.message : String(err)}`,
    });
    return result;
  }
  if (buf.length > MAX_BYTES) {
    issues.push({
      severity: 'error',
      code: 'case.too-large',
      file,
      message: `a hand-typed case should be small; this file is ${Math.round(buf.length / 1024 / 1024)} MiB`,
    });
    return result;
  }
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    issues.push({
      severity: 'error',
      code: 'case.compressed',
      file,
      message: 'the file is gzip-compressed; decompress it first (a case JSON is plain text)',
    });
    return result;
  }
  if (buf.includes(0)) {
    issues.push({
      severity: 'error',
      code: 'file.binary',
      file,
      message: 'the file is binary, not JSON text',
    });
    return result;
  }
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    issues.push({ severity: 'error', code: 'case.empty', file, message: 'the file is empty' });
    return result;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const found = jsonErrorAt(text);
    const at = lineCol(text, found.offset);
    const msg = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : String(err);
    issues.push({
      severity: 'error',
      code: 'case.json-syntax',
      file,
      ...at,
      message: `not valid JSON: ${found.reason} (${msg})`,
    });
    return result;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    issues.push({
      severity: 'error',
      code: 'case.schema',
      file,
      pointer: '',
      message: 'a case must be a JSON object ({ ... })',
    });
    return result;
  }
  const input = validateCaseInput(data, file, issues);
  if (input === null) {
    addLines(text, file, issues);
    return result;
  }
  const c: Ctx = { file, ctx: options.ctx, issues, stats };

  const tumorType = tumorTypeOf(input.tumorType, '/tumorType', c);
  const sites: MetastaticSite[] = [];
  (input.metastaticSites ?? []).forEach((s, i) => {
    if (typeof s !== 'string') {
      mergeSite(sites, s);
      return;
    }
    const r = resolveSite(s);
    if (r === null) {
      issues.push({
        severity: 'warning',
        code: 'site.none',
        file,
        pointer: `/metastaticSites/${i}`,
        message: `"${s}" names no site; ignored`,
      });
      return;
    }
    if (r.site === 'other') {
      issues.push({
        severity: 'info',
        code: 'site.other',
        file,
        pointer: `/metastaticSites/${i}`,
        message: `"${s}" is kept as an "other" site (no site-specific content)`,
      });
    }
    mergeSite(sites, r);
  });
  const therapies: PriorTherapy[] = [];
  (input.priorTherapies ?? []).forEach((t, i) => {
    const r = normalizeTherapy(t);
    for (const iss of r.issues) issues.push({ ...iss, file, pointer: `/priorTherapies/${i}` });
    therapies.push(r.therapy);
  });

  const fields: NonNullable<ReadResult['caseFields']> = {};
  if (input.id !== undefined) fields.id = input.id;
  if (input.patient !== undefined) {
    const p = { ...input.patient };
    fields.patient = p;
  }
  if (tumorType !== undefined) fields.tumorType = tumorType;
  fields.metastaticSites = sites;
  if (input.stage !== undefined) fields.stage = input.stage;
  fields.priorTherapies = therapies;
  if (input.notes !== undefined) fields.notes = input.notes;
  result.caseFields = fields;

  const defaultId = options.sampleId ?? input.id ?? 'sample-1';
  const samples: SampleData[] = [];
  (input.samples ?? []).forEach((s, i) => {
    const sd: SampleData = { id: s.id, alterations: [], biomarkers: [] };
    if (input.patient?.id !== undefined) sd.patientId = input.patient.id;
    const tt =
      typeof s.tumorType === 'string' ? tumorTypeOf(s.tumorType, `/samples/${i}/tumorType`, c) : s.tumorType;
    // The text is passed on only when it resolved: an unknown name is reported once, here, with its pointer.
    if (typeof s.tumorType === 'string' && tt !== undefined) sd.tumorTypeInput = s.tumorType;
    if (tt !== undefined) sd.tumorType = tt;
    if (s.sampleType !== undefined) sd.sampleType = s.sampleType;
    if (s.panel !== undefined) sd.panel = s.panel;
    readAlterationList(s.alterations, `/samples/${i}/alterations`, c, sd);
    readAlterationList(s.biomarkers, `/samples/${i}/biomarkers`, c, sd);
    samples.push(sd);
  });
  if (input.alterations !== undefined || input.biomarkers !== undefined || samples.length === 0) {
    // Top-level lists belong to the only sample when there is one, else to a sample named after the case.
    let target = samples.length === 1 ? samples[0]! : samples.find((s) => s.id === defaultId);
    if (target === undefined) {
      target = { id: defaultId, alterations: [], biomarkers: [] };
      if (input.patient?.id !== undefined) target.patientId = input.patient.id;
      samples.push(target);
    }
    readAlterationList(input.alterations, '/alterations', c, target);
    readAlterationList(input.biomarkers, '/biomarkers', c, target);
  }
  for (const s of samples) {
    if (s.tumorType === undefined && tumorType !== undefined) s.tumorType = tumorType;
    if (typeof input.tumorType === 'string' && tumorType !== undefined && s.tumorTypeInput === undefined)
      s.tumorTypeInput = input.tumorType;
  }
  result.samples = samples;
  addLines(text, file, issues);
  return result;
}

/** Adds line and column to pointer-located issues (the value's start, or its nearest parent when it is missing). */
function addLines(text: string, file: string, issues: Issue[]): void {
  if (!issues.some((i) => i.pointer !== undefined && i.line === undefined)) return;
  const positions = new Map<string, number>();
  jsonErrorAt(text, positions);
  for (const iss of issues) {
    if (iss.pointer === undefined || iss.line !== undefined || iss.file !== file) continue;
    let p = iss.pointer;
    while (!positions.has(p) && p !== '') p = p.slice(0, p.lastIndexOf('/'));
    const at = positions.get(p);
    if (at !== undefined) Object.assign(iss, lineCol(text, at));
  }
}

export const caseJsonReader: ReaderModule = {
  format: 'case-json',
  description:
    'A case typed by hand (onconav.case/1 JSON: tumor type, sites, alterations as text, biomarkers, therapies)',
  sniff(head, fileName) {
    const text = head.join('\n').trimStart();
    if (!text.startsWith('{')) return 0;
    if (/"resourceType"\s*:/.test(text)) return 0; // FHIR
    if (/onconav\.case\/|"tumorType"\s*:|"alterations"\s*:|"metastaticSites"\s*:/.test(text)) return 0.97;
    return /\.json$/i.test(fileName) ? 0.5 : 0.3;
  },
  read: readCaseJson,
};
