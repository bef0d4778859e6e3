/**
 * Where the cold start and the bundle go (issue 20 item 1, `pnpm --filter @smmkit/bench profile`):
 *
 * - cold import: `node --cpu-prof` on the publish app's import (the same app bench:size times:
 *   createXAdapter, createPublisher, staticTokenProvider, built dist), the profile's samples added
 *   up per package (self time) and the heaviest functions. One run after a warm-up; figures vary
 *   by a few milliseconds between runs.
 * - bundle: an esbuild metafile (the same flags as bench:size: ESM, minified, platform node,
 *   tree-shaken) per entry a publishing app loads, each input's bytes in the output added up per
 *   package, with the whole output gzipped (-9) for scale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const IMPORT_APP = `
import { createXAdapter } from '@smmkit/adapter-x';
import { staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
createPublisher({ adapters: [createXAdapter()], tokens: () => staticTokenProvider('t') });
`;

const ENTRIES: Readonly<Record<string, { contents: string; external?: string[] }>> = {
  '@smmkit/core': { contents: `export * from '@smmkit/core';` },
  // A subpath of core is bundled whole: with core external, esbuild would keep the subpath out too.
  '@smmkit/core/publisher': { contents: `export * from '@smmkit/core/publisher';` },
  '@smmkit/core/adapter-kit': { contents: `export * from '@smmkit/core/adapter-kit';` },
  '@smmkit/adapter-x': { contents: `export * from '@smmkit/adapter-x';`, external: ['@smmkit/core'] },
  'publish app (core + core/publisher + adapter-x)': {
    contents: IMPORT_APP.replace('createPublisher({', 'export const publisher = createPublisher({'),
  },
};

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** `ky`, `zod`, `@smmkit/core` … from a file URL or path; `node` for Node's own code. */
function packageOf(url: string): string {
  if (url === '') return '(native, GC, idle)';
  if (url.startsWith('node:')) return 'node (built-ins, module loader)';
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const store = path.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//);
  if (store?.[1] !== undefined) return store[1];
  const workspace = path.match(/\/packages\/([^/]+)\//);
  if (workspace?.[1] !== undefined) return `@smmkit/${workspace[1]}`;
  return path;
}

function top<T>(entries: Iterable<[T, number]>, count: number): [T, number][] {
  return [...entries].sort((a, b) => b[1] - a[1]).slice(0, count);
}

function profileImport(): void {
  const dir = mkdtempSync(join(tmpdir(), 'smmkit-prof-'));
  const run = (profile: boolean) =>
    spawnSync(
      process.execPath,
      [
        ...(profile ? ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100'] : []),
        '--input-type=module',
        '-e',
        IMPORT_APP,
      ],
      { cwd: BENCH_DIR, encoding: 'utf8' },
    );
  run(false); // warm the file cache
  const started = performance.now();
  const result = run(true);
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`node --cpu-prof failed: ${result.stderr}`);
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error('no .cpuprofile written');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** The package of the nearest frame (this one or a caller) in a file of the app's own graph. */
  const owner = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      if (url !== '' && !url.startsWith('node:')) return packageOf(url);
    }
    return '(startup, module loading, GC: no package on the stack)';
  };
  const perPackage = new Map<string, number>();
  const perOwner = new Map<string, number>();
  const perFunction = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return;
    totalUs += us;
    const pkg = packageOf(frame.url);
    perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + us);
    const by = owner(id);
    perOwner.set(by, (perOwner.get(by) ?? 0) + us);
    const name = `${frame.functionName || '(top level)'} ${pkg}${frame.url.startsWith('node:') ? ` ${frame.url}` : ''}:${frame.lineNumber + 1}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + us);
  });
  const ms = (us: number): string => `${(us / 1000).toFixed(1)} ms`;
  console.log(
    `cold import, node --cpu-prof (100 µs samples): ${ms(totalUs)} profiled, ${wallMs.toFixed(0)} ms wall for the process`,
  );
  console.log('  self time per package:');
  for (const [pkg, us] of top(perPackage, 14)) console.log(`    ${ms(us).padStart(9)}  ${pkg}`);
  console.log('  time per package whose code is on the stack (the Node internals it calls included):');
  for (const [pkg, us] of top(perOwner, 10)) console.log(`    ${ms(us).padStart(9)}  ${pkg}`);
  console.log('  heaviest functions (self time):');
  for (const [name, us] of top(perFunction, 12)) console.log(`    ${ms(us).padStart(9)}  ${name}`);
}

async function analyseBundles(): Promise<void> {
  for (const [name, { contents, external = [] }] of Object.entries(ENTRIES)) {
    const result = await build({
      stdin: { contents, resolveDir: BENCH_DIR, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      write: false,
      external,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const metafile: Metafile = result.metafile;
    const perPackage = new Map<string, number>();
    const sourceBytes = new Map<string, number>();
    for (const [input, { bytes }] of Object.entries(metafile.inputs)) {
      const pkg = packageOf(resolve(BENCH_DIR, input));
      sourceBytes.set(pkg, (sourceBytes.get(pkg) ?? 0) + bytes);
    }
    for (const output of Object.values(metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const pkg = packageOf(resolve(BENCH_DIR, input));
        perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + bytesInOutput);
      }
    }
    console.log(
      `bundle ${name}: ${code.byteLength} B min, ${gzipSync(code, { level: 9 }).byteLength} B gz; per package, minified bytes in the bundle (source bytes Node parses unbundled):`,
    );
    for (const [pkg, bytes] of top(perPackage, 10)) {
      console.log(
        `    ${String(bytes).padStart(7)} B  (${String(sourceBytes.get(pkg) ?? 0).padStart(7)} B)  ${pkg}`,
      );
    }
  }
}

profileImport();
await analyseBundles();
