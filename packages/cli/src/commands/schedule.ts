import { parsePost, type ScheduleEntry, ValidationError } from '@smmkit/core';
import { type DstAdjustment, localTimeAt } from '@smmkit/core/scheduler';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import { refusePastTime, whenOf } from './at-option.js';
import { accountsOf, type CommandContext, withApp } from './context.js';
import { zoneOf } from './date-option.js';
import { exitOf } from './outcome-exit.js';
import { readPostFile } from './read-post.js';

/** A schedule entry for scripts and people. */
export function entryJson(entry: ScheduleEntry): Record<string, unknown> {
  return {
    id: entry.id,
    status: entry.status,
    publishAt: entry.publishAt.toISOString(),
    timeZone: entry.timeZone,
    targets: entry.targets.map((target) => `${target.platform}:${target.accountId}`),
    text: entry.post.text ?? '',
  };
}

/**
 * What the scheduler's DST policy did to an entry's wall time, in words: the `scheduled` event
 * carries it (docs/scheduler.md, "Zones and DST"), so that an hour is never moved silently.
 */
function adjustmentMessage(entry: ScheduleEntry, adjustment: Exclude<DstAdjustment, 'none'>): string {
  const { local, offset } = localTimeAt(entry.publishAt, entry.timeZone);
  const at = `${local.replace('T', ' ')} (UTC${offset})`;
  return adjustment === 'gap-shifted'
    ? `the wall time does not exist in ${entry.timeZone} that day (the clocks spring forward over it): moved forward by the gap, to ${at}`
    : `the wall time occurs twice in ${entry.timeZone} that day (the clocks fall back): the first one was taken, ${at}`;
}

/** `smmkit schedule post.json --to brand-x --at next-slot`: plans the post in the store's schedule. */
export async function scheduleCommand(
  context: CommandContext,
  file: string,
  options: { readonly to: string; readonly at: string; readonly zone?: string | undefined },
): Promise<ExitCode> {
  const accounts = accountsOf(context, options.to);
  const zone = zoneOf(options.zone) ?? accounts[0]?.timeZone;
  const when = whenOf(options.at, zone);
  // Before the post is read and the store opened: a past time is a typo more often than a wish.
  refusePastTime(when, zone ?? 'UTC', `smmkit publish ${file} --to ${options.to}`, new Date());
  const { output } = context;
  let post: ReturnType<typeof parsePost>;
  try {
    post = parsePost(readPostFile(file));
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    output.error(error.message);
    output.data({ ok: false, problems: error.problems });
    return EXIT.failure;
  }
  return withApp(context, async (app) => {
    let entries: ScheduleEntry[];
    // A wall time in a DST gap or overlap is planned under the scheduler's policy; its
    // `scheduled` event says which, and the command passes it on.
    const adjustments = new Map<string, Exclude<DstAdjustment, 'none'>>();
    app.smm.scheduler.events.on('scheduled', ({ entry, adjustment }) => {
      if (adjustment !== undefined) adjustments.set(entry.id, adjustment);
    });
    try {
      entries = await app.smm.schedule(post, { to: accounts.map((account) => account.id), at: when });
    } catch (error) {
      // The post was parsed above: what the scheduler refuses now is --to, --at or --zone (a
      // zone it does not know, queue slots that are full or missing).
      if (ValidationError.isInstance(error)) throw new CliError(EXIT.usage, error.message);
      throw error;
    }
    output.data({
      ok: true,
      entries: entries.map((entry) => {
        const adjustment = adjustments.get(entry.id);
        return { ...entryJson(entry), ...(adjustment === undefined ? {} : { adjustment }) };
      }),
    });
    for (const entry of entries) {
      output.line(
        `${output.paint('green', 'scheduled')} ${entry.id} at ${entry.publishAt.toISOString()} (${entry.timeZone}) → ${entry.targets.map((t) => t.platform).join(', ')}`,
      );
      const adjustment = adjustments.get(entry.id);
      if (adjustment !== undefined) {
        output.line(
          `          ${output.paint('yellow', `! ${adjustment}:`)} ${adjustmentMessage(entry, adjustment)}`,
        );
      }
    }
    return EXIT.ok;
  });
}

/** `smmkit schedule cancel <id>`. */
export async function cancelCommand(context: CommandContext, id: string): Promise<ExitCode> {
  return withApp(context, async (app) => {
    if ((await app.smm.scheduler.get(id)) === undefined)
      throw new CliError(EXIT.usage, `No schedule entry ${id}`);
    const entry = await app.smm.scheduler.cancel(id);
    context.output.data({ ok: true, entry: entryJson(entry) });
    context.output.line(`${context.output.paint('yellow', 'canceled')} ${entry.id}`);
    return EXIT.ok;
  });
}

/**
 * Most rounds one `schedule run` takes (each claims up to the scheduler's batch of entries): a
 * stop for a stream of due entries that does not end, such as a recurrence catching up.
 */
export const MAX_RUN_ROUNDS = 100;

/**
 * `smmkit schedule run`: publishes every entry that is due, once, waiting for the outcomes (for
 * cron). The scheduler claims a batch per round, so rounds follow until one claims nothing (at
 * most {@link MAX_RUN_ROUNDS}; then it says more may be due). Exits 1 when one failed, 3 when one
 * is unknown.
 */
export async function runDueCommand(context: CommandContext): Promise<ExitCode> {
  const { output } = context;
  return withApp(context, async (app) => {
    const task = output.task('publishing the due entries');
    const finished: ScheduleEntry[] = [];
    let more = false;
    for (let round = 1; ; round += 1) {
      const result = await app.smm.scheduler.tick();
      finished.push(...result.finished, ...result.notApproved);
      if (result.claimed.length === 0 && result.notApproved.length === 0) break;
      if (round === MAX_RUN_ROUNDS) {
        more = true;
        break;
      }
    }
    task.end(more ? 'warning' : 'ok', `${finished.length} done`);
    output.data({
      ok: finished.every((entry) => entry.status === 'published'),
      entries: finished.map(entryJson),
      ...(more ? { more: true } : {}),
    });
    if (finished.length === 0) output.line('nothing is due');
    for (const entry of finished) {
      const colour = entry.status === 'published' ? 'green' : entry.status === 'failed' ? 'red' : 'magenta';
      output.line(
        `${output.paint(colour, entry.status)} ${entry.id} ${entry.error?.message ?? ''}`.trimEnd(),
      );
    }
    if (more) {
      output.error(
        `Stopped after ${MAX_RUN_ROUNDS} rounds (${finished.length} entries): more entries may still be due; run "smmkit schedule run" again.`,
      );
    }
    return exitOf(finished.map((entry) => entry.status));
  });
}
