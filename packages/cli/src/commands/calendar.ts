import { localTimeAt } from '@smmkit/core/scheduler';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import { type CommandContext, withApp } from './context.js';
import { DAY_MS, dateOf, zoneOf } from './date-option.js';
import { entryJson } from './schedule.js';

/** `smmkit calendar`: the schedule by local day, from the store. */
export async function calendarCommand(
  context: CommandContext,
  options: {
    readonly from?: string | undefined;
    readonly to?: string | undefined;
    readonly zone?: string | undefined;
  },
): Promise<ExitCode> {
  const now = new Date();
  const zone =
    zoneOf(options.zone) ?? context.accounts[0]?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // A day given as --from or --to starts at midnight in the calendar's zone, not UTC's.
  const from = dateOf(options.from, now, '--from', zone);
  const to = dateOf(options.to, new Date(from.getTime() + 14 * DAY_MS), '--to', zone);
  if (from >= to) throw new CliError(EXIT.usage, '--from must be before --to');
  const { output } = context;
  return withApp(context, async (app) => {
    const days = await app.smm.scheduler.calendar({ from, to, zone });
    output.data({
      from: from.toISOString(),
      to: to.toISOString(),
      zone,
      days: days.map((day) => ({
        date: day.date,
        items: day.items.map((item) => ({ time: item.time, offset: item.offset, ...entryJson(item.entry) })),
      })),
    });
    output.line(
      output.paint('bold', `${localTimeAt(from, zone).date} – ${localTimeAt(to, zone).date} (${zone})`),
    );
    if (days.length === 0) output.line(output.paint('dim', 'nothing scheduled'));
    for (const day of days) {
      output.line(output.paint('bold', day.date));
      for (const item of day.items) {
        const platforms = item.entry.targets.map((target) => target.platform).join(', ');
        output.line(
          `  ${item.time}  ${item.entry.status.padEnd(10)} ${platforms.padEnd(18)} ${(item.entry.post.text ?? '').split('\n')[0]?.slice(0, 50) ?? ''}  ${output.paint('dim', item.entry.id)}`,
        );
      }
    }
    return EXIT.ok;
  });
}
