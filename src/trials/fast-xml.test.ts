import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseSimpleXml } from './fast-xml.js';

/**
 * The fast reader must give exactly what fast-xml-parser gives with the importer's options, for documents in
 * the shape the registry writes (elements holding either text or child elements, indented), and leaving an
 * element out with `skip` must be the same as the element not being there.
 */
const REPEATED = new Set(['loc', 'cond']);
const isArray = (name: string): boolean => REPEATED.has(name);
const reference = new XMLParser({
  ignoreAttributes: true,
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray,
});

interface El {
  name: string;
  attr: boolean;
  body: string | El[];
}

const NAMES = ['loc', 'cond', 'title', 'status', 'contact', 'facility'];
const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'B', ' ', '18', '≥', '\n', 'é', '.', ':'),
      fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#x2265;', '&#8804;'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const elArb: fc.Arbitrary<El> = fc.letrec<{ el: El }>((tie) => ({
  el: fc.record({
    name: fc.constantFrom(...NAMES),
    attr: fc.boolean(),
    body: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textArb,
      fc.array(tie('el'), { minLength: 1, maxLength: 4 }),
    ),
  }),
})).el;

/** Serialized with indentation; an element `skip` drops is cut out of the text, its indentation left behind. */
function write(
  e: El,
  indent: string,
  skip: (name: string, depth: number) => boolean = () => false,
  depth = 0,
): string {
  if (depth > 0 && skip(e.name, depth)) return indent;
  const open = e.attr ? `<${e.name} type="x>y">` : `<${e.name}>`;
  if (typeof e.body === 'string') return `${indent}${open}${e.body}</${e.name}>`;
  const inner = e.body.map((c) => write(c, `${indent}  `, skip, depth + 1)).join('\n');
  return `${indent}${open}\n${inner}\n${indent}</${e.name}>`;
}

const doc = (children: El[], skip?: (name: string, depth: number) => boolean): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${write({ name: 'study', attr: false, body: children }, '', skip)}\n`;

describe('parseSimpleXml', () => {
  it('property: reads registry-shaped documents exactly as fast-xml-parser does', () => {
    fc.assert(
      fc.property(fc.array(elArb, { minLength: 1, maxLength: 5 }), (children) => {
        const xml = doc(children);
        const mine = parseSimpleXml(xml, isArray);
        expect(mine).toEqual(reference.parse(xml));
      }),
      { numRuns: 300 },
    );
  });

  it('property: a skipped element reads as if it were not in the document', () => {
    const skips: Array<(name: string, depth: number) => boolean> = [
      (name, depth) => depth === 1 && name !== 'loc' && name !== 'title',
      (name, depth) => depth === 2 && name === 'contact',
      (name) => name === 'facility',
    ];
    fc.assert(
      fc.property(
        fc.array(elArb, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 1, 2),
        (children, k) => {
          // Skipping assumes no element holds another of its own name.
          const holds = (e: El, name: string): boolean =>
            typeof e.body !== 'string' && e.body.some((c) => c.name === name || holds(c, name));
          const selfNested = (e: El): boolean =>
            holds(e, e.name) || (typeof e.body !== 'string' && e.body.some(selfNested));
          fc.pre(!children.some(selfNested));
          const skip = skips[k]!;
          const expected = parseSimpleXml(doc(children, skip), isArray);
          expect(parseSimpleXml(doc(children), isArray, skip)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes the five XML entities and numeric references, and refuses anything else', () => {
    expect(
      parseSimpleXml('<a>x &lt;= 3 &amp;&amp; y &gt; 2 &#x2265;&#8804; &quot;&apos;</a>', () => false),
    ).toEqual({
      a: 'x <= 3 && y > 2 ≥≤ "\'',
    });
    expect(parseSimpleXml('<a>&nbsp;</a>', () => false)).toBeUndefined();
    expect(parseSimpleXml('<a>AT&T</a>', () => false)).toBeUndefined();
    expect(parseSimpleXml('<a>&#0;</a>', () => false)).toBeUndefined();
    expect(parseSimpleXml('<a>&verylongentityname;</a>', () => false)).toBeUndefined();
  });

  it('skips an element without reading it, but refuses one that nests its own name', () => {
    const xml = '<s><a>1</a><junk><x>&bogus;</x></junk><b>2</b></s>';
    expect(parseSimpleXml(xml, () => false)).toBeUndefined();
    expect(
      parseSimpleXml(
        xml,
        () => false,
        (n) => n === 'junk',
      ),
    ).toEqual({ s: { a: '1', b: '2' } });
    expect(
      parseSimpleXml(
        '<s><j><j>1</j>2</j><b>2</b></s>',
        () => false,
        (n) => n === 'j',
      ),
    ).toBeUndefined();
  });
});
