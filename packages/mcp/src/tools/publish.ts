import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { PublishOutcome } from '@smmkit/core/publisher';
import * as z from 'zod';
import { accountIdsInput, PostInput } from '../schemas.js';
import type { ToolContext } from '../tool-context.js';
import { parseToolPost } from '../tool-post.js';
import { runTool, type ToolOutput } from '../tool-result.js';

/** One target's outcome, as the tool reports it. */
function outcomeData(account: string, outcome: PublishOutcome): Record<string, unknown> {
  const base = { account, platform: outcome.target.platform, status: outcome.status };
  if (outcome.status === 'published') {
    return {
      ...base,
      platformPostId: outcome.result.ref.platformPostId,
      url: outcome.result.url,
      warnings: outcome.result.warnings,
    };
  }
  const error = { code: outcome.error.code, message: outcome.error.message, hint: outcome.error.hint };
  if (outcome.status === 'failed') return { ...base, error: { ...error, hint: outcome.hint } };
  return { ...base, error, checked: outcome.checked };
}

function outcomeLine(account: string, outcome: PublishOutcome): string {
  if (outcome.status === 'published')
    return `${account}: published ${outcome.result.url ?? outcome.result.ref.platformPostId}`;
  if (outcome.status === 'failed')
    return `${account}: failed (${outcome.error.code}) ${outcome.error.message} Hint: ${outcome.hint}`;
  return `${account}: UNKNOWN, the post may be on the platform; check by hand before publishing again (${outcome.checked.join('; ')})`;
}

async function publish(
  context: ToolContext,
  input: unknown,
  to: readonly string[],
  idempotencyKey: string | undefined,
): Promise<ToolOutput> {
  context.allow.check(to, (index) => ['to', index]);
  const post = parseToolPost(input);
  const outcomes = await context.app.publish(post, {
    to,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  });
  // One outcome per target, in `to` order.
  const rows = outcomes.map((outcome, index) => ({
    account: to[index] ?? outcome.target.accountId,
    outcome,
  }));
  const published = rows.filter((row) => row.outcome.status === 'published').length;
  return {
    text: rows.map((row) => outcomeLine(row.account, row.outcome)).join('\n'),
    data: {
      published,
      failed: rows.filter((row) => row.outcome.status === 'failed').length,
      unknown: rows.filter((row) => row.outcome.status === 'unknown').length,
      outcomes: rows.map((row) => outcomeData(row.account, row.outcome)),
    },
    // Partly published is not an error: the published targets must not be published again.
    isError: published === 0,
  };
}

/** Registers `publish`, for the allowed accounts only. */
export function registerPublishTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'publish',
    {
      title: 'Publish a post now',
      description:
        `Publishes a post now to connected accounts by id. Allowed accounts: ${context.allow.ids.join(', ')}. ` +
        'Each target is validated first; one outcome per account (published with its URL, failed with why and ' +
        'what to do, or unknown: check by hand before publishing again). Never publish the same post twice.',
      inputSchema: {
        post: PostInput,
        to: accountIdsInput(
          `Account ids to publish to, each on the allow list (${context.allow.ids.join(', ')}).`,
        ),
        idempotencyKey: z
          .string()
          .min(1)
          .optional()
          .describe('A key stable across retries of this same publish, sent where the platform takes one.'),
      },
      outputSchema: {
        published: z.number().int(),
        failed: z.number().int(),
        unknown: z.number().int(),
        outcomes: z.array(
          z.looseObject({
            account: z.string(),
            platform: z.string(),
            status: z.enum(['published', 'failed', 'unknown']),
          }),
        ),
      },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    ({ post, to, idempotencyKey }) => runTool(() => publish(context, post, to, idempotencyKey)),
  );
}
