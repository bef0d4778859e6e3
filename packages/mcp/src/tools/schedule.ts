import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ScheduleEntry } from '@smmkit/core';
import { type DstAdjustment, resolveLocalTime, type ScheduledEvent, type When } from '@smmkit/core/scheduler';
import * as z from 'zod';
import { entriesUnderKey, isIdTaken, scheduleEntryId } from '../schedule-key.js';
import { accountIdsInput, PostInput, ZoneInput } from '../schemas.js';
import { accountIdsByKey, accountKeysOf, type ToolContext } from '../tool-context.js';
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

/**
 * What the scheduler's DST policy did to a wall time, for the text a model reads: its `scheduled`
 * event carries the adjustment (docs/scheduler.md, "Zones and DST"), so that an agent that asked
 * for 02:30 on a spring-forward day learns the post goes out at 03:30.
 */
const ADJUSTMENT_TEXT: Record<Exclude<DstAdjustment, 'none'>, string> = {
  'gap-shifted':
    'gap-shifted: the wall time does not exist in that zone that day (the clocks spring forward over it), so it moved forward by the gap',
  'overlap-earlier':
    'overlap-earlier: the wall time occurs twice in that zone that day (the clocks fall back); the first one was taken',
};

/** An entry's time as the wall clock of its zone shows it, `YYYY-MM-DD HH:mm`. */
function localTime(entry: ScheduleEntry): string {
  // The sv-SE locale writes dates as ISO 8601 does.
  return entry.publishAt
    .toLocaleString('sv-SE', { timeZone: entry.timeZone, dateStyle: 'short', timeStyle: 'short' })
    .replace(',', '');
}

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

/** What a retry's text starts with: the key's entries stand, nothing was planned again. */
const ALREADY_SCHEDULED = 'Already scheduled under this idempotencyKey; nothing was scheduled again.';

/** The tool's answer for `entries`, each with the DST adjustment the scheduler made, if any. */
async function scheduledOutput(
  context: ToolContext,
  entries: readonly ScheduleEntry[],
  adjustments: ReadonlyMap<string, Exclude<DstAdjustment, 'none'>>,
  retried: boolean,
): Promise<ToolOutput> {
  const idOf = await accountIdsByKey(context.app);
  const summaries = entries.map((entry) => {
    const adjustment = adjustments.get(entry.id);
    return { ...entrySummary(entry, idOf), ...(adjustment === undefined ? {} : { adjustment }) };
  });
  const lines = entries.map((entry) => {
    const adjustment = adjustments.get(entry.id);
    return (
      `${entry.id}: ${entry.status} for ${entry.publishAt.toISOString()} (${entry.timeZone}) to ` +
      entry.targets.map((target) => idOf(target.platform, target.accountId) ?? target.accountId).join(', ') +
      (adjustment === undefined
        ? ''
        : `. Note ${ADJUSTMENT_TEXT[adjustment]}: it goes out at ${localTime(entry)} local time.`)
    );
  });
  return {
    text: (retried ? [ALREADY_SCHEDULED, ...lines] : lines).join('\n'),
    data: { entries: summaries },
  };
}

/**
 * The DST adjustments of entries planned by an earlier call, for its retry: the retry is often the
 * only answer the host sees, so it says, as the first would have, that a wall time fell in a gap
 * or an overlap. Worked out again from `at` (a wall time in a zone resolves the same way each
 * time) for the entry still planned at that instant; `'next-slot'` and rules name no wall time.
 */
function adjustmentsOf(
  at: When,
  entries: readonly ScheduleEntry[],
): ReadonlyMap<string, Exclude<DstAdjustment, 'none'>> {
  const adjustments = new Map<string, Exclude<DstAdjustment, 'none'>>();
  if (typeof at !== 'object' || at instanceof Date || !('zone' in at)) return adjustments;
  const resolved = resolveLocalTime(at.at, at.zone);
  if (resolved.adjustment === 'none') return adjustments;
  for (const entry of entries) {
    if (entry.publishAt.getTime() === resolved.instant.getTime())
      adjustments.set(entry.id, resolved.adjustment);
  }
  return adjustments;
}

async function schedule(
  context: ToolContext,
  input: unknown,
  to: readonly string[],
  at: When,
  idempotencyKey: string,
  options: { readonly approval?: boolean | undefined; readonly draft?: boolean | undefined },
): Promise<ToolOutput> {
  context.allow.check(to, (index) => ['to', index]);
  const post = parseToolPost(input);
  const accounts = await accountKeysOf(context.app, to, ['to']);
  // The entries' ids come from the key, and the store refuses an id it holds: a retry (the
  // client timed out and called again, maybe on a restarted server) finds the first call's
  // entries, and a retry racing the first call is refused by the store and then finds them.
  const id = scheduleEntryId(idempotencyKey);
  const earlier = (): Promise<ScheduleEntry[] | undefined> =>
    entriesUnderKey((entryId) => context.app.scheduler.get(entryId), id, at, post, accounts);
  const existing = await earlier();
  if (existing !== undefined) return scheduledOutput(context, existing, adjustmentsOf(at, existing), true);
  // A wall time in a DST gap or overlap is planned under the scheduler's policy; its `scheduled`
  // event says which, and the tool passes it on.
  const adjustments = new Map<string, Exclude<DstAdjustment, 'none'>>();
  const onScheduled = ({ entry, adjustment }: ScheduledEvent): void => {
    if (adjustment !== undefined) adjustments.set(entry.id, adjustment);
  };
  context.app.scheduler.events.on('scheduled', onScheduled);
  let entries: ScheduleEntry[];
  try {
    entries = await context.app.schedule(post, {
      to,
      at,
      id,
      ...(options.approval === true ? { approval: 'required' as const } : {}),
      ...(options.draft === true ? { draft: true } : {}),
    });
  } catch (error) {
    if (!isIdTaken(error)) throw error;
    // Another call under this key planned it meanwhile: its entries are the answer.
    const planned = await earlier();
    if (planned === undefined) throw error;
    return scheduledOutput(context, planned, adjustmentsOf(at, planned), true);
  } finally {
    context.app.scheduler.events.off('scheduled', onScheduled);
  }
  return scheduledOutput(context, entries, adjustments, false);
}

/** Registers `schedule`, for the allowed accounts only. */
export function registerScheduleTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'schedule',
    {
      title: 'Schedule a post',
      description:
        `Plans a post for connected accounts by id, on the scheduler's store. Allowed accounts: ${context.allow.ids.join(', ')}. ` +
        'The post goes out when a smmkit scheduler worker runs (smmkit-mcp does not publish scheduled posts itself). ' +
        'Give every new post a new idempotencyKey, and retry a call (after a timeout or an error) only with the ' +
        'same key: the entries are kept on the store under it, so a retry, even to a restarted server, answers ' +
        'with the entries already planned and nothing is scheduled or published twice.',
      inputSchema: {
        post: PostInput,
        to: accountIdsInput(
          `Account ids to plan for, each on the allow list (${context.allow.ids.join(', ')}).`,
        ),
        at: WhenInput,
        idempotencyKey: z
          .string()
          .min(1)
          .describe(
            'The key that makes a retry of THIS schedule call safe: make up a new one (a UUID) for each new post, ' +
              'and reuse it exactly when retrying the same call (after a timeout or an error); a retry with the ' +
              'same key answers with the entries it planned before (their ids start with "mcp-schedule:<key>") and ' +
              'plans nothing again. A key already used for another post, or other accounts, is refused.',
          ),
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
    ({ post, to, at, idempotencyKey, approval, draft }) =>
      runTool(() => schedule(context, post, to, at, idempotencyKey, { approval, draft })),
  );
}
