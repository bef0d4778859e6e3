import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type EngagementKind, SmmkitError } from '@smmkit/core';
import type { InboxItem, InboxStatus, PollResult } from '@smmkit/core/inbox';
import * as z from 'zod';
import { accountIdsByKey, accountKeysOf, type ToolContext } from '../tool-context.js';
import { runTool, type ToolOutput } from '../tool-result.js';

const STATUSES = ['new', 'seen', 'replied', 'resolved'] as const satisfies readonly InboxStatus[];
const KINDS = [
  'comment',
  'reply',
  'mention',
  'direct_message',
  'reaction',
] as const satisfies readonly EngagementKind[];

interface InboxListInput {
  readonly poll?: boolean | undefined;
  readonly statuses?: readonly InboxStatus[] | undefined;
  readonly kinds?: readonly EngagementKind[] | undefined;
  readonly accounts?: readonly string[] | undefined;
  readonly text?: string | undefined;
  readonly limit?: number | undefined;
}

/** An item as the tool shows it: what a person answers, without the platform's raw payload. */
function itemData(item: InboxItem, account: string | undefined): Record<string, unknown> {
  return {
    platform: item.platform,
    id: item.id,
    account: account ?? item.accountId,
    kind: item.kind,
    status: item.status,
    author: item.author,
    text: item.text,
    createdAt: item.createdAt,
    ...(item.postRef?.url === undefined ? {} : { postUrl: item.postRef.url }),
    ...(item.assignee === undefined ? {} : { assignee: item.assignee }),
    tags: item.tags,
  };
}

/** A round's failures, each as its listing and the error's code and message (never a secret). */
function pollData(result: PollResult): Record<string, unknown> {
  return {
    added: result.added.length,
    failures: result.failures.map(({ source, error }) => ({
      platform: source.platform,
      accountId: source.accountId,
      error: SmmkitError.isInstance(error)
        ? { code: error.code, message: error.message, hint: error.hint }
        : { code: 'internal', message: 'the listing failed unexpectedly' },
    })),
  };
}

async function listInbox(context: ToolContext, input: InboxListInput): Promise<ToolOutput> {
  const accounts =
    input.accounts === undefined ? undefined : await accountKeysOf(context.app, input.accounts, ['accounts']);
  const polled = input.poll === false ? undefined : await context.app.inbox.poll();
  const limit = input.limit ?? 20;
  const idOf = await accountIdsByKey(context.app);
  const items: InboxItem[] = [];
  let more = false;
  for await (const item of context.app.inbox.items({
    ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
    ...(input.kinds === undefined ? {} : { kinds: input.kinds }),
    ...(accounts === undefined ? {} : { accounts }),
    ...(input.text === undefined ? {} : { text: input.text }),
  })) {
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(item);
  }
  const lines = items.map(
    (item) =>
      `[${item.platform}:${item.id}] ${item.status} ${item.kind} on ${idOf(item.platform, item.accountId) ?? item.accountId} ` +
      `from @${item.author.handle ?? item.author.id}: ${item.text}`,
  );
  const header =
    polled === undefined
      ? ''
      : `Polled: ${polled.added.length} new, ${polled.failures.length} listing(s) failed.\n`;
  return {
    text: `${header}${lines.length === 0 ? 'No items.' : lines.join('\n')}${more ? `\n(more than ${limit}; narrow the filter or raise limit)` : ''}`,
    data: {
      ...(polled === undefined ? {} : { polled: pollData(polled) }),
      items: items.map((item) => itemData(item, idOf(item.platform, item.accountId))),
      more,
    },
  };
}

/** Registers `inbox_list`: comments, replies, mentions and messages of every account, newest first. */
export function registerInboxListTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'inbox_list',
    {
      title: 'Read the inbox',
      description:
        'Lists the comments, replies, mentions and direct messages of every connected account, newest first, ' +
        'after one round of polling the platforms (poll: false reads only what the inbox already holds). ' +
        'Answer one with inbox_reply, by its platform, account and id.',
      inputSchema: {
        poll: z.boolean().optional().describe('Poll every account first (default true); reads only.'),
        statuses: z.array(z.enum(STATUSES)).min(1).optional().describe('Only items in these states.'),
        kinds: z.array(z.enum(KINDS)).min(1).optional().describe('Only these kinds.'),
        accounts: z.array(z.string().min(1)).min(1).optional().describe('Only items of these account ids.'),
        text: z
          .string()
          .min(1)
          .optional()
          .describe('Only items whose text contains this (case-insensitive).'),
        limit: z.number().int().min(1).max(100).optional().describe('At most this many items (default 20).'),
      },
      outputSchema: {
        polled: z
          .object({ added: z.number().int(), failures: z.array(z.looseObject({ platform: z.string() })) })
          .optional(),
        items: z.array(
          z.looseObject({
            platform: z.string(),
            id: z.string(),
            account: z.string(),
            kind: z.string(),
            text: z.string(),
          }),
        ),
        more: z.boolean().describe('True when more items match than limit.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    (input) => runTool(() => listInbox(context, input)),
  );
}
