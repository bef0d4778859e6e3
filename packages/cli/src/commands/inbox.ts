import { ValidationError } from '@smmkit/core';
import type { InboxItem, InboxStatus } from '@smmkit/core/inbox';
import type { OpenApp } from '../app/open-app.js';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import { type CommandContext, describeError, withApp } from './context.js';
import { exitOf, statusOfError } from './outcome-exit.js';

const STATUSES: readonly InboxStatus[] = ['new', 'seen', 'replied', 'resolved'];

/** An item for scripts: its reference (`platform:id`, what `inbox reply` takes) and its fields, without `raw`. */
function itemJson(item: InboxItem): Record<string, unknown> {
  return {
    ref: `${item.platform}:${item.id}`,
    platform: item.platform,
    accountId: item.accountId,
    kind: item.kind,
    status: item.status,
    author: item.author.handle ?? item.author.id,
    text: item.text,
    createdAt: item.createdAt.toISOString(),
    tags: item.tags,
  };
}

/** Polls every account once; a listing that fails is reported and the others go on. */
async function poll(context: CommandContext, app: OpenApp): Promise<number> {
  const task = context.output.task('polling the inboxes');
  const result = await app.smm.inbox.poll();
  task.end(result.failures.length === 0 ? 'ok' : 'warning', `${result.added.length} new`);
  for (const failure of result.failures) {
    context.output.error(
      `${failure.source.platform} ${failure.source.accountId}: ${describeError(failure.error)}`,
    );
  }
  return result.failures.length;
}

/** `smmkit inbox list`: polls (unless `--no-poll`), then lists the items. */
export async function inboxListCommand(
  context: CommandContext,
  options: { readonly poll: boolean; readonly status?: string | undefined; readonly limit: string },
): Promise<ExitCode> {
  const statuses = options.status?.split(',').map((status) => status.trim());
  const unknown = statuses?.filter((status) => !(STATUSES as readonly string[]).includes(status)) ?? [];
  if (unknown.length > 0) throw new CliError(EXIT.usage, `--status takes ${STATUSES.join(', ')}`);
  // parseInt would read `5x` as 5: the whole value must be digits.
  const limit = /^\d+$/.test(options.limit.trim()) ? Number(options.limit) : Number.NaN;
  if (!Number.isSafeInteger(limit) || limit <= 0)
    throw new CliError(EXIT.usage, `--limit takes a positive whole number, not ${options.limit}`);
  const { output } = context;
  return withApp(context, async (app) => {
    const failures = options.poll ? await poll(context, app) : 0;
    const items: InboxItem[] = [];
    for await (const item of app.smm.inbox.items(
      statuses === undefined ? {} : { statuses: statuses as InboxStatus[] },
    )) {
      items.push(item);
      if (items.length >= limit) break;
    }
    output.data({ ok: failures === 0, items: items.map(itemJson) });
    if (items.length === 0) output.line(output.paint('dim', 'the inbox is empty'));
    // The app's account id says whose item it is (`inbox reply --account` takes it).
    const accountOf = new Map(
      (await app.smm.accounts.list()).map((each) => [`${each.platform}\u0000${each.accountId}`, each.id]),
    );
    for (const item of items) {
      const text = item.text.replace(/\s+/g, ' ').slice(0, 70);
      const account = accountOf.get(`${item.platform}\u0000${item.accountId}`) ?? item.accountId;
      output.line(
        `${output.paint('dim', `${item.platform}:${item.id}`)}  ${account}  ${item.status.padEnd(8)} ${item.kind.padEnd(8)} @${item.author.handle ?? item.author.id}: ${text}`,
      );
    }
    return failures === 0 ? EXIT.ok : EXIT.failure;
  });
}

/**
 * `smmkit inbox reply <platform:id> <text> [--account <id>] [--despite-uncertain-reply]`: answers
 * an item through its platform. Exits 1 when the reply failed, and 3 when its outcome is unknown
 * (the answer was lost after the request went out): the reply may be posted, so a script must not
 * simply retry. The inbox then refuses the next reply to the item (exit 1) until it is run with
 * `--despite-uncertain-reply`, after someone checked the platform.
 */
export async function inboxReplyCommand(
  context: CommandContext,
  ref: string,
  text: string,
  options: {
    readonly account?: string | undefined;
    readonly despiteUncertainReply?: boolean | undefined;
  } = {},
): Promise<ExitCode> {
  const at = ref.indexOf(':');
  if (at <= 0 || at === ref.length - 1)
    throw new CliError(EXIT.usage, `"${ref}" is not an item reference (platform:id, as inbox list shows)`);
  const named = { platform: ref.slice(0, at), id: ref.slice(at + 1) };
  const { output } = context;
  return withApp(context, async (app) => {
    let engagement = await itemNamed(app, named, ref, options.account);
    if (engagement === undefined) {
      await poll(context, app);
      engagement = await itemNamed(app, named, ref, options.account);
    }
    if (engagement === undefined) throw new CliError(EXIT.usage, `No inbox item ${ref}`);
    try {
      const { reply, item } = await app.smm.inbox.reply(engagement, text, {
        despiteUncertainReply: options.despiteUncertainReply === true,
      });
      output.data({
        ok: true,
        reply: { ref: `${reply.platform}:${reply.id}`, text: reply.text },
        item: itemJson(item),
      });
      output.line(`${output.paint('green', 'replied')} to ${ref}: ${reply.platform}:${reply.id}`);
      return EXIT.ok;
    } catch (error) {
      const status = statusOfError(error);
      output.data({ ok: false, status, error: describeError(error) });
      if (status === 'unknown') {
        // The reply may be on the platform: replying again could answer twice.
        output.error(
          `${output.paint('magenta', 'unknown')} ${describeError(error)}\nThe reply's outcome is unknown: it may have been posted. Check ${ref}'s replies on the platform before replying again.`,
        );
      } else if (isUncertainReplyRefusal(error)) {
        output.error(
          `${output.paint('red', 'failed')} ${describeError(error)}\nNothing was sent. Check ${ref}'s replies on the platform; if the earlier reply is not there, run this again with --despite-uncertain-reply.`,
        );
      } else {
        output.error(`${output.paint('red', 'failed')} ${describeError(error)}`);
      }
      return exitOf([status]);
    }
  });
}

/**
 * The stored item `platform:id` names, looked up for each connected account of that platform.
 * One post can engage several of the app's accounts (a mention of two): the inbox keeps an item
 * for each, and `account` (the app's account id) says which one to answer as.
 *
 * @throws CliError when `account` is not connected, or when several accounts hold the item and
 *   `account` is not given
 */
async function itemNamed(
  app: OpenApp,
  named: { readonly platform: string; readonly id: string },
  ref: string,
  account: string | undefined,
): Promise<InboxItem | undefined> {
  const accounts = (await app.smm.accounts.list()).filter(
    (each) => each.platform === named.platform && (account === undefined || each.id === account),
  );
  if (account !== undefined && accounts.length === 0)
    throw new CliError(EXIT.usage, `--account: no ${named.platform} account "${account}" is connected`);
  const found: { readonly item: InboxItem; readonly account: string }[] = [];
  for (const each of accounts) {
    const item = await app.smm.inbox.get({ ...named, accountId: each.accountId });
    if (item !== undefined) found.push({ item, account: each.id });
  }
  if (found.length <= 1) return found[0]?.item;
  throw new CliError(
    EXIT.usage,
    `${ref} is an engagement of several accounts (${found.map((each) => each.account).join(', ')}): pass --account with the one to reply as`,
  );
}

/** The inbox's refusal of a reply after one whose outcome is unknown (`inbox.reply_uncertain`). */
function isUncertainReplyRefusal(error: unknown): boolean {
  return (
    ValidationError.isInstance(error) &&
    error.problems.some((problem) => problem.rule === 'inbox.reply_uncertain')
  );
}
