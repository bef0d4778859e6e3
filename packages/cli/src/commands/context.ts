import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmmkitError, ValidationError } from '@smmkit/core';
import { type OpenApp, openApp } from '../app/open-app.js';
import { SEEDED_ACCOUNTS } from '../app/simulation.js';
import { loadConfig } from '../config/load-config.js';
import type { AccountConfig, SmmkitConfig } from '../config/smmkit-config.js';
import { CliError, EXIT } from '../output/exit-codes.js';
import { createOutput, type Output } from '../output/output.js';

/** The options every command takes (commander's global options). */
export interface GlobalOptions {
  readonly config?: string | undefined;
  readonly simulate?: boolean | undefined;
  readonly store?: string | undefined;
  readonly json?: boolean | undefined;
}

/** What a command runs with. */
export interface CommandContext {
  readonly output: Output;
  readonly config: SmmkitConfig;
  readonly simulate: boolean;
  /** Whether the command runs with neither a config nor `--simulate` (only platform names then). */
  readonly configless: boolean;
  /** The accounts commands can name: the config's, or the seeded ones under `--simulate` without any. */
  readonly accounts: readonly AccountConfig[];
  /** Opens the facade (and the simulators); the caller closes it. */
  open(): Promise<OpenApp>;
}

/**
 * Where `--simulate` keeps the schedule and inbox between commands when `--store` names no file:
 * one file in the system's temporary folder, so `schedule` then `calendar` show the same entries.
 */
export const SIMULATED_STORE = join(tmpdir(), 'smmkit-simulate.db');

/** How a command uses the config. */
export interface ContextNeeds {
  /**
   * The command works from the adapters' rules alone (`validate`, `capabilities`): without a
   * config it runs with each adapter's default settings, and no account; it never opens a store.
   */
  readonly configOptional?: boolean | undefined;
}

/** The message of a command that needs a config and finds none. */
const NO_CONFIG =
  'No smmkit.config.json here (see docs/cli.md), and no --config. Try everything offline first: smmkit --simulate doctor';

/** Reads the config (a config problem becomes a usage error) and prepares the output. */
export async function commandContext(
  options: GlobalOptions,
  needs: ContextNeeds = {},
): Promise<CommandContext> {
  const output = createOutput(options.json === true);
  const simulate = options.simulate === true;
  let config: SmmkitConfig | undefined;
  try {
    config = await loadConfig(options.config);
  } catch (error) {
    if (ValidationError.isInstance(error)) throw new CliError(EXIT.usage, error.message);
    throw error;
  }
  const configless = config === undefined && !simulate;
  if (configless && needs.configOptional !== true) throw new CliError(EXIT.usage, NO_CONFIG);
  const resolved = config ?? {};
  const accounts =
    simulate && (resolved.accounts ?? []).length === 0 ? SEEDED_ACCOUNTS : (resolved.accounts ?? []);
  // Every secret the config points at: never printed, whatever an error says.
  output.addSecrets(secretValues(resolved));
  return {
    output,
    config: resolved,
    simulate,
    configless,
    accounts,
    open: async () => {
      // Without a config nor --simulate there is no store to open, and none is made.
      if (configless) throw new CliError(EXIT.usage, NO_CONFIG);
      try {
        const app = await openApp(resolved, {
          simulate,
          store: options.store ?? (simulate ? SIMULATED_STORE : undefined),
          defaultSimulationStore: simulate && options.store === undefined,
          warn: (message) => output.error(`warning: ${message}`),
        });
        for (const account of app.accounts) {
          const stored = await app.store.tokens.load(account.id);
          output.addSecrets([stored?.tokens.accessToken, stored?.tokens.refreshToken]);
        }
        return app;
      } catch (error) {
        if (ValidationError.isInstance(error)) throw new CliError(EXIT.usage, error.message);
        throw error;
      }
    },
  };
}

/** The values of the variables the config names. */
function secretValues(config: SmmkitConfig): (string | undefined)[] {
  const names = [
    ...(config.accounts ?? []).flatMap((account) => [
      account.tokens?.accessTokenEnv,
      account.tokens?.refreshTokenEnv,
    ]),
    ...Object.values(config.adapters ?? {}).flatMap((adapter) => [
      adapter?.clientIdEnv,
      adapter?.clientSecretEnv,
    ]),
  ];
  return names.map((name) => (name === undefined ? undefined : process.env[name]));
}

/** The accounts of `--to a,b`, each checked against the configured ones and listed once. */
export function accountsOf(context: CommandContext, to: string): AccountConfig[] {
  const ids = to
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  const unknown = ids.filter((id) => !context.accounts.some((account) => account.id === id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new CliError(
      EXIT.usage,
      `${ids.length === 0 ? 'No account in --to' : `Unknown account ${unknown.map((id) => `"${id}"`).join(', ')}`}; the accounts are ${context.accounts.map((account) => account.id).join(', ') || '(none)'}`,
    );
  }
  // An account named twice is one target: a publish lists each account once.
  return [...new Set(ids)].map(
    (id) => context.accounts.find((account) => account.id === id) as AccountConfig,
  );
}

/** Runs `work` with the app open, closing it afterwards. */
export async function withApp<T>(context: CommandContext, work: (app: OpenApp) => Promise<T>): Promise<T> {
  const app = await context.open();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** A platform error as one line: code, message and what to do. */
export function describeError(error: unknown): string {
  if (SmmkitError.isInstance(error)) return `${error.code}: ${error.message} (${error.hint})`;
  return error instanceof Error ? error.message : String(error);
}
