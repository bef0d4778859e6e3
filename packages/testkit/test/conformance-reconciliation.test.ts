import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

// The suite registers vitest tests, so it is run on a careless adapter by a vitest of its own,
// and its results are read back.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/careless-mastodon.fixture.ts', import.meta.url));

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
  // The mistakes break nothing else: the other checks pass (or are skipped as not declared).
  expect(
    results.get('reports a create whose answer was lost as an ambiguous outcome, never as a plain failure')
      ?.state,
  ).toBe('passed');
  expect(results.size).toBeGreaterThan(20);
}, 60_000);
