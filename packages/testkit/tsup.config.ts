import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

export default defineConfig({
  ...packageBuild,
  // The conformance suite imports vitest; it has its own entry so that simulators load without it.
  entry: { index: 'src/index.ts', conformance: 'src/conformance/index.ts' },
  external: ['@smmkit/core', 'msw', 'vitest'],
});
