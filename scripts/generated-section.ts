/**
 * What the scripts that generate part of a doc share: the generated part sits between
 * `<!-- name:start -->` and `<!-- name:end -->`; run with `--write` the script puts its output
 * there, run without it the script reports the doc as out of date when the output differs. So
 * `pnpm check` fails on a stale doc, and the text around the markers stays hand-written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Whether the script was asked to write (`--write`) rather than to check. */
export const writing = process.argv.includes('--write');

/**
 * Writes `content` between the doc's `name` markers (with `--write`), or checks that it is there.
 *
 * @param options - the doc, the markers' name, the generated text, the command that updates it
 * @returns a problem to report when checking finds the doc out of date, else `undefined`
 */
export function syncGeneratedSection(options: {
  readonly root: string;
  readonly docPath: string;
  readonly name: string;
  readonly content: string;
  readonly command: string;
}): string | undefined {
  const { root, docPath, name, content, command } = options;
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = readFileSync(docPath, 'utf8');
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const path = relative(root, docPath);
  if (from === -1 || to < from) return `${path} has no ${start} … ${end} section`;
  const updated = `${doc.slice(0, from)}${start}\n${content}\n${doc.slice(to)}`;
  if (writing) {
    if (updated !== doc) writeFileSync(docPath, updated);
    return undefined;
  }
  return updated === doc ? undefined : `${path} is out of date: run \`${command}\``;
}

/**
 * A table laid out as the formatter lays it out: padded cells; columns after the first aligned
 * right when `align` is `right` (numbers), left otherwise.
 */
export function markdownTable(
  header: readonly string[],
  body: readonly (readonly string[])[],
  align: 'left' | 'right' = 'left',
): string {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...body.map((row) => row[column]?.length ?? 0)),
  );
  const right = (column: number) => align === 'right' && column > 0;
  const cell = (text: string, column: number) =>
    right(column) ? text.padStart(widths[column] ?? 0) : text.padEnd(widths[column] ?? 0);
  const line = (cells: readonly string[]) =>
    `| ${header.map((_, column) => cell(cells[column] ?? '', column)).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (right(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [
    `| ${header.map((title, column) => title.padEnd(widths[column] ?? 0)).join(' | ')} |`,
    rule,
    ...body.map(line),
  ].join('\n');
}
