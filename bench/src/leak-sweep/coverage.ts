/**
 * Which adapters of the workspace the sweep covers. Every `packages/adapter-<id>` and
 * `examples/adapter-<id>` is an adapter; it is covered when the demo's registry has a platform
 * `<id>` (the sweep then probes it like the others). One that is not is named, so a new adapter
 * cannot slip past the sweep unnoticed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DemoPlatform } from '../../../examples/demo/src/platforms.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The adapters of the workspace and whether the sweep covers them. */
export interface Coverage {
  /** `adapter-<id>` directories, as `<folder>/adapter-<id>`. */
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
      const match = /^adapter-(.+)$/.exec(name);
      if (match === null || !existsSync(join(ROOT, folder, name, 'package.json'))) continue;
      adapters.push(`${folder}/${name}`);
      if (!ids.has(match[1] ?? '')) uncovered.push(`${folder}/${name}`);
    }
  }
  return { adapters, uncovered };
}
