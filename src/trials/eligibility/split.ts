import type { Criterion } from '../../domain/index.js';

/**
 * Splits a registry eligibility text into one criterion per list item, with [start, end) spans into the raw
 * text. Layouts handled (all seen in ClinicalTrials.gov records):
 * - API v2 markdown-like text: "Inclusion Criteria:" / "Exclusion Criteria:" headings, `*` or `-` bullets,
 *   nested bullets by indentation, numbered items ("1.", "1)", "(a)", "ii."), `\>`-style escapes;
 * - legacy XML text blocks: the same headings, items wrapped over indented lines, blank-line separated;
 * - the old PDQ layout: "DISEASE CHARACTERISTICS:", "PATIENT CHARACTERISTICS:", "PRIOR CONCURRENT THERAPY:",
 *   with either bullets or one run-on paragraph of sub-labels ("Age: 18 and over Performance status: …").
 * Criteria under PDQ headings are inclusion criteria; their negative wording ("No prior chemotherapy") is
 * parsed later.
 */
export type SplitCriterion = Criterion & { span: [number, number] };

const TYPE_HEADING =
  /^(?:[*\-•#]+\s*)?(?:\*\*)?(?:(?:key|main|general|major|specific|additional|other)\s+)?(inclusion|exclusion|eligibility)(?:\s+and\s+exclusion)?\s*(?:criteri(?:a|on)s?|requirements?)?\b([^:]{0,120}):?(?:\*\*)?\s*/i;
const PDQ_HEADING =
  /^(DISEASE CHARACTERISTICS|PATIENT CHARACTERISTICS|PRIOR(?:\s*\/\s*|\s+)CONCURRENT THERAPY|PRIOR THERAPY|CONCURRENT THERAPY)\s*:?\s*/;
const BULLET =
  /^(?:[*\-•·▪◦‣+]|o(?=\s)|\d{1,2}(?:\.\d{1,2})*[.)](?!\d)|\(\d{1,2}\)|[a-zA-Z][.)](?=\s)|\([a-zA-Z]\)|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)](?=\s))\s*/;
/** PDQ sub-labels that begin a new criterion inside a run-on paragraph. */
const ws = (words: string): string => words.replace(/ /g, '\\s+');
const PDQ_LABEL_WORDS = [
  'Age',
  'Sex',
  'Race',
  'Gender',
  'Menopausal status',
  'Performance status',
  'Life expectancy',
  'Hematopoietic',
  'Hepatic',
  'Renal',
  'Cardiovascular',
  'Pulmonary',
  'Neurologic',
  'Other',
  'Biologic therapy',
  'Chemotherapy',
  'Endocrine therapy',
  'Radiotherapy',
  'Surgery',
  'Immunologic',
  'Gastrointestinal',
  'Metabolic',
];
const PDQ_LABELS = new RegExp(`\\b(${PDQ_LABEL_WORDS.map(ws).join('|')}):\\s`, 'gi');
/** Sentence starts that open a new criterion inside a PDQ run-on paragraph ("… disease No prior …"). */
const PDQ_START_WORDS = [
  'No',
  'Not',
  'At least',
  'Must',
  'Prior',
  'Concurrent',
  'Recovered',
  'Histologically',
  'Cytologically',
  'Measurable',
  'Bidimensionally',
  'Negative pregnancy',
  'Fertile patients',
  'Bilirubin',
  'Creatinine',
  'Platelet count',
  'Absolute neutrophil',
  'Granulocyte count',
  'WBC',
  'Hemoglobin',
  'SGOT',
  'SGPT',
  'AST',
  'ALT',
  'Alkaline phosphatase',
  'Greater than',
  'Less than',
  'More than',
  'Stage',
  'Hormone receptor status',
  'Estrogen receptor',
  'Brain metastases',
  'CNS metastases',
  'Patients',
  'Metastatic',
  'Locally advanced',
  'Hormone receptor',
  'Menopausal',
];
// Every start word is capitalised: the capital-letter look-ahead first makes most positions fail fast.
const PDQ_STARTS = new RegExp(
  `(?<=[A-Za-z0-9%)\\]])\\s+(?=[A-Z])(?=(?:${PDQ_START_WORDS.map(ws).join('|')})\\b)`,
  'g',
);

interface Line {
  start: number;
  end: number;
  indent: number;
  content: string;
  contentStart: number;
}

function lines(raw: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= raw.length) {
    let nl = raw.indexOf('\n', pos);
    if (nl < 0) nl = raw.length;
    let end = nl;
    if (end > pos && raw[end - 1] === '\r') end--;
    const text = raw.slice(pos, end);
    const lead = text.length - text.trimStart().length;
    const content = text.trim();
    out.push({ start: pos, end, indent: lead, content, contentStart: pos + lead });
    if (nl >= raw.length) break;
    pos = nl + 1;
  }
  return out;
}

const SPACING = /[^\S ]| {2}/;

/** Registry escapes (`\>`, `\<`, `\[`, `\*`) and whitespace runs → plain single-spaced text. */
export function cleanCriterionText(s: string): string {
  // Most texts have no Markdown escape and no carriage return: those two passes are skipped for them.
  let t = s.includes('\\') ? s.replace(/\\([<>[\]*_~^=+\-#.()])/g, '$1') : s;
  if (t.includes('\r') || t.includes('&#xD;')) t = t.replace(/&#xD;|\r/g, '');
  // Text already single-spaced (no white space but plain spaces, none doubled) needs only the trim.
  return SPACING.test(t) ? t.replace(/\s+/g, ' ').trim() : t.trim();
}

/** JS's \s: the white space String.prototype.trim and /\s/ agree on. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether `cleanCriterionText(raw) === text`, without building the cleaned string: the store checks this for
 * every criterion whose text differs from its span. Texts with a Markdown escape or an encoded carriage
 * return take the plain route; for the rest cleaning is "drop \r, one space per white-space run, trim",
 * compared character by character.
 */
export function cleansTo(raw: string, text: string): boolean {
  if (raw.includes('\\') || raw.includes('&#xD;')) return cleanCriterionText(raw) === text;
  let j = 0;
  let space = false;
  let started = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 13) continue;
    if (isSpace(c)) {
      space = started;
      continue;
    }
    if (space) {
      if (text.charCodeAt(j) !== 32) return false;
      j++;
      space = false;
    }
    if (text.charCodeAt(j) !== c) return false;
    j++;
    started = true;
  }
  return j === text.length;
}

interface Item {
  type: 'inclusion' | 'exclusion';
  section?: string;
  start: number;
  end: number;
  indent: number;
  depth: number;
  parent?: number;
  pdq: boolean;
}

const EMPTY_ITEM =
  /^(nil|none|n\/a|not applicable|not specified|see disease characteristics|see (above|below))\.?$/i;

export function splitEligibility(raw: string): SplitCriterion[] {
  const items: Item[] = [];
  let type: 'inclusion' | 'exclusion' = 'inclusion';
  let section: string | undefined;
  let pdq = false;
  let current: Item | undefined;
  /** Open list items by indentation, for nesting. */
  let stack: Array<{ indent: number; index: number }> = [];
  let prevBlank = true;

  const open = (start: number, end: number, indent: number, bulleted: boolean): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    // A paragraph (no bullet) after a blank line sits at top level.
    if (!bulleted) stack = [];
    const parent = stack.length > 0 ? stack[stack.length - 1]!.index : undefined;
    current = {
      type,
      start,
      end,
      indent,
      depth: stack.length,
      pdq,
      ...(section !== undefined ? { section } : {}),
      ...(parent !== undefined ? { parent } : {}),
    };
    items.push(current);
    stack.push({ indent, index: items.length - 1 });
  };

  for (const ln of lines(raw)) {
    if (ln.content === '' || /^\*+$/.test(ln.content)) {
      prevBlank = true;
      continue;
    }
    const heading = TYPE_HEADING.exec(ln.content);
    if (heading && isHeading(ln.content, heading)) {
      const word = heading[1]!.toLowerCase();
      // "Inclusion and exclusion criteria" or "Eligibility criteria" headings keep the type as it was.
      if (word === 'exclusion') type = 'exclusion';
      else if (word === 'inclusion' && !/and\s+exclusion/i.test(heading[0])) type = 'inclusion';
      section = undefined;
      pdq = false;
      current = undefined;
      stack = [];
      prevBlank = true;
      const rest = ln.content.slice(heading[0].length).trim();
      if (rest) {
        const restStart = ln.contentStart + ln.content.indexOf(rest, heading[0].length);
        open(restStart, ln.end - (ln.content.length - ln.content.trimEnd().length), ln.indent + 2, true);
        prevBlank = false;
      }
      continue;
    }
    const pdqHeading = PDQ_HEADING.exec(ln.content);
    if (pdqHeading) {
      section = pdqHeading[1]!.replace(/\s+/g, ' ').toUpperCase();
      pdq = true;
      type = 'inclusion';
      current = undefined;
      stack = [];
      const restOffset = pdqHeading[0].length;
      if (restOffset < ln.content.length) {
        open(ln.contentStart + restOffset, ln.contentStart + ln.content.length, ln.indent + 2, true);
        prevBlank = false;
      } else prevBlank = true;
      continue;
    }
    const bullet = BULLET.exec(ln.content);
    if (bullet && bullet[0].length < ln.content.length) {
      open(ln.contentStart + bullet[0].length, ln.contentStart + ln.content.length, ln.indent, true);
    } else if (current && !prevBlank) {
      current.end = ln.contentStart + ln.content.length;
    } else if (current && prevBlank && ln.indent > current.indent && current.depth > 0) {
      // An indented paragraph under a nested bullet continues it (legacy XML wraps this way).
      current.end = ln.contentStart + ln.content.length;
    } else {
      open(ln.contentStart, ln.contentStart + ln.content.length, ln.indent, false);
    }
    prevBlank = false;
  }

  // Expand run-on PDQ paragraphs into their sub-criteria; keep index remapping for parents.
  const out: SplitCriterion[] = [];
  const remap = new Map<number, number>();
  items.forEach((it, i) => {
    const pieces =
      it.pdq && it.end - it.start > 40
        ? splitRunOn(raw, it.start, it.end)
        : [[it.start, it.end] as [number, number]];
    let first = -1;
    for (const [s, e] of pieces) {
      const text = cleanCriterionText(raw.slice(s, e));
      if (!text || EMPTY_ITEM.test(text) || /^[-–*•.:;]+$/.test(text)) continue;
      const parent = it.parent !== undefined ? remap.get(it.parent) : undefined;
      // Fields in the order the stored JSON has always had: the optional ones before `parsed`.
      const c = { type: it.type, text, span: [s, e] } as SplitCriterion;
      if (parent !== undefined) c.parent = parent;
      if (it.section !== undefined) c.section = it.section;
      c.parsed = [];
      out.push(c);
      if (first < 0) first = out.length - 1;
    }
    if (first >= 0) remap.set(i, first);
  });
  return out;
}

function isHeading(content: string, m: RegExpExecArray): boolean {
  const tail = m[2] ?? '';
  const hasCriteriaWord = /criteri|requirement/i.test(m[0]);
  if (!hasCriteriaWord && !/^[*\-•#]*\s*(inclusion|exclusion)s?\s*:?\s*$/i.test(content)) return false;
  // "Inclusion criteria for cohort B:" is a heading; "Eligibility criteria of the parent study must be met" is not.
  if (
    tail &&
    !/^[\s(]*(for|of|applicable|—|-|–|\(|part|cohort|arm|phase|stage|specific|to|in|at)\b/i.test(
      tail.trim(),
    ) &&
    !m[0].trimEnd().endsWith(':')
  )
    return false;
  const rest = content.slice(m[0].length);
  return m[0].includes(':') || rest.trim() === '' || /^[A-Z]/.test(rest.trim()) || /\*\*$/.test(m[0].trim());
}

/** Splits one PDQ paragraph at sub-labels and sentence starts; returns trimmed spans. */
function splitRunOn(raw: string, start: number, end: number): Array<[number, number]> {
  const seg = raw.slice(start, end);
  const cuts = new Set<number>([0]);
  // A sub-label ends with a colon.
  if (seg.includes(':')) for (const m of seg.matchAll(PDQ_LABELS)) if (m.index > 0) cuts.add(m.index);
  for (const m of seg.matchAll(PDQ_STARTS)) cuts.add(m.index + m[0].length);
  // A label ("Hepatic:") followed immediately by its first item stays with that item.
  const sorted = [...cuts].sort((a, b) => a - b);
  const merged: number[] = [];
  for (const c of sorted) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && /^\s*[A-Z][A-Za-z\s/]+:\s*$/.test(seg.slice(prev, c))) continue;
    merged.push(c);
  }
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < merged.length; i++) {
    const s = merged[i]!;
    const e = i + 1 < merged.length ? merged[i + 1]! : seg.length;
    const piece = seg.slice(s, e);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    if (piece.trim()) spans.push([start + s + lead, start + e - trail]);
  }
  return spans;
}
