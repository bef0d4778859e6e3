/**
 * The `smmkit` command line, and its config handling for programs that reuse it: read a
 * `smmkit.config.json` (or `.ts`) with {@link loadConfig}, type one with {@link defineConfig},
 * and open `createSmmkit` for it, on the platforms or their simulators, with {@link openSmmkit}.
 *
 * @example
 * ```ts
 * import { loadConfig, openSmmkit } from '@smmkit/cli';
 *
 * const config = await loadConfig('smmkit.config.json');
 * const { smm, close } = await openSmmkit(config ?? {}, { simulate: config === undefined });
 * ```
 *
 * @packageDocumentation
 */
export { type OpenedSmmkit, type OpenSmmkitOptions, openSmmkit } from './app/open-smmkit.js';
export { loadConfig } from './config/load-config.js';
export {
  type AccountConfig,
  type AccountTokensConfig,
  type AdapterConfig,
  defineConfig,
  type SmmkitConfig,
} from './config/smmkit-config.js';
