import { parsePost, ValidationError } from '@smmkit/core';
import type { PublishOutcome } from '@smmkit/core/publisher';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import type { Task } from '../output/output.js';
import { accountsOf, type CommandContext, withApp } from './context.js';
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

/** The exit code of a set of outcomes: any failure → 1, else any unknown → 3, else 0. */
export function exitOf(statuses: readonly string[]): ExitCode {
  if (statuses.includes('failed')) return EXIT.failure;
  if (statuses.includes('unknown')) return EXIT.unknown;
  return EXIT.ok;
}

/** `smmkit publish post.json --to brand-x,brand-linkedin`: publishes now, one outcome per account. */
export async function publishCommand(
  context: CommandContext,
  file: string,
  options: { readonly to: string; readonly idempotencyKey?: string | undefined },
): Promise<ExitCode> {
  const accounts = accountsOf(context, options.to);
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
  return withApp(context, async (app) => {
    // Each target on the task list, with its progress; events carry the platform account.
    const idOf = (platform: string, accountId: string): string =>
      app.accounts.find((account) => account.platform === platform && account.accountId === accountId)?.id ??
      `${platform}:${accountId}`;
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
    let outcomes: PublishOutcome[];
    try {
      outcomes = await app.smm.publish(post, {
        to: accounts.map((account) => account.id),
        ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
      });
    } catch (error) {
      for (const task of tasks.values()) task.end('failed');
      if (ValidationError.isInstance(error)) throw new CliError(EXIT.usage, error.message);
      throw error;
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
    output.data({
      ok: outcomes.every((o) => o.status === 'published'),
      outcomes: rows.map(({ id, outcome }) => outcomeJson(id, outcome)),
    });
    for (const { id, outcome } of rows) {
      if (outcome.status === 'published') {
        output.line(
          `${output.paint('green', 'published')} ${id} ${outcome.result.url ?? outcome.result.ref.platformPostId}`,
        );
      } else if (outcome.status === 'failed') {
        output.line(
          `${output.paint('red', 'failed')}    ${id} ${outcome.error.code}: ${outcome.error.message}`,
        );
        output.line(`            ${output.paint('dim', outcome.hint)}`);
      } else {
        output.line(
          `${output.paint('magenta', 'unknown')}   ${id} ${outcome.error.code}: check by hand (${outcome.checked.join('; ')})`,
        );
      }
    }
    return exitOf(outcomes.map((outcome) => outcome.status));
  });
}
