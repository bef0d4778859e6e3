import { defineConfig } from 'tsup';

export default defineConfig({
  // The conformance suite imports vitest; it has its own entry so that simulators load without it.
  entry: { index: 'src/index.ts', conformance: 'src/conformance/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  treeshake: true,
  external: ['@smmkit/core', 'msw', 'vitest'],
});
