import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// Every published package is an ES module, and a CommonJS app on Node >= 22.12 loads each of its
// entries with require() (Node's require(esm)): nothing in them may stop that (a top-level await
// would). This runs the built packages, as an app gets them, on the Node the repository pins.

const root = resolve(import.meta.dirname, '../../../..');
const pinnedNode = join(root, 'node_modules/node/bin/node');
const node = existsSync(pinnedNode) ? pinnedNode : process.execPath;

interface Entry {
  readonly directory: string;
  readonly specifier: string;
}

interface Loaded {
  readonly specifier: string;
  readonly required?: string[];
  readonly imported?: string[];
  readonly error?: string;
}

/** Every entry of every published package (`exports` but `./package.json`), as an app names it. */
function publishedEntries(): Entry[] {
  const packages = join(root, 'packages');
  return readdirSync(packages).flatMap((name) => {
    const directory = join(packages, name);
    const manifest = join(directory, 'package.json');
    if (!existsSync(manifest)) return [];
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name: string;
      private?: boolean;
      exports?: Record<string, unknown>;
    };
    if (pkg.private === true) return [];
    return Object.keys(pkg.exports ?? {})
      .filter((subpath) => !subpath.endsWith('.json'))
      .map((subpath) => ({
        directory,
        specifier: subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`,
      }));
  });
}

const entries = publishedEntries();
let loaded: Map<string, Loaded>;

beforeAll(() => {
  const output = execFileSync(
    node,
    [join(import.meta.dirname, 'require-entries.cjs'), JSON.stringify(entries)],
    {
      encoding: 'utf8',
    },
  );
  loaded = new Map((JSON.parse(output) as Loaded[]).map((result) => [result.specifier, result]));
});

describe('require() of every published entry from CommonJS', () => {
  it('runs on a Node that loads ES modules with require() (>= 22.12)', () => {
    const version = execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12), `Node ${version}`).toBe(true);
  });

  it.each(entries.map((entry) => [entry.specifier]))('%s gives the names import() gives', (specifier) => {
    const result = loaded.get(specifier);
    expect(result?.error, 'build the packages first: pnpm build').toBeUndefined();
    expect(result?.required?.length).toBeGreaterThan(0);
    expect(result?.required?.toSorted()).toEqual(result?.imported?.toSorted());
  });
});
