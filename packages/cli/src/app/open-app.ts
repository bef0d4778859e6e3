import { resolve } from 'node:path';
import type { Adapter } from '@smmkit/core';
import { createSmmkit, memoryStore, type Smmkit, type SmmkitStore } from '@smmkit/core/app';
import type { AccountConfig, SmmkitConfig } from '../config/smmkit-config.js';
import { connectConfigAccounts, type TokenSource } from './connect-accounts.js';
import { makeAdapters, refreshCalls, settingsOf } from './make-adapters.js';
import { SEEDED_ACCOUNTS, startSimulation } from './simulation.js';
import { openStoreFile, storeProblem } from './store-file.js';

/** Options of {@link openApp}. */
export interface OpenAppOptions {
  /** Run against the built-in simulators instead of the platforms. */
  readonly simulate?: boolean | undefined;
  /**
   * The SQLite file. Real runs default to the config's `store` (else `smmkit.db`); simulated runs
   * never touch the config's store and keep everything in memory unless this names a file, which
   * must be new or made by a simulation.
   */
  readonly store?: string | undefined;
  /** `store` is the CLI's own default simulation file: taken even without the simulation's mark. */
  readonly defaultSimulationStore?: boolean | undefined;
  /** Where secrets are read from (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /**
   * Told what the user should know about the config's accounts, such as stored tokens kept over
   * the variables' (never a token). Default: a Node process warning
   * (https://nodejs.org/api/process.html#processemitwarningwarning-options), printed on stderr.
   */
  readonly warn?: ((message: string) => void) | undefined;
}

/** The code of the process warnings {@link openApp} emits without a `warn` option. */
const WARNING_CODE = 'SMMKIT_CONFIG_ACCOUNTS';

/** Prints `message` on stderr as a Node warning (a program can listen for `process.on('warning')`). */
const emitProcessWarning = (message: string): void => process.emitWarning(message, { code: WARNING_CODE });

/** Everything a command needs: the facade and what it was made from. */
export interface OpenApp {
  /** The facade. */
  readonly smm: Smmkit;
  /** Its store (tokens, for `doctor`). */
  readonly store: SmmkitStore;
  /** One adapter per platform. */
  readonly adapters: readonly Adapter[];
  /** The accounts, as connected (simulated ones with the simulators' ids). */
  readonly accounts: readonly AccountConfig[];
  /** Where each account's tokens came from. */
  readonly tokenSources: ReadonlyMap<string, TokenSource>;
  /** Whether this runs on the simulators. */
  readonly simulated: boolean;
  /** Shuts the facade down (closing the store) and stops the simulators. */
  close(): Promise<void>;
}

/** Opens the facade for `config`, on the platforms or their simulators. */
export async function openApp(config: SmmkitConfig, options: OpenAppOptions = {}): Promise<OpenApp> {
  const env = options.env ?? process.env;
  const now = new Date();
  if (options.simulate === true) {
    const declared =
      config.accounts !== undefined && config.accounts.length > 0 ? config.accounts : SEEDED_ACCOUNTS;
    const simulation = startSimulation(declared);
    try {
      const store = options.store === undefined ? memoryStore() : simulationStore(config, options);
      // A simulated store is throwaway: accounts of an earlier simulation with other ids would
      // hold the same simulated platform accounts, so they go.
      const ids = new Set(simulation.connections.map(({ account }) => account.id));
      for (const registered of await store.accounts.list()) {
        if (!ids.has(registered.id)) {
          await store.accounts.disconnect(registered.id);
          await store.tokens.delete(registered.id);
        }
      }
      for (const { account, tokens } of simulation.connections) {
        await store.tokens.save(account.id, tokens);
        await store.accounts.connect(account, now);
      }
      const adapters = makeAdapters(simulation.settings);
      const smm = await createSmmkit({ store, adapters });
      return {
        smm,
        store,
        adapters,
        accounts: simulation.connections.map(({ account }) => account as AccountConfig),
        tokenSources: new Map(simulation.connections.map(({ account }) => [account.id, 'simulator'])),
        simulated: true,
        close: async () => {
          try {
            await smm.shutdown();
          } finally {
            simulation.close();
          }
        },
      };
    } catch (error) {
      simulation.close();
      throw error;
    }
  }
  const adapters = makeAdapters(settingsOf(config));
  const store = openStoreFile(resolve(options.store ?? config.store ?? 'smmkit.db'), { kind: 'real' });
  try {
    const accounts = config.accounts ?? [];
    const tokenSources = await connectConfigAccounts(
      store,
      accounts,
      env,
      now,
      options.warn ?? emitProcessWarning,
    );
    const smm = await createSmmkit({ store, adapters, refresh: refreshCalls(config, env) });
    return { smm, store, adapters, accounts, tokenSources, simulated: false, close: () => smm.shutdown() };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * A simulation's SQLite file: never the config's own store, and never a file a real run made
 * (`openStoreFile` checks the simulation's mark).
 *
 * @throws ValidationError (path `store`) for the config's store or a real run's file
 */
function simulationStore(config: SmmkitConfig, options: OpenAppOptions): SmmkitStore {
  const path = resolve(options.store as string);
  if (config.store !== undefined && resolve(config.store) === path) {
    throw storeProblem(
      'store.not_simulation',
      `--simulate does not use the config's own store ${path}: a simulation would overwrite its tokens, accounts and schedule. Leave --store out or name a new file.`,
    );
  }
  return openStoreFile(path, { kind: 'simulation', adoptUnmarked: options.defaultSimulationStore });
}
