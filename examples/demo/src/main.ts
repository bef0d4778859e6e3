import { main } from './demo.ts';
import { runWeek } from './week.ts';

const report = await main();
// Then a week of the campaign on the scheduler: queue slots, a recurring post, approvals.
const week = await runWeek();
if (report.outcomes.some(({ outcome }) => outcome.status !== 'published') || week.unexpected.length > 0)
  process.exitCode = 1;
