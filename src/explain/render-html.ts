import { BODY_MAP_CSS, renderBodyMap } from './body-map.js';
import { en } from './messages/en.js';
import type { Messages } from './messages/types.js';
import type { Block, Item, Report, Section } from './model.js';

/**
 * One self-contained HTML file per report: inline CSS and SVG, no scripts, no fonts or images from the
 * network (a Content-Security-Policy forbids any fetch), a print stylesheet, semantic headings, a skip link
 * and a table of contents. Output depends only on the report, so equal reports give equal bytes.
 */

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
:root { --ink: #1b1b1b; --muted: #4a5563; --line: #c9d1da; --accent: #1f4e8c; --urgent: #8c1d18; --urgent-bg: #fdf0ef; --note-bg: #eef4fb; --info-bg: #f3f5f7; }
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
.wrap { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.clinician .wrap { max-width: 72rem; font-size: 0.9rem; }
.skip-link { position: absolute; left: 0.5rem; top: -4rem; background: var(--accent); color: #fff; padding: 0.5rem 1rem; border-radius: 0.25rem; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
a { color: var(--accent); }
a:focus-visible, main:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
header.report-head { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.25rem; }
.subtitle { font-size: 1.15rem; color: var(--muted); margin: 0 0 0.5rem; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0 0 1rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.25rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p, ul, ol, dl { margin: 0 0 0.9rem; }
li { margin-bottom: 0.3rem; }
.lead { font-weight: 700; }
nav.toc { background: var(--info-bg); border-radius: 0.5rem; padding: 0.75rem 1.25rem; margin-bottom: 1.5rem; }
nav.toc h2 { border: 0; margin: 0 0 0.25rem; padding: 0; font-size: 1.1rem; }
nav.toc ol { margin: 0; padding-left: 2rem; columns: 2 18rem; column-gap: 3rem; }
.summary { background: var(--note-bg); border-left: 6px solid var(--accent); border-radius: 0.5rem; padding: 0.75rem 1.25rem; margin-bottom: 1rem; }
.summary h2 { border: 0; margin-top: 0.25rem; padding-top: 0; }
.callout { border-radius: 0.5rem; padding: 0.75rem 1.25rem; margin: 0 0 1rem; }
.callout p:last-child, .callout ul:last-child { margin-bottom: 0; }
.callout-title { font-weight: 700; }
.callout.urgent { background: var(--urgent-bg); border-left: 6px solid var(--urgent); }
.callout.urgent .callout-title { color: var(--urgent); }
.callout.note { background: var(--note-bg); border-left: 6px solid var(--accent); }
.callout.info { background: var(--info-bg); border-left: 6px solid var(--muted); }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: #fff; border: 1px solid var(--line); border-radius: 0.25rem; padding: 0.1rem 0.35rem; overflow-wrap: anywhere; }
figure { margin: 1rem 0 1.5rem; text-align: center; }
figcaption { color: var(--muted); font-size: 0.95rem; }
dl.glossary div { margin-bottom: 0.6rem; }
dl.glossary dt { font-weight: 700; }
dl.glossary dd { margin: 0; }
.trial { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.5rem 1.25rem 0.75rem; margin: 0 0 1rem; }
.trial .quoted { font-style: italic; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--info-bg); }
footer.report-foot { margin-top: 2.5rem; border-top: 3px solid var(--accent); padding-top: 0.75rem; color: var(--muted); font-size: 0.9rem; }
@media print {
  html { font-size: 11pt; }
  .skip-link, nav.toc { display: none; }
  .wrap { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  .callout, .trial, figure, tr, dl.glossary div { break-inside: avoid; }
  h2 { border-top: 0; }
  section.major { break-before: auto; }
}
@page { size: A4; margin: 16mm 14mm 18mm; }
${BODY_MAP_CSS}`;

function itemHtml(i: Item): string {
  return i.lead
    ? `<span class="lead">${escapeHtml(i.lead)}:</span> ${escapeHtml(i.text)}`
    : escapeHtml(i.text);
}

function listHtml(items: readonly Item[], ordered = false): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((i) => `<li>${itemHtml(i)}</li>`).join('')}</${tag}>`;
}

function blockHtml(b: Block, depth: number, msg: Messages, ids: { n: number }): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return listHtml(b.items, b.ordered);
    case 'callout': {
      const title = b.title ? `<p class="callout-title">${escapeHtml(b.title)}</p>` : '';
      const text = b.text ? `<p>${escapeHtml(b.text)}</p>` : '';
      const items = b.items?.length ? listHtml(b.items) : '';
      const code = b.code ? `<p><code>${escapeHtml(b.code)}</code></p>` : '';
      return `<div class="callout ${b.tone}">${title}${text}${code}${items}</div>`;
    }
    case 'definitions':
      return `<dl class="glossary">${b.items.map((d) => `<div><dt>${escapeHtml(d.term)}</dt><dd>${escapeHtml(d.definition)}</dd></div>`).join('')}</dl>`;
    case 'table': {
      const head = `<thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
        )
        .join('');
      ids.n += 1;
      // A scrollable region must be focusable (keyboard users scroll it) and needs a name of its own.
      return `<div class="table-wrap" role="region" aria-label="${escapeHtml(msg.render.tableLabel(b.caption))}" tabindex="0"><table><caption>${escapeHtml(b.caption)}</caption>${head}<tbody>${rows}</tbody></table></div>`;
    }
    case 'bodyMap': {
      ids.n += 1;
      const svg = renderBodyMap(b, msg.render, `body-map-${ids.n}`);
      return `<figure>${svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    }
    case 'trial': {
      const h = Math.min(6, depth + 1);
      const lists = b.lists
        .map((l) => `<p class="callout-title">${escapeHtml(l.title)}</p>${listHtml(l.items)}`)
        .join('');
      return `<article class="trial"><h${h} class="quoted" lang="en">${escapeHtml(b.title)}</h${h}>${b.facts.map((f) => `<p>${escapeHtml(f)}</p>`).join('')}${lists}</article>`;
    }
  }
}

function sectionHtml(s: Section, depth: number, msg: Messages, ids: { n: number }): string {
  const h = Math.min(6, depth);
  const body = s.blocks.map((b) => blockHtml(b, depth, msg, ids)).join('\n');
  const subs = (s.subsections ?? []).map((sub) => sectionHtml(sub, depth + 1, msg, ids)).join('\n');
  const cls = depth === 2 ? ' class="major"' : '';
  return `<section id="${escapeHtml(s.id)}"${cls} aria-labelledby="${escapeHtml(s.id)}-h"><h${h} id="${escapeHtml(s.id)}-h">${escapeHtml(s.heading)}</h${h}>\n${body}\n${subs}</section>`;
}

export function renderHtml(report: Report, messages: Messages = en): string {
  const r = messages.render;
  const ids = { n: 0 };
  const toc = `<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${escapeHtml(r.contents)}</h2><ol>${report.sections
    .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`)
    .join('')}</ol></nav>`;
  const summary = report.summary
    ? `<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">${escapeHtml(report.summary.heading)}</h2>${listHtml(report.summary.items)}</section>`
    : '';
  const notice = `<div class="callout note"><p>${escapeHtml(report.notice)}</p></div>`;
  const sections = report.sections.map((s) => sectionHtml(s, 2, messages, ids)).join('\n');
  const title = `${report.title} — ${report.meta.caseId}`;
  return `<!doctype html>
<html lang="${escapeHtml(report.meta.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="onconav ${escapeHtml(report.meta.onconavVersion)}">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body class="${report.meta.audience}">
<a class="skip-link" href="#main">${escapeHtml(r.skipLink)}</a>
<div class="wrap">
<header class="report-head">
<h1>${escapeHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
<p class="meta">${escapeHtml(r.generatedOn(report.meta.date))} · ${escapeHtml(report.meta.caseId)}</p>
</header>
${toc}
<main id="main" tabindex="-1">
${summary}
${notice}
${sections}
</main>
<footer class="report-foot">
<p>${escapeHtml(report.notice)}</p>
<p>onconav ${escapeHtml(report.meta.onconavVersion)} · ${escapeHtml(report.meta.knowledgeBase.map((k) => `${k.source} ${k.version} (${k.date})`).join('; '))}</p>
</footer>
</div>
</body>
</html>
`;
}
