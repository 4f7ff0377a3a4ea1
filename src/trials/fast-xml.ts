/**
 * A small XML reader for the legacy ClinicalTrials.gov records, producing exactly what fast-xml-parser gives
 * with the options in import-ctgov-xml.ts (attributes ignored, values untrimmed and unparsed, repeated tags
 * as arrays) but several times faster. Anything outside the plain subset the registry writes (CDATA, DOCTYPE,
 * processing instructions other than the declaration, comments inside the document, entities other than the
 * five XML ones and numeric references) returns `undefined`, and the caller falls back to fast-xml-parser.
 */
type Value = string | Obj | Value[];
interface Obj {
  [k: string]: Value;
}

class Unsupported extends Error {}

/** Entity references: the five XML ones and numeric ones; anything else is outside the subset. */
function decode(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    // A reference is "&" + up to 10 characters other than ";", "&" and white space + ";".
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp - 1 > 10) throw new Unsupported();
    const name = s.slice(amp + 1, semi);
    if (/[&\s]/.test(name)) throw new Unsupported();
    out += s.slice(from, amp) + entity(name);
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function entity(name: string): string {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (!num) throw new Unsupported();
  const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2]!, 10);
  if (cp === 0 || cp > 0x10ffff) throw new Unsupported();
  return String.fromCodePoint(cp);
}

export function parseSimpleXml(
  xml: string,
  isArray: (name: string) => boolean,
  skip?: (name: string, depth: number) => boolean,
): Obj | undefined {
  try {
    return parse(xml, isArray, skip);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

function parse(
  xml: string,
  isArray: (name: string) => boolean,
  skip: ((name: string, depth: number) => boolean) | undefined,
): Obj {
  const top: Obj = {};
  let i = 0;
  const n = xml.length;
  // Prolog: declaration, comments, whitespace.
  for (;;) {
    while (i < n && (xml.charCodeAt(i) <= 32 || xml.charCodeAt(i) === 0xfeff)) i++;
    if (xml.startsWith('<?xml', i) && /\s|\?/.test(xml[i + 5] ?? '')) {
      const e = xml.indexOf('?>', i);
      if (e < 0) throw new Unsupported();
      top['?xml'] = '';
      i = e + 2;
    } else if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      if (e < 0) throw new Unsupported();
      i = e + 3;
    } else break;
  }
  if (xml.charCodeAt(i) !== 60 /* < */) throw new Unsupported();
  const add = (o: Obj, name: string, v: Value): void => {
    const cur = o[name];
    if (cur === undefined) o[name] = isArray(name) ? [v] : v;
    else if (Array.isArray(cur) && isArray(name)) cur.push(v);
    else if (Array.isArray(cur) && (cur as Value[] & { multi?: boolean }).multi) cur.push(v);
    else {
      const arr = [cur, v] as Value[] & { multi?: boolean };
      Object.defineProperty(arr, 'multi', { value: true, enumerable: false });
      o[name] = arr;
    }
  };
  // Element stack: name, object (created lazily), collected text.
  const names: string[] = [];
  const objs: Array<Obj | null> = [];
  const texts: string[] = [];
  let rootDone = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (names.length > 0 || xml.slice(i).trim() !== '') throw new Unsupported();
      break;
    }
    if (lt > i) {
      const raw = xml.slice(i, lt);
      if (names.length === 0) {
        if (raw.trim() !== '') throw new Unsupported();
      } else texts[texts.length - 1] += decode(raw);
    }
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw new Unsupported();
      const name = xml.slice(lt + 2, gt).trim();
      const open = names.pop();
      if (open !== name) throw new Unsupported();
      const obj = objs.pop()!;
      const text = texts.pop()!;
      let v: Value;
      if (obj === null) v = text;
      else {
        if (text !== '') obj['#text'] = text;
        v = obj;
      }
      if (names.length === 0) {
        add(top, name, v);
        rootDone = true;
      } else {
        const p = objs.length - 1;
        add((objs[p] ??= {}), name, v);
      }
      i = gt + 1;
      continue;
    }
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) throw new Unsupported();
        i = e + 3;
        continue;
      }
      throw new Unsupported();
    }
    if (rootDone && names.length === 0) throw new Unsupported();
    // Start tag: name, then attributes (ignored; quoted values may hold '>').
    let j = lt + 1;
    while (j < n) {
      const ch = xml.charCodeAt(j);
      if (ch <= 32 || ch === 62 || ch === 47) break;
      j++;
    }
    const name = xml.slice(lt + 1, j);
    if (name === '') throw new Unsupported();
    let selfClose = false;
    for (;;) {
      if (j >= n) throw new Unsupported();
      const ch = xml.charCodeAt(j);
      if (ch === 62) break;
      if (ch === 34 || ch === 39) {
        const e = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
        if (e < 0) throw new Unsupported();
        j = e + 1;
        continue;
      }
      if (ch === 47 && xml.charCodeAt(j + 1) === 62) {
        selfClose = true;
        j++;
        break;
      }
      j++;
    }
    i = j + 1;
    if (skip !== undefined && names.length > 0 && skip(name, names.length)) {
      if (selfClose) continue;
      // The element ends at the first "</name>"; a nested one would leave a stray end tag, which is refused.
      const close = `</${name}>`;
      const e = xml.indexOf(close, i);
      if (e < 0) throw new Unsupported();
      i = e + close.length;
      continue;
    }
    if (selfClose) {
      if (names.length === 0) {
        add(top, name, '');
        rootDone = true;
      } else {
        const p = objs.length - 1;
        add((objs[p] ??= {}), name, '');
      }
      continue;
    }
    names.push(name);
    objs.push(null);
    texts.push('');
  }
  if (names.length > 0) throw new Unsupported();
  return top;
}
