import { parseArgs } from 'node:util';
import { ValidationError } from '@smmkit/core';

/** What `smmkit-mcp` was started with. */
export interface ServerArgs {
  /** The smmkit config file (default: `smmkit.config.json`, `.ts`, `.mjs` or `.js` in the working directory). */
  readonly config?: string | undefined;
  /** Run on the built-in simulators, with no credentials. */
  readonly simulate: boolean;
  /** The SQLite file, overriding the config's. */
  readonly store?: string | undefined;
  /** The account ids the publishing tools may act for. */
  readonly allow: readonly string[];
  /** Print the usage and stop. */
  readonly help: boolean;
}

/** The usage `--help` prints. */
export const USAGE = `Usage: smmkit-mcp [--config smmkit.config.json] [--simulate] [--store smm.db] [--allow id,id]

An MCP server on stdio: validate, calendar, inbox_list and report for the config's accounts;
publish, schedule and inbox_reply only for the account ids given with --allow.

  --config <file>   the smmkit config (default: smmkit.config.json, .ts, .mjs or .js here)
  --simulate        run on the built-in platform simulators, no credentials needed
  --store <file>    the SQLite file (default: the config's; in a simulation, memory)
  --allow <ids>     account ids the publishing tools may act for, comma-separated or repeated
  --help            this text`;

/**
 * Reads `smmkit-mcp`'s arguments.
 *
 * @throws ValidationError for an unknown option or a missing value
 */
export function parseServerArgs(argv: readonly string[]): ServerArgs {
  let values: ReturnType<typeof read>['values'];
  try {
    values = read(argv).values;
  } catch (error) {
    // node:util names the option; its message holds nothing else from the command line.
    throw new ValidationError(
      [
        {
          path: [],
          rule: 'args.invalid',
          message: error instanceof Error ? error.message : 'invalid arguments',
        },
      ],
      'arguments',
      { hint: 'Run smmkit-mcp --help for the options.' },
    );
  }
  return {
    config: values.config,
    simulate: values.simulate === true,
    store: values.store,
    allow: (values.allow ?? []).flatMap((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    ),
    help: values.help === true,
  };
}

function read(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      config: { type: 'string' },
      simulate: { type: 'boolean' },
      store: { type: 'string' },
      allow: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
