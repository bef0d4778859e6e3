import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

export default defineConfig({
  ...packageBuild,
  // The simulator base has its own entry so that adapters importing the Graph layer never load MSW or testkit.
  entry: { index: 'src/index.ts', mocks: 'src/mocks/index.ts' },
  external: ['@smmkit/core', '@smmkit/testkit', 'msw'],
});
