import { runScaleOut } from './scale-out.ts';

// Needs a Redis: REDIS_URL, or one on localhost (`redis-server` from scripts/install-system-deps.sh).
const result = await runScaleOut({
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  workers: Number(process.env.WORKERS ?? 3),
  log: (line) => console.log(line),
});
console.log(
  `${result.published} of ${result.scheduled} entries published, ${result.posts.length} posts on X; ${result.split} entries had their two targets published by two workers`,
);
for (const [pid, count] of result.byWorker) console.log(`  worker ${pid}: ${count} targets`);
