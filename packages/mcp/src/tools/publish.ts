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

/** What an `unknown` outcome means, and the one safe way to retry it. */
const UNKNOWN_MEANS =
  'UNKNOWN: the post may be on the platform. Check the account before anything else; if you retry, ' +
  'call publish again with the SAME idempotencyKey (then nothing is published twice), never with a new key';

function outcomeLine(account: string, outcome: PublishOutcome): string {
  if (outcome.status === 'published') {
    const warnings = outcome.result.warnings.map((warning) => ` Warning ${warning.code}: ${warning.message}`);
    return `${account}: published ${outcome.result.url ?? outcome.result.ref.platformPostId}${warnings.join('')}`;
  }
  if (outcome.status === 'failed')
    return `${account}: failed (${outcome.error.code}) ${outcome.error.message} Hint: ${outcome.hint}`;
  const checked = outcome.checked.length === 0 ? '' : ` (checked: ${outcome.checked.join('; ')})`;
  return `${account}: ${UNKNOWN_MEANS}${checked}.`;
}

async function publish(
  context: ToolContext,
  input: unknown,
  to: readonly string[],
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<ToolOutput> {
  context.allow.check(to, (index) => ['to', index]);
  const post = parseToolPost(input);
  // The client's cancellation (its timeout, or the user's stop) reaches the publish: queued
  // targets are not sent and a create in flight ends `unknown`, recorded under the key
  // (https://modelcontextprotocol.io/specification/2025-06-18/basic/utilities/cancellation).
  const outcomes = await context.app.publish(post, { to, idempotencyKey, signal });
  // One outcome per target, in `to` order.
  const rows = outcomes.map((outcome, index) => ({
    account: to[index] ?? outcome.target.accountId,
    outcome,
  }));
  const count = (status: PublishOutcome['status']): number =>
    rows.filter((row) => row.outcome.status === status).length;
  return {
    text: rows.map((row) => outcomeLine(row.account, row.outcome)).join('\n'),
    data: {
      published: count('published'),
      failed: count('failed'),
      unknown: count('unknown'),
      outcomes: rows.map((row) => outcomeData(row.account, row.outcome)),
    },
    // An error only when every target failed: a published or unknown target may be on the
    // platform, and an error result invites the retry that would post it twice.
    isError: count('failed') === rows.length,
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
        'what to do, or unknown: the post may be on the platform, so check before publishing again). ' +
        'Give every new post a new idempotencyKey, and retry a call (after a timeout, an error or an unknown ' +
        'outcome) only with the same key: then nothing is published twice.',
      inputSchema: {
        post: PostInput,
        to: accountIdsInput(
          `Account ids to publish to, each on the allow list (${context.allow.ids.join(', ')}).`,
        ),
        idempotencyKey: z
          .string()
          .min(1)
          .describe(
            'The key that makes a retry of THIS post safe: make up a new one (a UUID) for each new post, and ' +
              'reuse it exactly when retrying the same post (after a timeout, an error or an unknown outcome); ' +
              'a retry with the same key never publishes twice. A new post needs a new key: a key already ' +
              'used answers with what it published before.',
          ),
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
        // Not idempotent by itself: only a retry with the same idempotencyKey is.
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    ({ post, to, idempotencyKey }, extra) =>
      runTool(() => publish(context, post, to, idempotencyKey, extra.signal)),
  );
}
