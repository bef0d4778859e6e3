import type { EngagementQuery, Media, RequestContext } from '@smmkit/core';
import { recordingFetch } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import type { XAdapter } from '../src/index.js';
import { conversationIdOf } from '../src/mocks/index.js';
import { bytes, likeOf, useX } from './support/harness.js';
import {
  type Exchange,
  fixture,
  operationOf,
  requestProblems,
  responseProblems,
  schemaProblems,
} from './support/openapi-schemas.js';

// The simulator answers with the field names of the OpenAPI spec v2.167 (https://api.x.com/2/openapi.json:
// `repost_count`, `post_count`, `edit_history_post_ids`), which its schemas require; see XVocabulary.
// Enterprise access, so every operation of the adapter (likes too) is checked against the spec.
const h = useX({ vocabulary: 'post', checkAfterSecs: 1, mediaProcessingMs: 2_000, access: 'enterprise' });
const { x, ana, bob } = h;

/** The operations whose requests and answers were checked, across the file. */
const checked = new Set<string>();

const image: Media = { kind: 'image', mimeType: 'image/png', source: bytes(300), altText: 'A chart' };
const video: Media = { kind: 'video', mimeType: 'video/mp4', source: bytes(2_500) };

/** An adapter whose every request and answer is recorded, with a check of them against the spec. */
function recordedAdapter(): { adapter: XAdapter; conform: () => Promise<void> } {
  const recorder = recordingFetch();
  const adapter = h.adapter({ fetch: recorder.fetch, uploadChunkBytes: 1_024, access: 'enterprise' });
  return {
    adapter,
    conform: async () => {
      // The simulator saw what the adapter sent, request for request.
      expect(recorder.requests.map((request) => `${request.method} ${request.url}`)).toEqual(
        x.sim.log.entries.map((entry) => `${entry.method} ${entry.url}`),
      );
      const exchanges = await Promise.all(
        recorder.requests.map((request, index) => exchangeOf(request, recorder.responses[index])),
      );
      expect(conformanceProblems(exchanges)).toEqual([]);
    },
  };
}

/** Every way `exchanges` differ from the spec, one line each. */
function conformanceProblems(exchanges: readonly Exchange[]): string[] {
  expect(exchanges.length).toBeGreaterThan(0);
  return exchanges.flatMap((exchange) => {
    const where = `${exchange.method} ${new URL(exchange.url).pathname} → ${exchange.status}`;
    const found = operationOf(exchange.method, exchange.url);
    if (found === undefined)
      return [`${where}: no operation in the fixture; add its operationId to the extract script`];
    checked.add(found.id);
    return [...requestProblems(found.id, exchange), ...responseProblems(found.id, exchange)].map(
      (problem) => `${where}: ${problem}`,
    );
  });
}

async function exchangeOf(request: Request, response: Response | undefined): Promise<Exchange> {
  if (response === undefined) throw new Error(`no answer to ${request.method} ${request.url}`);
  const requestType = request.headers.get('content-type') ?? undefined;
  let requestBody: unknown;
  if (requestType?.startsWith('multipart/form-data')) {
    const fields: Record<string, string> = {};
    (await request.formData()).forEach((value, name) => {
      // A file part is `format: binary`: any string stands for it.
      fields[name] = typeof value === 'string' ? value : `[${value.size} bytes]`;
    });
    requestBody = fields;
  } else {
    const text = await request.text();
    requestBody = text === '' ? undefined : JSON.parse(text);
  }
  const text = await response.text();
  return {
    method: request.method,
    url: request.url,
    requestType,
    requestBody,
    status: response.status,
    responseType: response.headers.get('content-type') ?? '',
    responseBody: text === '' ? undefined : JSON.parse(text),
  };
}

async function items(adapter: XAdapter, query: EngagementQuery, context: RequestContext) {
  const found = [];
  for await (const page of adapter.listEngagements(query, context)) found.push(...page.items);
  return found;
}

describe('the adapter and the simulator against the X API OpenAPI spec', () => {
  it('publishes with media (alt text, video processing), a poll, a thread and a first comment', async () => {
    const { adapter, conform } = recordedAdapter();
    await adapter.publish({ text: 'With an image and alt text', media: [image] }, h.context());
    await adapter.publish({ text: 'With a video', media: [video] }, h.context());
    await adapter.publish(
      { text: 'Tea or coffee?', poll: { options: ['Tea', 'Coffee'], durationMinutes: 60 } },
      h.context(),
    );
    await adapter.publish(
      {
        text: 'A thread 1/2',
        thread: [{ text: 'A thread 2/2' }],
        firstComment: 'The first comment',
        options: { x: { reply_settings: 'following', made_with_ai: true } },
      },
      h.context(),
    );
    await conform();
  });

  it('deletes a post (and one already gone) and reads post, video and account metrics', async () => {
    const { adapter, conform } = recordedAdapter();
    const kept = await adapter.publish({ text: 'Metrics, please' }, h.context());
    const watched = await adapter.publish({ text: 'Views, please', media: [video] }, h.context());
    const gone = await adapter.publish({ text: 'Delete me' }, h.context());
    h.clock.advance(60 * 60_000);
    const samples = await adapter.getPostMetrics([kept.ref, watched.ref], h.context());
    expect(samples.map((sample) => sample.metric)).toContain('video_views');
    await adapter.getAccountMetrics(h.context());
    await adapter.delete(gone.ref, h.context());
    // The 404 of a post already deleted is a Problem too.
    await expect(adapter.delete(gone.ref, h.context())).rejects.toMatchObject({ code: 'not_found' });
    await conform();
  });

  it('lists mentions, replies and DMs, replies to each and hides a reply', async () => {
    const { adapter, conform } = recordedAdapter();
    const { ref } = await adapter.publish({ text: 'Ask me anything' }, h.context());
    x.seedReplies(ref.platformPostId, 2);
    x.seedMentions(ana.account.id, 2);
    x.seedDirectMessages(ana.account.id, 2);
    const [mention] = await items(adapter, { kinds: ['mention'], pageSize: 1 }, h.context());
    const [reply] = await items(adapter, { post: ref }, h.context());
    const [message] = await items(adapter, { kinds: ['direct_message'] }, h.context());
    if (mention === undefined || reply === undefined || message === undefined)
      throw new Error('expected a mention, a reply and a message');
    await adapter.reply(mention, 'Thanks for the mention', h.context());
    await adapter.reply(reply, 'Thanks for the reply', h.context());
    await adapter.reply(message, 'Thanks for the message', h.context());
    await adapter.hide(reply, true, h.context());
    await conform();
  });

  it('likes and unlikes a mention and searches brand mentions', async () => {
    const { adapter, conform } = recordedAdapter();
    x.seedMentions(ana.account.id, 1);
    x.seedBrandMentions('#AcmeCoffee', 12);
    const [mention] = await items(adapter, { kinds: ['mention'] }, h.context());
    if (mention === undefined) throw new Error('expected a mention');
    await likeOf(adapter)(mention, true, h.context());
    await likeOf(adapter)(mention, false, h.context());
    const found = [];
    for await (const page of adapter.searchMentions(
      { terms: ['#AcmeCoffee', '"acme coffee"'], pageSize: 5 },
      h.context(),
    ))
      found.push(...page.items);
    expect(found).toHaveLength(12);
    await conform();
  });

  it('finds recent posts', async () => {
    const { adapter, conform } = recordedAdapter();
    const since = new Date(h.clock.now() - 60_000);
    await adapter.publish({ text: 'Find me again' }, h.context());
    await adapter.findRecentPosts({ since, text: 'Find me again' }, h.context());
    await conform();
  });

  it("looks up another account and its posts, and answers an unknown username's Not Found Error", async () => {
    const { adapter, conform } = recordedAdapter();
    x.seedPublicAccount('spec_rival', { posts: 7 });
    await adapter.lookupPublicAccount({ handle: 'spec_rival', limit: 6 }, h.context());
    await adapter.lookupPublicAccount({ handle: 'nobody_here' }, h.context()).catch(() => undefined);
    // The user, one page of posts, and the unknown user: a 200 carrying only `errors`.
    expect(x.sim.log.entries.map((entry) => entry.status)).toEqual([200, 200, 200]);
    await conform();
  });

  it('serves the DM routes the adapter does not call with the shapes of the spec', async () => {
    const recorder = recordingFetch();
    const send = (path: string, json: unknown) =>
      recorder.fetch(`${x.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ana.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
    await send(`/2/dm_conversations/${conversationIdOf(ana.account.id, bob.account.id)}/messages`, {
      text: 'By conversation',
    });
    await send(`/2/dm_conversations/with/${bob.account.id}/messages`, { text: 'By participant' });
    await recorder.fetch(
      `${x.baseUrl}/2/dm_conversations/with/${bob.account.id}/dm_events?dm_event.fields=created_at,sender_id,dm_conversation_id,participant_ids&expansions=sender_id,participant_ids`,
      { headers: { authorization: `Bearer ${ana.accessToken}` } },
    );
    const exchanges = await Promise.all(
      recorder.requests.map((request, index) => exchangeOf(request, recorder.responses[index])),
    );
    expect(exchanges.map((exchange) => exchange.status)).toEqual([201, 201, 200]);
    expect(conformanceProblems(exchanges)).toEqual([]);
  });

  it('answers an unknown path with a Problem of the spec', async () => {
    const response = await fetch(`${x.baseUrl}/2/nothing/here`, {
      headers: { authorization: `Bearer ${ana.accessToken}` },
    });
    expect(response.status).toBe(404);
    expect(schemaProblems('Problem', await response.json())).toEqual([]);
  });

  it('reports what the spec refuses: an undeclared body field, a bad poll, tweet-vocabulary metrics', () => {
    const exchange = (requestBody: unknown, responseBody: unknown): Exchange => ({
      method: 'POST',
      url: `${x.baseUrl}/2/tweets`,
      requestType: 'application/json',
      requestBody,
      status: 201,
      responseType: 'application/json',
      responseBody,
    });
    const bad = exchange(
      { text: 'hi', bogus: true, poll: { options: ['only one'], duration_minutes: 5 } },
      { data: { id: '1', text: 'hi', edit_history_tweet_ids: ['1'] } },
    );
    expect(operationOf('POST', bad.url)?.id).toBe('createPosts');
    expect(requestProblems('createPosts', bad)).toEqual([
      expect.stringContaining('must NOT have additional properties {"additionalProperty":"bogus"}'),
      expect.stringContaining('/poll/options must NOT have fewer than 2 items'),
    ]);
    expect(responseProblems('createPosts', bad)).toEqual([
      expect.stringContaining(
        '/data must NOT have additional properties {"additionalProperty":"edit_history_tweet_ids"}',
      ),
    ]);
    expect(
      schemaProblems('PostPublicMetrics', {
        retweet_count: 1,
        reply_count: 0,
        like_count: 0,
        quote_count: 0,
        bookmark_count: 0,
        impression_count: 0,
      }),
    ).toEqual([
      expect.stringContaining("must have required property 'repost_count'"),
      expect.stringContaining('must NOT have additional properties {"additionalProperty":"retweet_count"}'),
    ]);
  });

  it('has checked every operation of the fixture in the tests above', () => {
    // The adapter's operations and the simulator-only ones: a fixture entry nothing exercises
    // (or an operation the adapter stopped calling) shows up here.
    expect([...checked].sort()).toEqual(Object.keys(fixture.operations).sort());
  });
});
