import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ScheduleStatus } from '@smmkit/core';
import * as z from 'zod';
import { InstantInput, ZoneInput } from '../schemas.js';
import { accountIdsByKey, accountKeysOf, type ToolContext } from '../tool-context.js';
import { runTool, type ToolOutput } from '../tool-result.js';
import { entrySummary } from './schedule.js';

const DAY_MS = 86_400_000;
const STATUSES = [
  'draft',
  'awaiting_approval',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'unknown',
  'rejected',
  'cancelled',
] as const satisfies readonly ScheduleStatus[];

interface CalendarInput {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly zone?: string | undefined;
  readonly accounts?: readonly string[] | undefined;
  readonly statuses?: readonly ScheduleStatus[] | undefined;
}

async function calendar(context: ToolContext, input: CalendarInput): Promise<ToolOutput> {
  const from = input.from === undefined ? context.now() : new Date(input.from);
  const to = input.to === undefined ? new Date(from.getTime() + 7 * DAY_MS) : new Date(input.to);
  const zone = input.zone ?? 'UTC';
  const accounts =
    input.accounts === undefined ? undefined : await accountKeysOf(context.app, input.accounts, ['accounts']);
  const days = await context.app.scheduler.calendar({
    from,
    to,
    zone,
    ...(accounts === undefined ? {} : { accounts }),
    ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
  });
  const idOf = await accountIdsByKey(context.app);
  const lines = days.flatMap((day) => [
    day.date,
    ...day.items.map((item) => {
      const summary = entrySummary(item.entry, idOf);
      return `  ${item.time} ${item.entry.status} ${(summary.accounts as string[]).join(', ')}: ${item.entry.post.text ?? '(no text)'} [${item.entry.id}]`;
    }),
  ]);
  return {
    text:
      lines.length === 0
        ? `Nothing planned from ${from.toISOString()} to ${to.toISOString()}.`
        : [`Calendar in ${zone}, ${from.toISOString()} to ${to.toISOString()}:`, ...lines].join('\n'),
    data: {
      from,
      to,
      zone,
      days: days.map((day) => ({
        date: day.date,
        items: day.items.map((item) => ({
          local: item.local,
          time: item.time,
          offset: item.offset,
          entry: entrySummary(item.entry, idOf),
        })),
      })),
    },
  };
}

/** Registers `calendar`: the planned posts, by local day. */
export function registerCalendarTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'calendar',
    {
      title: 'Content calendar',
      description:
        "The scheduler's entries between two instants, grouped by local day in a time zone with their wall " +
        'times: what is planned, awaiting approval, published or failed, and for which accounts.',
      inputSchema: {
        from: InstantInput.optional().describe('From this instant (inclusive); default now.'),
        to: InstantInput.optional().describe('To this instant (exclusive); default 7 days after from.'),
        zone: ZoneInput.optional().describe('The IANA zone days and times are read in; default UTC.'),
        accounts: z
          .array(z.string().min(1))
          .min(1)
          .optional()
          .describe('Only entries for these account ids.'),
        statuses: z.array(z.enum(STATUSES)).min(1).optional().describe('Only entries in these states.'),
      },
      outputSchema: {
        from: z.string(),
        to: z.string(),
        zone: z.string(),
        days: z.array(
          z.object({
            date: z.string(),
            items: z.array(
              z.object({
                local: z.string(),
                time: z.string(),
                offset: z.string(),
                entry: z.looseObject({ id: z.string() }),
              }),
            ),
          }),
        ),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input) => runTool(() => calendar(context, input)),
  );
}
