#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig, openSmmkit } from '@smmkit/cli';
import { SmmkitError, ValidationError } from '@smmkit/core';
import { createSmmkitMcpServer } from './create-server.js';
import { parseServerArgs, USAGE } from './server-args.js';

// stdout carries the protocol: everything for people goes to stderr.
async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2));
  if (args.help) {
    console.error(USAGE);
    return;
  }
  const config = await loadConfig(args.config);
  if (config === undefined && !args.simulate) {
    throw new ValidationError(
      [
        {
          path: [],
          rule: 'config.file',
          message: 'no smmkit.config.json (or .ts, .mjs, .js) in the working directory',
        },
      ],
      'config',
      {
        hint: 'Pass --config with the path to your config, or --simulate to try the tools on the simulators.',
      },
    );
  }
  const opened = await openSmmkit(config ?? {}, {
    simulate: args.simulate,
    ...(args.store === undefined ? {} : { store: args.store }),
  });
  const server = createSmmkitMcpServer({ app: opened.smm, adapters: opened.adapters, allow: args.allow });

  let closing: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      await server.close();
      await opened.close();
    })();
    return closing;
  };
  // The host ends the session by closing stdin, or by a signal.
  process.stdin.once('end', () => void shutdown());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void shutdown().finally(() => process.exit(0));
    });
  }
  await server.connect(new StdioServerTransport());
  const allowed =
    args.allow.length === 0 ? 'publishing off (no --allow)' : `publishing for ${args.allow.join(', ')}`;
  console.error(`smmkit-mcp ready${args.simulate ? ' on the simulators' : ''}: ${allowed}`);
}

main().catch((error: unknown) => {
  if (SmmkitError.isInstance(error)) console.error(`${error.message}\nHint: ${error.hint}`);
  else console.error(error);
  process.exitCode = 1;
});
