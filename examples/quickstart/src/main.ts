import { RateLimitError } from '@smmkit/core';
import { adviceFor, buildLaunchPost, describeBadPost, refreshOnceForManyCallers } from './quickstart.ts';

const post = buildLaunchPost();
console.log(
  'A valid post:',
  JSON.stringify({ text: post.text, media: post.media?.length, campaign: post.campaign }),
);
console.log(`\n${describeBadPost()}`);
const { tokens, refreshes } = await refreshOnceForManyCallers();
console.log(`\n3 concurrent callers got ${new Set(tokens).size} token after ${refreshes} refresh`);
console.log(
  `\n${adviceFor(new RateLimitError('rate_limited', 'Too Many Requests', { resetAt: new Date('2026-11-22T21:00:00Z') }))}`,
);
