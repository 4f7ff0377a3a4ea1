import type {
  Case,
  Criterion,
  CriterionVerdict,
  Trial,
  TrialMatch,
  TrialStatus,
  Verdict,
} from '../domain/index.js';
import type { Db } from '../store/db.js';
import {
  ANY,
  cancerAncestors,
  cancerDepth,
  cancerName,
  findCancerMentions,
  isCancerA,
  LIQUID,
  SOLID,
} from './cancer-types.js';
import { CLASS_LABELS, drugClassesOf, type DrugClass } from './drugs.js';
import type { BiomarkerTerm, ParsedItem } from './eligibility/parse.js';
import { caseGenes, factsFromCase, type CaseFacts } from './facts.js';
import { nearestSite, type GeoPoint } from './geo.js';
import { registryBiomarkersOf } from './rows.js';
import { trialStoreFor } from './store.js';

/**
 * Matching a case against the trial store: screen candidates by index (tumor type ancestry, required genes,
 * status), evaluate every criterion of the best candidates (met / not met / unknown, with the case fact and
 * what would settle an unknown), drop hard exclusions, rank.
 *
 * Verdicts are about eligibility: `met` means the criterion does not stand in the way (for an exclusion
 * criterion: the excluded condition is absent), `not_met` means it rules the patient out.
 */
export interface MatchOptions {
  /** Trial statuses to keep (default: recruiting, not yet recruiting, enrolling by invitation). Empty = all. */
  statuses?: readonly TrialStatus[];
  near?: GeoPoint & { label?: string };
  radiusKm?: number;
  includeExcluded?: boolean;
  limit?: number;
  /** Candidates evaluated in full, best pre-scores first (default max(5 × limit, 100)). */
  evaluateAtMost?: number;
}

export const OPEN_STATUSES: readonly TrialStatus[] = [
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ENROLLING_BY_INVITATION',
];

export interface MatchResult {
  extracted: CaseFacts;
  matches: TrialMatch[];
  /** How many trials were screened in and fully evaluated, and how many were dropped by hard exclusions. */
  counts: { candidates: number; evaluated: number; excluded: number; outsideRadius: number };
}

interface Eval {
  holds: boolean | null;
  reason: string;
  toSettle?: string;
  /** Key facts weigh more in the score than routine checks (labs, pregnancy test). */
  weight: number;
  genomic?: boolean;
  genomicReason?: string;
}

const KEY = 3;
const ROUTINE = 0.5;
/** Score lost by a trial whose conditions name no cancer type we know (it is screened for every case). */
const UNMAPPED_PENALTY = 15;

// ---------------------------------------------------------------------------------------------------------
// Biomarkers

function geneMatches(caseGene: string, wanted: string): boolean {
  if (caseGene === wanted) return true;
  if (wanted === 'BRCA1/2') return caseGene === 'BRCA1' || caseGene === 'BRCA2';
  if (wanted === 'NTRK' || wanted === 'FGFR') return caseGene.startsWith(wanted);
  return false;
}

const EGFR_SENSITIZING = /^(L858R|G719[A-Z]?|L861Q|S768I)$/;

function termLabel(t: BiomarkerTerm): string {
  const g = t.gene === 'CD274' ? 'PD-L1' : t.gene === 'ERBB2' && t.kind === 'status' ? 'HER2' : t.gene;
  switch (t.kind) {
    case 'variant':
      return `${g} ${t.alteration}`;
    case 'class':
      return `${g} ${t.cls === 'exon19_deletion' ? 'exon 19 deletion' : t.cls === 'exon20_insertion' ? 'exon 20 insertion' : t.cls === 'exon14_skipping' ? 'exon 14 skipping' : t.cls === 'activating' ? 'activating mutation' : 'kinase-domain alteration'}`;
    case 'mutation':
      return `${g} mutation`;
    case 'alteration':
      return `${g} alteration`;
    case 'fusion':
      return `${g} fusion/rearrangement`;
    case 'amplification':
      return `${g} amplification`;
    case 'status':
      return t.threshold
        ? `${g}${t.threshold.scoreType ? ` ${t.threshold.scoreType}` : ''} ${t.threshold.op} ${t.threshold.value}`
        : `${g}${t.gene === 'MSI' ? (t.status === 'high' ? '-H' : ' stable') : t.gene === 'MMR' ? (t.status === 'deficient' ? ' deficient' : ' proficient') : `-${t.status}`}`;
    default: {
      const never: never = t.kind;
      return never;
    }
  }
}

/** Does the case carry this biomarker term? true / false / null (not known from the case). */
function termHolds(
  t: BiomarkerTerm,
  f: CaseFacts,
): { holds: boolean | null; fact?: string; toSettle?: string } {
  if (t.kind === 'status') return statusHolds(t, f);
  const hits = f.alterations.filter(
    (a) => geneMatches(a.gene, t.gene) || (a.partners ?? []).some((p) => geneMatches(p, t.gene)),
  );
  const found = hits.find((a) => {
    switch (t.kind) {
      case 'variant':
        return (
          a.kind === 'mutation' &&
          (a.alteration === t.alteration ||
            (/^[A-Z]\d+$/.test(t.alteration ?? '') &&
              a.alteration.startsWith(t.alteration!) &&
              /^[A-Z]\d+[A-Z]/.test(a.alteration)))
        );
      case 'class':
        if (a.kind !== 'mutation') return false;
        if (t.cls === 'exon19_deletion')
          return a.classes.includes('exon19_inframe_deletion') || /exon\s*19.*del|19del/i.test(a.text);
        if (t.cls === 'exon20_insertion')
          return a.classes.includes('exon20_insertion') || /exon\s*20.*ins/i.test(a.text);
        if (t.cls === 'exon14_skipping')
          return a.classes.includes('exon14_skipping') || /exon\s*14/i.test(a.text);
        if (t.cls === 'activating')
          return t.gene === 'EGFR'
            ? a.classes.includes('exon19_inframe_deletion') ||
                EGFR_SENSITIZING.test(a.alteration) ||
                /exon\s*19/i.test(a.text)
            : true;
        return true;
      case 'mutation':
        return a.kind === 'mutation';
      case 'alteration':
        return true;
      case 'fusion':
        return a.kind === 'fusion';
      case 'amplification':
        return a.kind === 'copyNumber' && (a.alteration === 'amplification' || a.alteration === 'gain');
      default:
        return false;
    }
  });
  if (found) return { holds: true, fact: found.text || `${found.gene} ${found.alteration}` };
  if (hits.length > 0 && f.profiled) return { holds: false, fact: hits.map((h) => h.text).join(', ') };
  if (f.profiled)
    return {
      holds: false,
      fact:
        f.alterations.length > 0
          ? `reported alterations: ${f.alterations.map((a) => a.text).join(', ')}`
          : 'no alterations reported',
    };
  const negative = f.testedNegative?.find((g) => geneMatches(g, t.gene) || geneMatches(t.gene, g));
  if (negative) return { holds: false, fact: `${negative} tested negative (wild-type)` };
  return { holds: null, toSettle: `needs tumor genomic testing (${t.gene})` };
}

function statusHolds(
  t: BiomarkerTerm,
  f: CaseFacts,
): { holds: boolean | null; fact?: string; toSettle?: string } {
  const bm = (name: string) => f.biomarkers.find((b) => b.name === name);
  switch (t.gene) {
    case 'ERBB2': {
      const b = bm('HER2');
      const amp = f.alterations.find(
        (a) => a.gene === 'ERBB2' && a.kind === 'copyNumber' && a.alteration === 'amplification',
      );
      const s = `${b?.status ?? ''} ${b?.text ?? ''}`.toLowerCase();
      let level: 'positive' | 'low' | 'zero' | 'equivocal' | null = null;
      if (b) {
        if (/3\+|positive|ish\+|amplif/.test(s) && !/ish-|ish neg/.test(s)) level = 'positive';
        else if (/2\+/.test(s) && /ish-|ish neg|not amplified/.test(s)) level = 'low';
        else if (/2\+/.test(s)) level = 'equivocal';
        else if (/1\+|low/.test(s)) level = 'low';
        else if (/\b0\b|negative|ultra/.test(s)) level = 'zero';
      }
      if (!level && amp) level = 'positive';
      if (!level) return { holds: null, toSettle: 'needs HER2 status (IHC, with ISH when IHC 2+)' };
      if (level === 'equivocal')
        return { holds: null, fact: b!.text, toSettle: 'needs HER2 ISH result (IHC 2+ is equivocal)' };
      const fact = b?.text ?? amp!.text;
      if (t.status === 'positive') return { holds: level === 'positive', fact };
      if (t.status === 'low') return { holds: level === 'low', fact };
      if (t.status === 'negative') return { holds: level !== 'positive', fact };
      return { holds: null, fact };
    }
    case 'ER':
    case 'PR':
    case 'HR': {
      const names = t.gene === 'HR' ? ['ER', 'PR'] : [t.gene];
      const list = names.map(bm).filter((x): x is NonNullable<typeof x> => x !== undefined);
      if (list.length === 0)
        return { holds: null, toSettle: `needs ${t.gene === 'HR' ? 'ER/PR' : t.gene} status` };
      const pos = list.some(
        (b) => /pos|\+|low/i.test(`${b.status ?? ''} ${b.text}`) && !/neg/i.test(b.status ?? ''),
      );
      const fact = list.map((b) => b.text).join(', ');
      if (t.status === 'positive') return { holds: pos, fact };
      if (t.status === 'negative') return { holds: !pos, fact };
      if (t.status === 'low')
        return { holds: list.some((b) => /low/i.test(`${b.status ?? ''} ${b.text}`)), fact };
      return { holds: null, fact };
    }
    case 'CD274': {
      const b = bm('PD-L1');
      if (!b)
        return {
          holds: null,
          toSettle: `needs PD-L1 result${t.threshold?.scoreType ? ` (${t.threshold.scoreType})` : ''}`,
        };
      if (t.threshold) {
        // A negative result (under 1%) falls short of any cut-off of 1% or more.
        if (
          b.value === undefined &&
          /neg/i.test(b.status ?? '') &&
          (t.threshold.op === '>=' || t.threshold.op === '>') &&
          t.threshold.value >= 1
        )
          return { holds: false, fact: b.text };
        if (b.value === undefined)
          return {
            holds: /pos/i.test(b.status ?? '') && t.threshold.value <= 1 ? true : null,
            fact: b.text,
            toSettle: 'needs the PD-L1 score value',
          };
        if (t.threshold.scoreType && b.scoreType && b.scoreType !== t.threshold.scoreType)
          return { holds: null, fact: b.text, toSettle: `needs PD-L1 ${t.threshold.scoreType}` };
        return { holds: compare(b.value, t.threshold.op, t.threshold.value), fact: b.text };
      }
      const pos = b.value !== undefined ? b.value >= 1 : /pos/i.test(b.status ?? b.text);
      if (t.status === 'high') return { holds: b.value !== undefined ? b.value >= 50 : null, fact: b.text };
      return { holds: t.status === 'negative' ? !pos : pos, fact: b.text };
    }
    case 'MSI':
    case 'MMR': {
      const msi = bm('MSI');
      const mmr = bm('MMR');
      let high: boolean | null = null;
      if (msi)
        high = /MSI-H|high/i.test(`${msi.status ?? ''} ${msi.text}`)
          ? true
          : /MSS|stable|MSI-L|low/i.test(`${msi.status ?? ''} ${msi.text}`)
            ? false
            : null;
      if (high === null && mmr)
        high = /dMMR|deficient/i.test(`${mmr.status ?? ''} ${mmr.text}`)
          ? true
          : /pMMR|proficient/i.test(`${mmr.status ?? ''} ${mmr.text}`)
            ? false
            : null;
      if (high === null) return { holds: null, toSettle: 'needs MSI or mismatch-repair (MMR) testing' };
      const fact = [msi?.text, mmr?.text].filter(Boolean).join(', ');
      const wantHigh = t.status === 'high' || t.status === 'deficient';
      return { holds: wantHigh ? high : !high, fact };
    }
    case 'TMB': {
      const b = bm('TMB');
      if (!b) return { holds: null, toSettle: 'needs tumor mutational burden (TMB)' };
      const threshold = t.threshold ?? { op: '>=' as const, value: 10 };
      if (b.value !== undefined)
        return { holds: compare(b.value, threshold.op, threshold.value), fact: b.text };
      return {
        holds: /TMB-H|high/i.test(`${b.status ?? ''} ${b.text}`) && threshold.value <= 10 ? true : null,
        fact: b.text,
        toSettle: 'needs the TMB value',
      };
    }
    case 'HRD': {
      const b = bm('HRD');
      if (!b) return { holds: null, toSettle: 'needs HRD status' };
      return { holds: /pos/i.test(b.status ?? b.text), fact: b.text };
    }
    default:
      return { holds: null, toSettle: `needs ${t.gene} status` };
  }
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
    default:
      return a === b;
  }
}

// ---------------------------------------------------------------------------------------------------------
// One parsed item

const CHEMO_CLASSES: DrugClass[] = [
  'platinum',
  'taxane',
  'fluoropyrimidine',
  'anthracycline',
  'topoisomerase_i',
  'pemetrexed',
];

function brainStatus(f: CaseFacts): {
  present: boolean | null;
  active: boolean | null;
  text?: string;
  lepto: boolean | null;
} {
  const brain = f.sites.find((s) => s.site === 'brain' || s.site === 'spinal_cord');
  const lepto = f.sites.find((s) => s.site === 'leptomeninges');
  const sitesKnown = f.sites.length > 0;
  if (!brain)
    return {
      present: sitesKnown ? false : null,
      active: sitesKnown ? false : null,
      lepto: lepto ? true : sitesKnown ? false : null,
    };
  const st = brain.status;
  const active =
    st === 'active' || st === 'untreated' || st === 'progressing'
      ? true
      : st === 'treated' || st === 'stable'
        ? false
        : null;
  return {
    present: true,
    active,
    text: brain.text ?? `brain metastases (${st})`,
    lepto: lepto ? true : false,
  };
}

function received(
  f: CaseFacts,
  drugs: readonly string[],
  classes: readonly DrugClass[],
  generic?: string,
): { hit?: CaseFacts['priorTherapies'][number]; label: string } {
  const label =
    [...drugs, ...classes.map((c) => CLASS_LABELS[c])].join(' or ') || generic || 'the named therapy';
  const hit = f.priorTherapies.find(
    (t) =>
      t.drugs.some((d) => drugs.includes(d)) ||
      t.classes.some((c) => classes.includes(c)) ||
      t.drugs.some((d) => drugClassesOf(d).some((c) => classes.includes(c))) ||
      (generic === 'chemotherapy' &&
        (t.classes.some((c) => CHEMO_CLASSES.includes(c)) || /chemo/i.test(t.name ?? ''))) ||
      (generic === 'radiotherapy' && t.type === 'radiation') ||
      (generic === 'systemic' && t.type === 'systemic'),
  );
  return { ...(hit ? { hit } : {}), label };
}

function evalItem(p: ParsedItem, f: CaseFacts, type: 'inclusion' | 'exclusion'): Eval {
  switch (p.category) {
    case 'cancer_type': {
      if (!f.tumorType)
        return {
          holds: null,
          reason: `asks for ${p.codes.map(cancerName).join(' or ')}`,
          toSettle: 'needs the primary cancer type',
          weight: KEY,
        };
      const code = f.tumorType.code;
      if (p.codes.some((c) => isCancerA(code, c)))
        return { holds: true, reason: `case is ${f.tumorType.name}; criterion names ${p.text}`, weight: KEY };
      if (p.codes.some((c) => isCancerA(c, code)))
        return {
          holds: null,
          reason: `criterion names ${p.text}, more specific than the case's ${f.tumorType.name}`,
          toSettle: 'needs the histologic subtype',
          weight: KEY,
        };
      return { holds: false, reason: `case is ${f.tumorType.name}; criterion names ${p.text}`, weight: KEY };
    }
    case 'stage': {
      const st = f.stage ?? (f.metastatic ? 'IV' : undefined);
      if (!st)
        return {
          holds: null,
          reason: `asks for stage ${p.stages.join('/')}`,
          toSettle: 'needs the stage',
          weight: KEY,
        };
      const main = /^(I{1,3}V?|IV)([ABC]?)/i.exec(st.replace(/^stage\s*/i, '').toUpperCase());
      if (!main)
        return {
          holds: null,
          reason: `case stage "${st}" not read`,
          toSettle: 'needs the stage',
          weight: KEY,
        };
      const ok = p.stages.some((s) => {
        const m = /^(I{1,3}V?|IV)([ABC]?)/.exec(s)!;
        return m[1] === main[1] && (!m[2] || !main[2] || m[2] === main[2]);
      });
      return {
        holds: ok,
        reason: `case stage ${st}${f.stage ? '' : ' (metastatic)'}; criterion asks for stage ${p.stages.join('/')}`,
        weight: KEY,
      };
    }
    case 'disease_extent': {
      if (f.metastatic === undefined)
        return {
          holds: null,
          reason: `asks for ${p.anyOf.join(' or ').replace(/_/g, ' ')} disease`,
          toSettle: 'needs the extent of disease (metastatic or not)',
          weight: KEY,
        };
      if (p.anyOf.includes('non_metastatic'))
        return {
          holds: !f.metastatic,
          reason: `case is ${f.metastatic ? '' : 'not '}metastatic; criterion asks for non-metastatic disease`,
          weight: KEY,
        };
      return {
        holds: f.metastatic,
        reason: `case is ${f.metastatic ? 'metastatic' : 'not metastatic'}; criterion asks for ${p.anyOf.join(' or ').replace(/_/g, ' ')} disease`,
        weight: KEY,
      };
    }
    case 'measurable_disease':
      return {
        holds: null,
        reason: 'asks for measurable disease',
        toSettle: `needs a measurable lesion${p.recist ? ' per RECIST 1.1' : ''} on recent imaging`,
        weight: ROUTINE,
      };
    case 'biomarker': {
      const results = p.anyOf.map((t) => ({ t, r: termHolds(t, f) }));
      const anyTrue = results.find((x) => x.r.holds === true);
      const allFalse = results.every((x) => x.r.holds === false);
      const label = results.map((x) => termLabel(x.t)).join(' or ');
      const want = p.negated ? `no ${label}` : label;
      let has: boolean | null = anyTrue ? true : allFalse ? false : null;
      const fact = anyTrue?.r.fact ?? results.find((x) => x.r.fact)?.r.fact;
      const settle = results.find((x) => x.r.toSettle)?.r.toSettle;
      const holds = has === null ? null : p.negated ? !has : has;
      has = holds;
      return {
        holds,
        reason: `criterion: ${want}; case: ${fact ?? 'not reported'}`,
        ...(holds === null && settle ? { toSettle: settle } : {}),
        weight: KEY,
        // PD-L1 and hormone receptors are biomarkers, but the "genomic match" that ranks a trial high is a
        // driver alteration or a tumor-agnostic marker (MSI-H/dMMR, TMB-high, HER2).
        genomic:
          !p.negated &&
          type === 'inclusion' &&
          holds === true &&
          results.some(
            (x) =>
              x.r.holds === true &&
              (x.t.kind !== 'status' || ['ERBB2', 'MSI', 'MMR', 'TMB'].includes(x.t.gene)),
          ),
        genomicReason: (() => {
          const g =
            results.find(
              (x) =>
                x.r.holds === true &&
                (x.t.kind !== 'status' || ['ERBB2', 'MSI', 'MMR', 'TMB'].includes(x.t.gene)),
            ) ?? anyTrue;
          return `${g ? termLabel(g.t) : label} (case: ${g?.r.fact ?? fact ?? 'reported'})`;
        })(),
      };
    }
    case 'cns_metastases': {
      const b = brainStatus(f);
      const caseText =
        b.present === null
          ? 'sites not reported'
          : b.present
            ? (b.text ?? 'brain metastases')
            : 'no brain metastases reported';
      const settleBrain = 'needs brain imaging (MRI) status';
      let condition: boolean | null;
      switch (p.rule) {
        case 'excluded_any':
        case 'required':
          condition = b.present;
          break;
        case 'excluded_active':
        case 'required_active':
        case 'allowed_treated':
          condition = b.present === false ? false : b.active;
          break;
        case 'excluded_leptomeningeal':
          condition = b.lepto;
          break;
        default: {
          const never: never = p.rule;
          return never;
        }
      }
      // Statement of the criterion: exclusion → "has <what>"; inclusion → "has" for required, "has no" otherwise.
      const statementIsPresence =
        type === 'exclusion' || p.rule === 'required' || p.rule === 'required_active';
      const holds = condition === null ? null : statementIsPresence ? condition : !condition;
      const toSettle =
        condition === null
          ? b.present
            ? 'needs whether the brain metastases are treated and stable'
            : settleBrain
          : undefined;
      const RULE_TEXT: Record<typeof p.rule, string> = {
        excluded_any: 'excludes any brain metastases',
        excluded_active: 'excludes active (untreated, symptomatic or progressing) brain metastases',
        allowed_treated: 'allows brain metastases only when treated and stable',
        required: 'requires brain metastases',
        required_active: 'requires active (untreated) brain metastases',
        excluded_leptomeningeal: 'excludes leptomeningeal disease',
      };
      return {
        holds,
        reason: `${RULE_TEXT[p.rule]}; case: ${caseText}`,
        ...(toSettle ? { toSettle } : {}),
        weight: KEY,
      };
    }
    case 'prior_therapy': {
      const r = received(f, p.drugs, p.classes, p.generic);
      if (f.priorTherapies.length === 0)
        return {
          holds: null,
          reason: `about prior ${r.label}; no treatment history in the case`,
          toSettle: 'needs the treatment history',
          weight: KEY,
        };
      const got = r.hit !== undefined;
      const fact = got
        ? `received ${r.hit!.name ?? r.hit!.drugs.join(' + ')}`
        : `no ${r.label} among prior treatments`;
      if (p.window && got)
        return {
          holds: null,
          reason: `timing rule for ${r.label}; case ${fact}`,
          toSettle: `needs the date of the last ${r.label} dose`,
          weight: KEY,
        };
      if (p.window && !got)
        return {
          holds: type === 'exclusion' ? false : null,
          reason: `timing rule for ${r.label}; case ${fact}`,
          weight: ROUTINE,
        };
      switch (p.requirement) {
        case 'received':
          return { holds: got, reason: `asks about prior ${r.label}; case ${fact}`, weight: KEY };
        case 'not_received':
          return { holds: !got, reason: `asks for no prior ${r.label}; case ${fact}`, weight: KEY };
        case 'progressed_on':
          if (!got)
            return { holds: false, reason: `asks for progression on ${r.label}; case ${fact}`, weight: KEY };
          if (r.hit!.progressed === undefined)
            return {
              holds: null,
              reason: `asks for progression on ${r.label}; case ${fact}`,
              toSettle: `needs whether the disease progressed on ${r.label}`,
              weight: KEY,
            };
          return {
            holds: r.hit!.progressed,
            reason: `asks for progression on ${r.label}; case ${fact}${r.hit!.progressed ? ' with progression' : ' without progression'}`,
            weight: KEY,
          };
        default: {
          const never: never = p.requirement;
          return never;
        }
      }
    }
    case 'prior_lines': {
      const range = `${p.min ?? 0}${p.max !== undefined ? `–${p.max}` : '+'} prior lines`;
      if (f.priorTherapies.length === 0) {
        if (p.min === undefined || p.min === 0)
          return {
            holds: null,
            reason: `asks for ${range}; no treatment history in the case`,
            toSettle: 'needs the treatment history',
            weight: KEY,
          };
        return {
          holds: null,
          reason: `asks for ${range}; no treatment history in the case`,
          toSettle: 'needs the number of prior lines of therapy',
          weight: KEY,
        };
      }
      const n = f.priorLines;
      return {
        holds: (p.min === undefined || n >= p.min) && (p.max === undefined || n <= p.max),
        reason: `asks for ${range}; case has ${n} prior systemic line${n === 1 ? '' : 's'}`,
        weight: KEY,
      };
    }
    case 'performance_status': {
      const range = `${p.scale} ${p.min ?? 0}–${p.max ?? (p.scale === 'ECOG' ? 4 : 100)}`;
      if (p.scale === 'Karnofsky') {
        // Judged on a Karnofsky score only: converting from ECOG would be a guess at the boundaries.
        if (f.karnofsky === undefined)
          return {
            holds: null,
            reason: `asks for ${range}`,
            toSettle: 'needs the Karnofsky performance score',
            weight: ROUTINE * 2,
          };
        return {
          holds:
            (p.min === undefined || f.karnofsky >= p.min) && (p.max === undefined || f.karnofsky <= p.max),
          reason: `asks for ${range}; case Karnofsky ${f.karnofsky}`,
          weight: KEY,
        };
      }
      if (f.ecog === undefined)
        return {
          holds: null,
          reason: `asks for ${range}`,
          toSettle: 'needs ECOG performance status',
          weight: KEY,
        };
      return {
        holds: (p.min === undefined || f.ecog >= p.min) && (p.max === undefined || f.ecog <= p.max),
        reason: `asks for ${range}; case ECOG ${f.ecog}`,
        weight: KEY,
      };
    }
    case 'age': {
      const range = `age ${p.min ?? 0}${p.max !== undefined ? `–${p.max}` : '+'}`;
      if (f.age === undefined)
        return { holds: null, reason: `asks for ${range}`, toSettle: 'needs age', weight: KEY };
      return {
        holds: (p.min === undefined || f.age >= p.min) && (p.max === undefined || f.age <= p.max),
        reason: `asks for ${range}; case age ${f.age}`,
        weight: KEY,
      };
    }
    case 'sex':
      if (f.sex === 'unknown' || f.sex === 'other')
        return {
          holds: null,
          reason: `asks for ${p.value} participants`,
          toSettle: 'needs sex',
          weight: KEY,
        };
      return {
        holds: f.sex === p.value,
        reason: `asks for ${p.value} participants; case is ${f.sex}`,
        weight: KEY,
      };
    case 'pregnancy':
      if (f.sex === 'male')
        return {
          holds: type === 'exclusion' ? false : true,
          reason: 'pregnancy rule does not apply (male)',
          weight: ROUTINE,
        };
      return {
        holds: null,
        reason: 'pregnancy / breastfeeding rule',
        toSettle: 'pregnancy status and contraception are checked at screening',
        weight: ROUTINE,
      };
    case 'organ_function':
      return {
        holds: null,
        reason: `lab rule: ${p.lab}${p.op ? ` ${p.op} ${p.value}${p.unit ? ` ${p.unit}` : ''}` : ''}`,
        toSettle: `needs recent blood tests (${p.lab})`,
        weight: ROUTINE,
      };
    default: {
      const never: never = p;
      return never;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// One trial

const OR_PARENT =
  /\b(one|any|either|at least one) of the following|\bone or more of\b|\bany of these\b|\b(one|any) of:/i;
const COHORT_PREFIX =
  /^\s*\(?(for |in )?(cohorts?|arms?|parts?|groups?|phase|dose[- ]expansion|expansion cohort|substudy|module)\b[^:]{0,60}:|^\s*\(?(cohort|arm|part) [A-Z0-9]/i;
const COHORT_ONLY =
  /\b(cohorts?|arms?|parts?|modules?|groups?|sub-?studies|substudy) [A-Z0-9]{1,4}\b[^.;]{0,30}\bonly\b/i;
/** Criteria written for one cohort or arm ("Cohort C: …", "(Part 2 only)"). Cheap checks first. */
const COHORT_CACHE = new Map<string, boolean>();
function cohortScoped(text: string): boolean {
  let v = COHORT_CACHE.get(text);
  if (v === undefined) {
    v = cohortScopedUncached(text);
    if (COHORT_CACHE.size > 50_000) COHORT_CACHE.clear();
    COHORT_CACHE.set(text, v);
  }
  return v;
}
function cohortScopedUncached(text: string): boolean {
  const head = text.slice(0, 90);
  // Basket trials label disease-specific criteria by the disease: "Gastric or GEJ adenocarcinoma (AC): …".
  const colon = head.indexOf(':');
  if (
    colon > 3 &&
    findCancerMentions(head.slice(0, colon)).length > 0 &&
    !/^\s*(histolog|cytolog|confirmed|diagnos|patients?|participants?|subjects?)/i.test(head)
  )
    return true;
  if (!/cohort|arm|part|group|phase|expansion|substudy|module/i.test(text)) return false;
  return COHORT_PREFIX.test(head) || COHORT_ONLY.test(text);
}

/**
 * The line of treatment a trial's title names: "First-line …", "… in Previously Untreated …", "… Relapsed or
 * Refractory …", "Second-line …". Titles about untreated or newly found brain metastases are left out (the
 * phrase is about the metastases, not the cancer's treatment), as is "newly diagnosed" (often the same).
 */
const FIRST_LINE =
  /\b(?:(?:first|1st|front)[- ]line|treatment[- ]na[iï]ve|(?:previously|chemo(?:therapy)?)[- ]untreated)\b(?!\s+(?:brain|cns|central nervous|leptomeningeal|spinal))/i;
const PRETREATED =
  /\b(?:(?:second|2nd|third|3rd|later)[- ]line|previously[- ]treated|pre-?treated|relapsed|refractory)\b/i;

const AFTER =
  /\b(?:after|following|subsequent|progress\w*|failure|failed|failing|beyond|post|refractory|resistant|maintenance|relaps\w*)\b/i;

function titleSetting(title: string): { kind: 'first' | 'pretreated'; phrase: string } | null {
  // Cheap gate: most titles name no line of treatment.
  if (!/line|na[iï]ve|untreated|treated|relapsed|refractory/i.test(title)) return null;
  let first = FIRST_LINE.exec(title);
  let pre = PRETREATED.exec(title);
  // "… Subsequent to First-Line Therapy", "… That Progressed During First-Line …", "maintenance after first
  // line": the first line is behind the patient.
  if (first && AFTER.test(title.slice(Math.max(0, first.index - 40), first.index))) {
    pre ??= first;
    first = null;
  }
  // A title naming both ("first-line or previously treated") says nothing for or against either.
  if (first && pre) return null;
  if (first) return { kind: 'first', phrase: first[0] };
  if (pre) return { kind: 'pretreated', phrase: pre[0] };
  return null;
}

/**
 * The title's line of treatment against the case's systemic lines for advanced disease. A title is not an
 * eligibility criterion (a "first-line" study may still take patients after adjuvant or one targeted
 * therapy), so a conflict is "unknown" with what to ask, never an exclusion; it lowers the score like any
 * unsettled key fact.
 */
function settingVerdict(
  s: { kind: 'first' | 'pretreated'; phrase: string },
  f: CaseFacts,
): CriterionVerdict & { weight: number } {
  const base = {
    type: 'inclusion' as const,
    text: `Registry title: ${s.phrase}`,
    category: 'prior_lines',
    weight: KEY,
  };
  const what = s.kind === 'first' ? 'untreated advanced disease (first line)' : 'previously treated disease';
  if (f.priorTherapies.length === 0)
    return {
      ...base,
      verdict: 'unknown',
      reason: `title names ${what}; no treatment history in the case`,
      toSettle: 'needs the treatment history',
    };
  const n = f.priorLines;
  const lines = `${n} prior systemic line${n === 1 ? '' : 's'}`;
  if ((s.kind === 'first') === (n === 0))
    return { ...base, verdict: 'met', reason: `title names ${what}; case has ${lines}` };
  return {
    ...base,
    verdict: 'unknown',
    reason: `title names ${what}; case has ${lines}`,
    toSettle:
      s.kind === 'first'
        ? 'ask the trial team whether patients already treated for advanced disease can join'
        : 'ask the trial team whether untreated patients can join',
  };
}

export interface TrialEvaluation {
  criteria: CriterionVerdict[];
  excluded: boolean;
  score: number;
  highlights: string[];
}

/**
 * Every criterion of a trial judged against the case, with the score and highlights. With
 * `{ excludedDetail: false }` an excluded trial comes back as soon as that is known, without its verdicts,
 * score or highlights (the matcher drops most evaluated trials this way unless asked to show them).
 */
export function evaluateTrial(
  trial: Trial,
  f: CaseFacts,
  options: { excludedDetail?: boolean } = {},
): TrialEvaluation {
  const verdicts: Array<
    CriterionVerdict & { weight: number; genomic: boolean; genomicReason?: string; cohortNotMet?: boolean }
  > = [];
  // Registry-level fields first: conditions (tumor type), age limits, sex.
  const tumorVerdict = tumorTypeVerdict(trial, f);
  verdicts.push(tumorVerdict);
  if (trial.minimumAge !== undefined || trial.maximumAge !== undefined) {
    const text = `Registry age limits: ${trial.minimumAge ?? 0}–${trial.maximumAge ?? 'no maximum'} years`;
    if (f.age === undefined)
      verdicts.push({
        type: 'inclusion',
        text,
        verdict: 'unknown',
        reason: 'case age not given',
        toSettle: 'needs age',
        category: 'age',
        weight: KEY,
        genomic: false,
      });
    else {
      const ok =
        (trial.minimumAge === undefined || f.age >= trial.minimumAge) &&
        (trial.maximumAge === undefined || f.age <= trial.maximumAge);
      verdicts.push({
        type: 'inclusion',
        text,
        verdict: ok ? 'met' : 'not_met',
        reason: `case age ${f.age}`,
        category: 'age',
        weight: KEY,
        genomic: false,
      });
    }
  }
  if (trial.sex === 'FEMALE' || trial.sex === 'MALE') {
    const want = trial.sex.toLowerCase();
    const text = `Registry sex: ${want} only`;
    if (f.sex === 'unknown' || f.sex === 'other')
      verdicts.push({
        type: 'inclusion',
        text,
        verdict: 'unknown',
        reason: 'case sex not given',
        toSettle: 'needs sex',
        category: 'sex',
        weight: KEY,
        genomic: false,
      });
    else
      verdicts.push({
        type: 'inclusion',
        text,
        verdict: f.sex === want ? 'met' : 'not_met',
        reason: `case is ${f.sex}`,
        category: 'sex',
        weight: KEY,
        genomic: false,
      });
  }
  // Biomarkers named in the title or conditions count like an inclusion criterion (one per gene, the
  // alternatives of title and conditions together).
  for (const b of registryBiomarkersOf(trial.title, trial.conditions)) {
    verdicts.push(
      evaluateCriterion(
        {
          type: 'inclusion',
          text: `Registry title/conditions: ${b.text}`,
          parsed: [b] as unknown as Criterion['parsed'],
        },
        f,
      ),
    );
  }
  const setting = titleSetting(trial.title);
  if (setting) verdicts.push({ ...settingVerdict(setting, f), genomic: false });
  const base = verdicts.length;
  // The same criterion text (with the same parent heading) gets the same verdict for one case: registry
  // boilerplate repeats across trials, so verdicts are memoized per case.
  const memo = memoFor(f);
  for (const c of trial.criteria) {
    // Keyed by the text alone, then type and parent heading compared: no concatenated key to build and hash.
    const parent = c.parent !== undefined ? (trial.criteria[c.parent]?.text ?? '') : '';
    let chain = memo.get(c.text);
    let hit = chain?.find((e) => e.type === c.type && e.parent === parent);
    if (!hit) {
      hit = { type: c.type, parent, v: evaluateCriterion(c, f) };
      if (chain) chain.push(hit);
      else memo.set(c.text, (chain = [hit]));
    }
    verdicts.push({ ...hit.v });
  }
  applyGroups(trial.criteria, verdicts, base);
  // Cohort-scoped inclusion criteria: one unmet cohort does not exclude, but when every cohort's own
  // criteria are unmet, no cohort fits.
  const scoped = verdicts.filter((v) => v.type === 'inclusion' && v.cohortNotMet !== undefined);
  if (scoped.length > 0 && scoped.every((v) => v.cohortNotMet === true)) {
    for (const v of scoped) {
      Object.assign(v, {
        verdict: 'not_met' as const,
        reason: v.reason.replace('(applies to one cohort/arm only)', '(no cohort fits)'),
        weight: KEY,
      });
      delete v.toSettle;
    }
  }

  const excluded = verdicts.some((v) => v.verdict === 'not_met');
  if (excluded && options.excludedDetail === false)
    return { criteria: [], excluded: true, score: 0, highlights: [] };
  // Score: tumor-type specificity, genomic match, met key facts; unknowns cost according to their weight.
  let score = 40;
  const highlights: string[] = [];
  const spec = tumorSpecificity(trial, f);
  score += spec.points;
  if (spec.note) highlights.push(spec.note);
  // A trial whose conditions name no cancer type we know is listed for every case (it may still fit): say so
  // up front, so a non-cancer or rare-condition study is not taken for a match on the case's cancer.
  // It also loses 15 points: with few criteria such a study had few unknowns to pay for and outranked
  // basket trials for the case's own disease (a pituitary study above an all-solid-tumor trial for a breast
  // case); "ranked low" now holds whatever its criteria.
  if (unmappedConditions(trial)) {
    score -= UNMAPPED_PENALTY;
    highlights.push(`Conditions not matched to a cancer type (${conditionNames(trial)}): check they fit`);
  }
  const genomic = verdicts.filter((v) => v.genomic && v.verdict === 'met');
  if (genomic.length > 0) {
    score += Math.min(35, 25 + 5 * (genomic.length - 1));
    highlights.push(
      `Genomic match: ${[...new Set(genomic.map((g) => g.genomicReason ?? g.reason))].join('; ')}`,
    );
  }
  const metKey = verdicts.filter((v) => v.verdict === 'met' && v.weight >= KEY).length;
  score += Math.min(10, metKey);
  const unknown = verdicts.filter((v) => v.verdict === 'unknown');
  score -= Math.min(
    30,
    unknown.reduce((a, v) => a + v.weight, 0),
  );
  const cns = verdicts.find(
    (v) =>
      v.category === 'cns_metastases' &&
      v.verdict === 'met' &&
      /allows|active/.test(v.reason) &&
      f.sites.some((s) => s.site === 'brain'),
  );
  if (cns) highlights.push(`Brain metastases: ${cns.reason.split(';')[0]}`);
  const settle = [...new Set(unknown.filter((v) => v.weight >= KEY && v.toSettle).map((v) => v.toSettle!))];
  if (settle.length > 0) highlights.push(`To settle: ${settle.slice(0, 4).join('; ')}`);
  if (excluded) {
    // An exclusion criterion states the reason most directly; otherwise the first unmet inclusion.
    const first =
      verdicts.find((v) => v.verdict === 'not_met' && v.type === 'exclusion') ??
      verdicts.find((v) => v.verdict === 'not_met')!;
    highlights.unshift(`Excluded: ${first.text.slice(0, 120)} (${first.reason})`);
  }
  return {
    criteria: verdicts.map(({ weight: _w, genomic: _g, genomicReason: _r, cohortNotMet: _c, ...v }) => v),
    excluded,
    score: Math.round(Math.max(0, Math.min(100, score)) * 10) / 10,
    highlights,
  };
}

/** The first four listed conditions, for verdict texts and highlights. */
function conditionNames(trial: Trial): string {
  return trial.conditions.slice(0, 4).join('; ') + (trial.conditions.length > 4 ? '; …' : '');
}

/** Conditions that name no cancer type we know (the trial is screened for every case). */
function unmappedConditions(trial: Trial): boolean {
  return trial.tumorTypes.length === 0 || trial.tumorTypes.includes(ANY);
}

function tumorTypeVerdict(
  trial: Trial,
  f: CaseFacts,
): CriterionVerdict & { weight: number; genomic: boolean; genomicReason?: string; cohortNotMet?: boolean } {
  const text = `Registry conditions: ${conditionNames(trial) || '(none listed)'}`;
  const codes = trial.tumorTypes;
  const base = { type: 'inclusion' as const, text, category: 'cancer_type', weight: KEY, genomic: false };
  if (unmappedConditions(trial))
    return {
      ...base,
      verdict: 'unknown',
      reason: 'conditions not mapped to a cancer type',
      toSettle: 'check the listed conditions by hand',
      weight: 1,
    };
  if (!f.tumorType)
    return {
      ...base,
      verdict: 'unknown',
      reason: `trial conditions map to ${codes.join(', ')}`,
      toSettle: 'needs the primary cancer type',
    };
  const code = f.tumorType.code;
  const hit = codes.find((c) => isCancerA(code, c));
  if (hit)
    return {
      ...base,
      verdict: 'met',
      reason: `case ${f.tumorType.name} (${code}) falls under ${cancerName(hit)} (${hit})`,
    };
  const narrower = codes.find((c) => isCancerA(c, code));
  if (narrower)
    return {
      ...base,
      verdict: 'unknown',
      reason: `trial is for ${cancerName(narrower)}, narrower than the case's ${f.tumorType.name}`,
      toSettle: 'needs the histologic subtype',
    };
  return {
    ...base,
    verdict: 'not_met',
    reason: `case ${f.tumorType.name} (${code}) is not among ${codes.map((c) => `${cancerName(c)} (${c})`).join(', ')}`,
  };
}

function tumorSpecificity(trial: Trial, f: CaseFacts): { points: number; note?: string } {
  if (!f.tumorType) return { points: 0 };
  const code = f.tumorType.code;
  const hits = trial.tumorTypes.filter((c) => isCancerA(code, c));
  if (hits.length === 0) return { points: 0 };
  const best = hits.reduce((a, c) => (cancerDepth(c) > cancerDepth(a) ? c : a));
  const ratio = cancerDepth(best) / Math.max(1, cancerDepth(code));
  if (best === SOLID || best === LIQUID)
    return { points: 5, note: 'Tumor-agnostic trial (all solid tumors)' };
  return { points: Math.round(20 * ratio), note: `Tumor type: trial for ${cancerName(best)}` };
}

type MemoEntry = { type: string; parent: string; v: ReturnType<typeof evaluateCriterion> };
const MEMOS = new WeakMap<CaseFacts, Map<string, MemoEntry[]>>();
function memoFor(f: CaseFacts): Map<string, MemoEntry[]> {
  let m = MEMOS.get(f);
  if (!m) MEMOS.set(f, (m = new Map()));
  return m;
}

function evaluateCriterion(
  c: Criterion,
  f: CaseFacts,
): CriterionVerdict & { weight: number; genomic: boolean; genomicReason?: string; cohortNotMet?: boolean } {
  const items = c.parsed as unknown as ParsedItem[];
  const base = { type: c.type, text: c.text };
  if (items.length === 0 && /:\s*$/.test(c.text))
    return {
      ...base,
      verdict: 'unknown',
      reason: 'heading of the items that follow',
      weight: 0,
      genomic: false,
    };
  if (items.length === 0)
    return {
      ...base,
      verdict: 'unknown',
      reason: 'not interpreted automatically; review by hand',
      weight: 0.25,
      genomic: false,
    };
  const evals = items.map((p) => ({ p, e: evalItem(p, f, c.type) }));
  let verdict: Verdict;
  if (c.type === 'inclusion') {
    verdict = evals.some((x) => x.e.holds === false)
      ? 'not_met'
      : evals.every((x) => x.e.holds === true)
        ? 'met'
        : 'unknown';
  } else {
    // An exclusion criterion lists conditions that each exclude ("A or B"): any present → not met.
    verdict = evals.some((x) => x.e.holds === true)
      ? 'not_met'
      : evals.every((x) => x.e.holds === false)
        ? 'met'
        : 'unknown';
  }
  // The item that decided the verdict speaks first.
  const decisive =
    verdict === 'not_met'
      ? evals.find((x) => x.e.holds === (c.type === 'inclusion' ? false : true))!
      : verdict === 'unknown'
        ? (evals.filter((x) => x.e.holds === null).sort((a, b) => b.e.weight - a.e.weight)[0] ?? evals[0]!)
        : (evals.slice().sort((a, b) => b.e.weight - a.e.weight)[0] ?? evals[0]!);
  const reason = decisive.e.reason;
  const weight =
    verdict === 'unknown'
      ? Math.max(...evals.filter((x) => x.e.holds === null).map((x) => x.e.weight))
      : decisive.e.weight;
  let out: CriterionVerdict & {
    weight: number;
    genomic: boolean;
    genomicReason?: string;
    cohortNotMet?: boolean;
  } = {
    ...base,
    verdict,
    reason,
    ...(verdict === 'unknown' && decisive.e.toSettle ? { toSettle: decisive.e.toSettle } : {}),
    category: decisive.p.category,
    weight,
    genomic: verdict === 'met' && evals.some((x) => x.e.genomic === true),
    ...(verdict === 'met' && evals.some((x) => x.e.genomic === true)
      ? { genomicReason: evals.find((x) => x.e.genomic)!.e.genomicReason! }
      : {}),
  };
  // Criteria scoped to one cohort or arm do not rule out the whole trial.
  if (verdict === 'not_met' && cohortScoped(c.text))
    out = {
      ...out,
      verdict: 'unknown',
      reason: `${reason} (applies to one cohort/arm only)`,
      toSettle: 'check which cohort fits',
      weight: 1,
      cohortNotMet: true,
    };
  else if (c.type === 'inclusion' && cohortScoped(c.text)) out = { ...out, cohortNotMet: false };
  return out;
}

/** Items under "one of the following:" are alternatives: one met is enough, the others do not exclude. */
function applyGroups(
  criteria: readonly Criterion[],
  verdicts: Array<CriterionVerdict & { weight: number }>,
  base: number,
): void {
  const children = new Map<number, number[]>();
  criteria.forEach((c, i) => {
    if (c.parent === undefined) return;
    const l = children.get(c.parent) ?? [];
    l.push(i);
    children.set(c.parent, l);
  });
  for (const [parent, kids] of children) {
    const p = criteria[parent];
    if (!p || !OR_PARENT.test(p.text)) continue;
    const vs = kids.map((k) => verdicts[base + k]!);
    const anyMet = vs.some((v) => v.verdict === 'met' && v.type === 'inclusion');
    const allNot = vs.every((v) => v.verdict === 'not_met');
    for (const v of vs) {
      if (v.type !== 'inclusion' || v.verdict !== 'not_met') continue;
      if (anyMet)
        Object.assign(v, {
          verdict: 'met' as const,
          reason: `${v.reason} (an alternative in the same list is met)`,
          weight: 0,
        });
      else if (!allNot)
        Object.assign(v, {
          verdict: 'unknown' as const,
          reason: `${v.reason} (one of several alternatives)`,
          weight: 0.5,
        });
    }
    const pv = verdicts[base + parent];
    if (pv && pv.verdict === 'unknown' && pv.reason.startsWith('not interpreted')) {
      const summary: Verdict = anyMet ? 'met' : allNot ? 'not_met' : 'unknown';
      Object.assign(pv, {
        verdict: summary,
        reason: `list of alternatives: ${summary === 'met' ? 'one is met' : summary === 'not_met' ? 'none is met' : 'none decided'}`,
        weight: summary === 'unknown' ? 0.5 : 0,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The library entry point

function isCase(x: Case | CaseFacts): x is Case {
  return (x as Case).schemaVersion !== undefined && (x as Case).samples !== undefined;
}

/**
 * The first `n` items by descending integer score, ties by NCT id: what a full sort would put first, without
 * sorting thousands of candidates of which at most a few hundred are evaluated. Items are grouped by score
 * and only the groups that reach into the first `n` are sorted.
 */
export function bestFirst<T extends { nctId: string }>(
  items: readonly T[],
  score: (x: T) => number,
  n: number,
): T[] {
  const groups = new Map<number, T[]>();
  for (const x of items) {
    const s = score(x);
    const g = groups.get(s);
    if (g) g.push(x);
    else groups.set(s, [x]);
  }
  const out: T[] = [];
  for (const s of [...groups.keys()].sort((a, b) => b - a)) {
    if (out.length >= n) break;
    const g = groups.get(s)!;
    g.sort((a, b) => (a.nctId < b.nctId ? -1 : a.nctId > b.nctId ? 1 : 0));
    for (const x of g) {
      if (out.length >= n) break;
      out.push(x);
    }
  }
  return out;
}

/** Matches a case (normalized Case, or facts read from a note) against the trials in `db`. */
export function matchTrials(db: Db, input: Case | CaseFacts, options: MatchOptions = {}): MatchResult {
  const facts = isCase(input) ? factsFromCase(input) : input;
  const store = trialStoreFor(db);
  const limit = options.limit ?? 20;
  const statuses = options.statuses ?? OPEN_STATUSES;
  const genes = caseGenes(facts);
  const cands = store.candidates({
    ...(facts.tumorType ? { tumorCode: facts.tumorType.code } : {}),
    genes,
    statuses,
  });
  // Pre-score: required-gene hits first, then tumor-type specificity; a profiled case goes past trials that
  // require only other genes (they would mostly be excluded). Only the best get full evaluation.
  const pre = (c: { nctId: string; depth: number; geneHits: number; requiresOtherGene: boolean }): number =>
    // Trials for another tumor type that share a gene (depth −1) come after every tumor-matched trial: they
    // are mostly excluded by the tumor type; basket trials are matched through "all solid tumors".
    (c.depth >= 0 ? 50 : 0) +
    c.geneHits * 10 +
    c.depth -
    (facts.profiled && c.geneHits === 0 && c.requiresOtherGene ? 8 : 0);
  // Evaluate in batches of the budget, best pre-scores first, until enough trials remain after hard
  // exclusions (at most two batches): most cases stop after the first batch.
  const budget = options.evaluateAtMost ?? Math.max(5 * limit, 100);
  const cap = options.evaluateAtMost ?? budget * 2;
  const ranked = bestFirst(cands, pre, cap);
  const matches: TrialMatch[] = [];
  let excludedCount = 0;
  let outside = 0;
  let evaluated = 0;
  for (let from = 0; from < Math.min(cands.length, cap); from += budget) {
    const trials = store.loadMany(
      ranked.slice(from, Math.min(from + budget, cap)).map((c) => c.nctId),
      { sites: false },
    );
    evaluated += trials.length;
    const kept: Array<[Trial, TrialEvaluation]> = [];
    for (const t of trials) {
      const ev = evaluateTrial(t, facts, { excludedDetail: options.includeExcluded === true });
      if (ev.excluded) excludedCount++;
      if (ev.excluded && !options.includeExcluded) continue;
      kept.push([t, ev]);
    }
    // Sites are read only for the trials kept (the nearest site, the radius filter).
    const sites = store.sitesOfMany(kept.map(([t]) => t.nctId));
    for (const [t, ev] of kept) {
      t.sites = sites.get(t.nctId) ?? [];
      const near = nearestSite(t.sites, options.near);
      if (
        options.near &&
        options.radiusKm !== undefined &&
        (near?.distanceKm === undefined || near.distanceKm > options.radiusKm)
      ) {
        outside++;
        continue;
      }
      matches.push({
        nctId: t.nctId,
        title: t.title,
        score: ev.score,
        ...(t.phase ? { phase: t.phase } : {}),
        status: t.status,
        nearestSite: near,
        excluded: ev.excluded,
        highlights: ev.highlights,
        criteria: ev.criteria,
      });
    }
    if (matches.filter((m) => !m.excluded).length >= limit) break;
  }
  matches.sort(
    (a, b) =>
      Number(a.excluded) - Number(b.excluded) ||
      b.score - a.score ||
      (a.nearestSite?.distanceKm ?? Infinity) - (b.nearestSite?.distanceKm ?? Infinity) ||
      (a.nctId < b.nctId ? -1 : 1),
  );
  return {
    extracted: facts,
    matches: matches.slice(0, limit),
    counts: {
      candidates: cands.length,
      evaluated,
      excluded: excludedCount,
      outsideRadius: outside,
    },
  };
}

export { cancerAncestors };
