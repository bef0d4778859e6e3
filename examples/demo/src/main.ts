import { main } from './demo.ts';

const report = await main();
if (report.outcomes.some(({ outcome }) => outcome.status !== 'published')) process.exitCode = 1;
