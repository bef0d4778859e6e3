/**
 * Prints what each platform simulator costs in code: the non-blank lines of its `.ts` sources
 * (tests left out) that are not comments, counted as issue 11 counts them ("a simulator costs a
 * third less"). Comments and TSDoc are left out, so documenting a rule costs nothing; a line
 * that holds code and a trailing comment counts.
 *
 * Usage: `pnpm simulator-lines [--rev <git revision>] [--files]` — `--rev` counts the files as
 * they were at that commit (to compare with an earlier state), `--files` adds a line per file.
 * The last line holds the figures: `simulators: x=N instagram=N …`.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');

/** Each simulator's folder; the shared Graph API pieces are counted apart from Facebook and Instagram. */
const SIMULATORS: Readonly<Record<string, string>> = {
  x: 'packages/adapter-x/src/mocks',
  instagram: 'packages/adapter-instagram/src/mocks',
  facebook: 'packages/adapter-facebook/src/mocks',
  linkedin: 'packages/adapter-linkedin/src/mocks',
  tiktok: 'packages/adapter-tiktok/src/mocks',
  mastodon: 'examples/adapter-mastodon/src/mocks',
  'graph-api': 'packages/graph-api/src/mocks',
};

const { values } = parseArgs({
  options: { rev: { type: 'string', default: 'HEAD' }, files: { type: 'boolean', default: false } },
});
const rev = values.rev;

/** Runs git in the repository and returns its output. */
function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Code lines of a source text: blank lines, `//` lines and the lines of `/* … *\/` blocks that
 * start a line are left out.
 */
function codeLines(source: string): number {
  let count = 0;
  let inBlock = false;
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      if (line.includes('*/')) inBlock = false;
      continue;
    }
    if (line === '' || line.startsWith('//')) continue;
    if (line.startsWith('/*')) {
      inBlock = !line.includes('*/');
      continue;
    }
    count += 1;
  }
  return count;
}

const totals: string[] = [];
for (const [name, folder] of Object.entries(SIMULATORS)) {
  const files = git('ls-tree', '-r', '--name-only', rev, '--', folder)
    .split('\n')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  let total = 0;
  for (const file of files) {
    const lines = codeLines(git('show', `${rev}:${file}`));
    total += lines;
    if (values.files) console.log(`  ${String(lines).padStart(5)} ${file}`);
  }
  if (files.length > 0) {
    console.log(
      `${name.padEnd(10)} ${String(total).padStart(5)} code lines in ${files.length} files (${folder})`,
    );
    totals.push(`${name}=${total}`);
  }
}
console.log(`simulators: ${totals.join(' ')}`);
