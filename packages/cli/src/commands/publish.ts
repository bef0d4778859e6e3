import { randomUUID } from 'node:crypto';
import { parsePost, ValidationError } from '@smmkit/core';
import type { PublishOutcome } from '@smmkit/core/publisher';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import type { Task } from '../output/output.js';
import { accountsOf, type CommandContext, withApp } from './context.js';
import { exitOf } from './outcome-exit.js';
import { readPostFile } from './read-post.js';

/** An outcome for scripts: the account id, and what happened, without the error's internals. */
function outcomeJson(account: string, outcome: PublishOutcome): Record<string, unknown> {
  const base = { account, platform: outcome.target.platform, status: outcome.status };
  if (outcome.status === 'published') {
    return {
      ...base,
      id: outcome.result.ref.platformPostId,
      url: outcome.result.url ?? null,
      warnings: outcome.result.warnings,
    };
  }
  if (outcome.status === 'failed')
    return { ...base, code: outcome.error.code, message: outcome.error.message, hint: outcome.hint };
  return { ...base, code: outcome.error.code, message: outcome.error.message, checked: outcome.checked };
}

/** The signals that stop a publish: Ctrl-C, and `kill` (what CI runners and process managers send). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** The line that tells how to retry a publish safely. */
const retryWith = (key: string): string =>
  `re-run with --idempotency-key ${key} to retry safely (nothing is published twice)`;

/**
 * `smmkit publish post.json --to brand-x,brand-linkedin`: publishes now, one outcome per account.
 * Without `--idempotency-key` the command makes a key and prints it on stderr before anything is
 * sent, so a run cut short can be retried safely. Ctrl-C (or SIGTERM) stops the publish: queued
 * targets are not sent, a create in flight is reported `unknown`, and the command exits 3 with
 * the key to retry with; a second Ctrl-C exits at once.
 */
export async function publishCommand(
  context: CommandContext,
  file: string,
  options: { readonly to: string; readonly idempotencyKey?: string | undefined },
): Promise<ExitCode> {
  const accounts = accountsOf(context, options.to);
  // An empty key is most often a shell variable that was not set: every post of that script
  // would share it, and each one after the first would fail as a reused key.
  if (options.idempotencyKey?.trim() === '') {
    throw new CliError(
      EXIT.usage,
      '--idempotency-key is empty: give a key (a new one for each post), or leave the option out and smmkit makes one',
    );
  }
  let post: ReturnType<typeof parsePost>;
  try {
    post = parsePost(readPostFile(file));
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    context.output.error(error.message);
    context.output.data({ ok: false, problems: error.problems });
    return EXIT.failure;
  }
  const { output } = context;
  const key = options.idempotencyKey ?? randomUUID();
  return withApp(context, async (app) => {
    // Each target on the task list, with its progress; events carry the platform account.
    const idOf = (platform: string, accountId: string): string =>
      app.accounts.find((account) => account.platform === platform && account.accountId === accountId)?.id ??
      `${platform}:${accountId}`;
    if (options.idempotencyKey === undefined)
      output.error(`idempotency key ${key}: if this run is cut short, ${retryWith(key)}`);
    const tasks = new Map<string, Task>(
      accounts.map((account) => [account.id, output.task(`${account.id} publishing`)]),
    );
    app.smm.publisher.events.on('retry', ({ target, code, attempt }) =>
      output.error(
        output.paint(
          'yellow',
          `  ${idOf(target.platform, target.accountId)}: ${code}, retrying (attempt ${attempt})`,
        ),
      ),
    );
    const stop = new AbortController();
    const interrupt = (): void => {
      if (stop.signal.aborted) {
        // The second Ctrl-C: the user will not wait. The outbox keeps the intent under `key`.
        output.error(`Interrupted again: exiting now. The outcome is unknown: ${retryWith(key)}.`);
        process.exit(EXIT.unknown);
      }
      output.error('Interrupted: stopping the publish (Ctrl-C again to exit at once)…');
      stop.abort();
    };
    for (const signal of STOP_SIGNALS) process.on(signal, interrupt);
    let outcomes: PublishOutcome[];
    try {
      outcomes = await app.smm.publish(post, {
        to: accounts.map((account) => account.id),
        idempotencyKey: key,
        signal: stop.signal,
      });
    } catch (error) {
      for (const task of tasks.values()) task.end('failed');
      if (ValidationError.isInstance(error)) throw new CliError(EXIT.usage, error.message);
      throw error;
    } finally {
      for (const signal of STOP_SIGNALS) process.off(signal, interrupt);
    }
    const rows = outcomes.map((outcome) => ({
      id: idOf(outcome.target.platform, outcome.target.accountId),
      outcome,
    }));
    for (const { id, outcome } of rows) {
      tasks
        .get(id)
        ?.end(outcome.status === 'published' ? 'ok' : outcome.status === 'failed' ? 'failed' : 'warning');
    }
    const allPublished = outcomes.every((o) => o.status === 'published');
    const interrupted = stop.signal.aborted && !allPublished;
    output.data({
      ok: allPublished,
      idempotencyKey: key,
      ...(interrupted ? { interrupted: true } : {}),
      outcomes: rows.map(({ id, outcome }) => outcomeJson(id, outcome)),
    });
    for (const { id, outcome } of rows) {
      if (outcome.status === 'published') {
        output.line(
          `${output.paint('green', 'published')} ${id} ${outcome.result.url ?? outcome.result.ref.platformPostId}`,
        );
        for (const warning of outcome.result.warnings) {
          output.line(`            ${output.paint('yellow', `! ${warning.code}:`)} ${warning.message}`);
        }
      } else if (outcome.status === 'failed') {
        output.line(
          `${output.paint('red', 'failed')}    ${id} ${outcome.error.code}: ${outcome.error.message}`,
        );
        output.line(`            ${output.paint('dim', outcome.hint)}`);
      } else {
        output.line(
          `${output.paint('magenta', 'unknown')}   ${id} ${outcome.error.code}: check by hand${outcome.checked.length === 0 ? '' : ` (${outcome.checked.join('; ')})`}`,
        );
      }
    }
    if (interrupted) {
      output.error(
        `The publish was interrupted: what was sent may be on the platform, so its outcome is unknown. Check the platform, or ${retryWith(key)}.`,
      );
      return EXIT.unknown;
    }
    if (outcomes.some((outcome) => outcome.status === 'unknown')) {
      output.error(`An outcome is unknown: check the platform, or ${retryWith(key)}.`);
    }
    return exitOf(outcomes.map((outcome) => outcome.status));
  });
}
