import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

// The suite registers vitest tests, so it is run on a careless adapter by a vitest of its own,
// and its results are read back.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/careless-mastodon.fixture.ts', import.meta.url));
const recklessFixture = fileURLToPath(new URL('./fixtures/reckless-mastodon.fixture.ts', import.meta.url));

/** The workspace's entry points as aliases, as the root vitest.config.ts makes them from tsconfig.json. */
function workspaceAliases(): Record<string, string> {
  const { paths } = JSON.parse(readFileSync(`${root}/tsconfig.json`, 'utf8')).compilerOptions as {
    paths: Record<string, [string]>;
  };
  return Object.fromEntries(
    Object.entries(paths)
      .sort(([a], [b]) => b.length - a.length)
      .map(([name, [path]]) => [name, `${root}/${path}`]),
  );
}

/** Runs the conformance suite in `file` and returns each check's state and first error message. */
async function runSuite(file: string): Promise<Map<string, { state: string; error?: string | undefined }>> {
  const vitest = await startVitest(
    'test',
    [file],
    { root, config: false, watch: false, include: ['**/*.fixture.ts'], reporters: [] },
    { resolve: { alias: workspaceAliases() } },
  );
  try {
    const tests = [...(vitest.state.getTestModules()[0]?.children.allTests() ?? [])];
    return new Map(
      tests.map((test) => {
        const result = test.result();
        return [test.name, { state: result.state, error: result.errors?.[0]?.message }];
      }),
    );
  } finally {
    await vitest.close();
  }
}

it('fails an adapter whose mistakes would make the publisher post twice, and only on those checks', async () => {
  const results = await runSuite(fixture);
  const failed = new Map([...results].filter(([, result]) => result.state === 'failed'));

  expect([...failed.keys()]).toEqual([
    'reports a create answered with a 5xx after the post was stored as an ambiguous outcome, never as a plain failure',
    'reports a create answered with an unreadable body as an ambiguous outcome, never as a plain failure',
    'finds the post of a create whose answer was lost (findRecentPosts)',
    'finds a media post without text whose create answer was lost (findRecentPosts)',
    'publishes one post for two publishes with the same idempotency key',
    'reports a 5xx on findRecentPosts as a retryable error, never as no posts',
  ]);
  expect(
    failed.get(
      'reports a create answered with a 5xx after the post was stored as an ambiguous outcome, never as a plain failure',
    )?.error,
  ).toContain('TransientError (transient, retryable: true) instead of an AmbiguousOutcomeError');
  expect(
    failed.get(
      'reports a create answered with an unreadable body as an ambiguous outcome, never as a plain failure',
    )?.error,
  ).toContain('TransientError (transient, retryable: true) instead of an AmbiguousOutcomeError');
  expect(failed.get('finds the post of a create whose answer was lost (findRecentPosts)')?.error).toMatch(
    /^findRecentPosts\(\{ since, text: "smmkit conformance text post .+", post \}\): expected \[\] to deeply equal/,
  );
  expect(
    failed.get('finds a media post without text whose create answer was lost (findRecentPosts)')?.error,
  ).toMatch(/^findRecentPosts\(\{ since, text: "", post \}\): expected \[\] to deeply equal/);
  expect(failed.get('publishes one post for two publishes with the same idempotency key')?.error).toContain(
    'the second publish answers with the first post',
  );
  expect(failed.get('reports a 5xx on findRecentPosts as a retryable error, never as no posts')?.error).toBe(
    'expected the call to fail, it returned []',
  );
  // The mistakes break nothing else: the other checks pass (or are skipped as not declared).
  expect(
    results.get('reports a create whose answer was lost as an ambiguous outcome, never as a plain failure')
      ?.state,
  ).toBe('passed');
  expect(results.size).toBeGreaterThan(20);
}, 60_000);

it('fails an adapter that would report an older post as the new one, resend a create, or ignore an abort', async () => {
  const results = await runSuite(recklessFixture);
  const failed = new Map([...results].filter(([, result]) => result.state === 'failed'));
  const lostPost = 'finds the post of a create whose answer was lost (findRecentPosts)';
  const textless = 'finds a media post without text whose create answer was lost (findRecentPosts)';
  const duplicate = 'refuses the same text published twice as duplicate_content (duplicateSignal)';
  const abort = 'honours a signal aborted while the publish runs: nothing more is sent, no post is made';
  const tooMany = 'reports a 429 as a rate-limit error with the reset time';

  expect([...failed.keys()].sort()).toEqual([abort, duplicate, lostPost, textless, tooMany].sort());
  // findRecentPosts listed a post of other text in the window, and (where the platform takes a
  // repeated text) an older one of the same text before since.
  expect(failed.get(lostPost)?.error).toContain('listed a post of other text');
  expect(failed.get(textless)?.error).toContain('listed an older post of the same text made before since');
  expect(failed.get(textless)?.error).toContain('the lookup ignored text');
  expect(failed.get(duplicate)?.error).toMatch(
    /^capabilities\.reconciliation\.duplicateSignal is true, but publishing the same text again made a second post/,
  );
  expect(failed.get(abort)?.error).toMatch(
    /^the publish returned \(published \d+\) although its signal aborted/,
  );
  expect(failed.get(tooMany)?.error).toContain(
    "the 429's resetAt is missing: capabilities.rateLimits.headers is true but the adapter gave no parseRateLimit",
  );
  // The abort before the call is refused as before, and a 5xx on the lookup still throws.
  expect(results.get('honours an aborted signal: nothing is sent')?.state).toBe('passed');
  expect(results.get('reports a 5xx on findRecentPosts as a retryable error, never as no posts')?.state).toBe(
    'passed',
  );
}, 60_000);
