import type { Options } from 'tsup';

/**
 * What every published package builds the same way: ESM only with declarations and source
 * maps, for Node 22+, tree-shaken. Packages add their entries (and externals).
 */
export const packageBuild: Options = {
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  treeshake: true,
};
