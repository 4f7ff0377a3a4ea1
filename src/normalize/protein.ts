/**
 * Protein change normalization: one canonical short form from HGVS p. descriptions written with three- or
 * one-letter amino-acid codes (HGVS nomenclature, varnomen.hgvs.org, "protein" recommendations), with or
 * without `p.`, predicted `p.(…)`, and the legacy forms found in cBioPortal MAFs and panel reports.
 *
 * Canonical form (one-letter codes, no `p.`, no parentheses; see docs/normalization.md):
 *   missense `V600E` · nonsense `R248*` · synonymous `V600=` · start lost `M1?` (or `M1I`) ·
 *   frameshift `R248Qfs*7` (detail kept as given: `R248fs`, `R248Qfs`, `R248Qfs*?` are all valid) ·
 *   deletion `E746_A750del`, `E746del` · insertion `D770_N771insSVD`, `D770_N771ins3` ·
 *   delins `E746_T751delinsA` · duplication `A767_V769dup`, `S768dup` ·
 *   extension `*110Qext*17`, `M1ext-5` · splice `X123_splice` · unknown `?`.
 * Stop is always `*` (input may say Ter, X or *). Never throws; returns null for text it cannot read.
 */
export interface ProteinChange {
  /** Canonical short form: `V600E`, `R248*`, `E746_A750del`, `X123_splice`, `V600=`, `?`. */
  canonical: string;
  type: 'missense' | 'nonsense' | 'frameshift' | 'deletion' | 'insertion' | 'delins' | 'duplication' | 'extension' | 'splice' | 'synonymous' | 'startLost' | 'unknown';
  start?: number;
  end?: number;
  /** One-letter code of the first reference residue (`*` for a stop). */
  refAa?: string;
  /** One-letter code(s) of the new residue(s): the missense residue, inserted sequence, fs first residue… */
  altAa?: string;
}
export type ProteinChangeType = ProteinChange['type'];

/** HGVS three-letter amino-acid codes (plus Ter for stop) → one-letter. */
export const AA3_TO_1: Readonly<Record<string, string>> = {
  Ala: 'A',
  Arg: 'R',
  Asn: 'N',
  Asp: 'D',
  Cys: 'C',
  Gln: 'Q',
  Glu: 'E',
  Gly: 'G',
  His: 'H',
  Ile: 'I',
  Leu: 'L',
  Lys: 'K',
  Met: 'M',
  Phe: 'F',
  Pro: 'P',
  Ser: 'S',
  Thr: 'T',
  Trp: 'W',
  Tyr: 'Y',
  Val: 'V',
  Sec: 'U',
  Pyl: 'O',
  Ter: '*',
};
export const AA1_TO_3: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(AA3_TO_1).map(([k, v]) => [v, k]));
const AA1 = new Set(Object.values(AA3_TO_1));

/** A cursor over the text; every read method returns undefined without moving when it does not match. */
class Cursor {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length;
  }
  peek(n = 1): string {
    return this.s.slice(this.i, this.i + n);
  }
  /** Case-insensitive keyword. */
  word(w: string): boolean {
    if (this.s.slice(this.i, this.i + w.length).toLowerCase() === w) {
      this.i += w.length;
      return true;
    }
    return false;
  }
  int(): number | undefined {
    const m = /^\d{1,9}/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return Number(m[0]);
  }
  /**
   * One residue: a three-letter code (any letter case, as typed by hand), `*`, or an upper-case one-letter
   * code. `X` is read as stop (legacy reports write R248X); callers that mean "any residue" handle it.
   */
  aa(allowX = true): string | undefined {
    const three = this.s.slice(this.i, this.i + 3);
    // Three-letter codes are read only in HGVS letter case (Val): an upper-case run such as `GLY` in a
    // one-letter sequence means G, L, Y. All-capital or all-lower input is re-cased before parsing.
    const hit = /^[A-Z][a-z]{2}$/.test(three) ? AA3_TO_1[three] : undefined;
    if (hit !== undefined) {
      this.i += 3;
      return hit;
    }
    const c = this.s[this.i];
    if (c === undefined) return undefined;
    if (c === '*') {
      this.i++;
      return '*';
    }
    if (allowX && c === 'X') {
      this.i++;
      return '*';
    }
    if (AA1.has(c) && c !== '*') {
      this.i++;
      return c;
    }
    return undefined;
  }
  /** A run of residues (one- or three-letter), stopping before a keyword. */
  aaSeq(): string | undefined {
    let out = '';
    for (;;) {
      if (/^(del|ins|dup|fs|ext)/.test(this.s.slice(this.i))) break;
      const save = this.i;
      const a = this.aa(false);
      if (a === undefined || a === '*') {
        this.i = save;
        break;
      }
      out += a;
    }
    return out || undefined;
  }
}

/** Stop count after fs/ext: `*7`, `Ter7`, `X7`, `*?`, `7` → `*7` / `*?`; absent → ''. */
function readTerCount(c: Cursor): string | undefined {
  const save = c.i;
  if (c.word('ter') || c.peek() === '*' || c.peek() === 'X') {
    if (c.s.slice(save, save + 3).toLowerCase() !== 'ter') c.i++;
    if (c.peek() === '?') {
      c.i++;
      return '*?';
    }
    const n = c.int();
    if (n === undefined) {
      // `fs*` with nothing after: keep as unknown length.
      return '*?';
    }
    return `*${n}`;
  }
  const n = c.int();
  if (n !== undefined) return `*${n}`;
  return '';
}

function strip(text: string): string {
  let t = text.trim();
  // Some files carry the gene or transcript before a colon (`NP_004324.2:p.V600E`, `BRAF:p.V600E`).
  const colon = t.lastIndexOf(':');
  if (colon >= 0 && /p\./i.test(t.slice(colon + 1, colon + 3))) t = t.slice(colon + 1);
  if (/^p\./i.test(t)) t = t.slice(2);
  t = t.trim();
  // Predicted consequences are written p.(…): the prediction flag does not change the change itself.
  while (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  return t;
}

/** Reads a protein change; null when the text is not one (or is empty). */
export function normalizeProteinChange(text: string): ProteinChange | null {
  try {
    if (typeof text !== 'string' || text.length > 500) return null;
    const quick = simpleSubstitution(text);
    if (quick !== undefined) return quick;
    const t = strip(text);
    return parse(t) ?? parse(recase(t));
  } catch {
    return null;
  }
}

/** One-letter residue (`X` read as stop, as Cursor.aa does), or undefined. */
function oneLetter(code: number): string | undefined {
  if (code === 42 /* * */ || code === 88 /* X */) return '*';
  const ch = String.fromCharCode(code);
  return AA1.has(ch) ? ch : undefined;
}

/**
 * Fast path for the commonest MAF cell, a one-letter substitution such as `p.V600E`, `R248*` or `p.R196X`:
 * the same result parse() gives, without the cursor and regular expressions. Undefined means "not this
 * simple form": the full parser decides.
 */
function simpleSubstitution(text: string): ProteinChange | undefined {
  let i = text.length > 2 && text.charCodeAt(0) === 112 /* p */ && text.charCodeAt(1) === 46 /* . */ ? 2 : 0;
  const n = text.length;
  if (n - i < 3 || n - i > 11) return undefined;
  const ref = oneLetter(text.charCodeAt(i));
  if (ref === undefined) return undefined;
  i++;
  const digits = i;
  let start = 0;
  for (; i < n - 1; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    start = start * 10 + d;
  }
  if (i === digits || start < 1 || text.charCodeAt(digits) === 48) return undefined;
  const alt = oneLetter(text.charCodeAt(n - 1));
  if (alt === undefined) return undefined;
  const range = `${ref}${start}`;
  if (alt === ref) return { canonical: `${range}=`, type: 'synonymous', start, end: start, refAa: ref };
  if (ref === '*') return { canonical: `*${start}${alt}ext*?`, type: 'extension', start, end: start, refAa: ref, altAa: alt };
  if (ref === 'M' && start === 1) return { canonical: `M1${alt}`, type: 'startLost', start, end: start, refAa: ref, altAa: alt };
  if (alt === '*') return { canonical: `${range}*`, type: 'nonsense', start, end: start, refAa: ref, altAa: '*' };
  return { canonical: `${range}${alt}`, type: 'missense', start, end: start, refAa: ref, altAa: alt };
}

/**
 * Hand-typed simple changes in one letter case: `v600e` → `V600E`, `VAL600GLU` / `val600glu` → `Val600Glu`,
 * `e746_a750DEL` → `E746_A750del`. Only tried when the text as given does not parse.
 */
function recase(t: string): string {
  const fix = (res: string): string => (res.length === 3 && AA3_TO_1[res[0]!.toUpperCase() + res.slice(1).toLowerCase()] !== undefined ? res[0]!.toUpperCase() + res.slice(1).toLowerCase() : res.toUpperCase());
  const m = /^([a-z*]{1,3})(\d+)(?:_([a-z*]{1,3})(\d+))?(delins|del|ins|dup|fs|ext|=|\?)?([a-z*]{0,3})$/i.exec(t);
  if (!m) return t;
  const [, r1, p1, r2, p2, kw, tail] = m;
  let out = `${fix(r1!)}${p1}`;
  if (r2 !== undefined) out += `_${fix(r2)}${p2}`;
  if (kw !== undefined) out += kw.toLowerCase();
  if (tail) out += fix(tail);
  return out;
}

function parse(t: string): ProteinChange | null {
  if (!t) return null;
  if (t === '?') return { canonical: '?', type: 'unknown' };
  if (t === '=') return { canonical: '=', type: 'synonymous' };
  if (t === '0' || t === '0?') return { canonical: '0', type: 'unknown' };

  const c = new Cursor(t);
  // Splice: cBioPortal writes X123_splice (X = any residue); some tools write the residue or omit it.
  const splice = /^([A-Za-z*]{0,3}?)(\d+)_?splice$/i.exec(t);
  if (splice) {
    const pos = Number(splice[2]);
    if (!(pos > 0)) return null;
    return { canonical: `X${pos}_splice`, type: 'splice', start: pos, end: pos };
  }

  const ref = c.aa();
  if (ref === undefined) return null;
  const start = c.int();
  if (start === undefined || start < 1) return null;
  let end = start;
  let refEnd: string | undefined;
  if (c.peek() === '_') {
    c.i++;
    refEnd = c.aa();
    const e = c.int();
    if (refEnd === undefined || e === undefined || e <= start) return null;
    end = e;
  }
  const range = refEnd !== undefined ? `${ref}${start}_${refEnd}${end}` : `${ref}${start}`;
  const base = { start, end, refAa: ref };
  const finish = (r: ProteinChange): ProteinChange | null => (c.done ? r : null);

  if (c.done) return null;

  if (c.word('delins')) {
    const alt = c.aaSeq();
    if (!alt) return null;
    return finish({ canonical: `${range}delins${alt}`, type: 'delins', ...base, altAa: alt });
  }
  if (c.word('del')) {
    // Legacy forms: `E746_A750delELREA` (deleted residues spelled out) and `…delELREAinsP` (delins).
    c.aaSeq();
    if (c.word('ins')) {
      const alt = c.aaSeq();
      if (!alt) return null;
      return finish({ canonical: `${range}delins${alt}`, type: 'delins', ...base, altAa: alt });
    }
    return finish({ canonical: `${range}del`, type: 'deletion', ...base });
  }
  if (c.word('ins')) {
    if (refEnd === undefined) return null; // HGVS insertions name the two flanking residues.
    const n = c.int();
    if (n !== undefined) return n > 0 ? finish({ canonical: `${range}ins${n}`, type: 'insertion', ...base }) : null;
    const alt = c.aaSeq();
    if (!alt) return null;
    return finish({ canonical: `${range}ins${alt}`, type: 'insertion', ...base, altAa: alt });
  }
  if (c.word('dup')) {
    c.aaSeq();
    return finish({ canonical: `${range}dup`, type: 'duplication', ...base });
  }
  if (c.word('fs')) {
    if (refEnd !== undefined) return null;
    const ter = readTerCount(c);
    if (ter === undefined) return null;
    return finish({ canonical: `${range}fs${ter}`, type: 'frameshift', ...base });
  }
  if (c.word('ext')) {
    // N-terminal extension `M1ext-5`; C-terminal without a new residue `*110ext*17` is also accepted.
    if (ref === 'M' && start === 1 && c.peek() === '-') {
      c.i++;
      const n = c.int();
      return n !== undefined && n > 0 ? finish({ canonical: `M1ext-${n}`, type: 'extension', ...base }) : null;
    }
    const ter = readTerCount(c);
    return finish({ canonical: `${range}ext${ter || '*?'}`, type: 'extension', ...base });
  }
  if (c.peek() === '=') {
    c.i++;
    return finish({ canonical: `${range}=`, type: 'synonymous', ...base });
  }
  if (c.peek() === '?') {
    c.i++;
    if (refEnd !== undefined) return finish({ canonical: `${range}?`, type: 'unknown', ...base });
    const type: ProteinChangeType = ref === 'M' && start === 1 ? 'startLost' : 'unknown';
    return finish({ canonical: `${range}?`, type, ...base });
  }
  if (refEnd !== undefined) return null;

  const alt = c.aa();
  if (alt === undefined) return null;
  if (c.word('fs')) {
    const ter = readTerCount(c);
    if (ter === undefined) return null;
    return finish({ canonical: `${range}${alt === '*' ? '' : alt}fs${ter}`, type: 'frameshift', ...base, ...(alt === '*' ? {} : { altAa: alt }) });
  }
  if (c.word('ext')) {
    if (ref !== '*') return null;
    const ter = readTerCount(c);
    return finish({ canonical: `*${start}${alt}ext${ter || '*?'}`, type: 'extension', ...base, altAa: alt });
  }
  if (!c.done) return null;
  if (alt === ref) return { canonical: `${range}=`, type: 'synonymous', ...base };
  if (ref === '*') return { canonical: `*${start}${alt}ext*?`, type: 'extension', ...base, altAa: alt };
  if (ref === 'M' && start === 1) return { canonical: `M1${alt}`, type: 'startLost', ...base, altAa: alt };
  if (alt === '*') return { canonical: `${range}*`, type: 'nonsense', ...base, altAa: '*' };
  return { canonical: `${range}${alt}`, type: 'missense', ...base, altAa: alt };
}

/** Three-letter rendering of a canonical change (for reports in HGVS style): `V600E` → `p.Val600Glu`. */
export function toThreeLetter(change: ProteinChange): string {
  if (change.type === 'splice' || change.canonical === '?' || change.canonical === '=' || change.canonical === '0') return `p.${change.canonical}`;
  let out = '';
  const s = change.canonical;
  let i = 0;
  // Residue letters are upper-case (or *); keywords are lower-case; digits and punctuation pass through.
  while (i < s.length) {
    const ch = s[i]!;
    const kw = /^(delins|del|ins|dup|fs|ext)/.exec(s.slice(i));
    if (kw) {
      out += kw[0];
      i += kw[0].length;
      continue;
    }
    const three = AA1_TO_3[ch];
    out += three !== undefined && /[A-Z*]/.test(ch) ? three : ch;
    i++;
  }
  return `p.${out}`;
}
