import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

export default defineConfig({
  ...packageBuild,
  // The conformance suite imports vitest; it has its own entry so that simulators load without it.
  // The simulator kit is for simulator authors, apart from what tests that use a simulator import.
  entry: {
    index: 'src/index.ts',
    conformance: 'src/conformance/index.ts',
    'simulator-kit': 'src/simulator-kit.ts',
  },
  external: ['@smmkit/core', 'msw', 'vitest'],
});
