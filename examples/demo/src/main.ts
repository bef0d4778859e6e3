import { runAnalysis } from './analysis.ts';
import { main } from './demo.ts';
import { runMorningInbox } from './morning-inbox.ts';
import { runWeek } from './week.ts';

const report = await main();
// Then a week of the campaign on the scheduler: queue slots, a recurring post, approvals.
const week = await runWeek();
// And a Monday morning in the engagement inbox: every platform's fans in one stream, a spike alert, replies.
const morning = await runMorningInbox();
// Last, what worked: competitors, audience, voices, goals and ROI, and the HTML report.
const analysis = await runAnalysis({
  smm: report.smm,
  own: report.platforms.map((platform) => ({
    platform: platform.id,
    accountId: platform.accountId,
    name: 'Linen & Co',
  })),
});
if (
  report.outcomes.some(({ outcome }) => outcome.status !== 'published') ||
  week.unexpected.length > 0 ||
  morning.alerts.length === 0 ||
  analysis.snapshots.length === 0
)
  process.exitCode = 1;
