import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ValidationError } from '@smmkit/core';
import * as z from 'zod';
import { accountKeysOf, type ToolContext } from '../tool-context.js';
import { runTool, type ToolOutput } from '../tool-result.js';

interface ReplyInput {
  readonly platform: string;
  readonly account: string;
  readonly id: string;
  readonly text: string;
  readonly despiteUncertainReply?: boolean | undefined;
}

async function reply(context: ToolContext, input: ReplyInput): Promise<ToolOutput> {
  // The allow list names the app's ids: the item's account must be one of them.
  const { account } = input;
  context.allow.check([account], () => ['account']);
  const [key] = await accountKeysOf(context.app, [account], ['account']);
  // One post can engage two of the app's accounts: the inbox keeps an item for each.
  const ref =
    key?.platform === input.platform
      ? { platform: key.platform, accountId: key.accountId, id: input.id }
      : undefined;
  const item = ref === undefined ? undefined : await context.app.inbox.get(ref);
  if (ref === undefined || item === undefined) {
    throw new ValidationError(
      [
        {
          path: ['id'],
          rule: 'inbox.unknown_item',
          message: `the inbox holds no ${input.platform} item "${input.id}" of ${account}`,
          actual: input.id,
        },
      ],
      'request',
      { hint: 'Take the platform, account and id from inbox_list; nothing was sent.' },
    );
  }
  const answered = await context.app.inbox.reply(ref, input.text, {
    despiteUncertainReply: input.despiteUncertainReply === true,
  });
  return {
    text: `Replied on ${account} to @${item.author.handle ?? item.author.id}: ${answered.reply.text}`,
    data: {
      account,
      reply: { platform: answered.reply.platform, id: answered.reply.id, text: answered.reply.text },
      item: { platform: answered.item.platform, id: answered.item.id, status: answered.item.status },
    },
  };
}

/** Registers `inbox_reply`, for items of the allowed accounts only. */
export function registerInboxReplyTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'inbox_reply',
    {
      title: 'Reply to an inbox item',
      description:
        `Replies publicly (or in the conversation, for a direct message) to an item from inbox_list, as its account. ` +
        `Only items of the allowed accounts: ${context.allow.ids.join(', ')}. The item becomes "replied". ` +
        'Retry a call only with its same idempotencyKey: then the reply is not sent twice while this server ' +
        'process runs. The keys are kept in the server process only: after the server restarted (or more than ' +
        '1,000 later replies), a retry sends the reply again, so first check in inbox_list whether the item is already "replied". ' +
        'A reply whose outcome was unknown (its answer was lost) is kept on the item: the next reply to it, under any key, is ' +
        'refused with rule inbox.reply_uncertain and nothing is sent, until despiteUncertainReply is true.',
      inputSchema: {
        platform: z.string().min(1).describe("The item's platform, from inbox_list."),
        account: z.string().min(1).describe("The item's account, from inbox_list."),
        id: z.string().min(1).describe("The item's id, from inbox_list."),
        text: z.string().min(1).describe('The reply.'),
        despiteUncertainReply: z
          .boolean()
          .optional()
          .describe(
            'Reply even though an earlier reply to this item got no answer (inbox.reply_uncertain). Set it only ' +
              'after the user checked the item on the platform and the earlier reply is not there.',
          ),
        idempotencyKey: z
          .string()
          .min(1)
          .describe(
            'The key that makes a retry of THIS reply safe: make up a new one (a UUID) for each new reply, and ' +
              'reuse it exactly when retrying the same reply (after a timeout or an error); a retry with the same ' +
              'key does not reply twice while this server process runs (the keys are not kept across restarts). ' +
              'A new reply needs a new key.',
          ),
      },
      outputSchema: {
        account: z.string(),
        reply: z.object({ platform: z.string(), id: z.string(), text: z.string() }),
        item: z.object({ platform: z.string(), id: z.string(), status: z.string() }),
      },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    ({ idempotencyKey, ...input }) =>
      runTool(() => context.replies.run(idempotencyKey, JSON.stringify(input), () => reply(context, input))),
  );
}
