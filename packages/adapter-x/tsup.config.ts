import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

export default defineConfig({
  ...packageBuild,
  // The simulator has its own entry so that apps importing the adapter never load MSW or testkit.
  entry: { index: 'src/index.ts', mocks: 'src/mocks/index.ts' },
  // twitter-text is a devDependency bundled into ./mocks only (the simulator counts and extracts
  // with it, as X does); the adapter counts with its own count-text.ts, so apps never install it.
  external: ['@smmkit/core', '@smmkit/testkit', 'msw'],
  // twitter-text imports `punycode`, which a Node target takes for Node's deprecated built-in
  // (DEP0040) and leaves as a bare import; the trailing slash resolves the npm package it declares.
  esbuildPlugins: [
    {
      name: 'punycode-package',
      setup(build) {
        build.onResolve({ filter: /^punycode$/ }, ({ resolveDir, kind }) =>
          build.resolve('punycode/', { resolveDir, kind }),
        );
      },
    },
  ],
});
