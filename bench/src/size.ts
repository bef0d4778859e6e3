/**
 * Benchmark (issue item 8, `pnpm bench:size`): minified + gzipped (level 9) esbuild bundles
 * (ESM, platform node, tree-shaken) and the cold import time of an app.
 *
 * - core: `export * from '@smmkit/core'`, everything it imports bundled (ky, zod, …).
 * - adapter-x: `export * from '@smmkit/adapter-x'`, everything bundled EXCEPT `@smmkit/core`
 *   (external): its own cost on top of core (its text counter and the zod it imports itself).
 * - core+x: an app that publishes to X through the publisher: `createXAdapter`,
 *   `createPublisher` (from '@smmkit/core/publisher') and `staticTokenProvider`, one publish,
 *   everything bundled. The ./mocks entries are not used (they are for tests).
 * - import_ms: median over RUNS of (spawn `node -e` importing that app's modules and creating the
 *   adapter and publisher) − (spawn `node -e` with an empty module), alternated, unbundled dist.
 * - peer_gz, peer_import_ms: the same two measures, same esbuild flags and same spawn timing in
 *   the same loop, for the same app written with twitter-api-v2 (the best single-platform client):
 *   `new TwitterApi(token).v2.tweet(text)`.
 * - neutral: the core+x app bundled again with `--platform=neutral` (what edge workers and
 *   browsers get): "ok" when it bundles with no Node built-in, else the bundler's first error.
 * - bundled import (printed before the last line): the same spawn timing for the app and the
 *   twitter-api-v2 app bundled first (esbuild, ESM, minified, platform node, written to a temp
 *   file), which is what a deploy that bundles (serverless functions, edge workers) starts.
 * - stack floor (printed before the last line, for scale): the same two measures for an app that
 *   uses only the libraries core and adapter-x are built on (ky, zod/mini, p-queue, p-retry,
 *   eventemitter3), each called once, none of smmkit's own code: what any build on this stack
 *   costs before it does anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { median } from './stats.ts';

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 21;

const APP = `
import { createXAdapter } from '@smmkit/adapter-x';
import { staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
const publisher = createPublisher({
  adapters: [createXAdapter()],
  tokens: () => staticTokenProvider(process.env.X_TOKEN ?? ''),
});
export const outcomes = await publisher.publish({ text: process.argv[2] ?? 'Hello' }, [
  { platform: 'x', accountId: process.env.X_ACCOUNT ?? '' },
]);
`;

const IMPORT_APP = `
import { createXAdapter } from '@smmkit/adapter-x';
import { staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
createPublisher({ adapters: [createXAdapter()], tokens: () => staticTokenProvider('t') });
`;

const PEER_APP = `
import { TwitterApi } from 'twitter-api-v2';
export const posted = await new TwitterApi(process.env.X_TOKEN ?? '').v2.tweet(process.argv[2] ?? 'Hello');
`;

const PEER_IMPORT = `
import { TwitterApi } from 'twitter-api-v2';
new TwitterApi('t');
`;

const FLOOR_APP = `
import ky from 'ky';
import * as z from 'zod/mini';
import PQueue from 'p-queue';
import pRetry from 'p-retry';
import EventEmitter from 'eventemitter3';
const Post = z.object({ id: z.string(), text: z.optional(z.string()) });
const events = new EventEmitter();
const queue = new PQueue({ concurrency: 1 });
export const posted = await queue.add(() =>
  pRetry(async () => Post.parse(await ky.post('https://api.example.test/2/tweets', { json: { text: 'Hi' } }).json()), { retries: 1 }),
);
events.emit('published', posted);
`;

const FLOOR_IMPORT = `
await Promise.all(['ky', 'zod/mini', 'p-queue', 'p-retry', 'eventemitter3'].map((m) => import(m)));
`;

/** The esbuild options every measure here bundles with: ESM, minified, tree-shaken. */
function bundleOptions(contents: string, platform: 'node' | 'neutral' = 'node'): BuildOptions {
  return {
    stdin: { contents, resolveDir: BENCH_DIR, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node22' : 'es2023',
    logLevel: 'silent',
  };
}

async function bundle(
  contents: string,
  external: readonly string[] = [],
  platform: 'node' | 'neutral' = 'node',
): Promise<{ raw: number; gz: number }> {
  const result = await build({ ...bundleOptions(contents, platform), write: false, external: [...external] });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength };
}

/** Bundles `contents` for Node into `file` (CommonJS dependencies get a `require`). */
async function bundleToFile(contents: string, file: string): Promise<string> {
  await build({
    ...bundleOptions(contents),
    outfile: file,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return file;
}

function importMs(source: string, file?: string): number {
  const started = performance.now();
  const args = file === undefined ? ['--input-type=module', '-e', source] : [file];
  const run = spawnSync(process.execPath, args, {
    cwd: BENCH_DIR,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node -e failed: ${run.stderr}`);
  return ms;
}

async function main(): Promise<void> {
  const core = await bundle(`export * from '@smmkit/core';`);
  const adapterX = await bundle(`export * from '@smmkit/adapter-x';`, ['@smmkit/core']);
  const adapterXAlone = await bundle(`export * from '@smmkit/adapter-x';`);
  const app = await bundle(APP);
  const peer = await bundle(PEER_APP);
  const neutral = await bundle(APP, [], 'neutral').then(
    () => 'ok (no Node built-in)',
    (error: unknown) =>
      `fails: ${(error as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(error)}`,
  );
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`core:              ${kb(core.raw)} min, ${kb(core.gz)} gz`);
  console.log(
    `adapter-x (core external): ${kb(adapterX.raw)} min, ${kb(adapterX.gz)} gz; with core bundled: ${kb(adapterXAlone.gz)} gz`,
  );
  console.log(
    `app (createXAdapter + createPublisher + staticTokenProvider): ${kb(app.raw)} min, ${kb(app.gz)} gz`,
  );
  console.log(`twitter-api-v2 app (new TwitterApi(token).v2.tweet): ${kb(peer.raw)} min, ${kb(peer.gz)} gz`);
  console.log(`core+x app bundled with --platform=neutral: ${neutral}`);

  const floor = await bundle(FLOOR_APP);

  const bundledDir = mkdtempSync(join(tmpdir(), 'smmkit-size-'));
  const bundledApp = await bundleToFile(IMPORT_APP, join(bundledDir, 'app.mjs'));
  const bundledPeer = await bundleToFile(PEER_IMPORT, join(bundledDir, 'peer.mjs'));

  importMs(''); // warm the file cache
  importMs(IMPORT_APP);
  importMs(PEER_IMPORT);
  importMs(FLOOR_IMPORT);
  importMs('', bundledApp);
  importMs('', bundledPeer);
  const differences: number[] = [];
  const peerDifferences: number[] = [];
  const floorDifferences: number[] = [];
  const bundledDifferences: number[] = [];
  const bundledPeerDifferences: number[] = [];
  const empties: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const empty = importMs('');
    const loaded = importMs(IMPORT_APP);
    const peerLoaded = importMs(PEER_IMPORT);
    const floorLoaded = importMs(FLOOR_IMPORT);
    empties.push(empty);
    differences.push(loaded - empty);
    peerDifferences.push(peerLoaded - empty);
    floorDifferences.push(floorLoaded - empty);
    bundledDifferences.push(importMs('', bundledApp) - empty);
    bundledPeerDifferences.push(importMs('', bundledPeer) - empty);
  }
  rmSync(bundledDir, { recursive: true, force: true });
  const appImportMs = median(differences);
  const peerImportMs = median(peerDifferences);
  const floorImportMs = median(floorDifferences);
  console.log(
    `import: bare node ${median(empties).toFixed(0)} ms; app − bare, median of ${RUNS}: ${appImportMs.toFixed(1)} ms; twitter-api-v2 app − bare: ${peerImportMs.toFixed(1)} ms`,
  );
  console.log(
    `bundled import (what a bundling deploy starts): app − bare ${median(bundledDifferences).toFixed(1)} ms; twitter-api-v2 app − bare ${median(bundledPeerDifferences).toFixed(1)} ms`,
  );
  console.log(
    `stack floor (ky, zod/mini, p-queue, p-retry, eventemitter3; no smmkit code): ${floor.gz} B gz, import ${floorImportMs.toFixed(1)} ms`,
  );
  console.log(
    `smmkit's own share of the app: ${app.gz - floor.gz} B gz, ${(appImportMs - floorImportMs).toFixed(1)} ms import`,
  );
  console.log(
    `size: core_gz=${core.gz} adapter_x_gz=${adapterX.gz} core_plus_x_gz=${app.gz} import_ms=${appImportMs.toFixed(1)} peer_gz=${peer.gz} peer_import_ms=${peerImportMs.toFixed(1)}`,
  );
}

await main();
