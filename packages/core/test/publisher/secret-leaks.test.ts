import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { TokenProvider } from '../../src/auth/token-provider.js';
import { createHttpClient } from '../../src/http/http-client.js';
import type { Post } from '../../src/models/post.js';
import type { Target } from '../../src/models/target.js';
import { fakeWorld, only } from './support/world.js';

const TOKEN = 'SECRET-TOKEN-9a8b7c6d';
const post: Post = { text: 'Hello' };
const target: Target = { platform: 'fake', accountId: 'acct-1' };

/** Everything a user may log: the outcomes and events, stringified and inspected with causes. */
function rendered(value: unknown): string {
  return `${JSON.stringify(value)}\n${inspect(value, { depth: 20, showHidden: true })}`;
}

describe('publisher: secrets never reach an outcome or an event', () => {
  it('when the platform echoes the token in a JSON body with \\u escapes', async () => {
    const http = createHttpClient({
      platform: 'fake',
      baseUrl: 'https://api.fake.test',
      fetch: async () =>
        new Response(`{"detail":"token ${TOKEN.replaceAll('-', '\\u002d')} bad"}`, { status: 400 }),
    });
    const { publisher, events } = fakeWorld(
      {
        publish: async (_post, context) => {
          await http.request({ method: 'POST', path: '/posts', operation: 'create post', context });
          throw new Error('unreachable');
        },
      },
      { tokens: () => ({ getAccessToken: async () => TOKEN }) },
    );
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('failed');
    expect(events.at(-1)?.name).toBe('failed');
    expect(rendered(outcome)).toContain('token [REDACTED] bad');
    expect(rendered([outcome, events])).not.toContain(TOKEN);
  });

  it("when the token provider throws a store error that quotes the token, keeping it as the error's cause", async () => {
    const thrown = new Error(`duplicate key value: Key (access_token)=(${TOKEN}) already exists`);
    const tokens: TokenProvider = { getAccessToken: () => Promise.reject(thrown) };
    const http = createHttpClient({ platform: 'fake', baseUrl: 'https://api.fake.test' });
    const { publisher, events } = fakeWorld(
      {
        publish: async (_post, context) => {
          await http.request({ method: 'POST', path: '/posts', operation: 'create post', context });
          throw new Error('unreachable');
        },
      },
      { tokens: () => tokens, retry: { maxAttempts: 1 } },
    );
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('failed');
    expect(events.at(-1)?.name).toBe('failed');
    expect(rendered([outcome, events])).not.toContain(TOKEN);
    expect(outcome.status === 'failed' && outcome.error.cause).toBe(thrown);
  });

  it('when an adapter reads the token for an upload of its own and the provider throws an error quoting it', async () => {
    const thrown = new Error(`deadlock while reading row (access_token)=(${TOKEN})`);
    const http = createHttpClient({ platform: 'fake', baseUrl: 'https://api.fake.test' });
    const { publisher, events } = fakeWorld(
      {
        publish: async (_post, context) => {
          await http.accessToken(context, 'upload video');
          throw new Error('unreachable');
        },
      },
      { tokens: () => ({ getAccessToken: () => Promise.reject(thrown) }), retry: { maxAttempts: 1 } },
    );
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error.code).toBe('transient');
    expect(outcome.status === 'failed' && outcome.error.message).toBe(
      'upload video was not sent: the token provider failed (it threw an Error).',
    );
    expect(rendered([outcome, events])).not.toContain(TOKEN);
  });

  it('when an adapter throws an error of its own that quotes the token, keeping it as the unknown outcome’s cause', async () => {
    const thrown = new Error(`upload failed for row (access_token)=(${TOKEN})`);
    const { publisher, events } = fakeWorld({ publish: () => Promise.reject(thrown) });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('unknown');
    expect(rendered([outcome, events])).not.toContain(TOKEN);
    expect(outcome.status === 'unknown' && outcome.error.cause).toBe(thrown);
  });

  it("when the publisher's tokens option throws an error that quotes the token", async () => {
    const thrown = new Error(`no row for Key (access_token)=(${TOKEN})`);
    const { publisher, events } = fakeWorld(
      {
        publish: async (_post, context) => {
          await context.tokens.getAccessToken();
          throw new Error('unreachable');
        },
      },
      {
        tokens: () => {
          throw thrown;
        },
      },
    );
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error.code).toBe('auth_invalid');
    expect(outcome.status === 'failed' && outcome.error.cause).toBe(thrown);
    expect(rendered([outcome, events])).not.toContain(TOKEN);
  });
});
