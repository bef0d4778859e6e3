/**
 * Lets a plain Node process (a child a test starts) run the workspace's TypeScript sources, as
 * vitest does, so it never runs a stale build: `node --import <this file> child.ts`. Node 24
 * strips the types itself; this maps `@smmkit/*` to the sources listed in tsconfig.json's `paths`
 * and a source's `./x.js` import to `./x.ts`.
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const root = new URL('../../../../', import.meta.url);
const { paths } = (
  JSON.parse(readFileSync(new URL('tsconfig.json', root), 'utf8')) as {
    compilerOptions: { paths: Record<string, [string]> };
  }
).compilerOptions;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const source = paths[specifier]?.[0];
    if (source !== undefined) return { url: new URL(source, root).href, shortCircuit: true };
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const fromSource = context.parentURL?.endsWith('.ts') === true && specifier.startsWith('.');
      if (!fromSource || !specifier.endsWith('.js')) throw error;
      return nextResolve(`${specifier.slice(0, -'.js'.length)}.ts`, context);
    }
  },
});
