/**
 * Checks every pending changeset (`.changeset/*.md`) the way `changeset version` will read it:
 * front matter between two `---` lines, one `"<package>": major|minor|patch` line per package,
 * each a published package of this workspace, then a summary. A file that breaks this is not
 * seen as a changeset, and its release note and bump are lost without a word (a formatter once
 * turned a closing `---` into a heading). Exits 1 naming each bad file.
 *
 * Usage: `pnpm changesets` (part of `pnpm check`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const changesets = join(root, '.changeset');

/** The names of the workspace's published packages (`packages/*`). */
const published = new Set(
  readdirSync(join(root, 'packages')).map(
    (dir) =>
      (JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { name: string })
        .name,
  ),
);

const BUMP = /^"([^"]+)": (major|minor|patch)$/;
const problems: string[] = [];
let count = 0;
for (const file of readdirSync(changesets).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
  count += 1;
  const [opening, ...rest] = readFileSync(join(changesets, file), 'utf8').split('\n');
  const closing = rest.indexOf('---');
  if (opening !== '---' || closing < 0) {
    problems.push(`${file}: no front matter (a '---' line, the package lines, a '---' line)`);
    continue;
  }
  for (const line of rest.slice(0, closing)) {
    const bump = BUMP.exec(line);
    if (bump === null) problems.push(`${file}: '${line}' is not '"<package>": major|minor|patch'`);
    else if (!published.has(bump[1] ?? ''))
      problems.push(`${file}: ${bump[1]} is not a published package here`);
  }
  if (
    rest
      .slice(closing + 1)
      .join('\n')
      .trim() === ''
  )
    problems.push(`${file}: no summary after the front matter`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`${count} changesets, each with front matter naming published packages and a summary`);
