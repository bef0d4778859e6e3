import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ScheduleEntry } from '@smmkit/core';
import type { When } from '@smmkit/core/scheduler';
import * as z from 'zod';
import { accountIdsInput, PostInput, ZoneInput } from '../schemas.js';
import { accountIdsByKey, type ToolContext } from '../tool-context.js';
import { parseToolPost } from '../tool-post.js';
import { runTool, type ToolOutput } from '../tool-result.js';

const LocalTimeInput = z.object({
  at: z.string().describe('A wall time, "YYYY-MM-DDTHH:mm", without offset.'),
  zone: ZoneInput,
});

const WhenInput = z
  .union([
    z
      .string()
      .describe('"next-slot" (each account\'s next free queue slot) or an ISO instant with Z or an offset.'),
    LocalTimeInput,
    z.object({
      rrule: z.string().describe('An RFC 5545 rule, e.g. "FREQ=WEEKLY;BYDAY=MO,WE".'),
      start: LocalTimeInput,
    }),
  ])
  .describe(
    'When: an ISO instant, { at, zone } (a wall time, DST handled), "next-slot", or { rrule, start }.',
  );

/** The part of an entry the tool shows, with the app's account ids. */
export function entrySummary(
  entry: ScheduleEntry,
  idOf: (platform: string, accountId: string) => string | undefined,
): Record<string, unknown> {
  return {
    id: entry.id,
    status: entry.status,
    publishAt: entry.publishAt,
    timeZone: entry.timeZone,
    accounts: entry.targets.map((target) => idOf(target.platform, target.accountId) ?? target.accountId),
    text: entry.post.text,
    ...(entry.results === undefined ? {} : { results: entry.results }),
    ...(entry.error === undefined ? {} : { error: entry.error }),
  };
}

async function schedule(
  context: ToolContext,
  input: unknown,
  to: readonly string[],
  at: When,
  options: { readonly approval?: boolean | undefined; readonly draft?: boolean | undefined },
): Promise<ToolOutput> {
  context.allow.check(to, (index) => ['to', index]);
  const post = parseToolPost(input);
  const entries = await context.app.schedule(post, {
    to,
    at,
    ...(options.approval === true ? { approval: 'required' as const } : {}),
    ...(options.draft === true ? { draft: true } : {}),
  });
  const idOf = await accountIdsByKey(context.app);
  const summaries = entries.map((entry) => entrySummary(entry, idOf));
  return {
    text: entries
      .map(
        (entry) =>
          `${entry.id}: ${entry.status} for ${entry.publishAt.toISOString()} (${entry.timeZone}) to ` +
          entry.targets
            .map((target) => idOf(target.platform, target.accountId) ?? target.accountId)
            .join(', '),
      )
      .join('\n'),
    data: { entries: summaries },
  };
}

/** Registers `schedule`, for the allowed accounts only. */
export function registerScheduleTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'schedule',
    {
      title: 'Schedule a post',
      description:
        `Plans a post for connected accounts by id, on the scheduler's store. Allowed accounts: ${context.allow.ids.join(', ')}. ` +
        'The post goes out when a smmkit scheduler worker runs (smmkit-mcp does not publish scheduled posts itself).',
      inputSchema: {
        post: PostInput,
        to: accountIdsInput(
          `Account ids to plan for, each on the allow list (${context.allow.ids.join(', ')}).`,
        ),
        at: WhenInput,
        approval: z
          .boolean()
          .optional()
          .describe("True: the entry waits for a person's approval before it may go out."),
        draft: z
          .boolean()
          .optional()
          .describe('True: plan it as a draft; nothing goes out until it is submitted.'),
      },
      outputSchema: {
        entries: z.array(
          z.looseObject({
            id: z.string(),
            status: z.string(),
            publishAt: z.string(),
            accounts: z.array(z.string()),
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
    ({ post, to, at, approval, draft }) =>
      runTool(() => schedule(context, post, to, at, { approval, draft })),
  );
}
