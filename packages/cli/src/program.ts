import { createRequire } from 'node:module';
import { SmmkitError } from '@smmkit/core';
import { Command, CommanderError, Option } from 'commander';
import { parseAtOption } from './commands/at-option.js';
import { calendarCommand } from './commands/calendar.js';
import { capabilitiesCommand } from './commands/capabilities.js';
import {
  type CommandContext,
  type ContextNeeds,
  commandContext,
  type GlobalOptions,
} from './commands/context.js';
import { doctorCommand } from './commands/doctor.js';
import { inboxListCommand, inboxReplyCommand } from './commands/inbox.js';
import { publishCommand } from './commands/publish.js';
import { reportCommand } from './commands/report.js';
import { cancelCommand, runDueCommand, scheduleCommand } from './commands/schedule.js';
import { validateCommand } from './commands/validate.js';
import { CliError, EXIT, type ExitCode } from './output/exit-codes.js';
import { createOutput, type Output } from './output/output.js';

/** What a run learns on its way: its exit code, `--json`, and the output (which knows the secrets). */
interface RunState {
  code: ExitCode;
  json: boolean;
  output?: Output;
}

const EXIT_CODES_HELP = `
Exit codes:
  0   ok
  1   a failure outcome (post problems, a failed publish, an account with a problem)
  2   usage or config error
  3   a publish or reply whose outcome is unknown, or a publish that was
      interrupted (check the platform, or re-run a publish with the
      idempotency key it printed; never re-run a reply blindly)
  70  a bug in smmkit

Try it offline, with no config and no credentials:
  smmkit --simulate doctor`;

/** The package's version (dist/cli.js sits one folder below package.json). */
function version(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

/** Makes the program; every action stores its exit code in `result`. */
function program(result: RunState): Command {
  const root = new Command('smmkit')
    .description('Publish, schedule, answer and report across X, Instagram, Facebook, LinkedIn and TikTok.')
    .version(version(), '-v, --version')
    .option('-c, --config <path>', 'the config file (default: ./smmkit.config.json, .ts, .mjs or .js)')
    .option('--simulate', 'run against the built-in platform simulators: no network, no credentials')
    .option(
      '--store <path>',
      "the SQLite file (overrides the config's store; with --simulate, where the simulation keeps its schedule)",
    )
    .option('--json', 'print one JSON document on stdout, for scripts')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  /** Runs a command's action with the context built from the global options. */
  const action =
    <A extends unknown[]>(
      run: (context: CommandContext, ...args: A) => ExitCode | Promise<ExitCode>,
      needs: ContextNeeds = {},
    ) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals<GlobalOptions>();
      result.json = globals.json === true;
      const context = await commandContext(globals, needs);
      result.output = context.output;
      result.code = await run(context, ...(args.slice(0, -1) as A));
    };

  root
    .command('doctor')
    .description('check every account: authentication, token expiry, scopes per operation, rate budget')
    .action(action((context) => doctorCommand(context)));

  root
    .command('validate')
    .description("check a post against every target's rules at once, with no network")
    .argument('<post>', 'the post as JSON (a file, or - for stdin)')
    .requiredOption(
      '--to <targets>',
      'account ids or platforms, comma-separated (x,instagram,brand-linkedin)',
    )
    .action(
      action((context, file: string, options: { to: string }) => validateCommand(context, file, options.to), {
        configOptional: true,
      }),
    );

  root
    .command('publish')
    .description('publish a post now to accounts; one outcome per account')
    .argument('<post>', 'the post as JSON (a file, or - for stdin)')
    .requiredOption('--to <accounts>', 'account ids, comma-separated')
    .option(
      '--idempotency-key <key>',
      'the same key never publishes twice (re-running a script is safe); without it, a key is made and printed',
    )
    .action(
      action((context, file: string, options: { to: string; idempotencyKey?: string }) =>
        publishCommand(context, file, options),
      ),
    );

  const schedule = root
    .command('schedule')
    .description('plan a post in the schedule (run due entries with "schedule run")')
    .argument('[post]', 'the post as JSON (a file, or - for stdin)')
    .option('--to <accounts>', 'account ids, comma-separated')
    .addOption(
      // Checked as it is read: a typo is a usage error before the config or the store is touched.
      new Option('--at <when>', 'next-slot, or a future instant (2026-05-01T09:00Z) or wall time with --zone')
        .default('next-slot')
        .argParser(parseAtOption),
    )
    .option('--zone <zone>', "the IANA zone of a wall time (default: the first account's)")
    .action(
      action(
        async (context, file: string | undefined, options: { to?: string; at: string; zone?: string }) => {
          if (file === undefined || options.to === undefined) {
            throw new CliError(
              EXIT.usage,
              'schedule needs a post file and --to (smmkit schedule post.json --to brand-x)',
            );
          }
          return scheduleCommand(context, file, { ...options, to: options.to });
        },
      ),
    );
  schedule
    .command('run')
    .description('publish every entry that is due, once, and wait for the outcomes (for cron)')
    .action(action((context) => runDueCommand(context)));
  schedule
    .command('cancel')
    .description('cancel a scheduled entry')
    .argument('<id>', 'the entry id (calendar shows it)')
    .action(action((context, id: string) => cancelCommand(context, id)));

  root
    .command('calendar')
    .description('the schedule by local day')
    .option('--from <date>', 'from this day or wall time in --zone, or an instant (default: now)')
    .option('--to <date>', 'until this day or wall time in --zone, or an instant (default: 14 days later)')
    .option('--zone <zone>', "the calendar's IANA zone (default: the first account's)")
    .action(
      action((context, options: { from?: string; to?: string; zone?: string }) =>
        calendarCommand(context, options),
      ),
    );

  const inbox = root.command('inbox').description('comments, mentions and messages of every account');
  inbox
    .command('list', { isDefault: true })
    .description('poll every account, then list the items')
    .option('--no-poll', 'list what the store holds without polling')
    .option('--status <statuses>', 'only these statuses: new, seen, replied, resolved (comma-separated)')
    .option('--limit <n>', 'at most this many items', '50')
    .action(
      action((context, options: { poll: boolean; status?: string; limit: string }) =>
        inboxListCommand(context, options),
      ),
    );
  inbox
    .command('reply')
    .description('answer an item through its platform')
    .argument('<item>', 'the item, as platform:id (inbox list shows it)')
    .argument('<text>', 'the reply')
    .option('--account <id>', 'the account to reply as, when the item engages several of yours')
    .option(
      '--despite-uncertain-reply',
      'reply even though an earlier reply to the item got no answer (check the platform first)',
    )
    .action(
      action(
        (
          context,
          item: string,
          text: string,
          options: { account?: string; despiteUncertainReply?: boolean },
        ) => inboxReplyCommand(context, item, text, options),
      ),
    );

  root
    .command('report')
    .description("read the accounts' posts and metrics in a range and write the HTML report and a CSV")
    .option(
      '--from <date>',
      'from this day or wall time in --zone, or an instant (default: 28 days before --to)',
    )
    .option('--to <date>', 'until this day or wall time in --zone, or an instant (default: now)')
    .option('--html <file>', 'write the HTML report here')
    .option('--csv <file>', 'write one row per post here')
    .option('--title <title>', "the report's title")
    .option('--zone <zone>', "the report's IANA zone (default: the first account's)")
    .action(
      action(
        (
          context,
          options: { from?: string; to?: string; html?: string; csv?: string; title?: string; zone?: string },
        ) => reportCommand(context, options),
      ),
    );

  root
    .command('capabilities')
    .description('what each adapter supports, as a matrix')
    .addOption(new Option('--platform <platforms>', 'only these platforms, comma-separated'))
    .action(
      action(
        (context, options: { platform?: string }) =>
          capabilitiesCommand(
            context,
            options.platform
              ?.split(',')
              .map((p) => p.trim())
              .filter((p) => p.length > 0) ?? [],
          ),
        { configOptional: true },
      ),
    );
  return root;
}

/**
 * Runs the command line and resolves with its exit code (see `EXIT`). Never throws: errors are
 * printed (with every secret the config points at redacted) and mapped to a code.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const result: RunState = { code: EXIT.ok, json: argv.includes('--json') };
  try {
    await program(result).parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    const output = result.output ?? createOutput(result.json);
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander already printed its message.
      if (error.exitCode === 0) return EXIT.ok;
      output.data({ ok: false, error: { code: 'usage', message: error.message.replace(/^error: /, '') } });
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      output.error(error.message);
      output.data({
        ok: false,
        error: { code: error.code === EXIT.usage ? 'usage' : 'failure', message: error.message },
      });
      return error.code;
    }
    if (SmmkitError.isInstance(error)) {
      output.error(`${error.code}: ${error.message}\n${error.hint}`);
      output.data({ ok: false, error: { code: error.code, message: error.message, hint: error.hint } });
      return EXIT.failure;
    }
    output.error(
      `smmkit failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    // --json promises one document on stdout, whatever happened.
    output.data({
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    });
    return EXIT.internal;
  }
}
