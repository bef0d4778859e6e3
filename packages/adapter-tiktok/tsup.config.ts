import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

export default defineConfig({
  ...packageBuild,
  // The simulator has its own entry so that apps importing the adapter never load MSW or testkit.
  entry: { index: 'src/index.ts', mocks: 'src/mocks/index.ts' },
  external: ['@smmkit/core', '@smmkit/testkit', 'msw'],
});
