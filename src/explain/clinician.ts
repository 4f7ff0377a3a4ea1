import { AMP_TIER, formatIssue, type Biomarker, type Case, type Treatment } from '../domain/index.js';
import { VERSION } from '../version.js';
import { caseFacts, isoDate, therapyName, type Finding } from './facts.js';
import { en } from './messages/en.js';
import type { Messages } from './messages/types.js';
import { REPORT_SCHEMA_VERSION, type Block, type Report, type ReportFacts, type Section } from './model.js';
import { placeOf, reportFacts, type ReportInput } from './patient.js';

/**
 * The clinician report (issue 5 §3): case summary, actionable alterations by level with therapies,
 * tumor-type context and sources, resistance, other oncogenic alterations, VUS, trials with
 * criterion-level verdicts, site-directed options, provenance, methods and limitations.
 */

/** Gene column: the gene, or for a biomarker its name (PD-L1 (CD274), TMB). */
function geneLabel(f: Finding): string {
  const a = f.alteration;
  if (a.alterationData.kind === 'biomarker')
    return a.gene ? `${a.alterationData.name} (${a.gene})` : a.alterationData.name;
  return a.gene ?? '—';
}

function alterationLabel(f: Finding): string {
  const a = f.alteration;
  return a.alteration ?? a.originalText;
}

function contextOf(t: Treatment, m: Messages): string {
  const types = t.tumorTypes.join(', ');
  const ctx =
    t.sourceLevel && t.sourceLevel !== t.level
      ? m.clinician.levelOtherType(t.sourceLevel)
      : m.clinician.levelInThisType;
  return `${types} (${ctx})`;
}

function sourcesOf(t: Treatment, m: Messages): string {
  return t.sources
    .flatMap((s) =>
      s.citations.map(
        (c) =>
          `${c.label}${c.date ? ` (${c.date})` : ''}${c.id ? ` [${c.id}]` : ''}${s.researchUseOnly ? ` — ${m.clinician.researchUseOnly}` : ''}`,
      ),
    )
    .join('; ');
}

function biomarkerLine(bs: readonly Biomarker[], names: readonly string[]): string | null {
  const hit = bs.filter((b) => names.includes(b.name)).map((b) => b.alteration);
  return hit.length ? hit.join('; ') : null;
}

export function buildClinicianReport(input: ReportInput): Report {
  const m = input.messages ?? en;
  const cm = m.clinician;
  const c: Case = input.case;
  const facts = caseFacts(c, input.annotation, input.ancestors);
  const date = isoDate(input.now);
  const version = input.version ?? VERSION;
  const nr = cm.fields.notReported;
  const sections: Section[] = [];

  // Case summary
  const tmbText = facts.tmb
    ? cm.tmbValue(facts.tmb.value.toFixed(1), facts.tmb.provenance)
    : (biomarkerLine(facts.biomarkers, ['TMB']) ?? nr);
  const rows: string[][] = [
    [cm.fields.caseId, c.id],
    [cm.fields.tumorType, c.tumorType ? `${c.tumorType.name} (${c.tumorType.code})` : nr],
    [
      cm.fields.sites,
      facts.sites.length
        ? facts.sites
            .map((s) => `${s.site.replace(/_/g, ' ')}${s.status !== 'unknown' ? ` (${s.status})` : ''}`)
            .join(', ')
        : nr,
    ],
    [cm.fields.stage, c.stage ?? nr],
    [cm.fields.age, c.patient.age !== undefined ? String(c.patient.age) : nr],
    [cm.fields.sex, c.patient.sex],
    [cm.fields.ecog, c.patient.ecog !== undefined ? String(c.patient.ecog) : nr],
    [cm.fields.tmb, tmbText],
    [cm.fields.msi, biomarkerLine(facts.biomarkers, ['MSI', 'MMR']) ?? nr],
    [cm.fields.biomarkers, biomarkerLine(facts.biomarkers, ['PD-L1', 'HER2', 'ER', 'PR', 'HRD']) ?? nr],
    [
      cm.fields.priorTherapies,
      c.priorTherapies.length
        ? c.priorTherapies
            .map(
              (t) =>
                `${t.name ?? t.drugs.join(' + ')}${t.setting !== 'unknown' ? `, ${t.setting}` : ''}${t.response !== 'unknown' ? `, ${t.response}` : ''}${t.progressed ? `, ${cm.progressed}` : ''}`,
            )
            .join('; ')
        : nr,
    ],
    [
      cm.fields.samples,
      c.samples
        .map(
          (s) =>
            `${s.id}${s.panel ? ` (${s.panel})` : ''}: ${cm.sampleCounts(s.alterations.length, s.biomarkers.length)}`,
        )
        .join('; ') || nr,
    ],
  ];
  sections.push({
    id: 'summary',
    heading: cm.sections.summary,
    blocks: [{ kind: 'table', caption: cm.sections.summary, head: [cm.cols.field, cm.cols.value], rows }],
  });

  // Actionable (sensitivity), one row per therapy, strongest level first
  const actionRows: string[][] = [];
  for (const f of facts.findings) {
    const sens = f.alteration.treatments.filter((t) => t.effect === 'sensitivity');
    sens.sort(
      (a, b) =>
        ['1', '2', '3A', '3B', '4'].indexOf(a.level) - ['1', '2', '3A', '3B', '4'].indexOf(b.level) ||
        therapyName(a).localeCompare(therapyName(b), 'en'),
    );
    for (const t of sens)
      actionRows.push([
        geneLabel(f),
        alterationLabel(f),
        t.level,
        AMP_TIER[t.level],
        therapyName(t),
        contextOf(t, m),
        sourcesOf(t, m),
      ]);
  }
  actionRows.sort(
    (a, b) => ['1', '2', '3A', '3B', '4'].indexOf(a[2]!) - ['1', '2', '3A', '3B', '4'].indexOf(b[2]!),
  );
  const col = cm.cols;
  sections.push({
    id: 'actionable',
    heading: cm.sections.actionable,
    blocks: actionRows.length
      ? [
          {
            kind: 'table',
            caption: cm.sections.actionable,
            head: [col.gene, col.alteration, col.level, col.amp, col.therapies, col.context, col.sources],
            rows: actionRows,
          },
        ]
      : [{ kind: 'paragraph', text: cm.none }],
  });

  // Resistance
  const resRows: string[][] = [];
  for (const f of facts.findings)
    for (const t of f.alteration.treatments.filter((x) => x.effect === 'resistance'))
      resRows.push([
        geneLabel(f),
        alterationLabel(f),
        t.level,
        AMP_TIER[t.level],
        therapyName(t),
        contextOf(t, m),
        sourcesOf(t, m),
      ]);
  sections.push({
    id: 'resistance',
    heading: cm.sections.resistance,
    blocks: resRows.length
      ? [
          {
            kind: 'table',
            caption: cm.sections.resistance,
            head: [col.gene, col.alteration, col.level, col.amp, col.therapies, col.context, col.sources],
            rows: resRows,
          },
        ]
      : [{ kind: 'paragraph', text: cm.none }],
  });

  // Other oncogenic alterations (no therapy in the loaded knowledge)
  const onco = facts.findings.filter((f) => f.category === 'oncogenic');
  sections.push({
    id: 'oncogenic',
    heading: cm.sections.oncogenic,
    blocks: onco.length
      ? [
          {
            kind: 'table',
            caption: cm.sections.oncogenic,
            head: [col.gene, col.alteration, col.oncogenicity, col.effect, col.type],
            rows: onco.map((f) => [
              geneLabel(f),
              alterationLabel(f),
              f.alteration.oncogenic,
              f.alteration.mutationEffect,
              f.alteration.kind,
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: cm.none }],
  });

  // Variants of unknown significance
  const vus = facts.findings.filter((f) => f.category === 'vus');
  sections.push({
    id: 'vus',
    heading: cm.sections.vus,
    blocks: vus.length
      ? [
          {
            kind: 'table',
            caption: cm.sections.vus,
            head: [col.gene, col.alteration, col.oncogenicity, col.type],
            rows: vus.map((f) => [
              geneLabel(f),
              alterationLabel(f),
              f.alteration.oncogenic,
              f.alteration.kind,
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: cm.none }],
  });

  // Trials with criterion-level verdicts
  const trialSubs: Section[] = [];
  const trialBlocks: Block[] = [];
  const trialFacts: ReportFacts['trials'] = [];
  const trials = input.trials;
  switch (trials.status) {
    case 'off':
      trialBlocks.push({ kind: 'paragraph', text: cm.trialsOff });
      break;
    case 'no-data':
      trialBlocks.push({ kind: 'paragraph', text: cm.trialsNoData(trials.command) });
      break;
    case 'matched':
      if (trials.matches.length === 0) trialBlocks.push({ kind: 'paragraph', text: cm.trialsNone });
      for (const t of trials.matches.slice(0, 20)) {
        const site = t.nearestSite ? placeOf(t.nearestSite) : '—';
        trialSubs.push({
          id: `trial-${t.nctId}`,
          heading: cm.trialHeader(t.nctId, t.title),
          blocks: [
            { kind: 'paragraph', text: cm.trialMeta(t.phase ?? '—', t.status, t.score.toFixed(2), site) },
            ...(t.highlights.length
              ? [{ kind: 'list' as const, items: t.highlights.map((text) => ({ text })) }]
              : []),
            {
              kind: 'table',
              caption: t.nctId,
              head: [col.type, col.criterion, col.verdict, col.reason, col.toSettle],
              rows: t.criteria.map((cv) => [
                cv.type,
                cv.text,
                cm.verdicts[cv.verdict],
                cv.reason,
                cv.toSettle ?? '',
              ]),
            },
          ],
        });
        trialFacts.push({
          nctId: t.nctId,
          title: t.title,
          score: t.score,
          status: t.status,
          nearestSite: t.nearestSite ? placeOf(t.nearestSite) : null,
          unknown: t.criteria.filter((cv) => cv.verdict === 'unknown').map((cv) => cv.toSettle ?? cv.reason),
        });
      }
      break;
  }
  sections.push({ id: 'trials', heading: cm.sections.trials, blocks: trialBlocks, subsections: trialSubs });

  // Site-directed options
  sections.push({
    id: 'site-options',
    heading: cm.sections.siteOptions,
    blocks: facts.sites.length
      ? [
          {
            kind: 'table',
            caption: cm.sections.siteOptions,
            head: [col.site, col.options],
            rows: facts.sites.map((s) => [
              m.sites[s.site].label,
              m.sites[s.site].treatments.map((t) => t.name).join('; '),
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: cm.none }],
  });

  // Provenance
  const prov: Block[] = [
    {
      kind: 'table',
      caption: cm.sections.provenance,
      head: [col.source, col.version, col.date],
      rows: facts.knowledge.map((k) => [k.source, k.version, k.date]),
    },
    { kind: 'paragraph', text: cm.provenanceOnconav(version, date) },
    c.inputs.length
      ? {
          kind: 'table',
          caption: col.file,
          head: [col.file, col.format, col.sha256],
          rows: c.inputs.map((i) => [i.file, i.format, i.sha256]),
        }
      : { kind: 'paragraph', text: cm.noInputs },
  ];
  const conflicts = facts.findings.flatMap((f) =>
    f.alteration.conflicts.map((x) => cm.conflicts(`${f.alteration.gene ?? ''} ${alterationLabel(f)}: ${x}`)),
  );
  if (conflicts.length) prov.push({ kind: 'list', items: conflicts.map((text) => ({ text })) });
  if (c.issues.length)
    prov.push({
      kind: 'callout',
      tone: 'info',
      title: cm.issuesHeading,
      items: c.issues.map((i) => ({ text: formatIssue(i) })),
    });
  sections.push({ id: 'provenance', heading: cm.sections.provenance, blocks: prov });

  sections.push({
    id: 'methods',
    heading: cm.sections.methods,
    blocks: [
      { kind: 'list', items: cm.methods.map((text) => ({ text })) },
      { kind: 'list', items: cm.limitations.map((text) => ({ text })) },
      { kind: 'callout', tone: 'note', text: cm.notPrescription },
    ],
  });

  const cancerName = m.cancers[facts.cancerKey].name;
  return {
    meta: {
      schemaVersion: REPORT_SCHEMA_VERSION,
      audience: 'clinician',
      lang: m.lang,
      caseId: c.id,
      date,
      onconavVersion: version,
      knowledgeBase: facts.knowledge,
      trials: trials.status,
    },
    title: cm.title,
    subtitle: cm.subtitle(c.id),
    notice: cm.notPrescription,
    sections,
    facts: reportFacts(facts, cancerName, c, trialFacts),
  };
}
