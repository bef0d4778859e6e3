import type { Adapter } from '@smmkit/core';
import type { Smmkit } from '@smmkit/core/app';
import type { SmmkitConfig } from '../config/smmkit-config.js';
import { openApp } from './open-app.js';

/** Options of {@link openSmmkit}. */
export interface OpenSmmkitOptions {
  /**
   * Run on the built-in platform simulators (in this process, no network, no credentials): the
   * config's accounts, or one seeded account per platform (`sim-x`, `sim-instagram`,
   * `sim-facebook`, `sim-linkedin`, `sim-tiktok`) when it has none. The config's store is never
   * used then.
   */
  readonly simulate?: boolean | undefined;
  /**
   * The SQLite file: overrides the config's `store`; in a simulation, the file to keep the
   * schedule and inbox in (default: memory), which must be new or made by a simulation. A new
   * file is created readable by its owner only (0600): it holds the tokens.
   */
  readonly store?: string | undefined;
}

/** What {@link openSmmkit} returns. */
export interface OpenedSmmkit {
  /** The `createSmmkit` facade with the config's accounts connected. */
  readonly smm: Smmkit;
  /** One adapter per platform (capabilities, `validate`). */
  readonly adapters: readonly Adapter[];
  /** Shuts the facade down, closes the store and stops the simulators. */
  close(): Promise<void>;
}

/**
 * Opens `createSmmkit` for a config, as the `smmkit` command does: one adapter per platform with
 * the config's settings, the SQLite store, the accounts in its registry with their tokens read
 * from the environment variables the config names (stored on first use, then kept and refreshed
 * there), and refresh calls for the platforms whose OAuth client the config names. Stored tokens
 * that have a refresh token are never replaced by variables without one: they are kept, and a
 * process warning (code `SMMKIT_CONFIG_ACCOUNTS`) names the missing variable.
 *
 * @param config - from {@link loadConfig} or {@link defineConfig}
 * @param options - simulate, store
 * @returns the facade, the adapters, and `close`
 * @throws ValidationError for an adapter setting or account the platform's rules refuse, or a
 *   store that cannot be created or opened; in a simulation, for the config's own store or a
 *   file a real run made (a simulation would overwrite its tokens), and in a real run for a file
 *   a simulation made
 *
 * @example
 * ```ts
 * import { loadConfig, openSmmkit } from '@smmkit/cli';
 *
 * const { smm, close } = await openSmmkit((await loadConfig()) ?? {}, { simulate: true });
 * try {
 *   await smm.publish({ text: 'Hello' }, { to: ['sim-x'] });
 * } finally {
 *   await close();
 * }
 * ```
 */
export async function openSmmkit(
  config: SmmkitConfig,
  options: OpenSmmkitOptions = {},
): Promise<OpenedSmmkit> {
  const app = await openApp(config, options);
  return { smm: app.smm, adapters: app.adapters, close: app.close };
}
