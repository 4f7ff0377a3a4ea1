import { en } from './messages/en.js';
import type { Messages } from './messages/types.js';
import type { Block, Item, Report, Section } from './model.js';

/**
 * CommonMark rendering of a report. The body map becomes its text description (Markdown viewers strip
 * inline SVG); tables become GFM pipe tables. Text is escaped where Markdown would read it as markup.
 */

function mdEscape(s: string): string {
  return s
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .replace(/^(\d+)\. /, '$1\\. ')
    .replace(/^([-+]) /, '\\$1 ');
}

function cell(s: string): string {
  return mdEscape(s).replace(/\n/g, ' ');
}

function item(i: Item): string {
  return i.lead ? `**${mdEscape(i.lead)}:** ${mdEscape(i.text)}` : mdEscape(i.text);
}

function list(items: readonly Item[], ordered = false): string {
  return items.map((i, n) => `${ordered ? `${n + 1}.` : '-'} ${item(i)}`).join('\n');
}

function block(b: Block, depth: number, msg: Messages): string {
  switch (b.kind) {
    case 'paragraph':
      return mdEscape(b.text);
    case 'list':
      return list(b.items, b.ordered);
    case 'callout': {
      const lines: string[] = [];
      if (b.title) lines.push(`**${mdEscape(b.title)}**`);
      if (b.text) lines.push(mdEscape(b.text));
      if (b.code) lines.push(`\`${b.code.replace(/`/g, "'")}\``);
      if (b.items?.length) lines.push(list(b.items));
      return lines
        .join('\n\n')
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    }
    case 'definitions':
      return b.items.map((d) => `- **${mdEscape(d.term)}:** ${mdEscape(d.definition)}`).join('\n');
    case 'table': {
      const head = `| ${b.head.map(cell).join(' | ')} |\n| ${b.head.map(() => '---').join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
      return `*${mdEscape(b.caption)}*\n\n${head}${rows ? `\n${rows}` : ''}`;
    }
    case 'bodyMap': {
      const desc = msg.render.bodyMapDesc(
        b.primary ? msg.render.regions[b.primary] : null,
        b.sites.map((s) => s.label),
      );
      return `*${mdEscape(b.caption)}* ${mdEscape(desc)}`;
    }
    case 'trial': {
      const h = '#'.repeat(Math.min(6, depth + 1));
      const parts = [`${h} ${mdEscape(b.title)}`, ...b.facts.map(mdEscape)];
      for (const l of b.lists) parts.push(`**${mdEscape(l.title)}**`, list(l.items));
      return parts.join('\n\n');
    }
  }
}

function section(s: Section, depth: number, msg: Messages): string {
  const parts = [
    `${'#'.repeat(Math.min(6, depth))} ${mdEscape(s.heading)}`,
    ...s.blocks.map((b) => block(b, depth, msg)),
  ];
  for (const sub of s.subsections ?? []) parts.push(section(sub, depth + 1, msg));
  return parts.join('\n\n');
}

export function renderMarkdown(report: Report, messages: Messages = en): string {
  const parts = [
    `# ${mdEscape(report.title)}`,
    `*${mdEscape(report.subtitle)}*`,
    mdEscape(`${messages.render.generatedOn(report.meta.date)} · ${report.meta.caseId}`),
  ];
  if (report.summary) parts.push(`## ${mdEscape(report.summary.heading)}`, list(report.summary.items));
  parts.push(`> ${mdEscape(report.notice)}`);
  for (const s of report.sections) parts.push(section(s, 2, messages));
  return `${parts.join('\n\n')}\n`;
}
