/**
 * Which adapters of the workspace the sweep covers. Every package of `packages/` and `examples/`
 * named `…adapter-<id>` (`@smmkit/adapter-linkedin`, `@smmkit/example-adapter-mastodon`) is an
 * adapter; it is covered when the demo's registry has a platform `<id>` (the sweep then probes it
 * like the others). One that is not is named, so a new adapter cannot slip past the sweep unnoticed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DemoPlatform } from '../../../examples/demo/src/platforms.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The adapters of the workspace and whether the sweep covers them. */
export interface Coverage {
  /** The adapter packages, as `<folder>/<directory> (<platform id>)`. */
  readonly adapters: readonly string[];
  /** Those whose `<id>` is not in the registry. */
  readonly uncovered: readonly string[];
}

/** Checks the workspace's adapters against `platforms`. */
export function coverageOf(platforms: readonly DemoPlatform[]): Coverage {
  const ids = new Set(platforms.map((platform) => platform.id));
  const adapters: string[] = [];
  const uncovered: string[] = [];
  for (const folder of ['packages', 'examples']) {
    for (const name of readdirSync(join(ROOT, folder)).sort()) {
      const manifest = join(ROOT, folder, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name: packageName } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      const id = /(?:^|[/-])adapter-([a-z0-9-]+)$/.exec(packageName ?? '')?.[1];
      if (id === undefined) continue;
      const entry = `${folder}/${name} (${id})`;
      adapters.push(entry);
      if (!ids.has(id)) uncovered.push(entry);
    }
  }
  return { adapters, uncovered };
}
