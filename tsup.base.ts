import type { Options } from 'tsup';

/**
 * What every published package builds the same way: ES modules (which CommonJS loads with
 * require() on Node >= 22.12; packages/core/test/package checks it) with declarations, for Node 22+,
 * tree-shaken, Node built-ins imported with their `node:` prefix. Packages add their entries (and
 * externals).
 */
export const packageBuild: Options = {
  format: ['esm'],
  dts: true,
  clean: true,
  // No source maps: they were 64–68 % of each tarball (core 1.56 of 2.45 MB unpacked), and the
  // dist they would map is unminified ESM that keeps the sources' names and layout, so a stack
  // trace already points at readable code.
  sourcemap: false,
  target: 'node22',
  treeshake: true,
  // Keep `node:` on imports (tsup strips it by default for a node target). Bundlers for edge and
  // browser targets recognise `node:fs` as a Node built-in but take a bare `fs` or `util` for an
  // npm package and fail; `node:sqlite` exists only with the prefix (a bare `sqlite` would resolve
  // to an npm package); and every Node smmkit supports takes the prefix.
  removeNodeProtocol: false,
};
