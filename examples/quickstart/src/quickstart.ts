import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createXAdapter, refreshXToken } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { parsePost, ValidationError } from '@smmkit/core';
import { createSmmkit } from '@smmkit/core/app';
import type { PublishOutcome } from '@smmkit/core/publisher';
import { sqliteStore } from '@smmkit/core/sqlite';
import { startSimulators } from '@smmkit/testkit';

/** What one run did, for the test. */
export interface QuickstartRun {
  /** The outcome of publishing to `brand-x`. */
  readonly outcomes: readonly PublishOutcome[];
  /** The texts of the posts the simulated X now holds for the account. */
  readonly postsOnX: readonly string[];
  /** The message of the bad post's `ValidationError`. */
  readonly problems: string;
  /** Where the HTML report was written. */
  readonly reportPath: string;
}

/**
 * The README's first example, offline: publish one post to X, see a bad post's problems, collect
 * the metrics and write the report. Everything lands in `dir` (the SQLite file and the report).
 */
export async function runQuickstart(dir: string, print = console.log): Promise<QuickstartRun> {
  // No credentials: the built-in X simulator answers every request to api.x.com in this process.
  const x = createXSimulator();
  const simulators = startSimulators(x.sim);
  const simulated = x.addAccount('brand'); // a user who went through OAuth, and their tokens

  // One entry point: accounts, tokens, schedule, inbox and metrics all live in one SQLite file.
  const smm = await createSmmkit({
    store: sqliteStore(join(dir, 'smm.db')),
    adapters: [createXAdapter()],
    // X access tokens last 2 hours; smmkit refreshes them once, however many callers wait.
    refresh: { x: (refreshToken) => refreshXToken({ clientId: 'quickstart', refreshToken }) },
  });

  // Once per account, with the tokens of its OAuth exchange (exchangeXCode in a real app).
  await smm.accounts.connect(
    {
      id: 'brand-x',
      platform: 'x',
      accountId: simulated.account.id,
      handle: 'brand', // post URLs name it: https://x.com/brand/status/…
      timeZone: 'Europe/Berlin',
    },
    {
      accessToken: simulated.accessToken,
      refreshToken: simulated.refreshToken,
      expiresAt: simulated.expiresAt,
    },
  );

  // A post is plain data; parsePost checks it.
  const post = parsePost({
    text: 'Our spring collection is live 🌸',
    link: 'https://shop.example.com/spring',
    campaign: 'spring-26',
  });
  const outcomes = await smm.publish(post, { to: ['brand-x'] });
  for (const outcome of outcomes) {
    if (outcome.status === 'published')
      print(`published on ${outcome.target.platform}: ${outcome.result.url}`);
    else if (outcome.status === 'failed') print(`failed: ${outcome.error.code} (${outcome.hint})`);
    else print('unknown: check by hand', outcome.checked);
  }

  // A bad post: one ValidationError lists every problem, each with its path.
  let problems = '';
  try {
    parsePost({ text: 42, media: [{ kind: 'sticker', source: { type: 'url', url: 'nope' } }] });
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    problems = error.message;
    print(problems);
  }

  // Metrics of every post published through smm, kept in the file with the posts' campaign and
  // time (this one is seconds old, so still zero), then the HTML report by day, platform and
  // campaign.
  await smm.collectMetrics();
  const { html } = smm.report({ title: 'Spring launch', breakdowns: ['campaign'] });
  const reportPath = join(dir, 'report.html');
  writeFileSync(reportPath, html);
  print(`report: ${reportPath}`);

  await smm.shutdown(); // stops the loops, drains the publisher, closes the store
  const postsOnX = x.sim.posts.filter((stored) => stored.accountId === simulated.account.id);
  simulators.close();
  return { outcomes, postsOnX: postsOnX.map((stored) => stored.text), problems, reportPath };
}
