import { main } from './demo.ts';
import { runMorningInbox } from './morning-inbox.ts';
import { runWeek } from './week.ts';

const report = await main();
// Then a week of the campaign on the scheduler: queue slots, a recurring post, approvals.
const week = await runWeek();
// And a Monday morning in the engagement inbox: every platform's fans in one stream, a spike alert, replies.
const morning = await runMorningInbox();
if (
  report.outcomes.some(({ outcome }) => outcome.status !== 'published') ||
  week.unexpected.length > 0 ||
  morning.alerts.length === 0
)
  process.exitCode = 1;
