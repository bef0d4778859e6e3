import {
  type Media,
  MediaProcessingError,
  PlatformError,
  type PublishProgress,
  TransientError,
  ValidationError,
} from '@smmkit/core';
import { allPages, recordingFetch } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { createXAdapter } from '../src/index.js';
import { bytes, CREATE_POST, failureOf, record, START, useX } from './support/harness.js';

// Videos take 5 simulated seconds to process and X asks to check again every 2 seconds.
const h = useX({ checkAfterSecs: 2, mediaProcessingMs: 5_000 });
/** An X whose app has Enterprise access, which quote posts need. */
const enterprise = h.sibling({ baseUrl: 'https://enterprise.x.test', access: 'enterprise' });
const { x, ana, bob } = h;
// A Premium account: X takes up to 25,000 weighted characters from it.
const premium = h.sibling({ baseUrl: 'https://premium.x.test', maxWeightedLength: 25_000 });

const INITIALIZE = 'POST /2/media/upload/initialize';
const APPEND = 'POST /2/media/upload/:id/append';
const FINALIZE = 'POST /2/media/upload/:id/finalize';
const STATUS = 'GET /2/media/upload';
const METADATA = 'POST /2/media/metadata';

const image = (altText?: string): Media => ({
  kind: 'image',
  mimeType: 'image/png',
  source: bytes(64),
  ...(altText === undefined ? {} : { altText }),
});
const video = (size = 2_500): Media => ({ kind: 'video', mimeType: 'video/mp4', source: bytes(size) });
const gif: Media = { kind: 'gif', mimeType: 'image/gif', source: bytes(96) };

describe('settings', () => {
  it('refuses 281 weighted characters by default, before sending anything', async () => {
    const adapter = h.adapter();
    expect(adapter.capabilities.text.maxLength).toBe(280);
    expect(adapter.validate({ text: 'a'.repeat(280) })).toEqual([]);
    expect(adapter.validate({ text: 'a'.repeat(281) })).toEqual([
      expect.objectContaining({ path: ['text'], rule: 'text.max_length', limit: 280, actual: 281 }),
    ]);
    const error = await failureOf(adapter.publish({ text: 'a'.repeat(281) }, h.context()), x);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(x.sim.log.entries).toHaveLength(0);
  });

  it('counts an emoji newer than twitter-text’s data as 2, in the adapter and in the simulator alike', async () => {
    // 🧑‍🧑‍🧒 (family: adult, adult, child) is Emoji 15.1: one emoji, weight 2 as X counts it
    // (https://docs.x.com/fundamentals/counting-characters), though twitter-text 3 would count its
    // five code points (8). 140 of them are exactly 280.
    const text = '🧑‍🧑‍🧒'.repeat(140);
    const adapter = h.adapter();
    expect(adapter.validate({ text })).toEqual([]);
    const result = await adapter.publish({ text }, h.context());
    expect(x.sim.posts.get(result.ref.platformPostId)?.text).toBe(text);
    expect(adapter.validate({ text: `${text}a` })).toEqual([
      expect.objectContaining({ rule: 'text.max_length', limit: 280, actual: 281 }),
    ]);
  });

  it('accepts a 25,000-character post when maxTextLength is set for a Premium account', async () => {
    const adapter = premium.adapter({ maxTextLength: 25_000 });
    expect(adapter.capabilities.text.maxLength).toBe(25_000);
    const text = `${'word '.repeat(4_999)}words`;
    expect(text).toHaveLength(25_000);
    expect(adapter.validate({ text: `${text}x` })).toEqual([
      expect.objectContaining({ rule: 'text.max_length', limit: 25_000, actual: 25_001 }),
    ]);
    const result = await adapter.publish({ text }, premium.context());
    expect(premium.x.sim.posts.get(result.ref.platformPostId)?.text).toBe(text);
  });

  it('builds the post URL from the username setting, else the account handle, else /i/web/', async () => {
    const named = await h.adapter({ username: 'XDevelopers' }).publish({ text: 'one' }, h.context());
    const id1 = named.ref.platformPostId;
    expect(named.url).toBe(`https://x.com/XDevelopers/status/${id1}`);
    expect(named.ref.url).toBe(named.url);

    const handled = await h.adapter().publish({ text: 'two' }, h.context());
    expect(handled.url).toBe(`https://x.com/ana/status/${handled.ref.platformPostId}`);

    const anonymous = await h
      .adapter()
      .publish({ text: 'three' }, { ...h.context(), account: { platform: 'x', accountId: ana.account.id } });
    const id3 = anonymous.ref.platformPostId;
    expect(anonymous.url).toBe(`https://x.com/i/web/status/${id3}`);
    expect(anonymous.ref.url).toBe(`https://x.com/i/web/status/${id3}`);
  });

  it('sends every request through the fetch given in the settings', async () => {
    const recorder = recordingFetch();
    await h
      .adapter({ fetch: recorder.fetch })
      .publish({ text: 'via my fetch', media: [image()] }, h.context());
    expect(x.sim.log.entries.length).toBeGreaterThanOrEqual(4);
    expect(recorder.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(
      x.sim.log.entries.map((entry) => `${entry.method} ${new URL(entry.url).pathname}`),
    );
  });

  it('abandons a request that takes longer than timeoutMs', async () => {
    x.sim.faults.inject({ kind: 'accepted_then_timeout', route: 'GET /2/users/me' });
    const error = await failureOf(h.adapter({ timeoutMs: 10 }).getAccountMetrics(h.context()), x);
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('refuses invalid settings with one ValidationError naming each', () => {
    let caught: unknown;
    try {
      createXAdapter({ timeoutMs: 0, maxTextLength: 2.5, uploadChunkBytes: 6 * 1024 * 1024, username: ' ' });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.problems.map((problem) => [problem.path.join('.'), problem.rule])).toEqual([
      ['maxTextLength', 'settings.positive_integer'],
      ['timeoutMs', 'settings.positive_integer'],
      ['uploadChunkBytes', 'settings.upload_chunk_bytes'],
      ['username', 'settings.non_empty'],
    ]);
  });
});

describe('media', () => {
  it('uploads four images with initialize, append and finalize, sets their alt text and attaches them in order', async () => {
    const progress: PublishProgress[] = [];
    const media = [image('A red cat'), image('A blue dog'), image(), image('A green bird')];
    const result = await h
      .adapter()
      .publish({ text: 'Four pictures', media }, h.context({ onProgress: (event) => progress.push(event) }));

    expect(h.bodies(INITIALIZE)).toEqual(
      media.map(() => ({ media_type: 'image/png', total_bytes: 64, media_category: 'tweet_image' })),
    );
    expect(h.bodies(APPEND)).toEqual(
      media.map(() => ({ media: '[file application/octet-stream 64 bytes]', segment_index: '0' })),
    );
    expect(h.requests(FINALIZE)).toHaveLength(4);
    // Images are ready at finalize: nothing is polled.
    expect(h.requests(STATUS)).toHaveLength(0);
    const [create] = h.bodies(CREATE_POST);
    const ids = (record(create?.media).media_ids as string[]) ?? [];
    expect(ids).toHaveLength(4);
    expect(create).toEqual({ text: 'Four pictures', media: { media_ids: ids } });
    expect(h.bodies(METADATA)).toEqual([
      { id: ids[0], metadata: { alt_text: { text: 'A red cat' } } },
      { id: ids[1], metadata: { alt_text: { text: 'A blue dog' } } },
      { id: ids[3], metadata: { alt_text: { text: 'A green bird' } } },
    ]);
    expect(ids.map((id) => x.sim.media.get(id)?.altText)).toEqual([
      'A red cat',
      'A blue dog',
      undefined,
      'A green bird',
    ]);
    expect(x.sim.posts.get(result.ref.platformPostId)?.media.map((item) => item.id)).toEqual(ids);
    expect(progress).toEqual([
      ...[0, 1, 2, 3].flatMap((mediaIndex) => [
        { stage: 'upload', mediaIndex, bytesSent: 0, bytesTotal: 64 },
        { stage: 'upload', mediaIndex, bytesSent: 64, bytesTotal: 64 },
      ]),
      { stage: 'publish' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('sends a video in chunks of uploadChunkBytes with increasing segment indexes, reporting each chunk', async () => {
    const progress: PublishProgress[] = [];
    await h
      .adapter({ uploadChunkBytes: 1_000 })
      .publish(
        { text: 'A video', media: [video(2_500)] },
        h.context({ onProgress: (event) => progress.push(event) }),
      );

    expect(h.bodies(INITIALIZE)).toEqual([
      { media_type: 'video/mp4', total_bytes: 2_500, media_category: 'tweet_video' },
    ]);
    expect(h.bodies(APPEND)).toEqual([
      { media: '[file application/octet-stream 1000 bytes]', segment_index: '0' },
      { media: '[file application/octet-stream 1000 bytes]', segment_index: '1' },
      { media: '[file application/octet-stream 500 bytes]', segment_index: '2' },
    ]);
    expect(h.requests(FINALIZE)).toHaveLength(1);
    expect(progress.filter((event) => event.stage === 'upload')).toEqual([
      { stage: 'upload', mediaIndex: 0, bytesSent: 0, bytesTotal: 2_500 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 1_000, bytesTotal: 2_500 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 2_000, bytesTotal: 2_500 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 2_500, bytesTotal: 2_500 },
    ]);
    expect(progress.map((event) => event.stage)).toEqual([
      ...Array<string>(4).fill('upload'),
      ...Array<string>(3).fill('processing'),
      'publish',
    ]);
  });

  it('polls processing after check_after_secs on the context clock until X says succeeded', async () => {
    const progress: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'Processed video', media: [video()] },
        h.context({ onProgress: (event) => progress.push(event) }),
      );

    // finalize: pending (check after 2 s) → 2 s: 40 % → 4 s: 80 % → 6 s: succeeded.
    expect(h.sleeps).toEqual([2_000, 2_000, 2_000]);
    expect(h.clock.now()).toBe(START + 6_000);
    const mediaId = x.sim.posts.get(result.ref.platformPostId)?.media[0]?.id;
    expect(mediaId).toBeDefined();
    const statusUrls = h.requests(STATUS).map((entry) => new URL(entry.url).searchParams);
    expect(statusUrls.map((params) => [params.get('command'), params.get('media_id')])).toEqual([
      ['STATUS', mediaId],
      ['STATUS', mediaId],
      ['STATUS', mediaId],
    ]);
    expect(progress.filter((event) => event.stage === 'processing')).toEqual([
      { stage: 'processing', mediaIndex: 0 },
      { stage: 'processing', mediaIndex: 0, percent: 40 },
      { stage: 'processing', mediaIndex: 0, percent: 80 },
    ]);
    // The post is created only once the video is ready.
    expect(result.publishedAt).toEqual(new Date(START + 6_000));
    expect(x.sim.posts.get(result.ref.platformPostId)?.media.map((item) => item.kind)).toEqual(['video']);
  });

  it('uploads a GIF as tweet_gif and waits for its processing', async () => {
    const result = await h.adapter().publish({ text: 'A GIF', media: [gif] }, h.context());
    expect(h.bodies(INITIALIZE)).toEqual([
      { media_type: 'image/gif', total_bytes: 96, media_category: 'tweet_gif' },
    ]);
    expect(h.requests(STATUS).length).toBeGreaterThan(0);
    expect(x.sim.posts.get(result.ref.platformPostId)?.media.map((item) => item.kind)).toEqual(['gif']);
  });

  it("fails with MediaProcessingError carrying X's message when processing fails, and posts nothing", async () => {
    x.failNextMediaProcessing({ code: 3, name: 'InvalidMedia', message: 'Video duration is too long' });
    const error = await failureOf(
      h.adapter().publish({ text: 'Broken video', media: [video()] }, h.context()),
      x,
    );
    expect(MediaProcessingError.isInstance(error)).toBe(true);
    expect(error.code).toBe('media_processing_failed');
    expect(error.message).toContain('Video duration is too long');
    expect(error.platformError).toEqual({
      message: 'Video duration is too long',
      code: 3,
      type: 'InvalidMedia',
    });
    expect((error as MediaProcessingError).mediaIndex).toBe(0);
    expect(h.requests(CREATE_POST)).toHaveLength(0);
    expect(x.sim.posts.size).toBe(0);
  });
});

describe('posts', () => {
  it('chains thread parts, each replying to the part before, with the post options', async () => {
    const result = await h.adapter().publish(
      {
        text: 'A thread 1/3',
        thread: [{ text: 'A thread 2/3' }, { text: 'A thread 3/3' }],
        options: { x: { reply_settings: 'following', made_with_ai: true } },
      },
      h.context(),
    );
    const first = result.ref.platformPostId;
    const [second, third] = (result.threadRefs ?? []).map((ref) => ref.platformPostId);
    expect(second).toBeDefined();
    expect(third).toBeDefined();
    expect(h.bodies(CREATE_POST)).toEqual([
      { text: 'A thread 1/3', reply_settings: 'following', made_with_ai: true },
      {
        text: 'A thread 2/3',
        reply: { in_reply_to_tweet_id: first },
        reply_settings: 'following',
        made_with_ai: true,
      },
      {
        text: 'A thread 3/3',
        reply: { in_reply_to_tweet_id: second },
        reply_settings: 'following',
        made_with_ai: true,
      },
    ]);
    expect(result.threadRefs?.map((ref) => ref.url)).toEqual([
      `https://x.com/ana/status/${second}`,
      `https://x.com/ana/status/${third}`,
    ]);
    expect(x.sim.posts.get(third ?? '')).toMatchObject({
      inReplyToId: second,
      extra: { conversationId: first },
    });
  });

  it('sends a poll as options and duration_minutes', async () => {
    const result = await h.adapter().publish(
      {
        text: 'Tea, coffee or water?',
        poll: { options: ['Tea', 'Coffee', 'Water'], durationMinutes: 1_440 },
      },
      h.context(),
    );
    expect(h.bodies(CREATE_POST)).toEqual([
      {
        text: 'Tea, coffee or water?',
        poll: { options: ['Tea', 'Coffee', 'Water'], duration_minutes: 1_440 },
      },
    ]);
    expect(x.sim.posts.get(result.ref.platformPostId)).toMatchObject({
      pollOptions: ['Tea', 'Coffee', 'Water'],
      extra: { pollDurationMinutes: 1_440 },
    });
  });

  it('puts reply_settings, quote_tweet_id and the disclosures of options.x in the request body', async () => {
    const adapter = enterprise.adapter({ access: 'enterprise' });
    const quoted = await adapter.publish({ text: 'Quote me' }, enterprise.context({}, enterprise.bob));
    await adapter.publish(
      {
        text: 'Worth a read',
        options: {
          x: {
            reply_settings: 'mentionedUsers',
            quote_tweet_id: quoted.ref.platformPostId,
            made_with_ai: false,
            paid_partnership: true,
          },
        },
      },
      enterprise.context(),
    );
    expect(enterprise.bodies(CREATE_POST)[1]).toEqual({
      text: 'Worth a read',
      quote_tweet_id: quoted.ref.platformPostId,
      reply_settings: 'mentionedUsers',
      made_with_ai: false,
      paid_partnership: true,
    });
  });

  it('tags users in the media with tagged_user_ids', async () => {
    await h
      .adapter()
      .publish(
        { text: 'With Bob', media: [image()], options: { x: { tagged_user_ids: [bob.account.id] } } },
        h.context(),
      );
    const [create] = h.bodies(CREATE_POST);
    expect(record(create?.media).tagged_user_ids).toEqual([bob.account.id]);
  });

  it('posts the first comment as a self-reply that keeps reply_settings', async () => {
    const result = await h.adapter().publish(
      {
        text: 'Main post',
        firstComment: 'Links in the first comment',
        options: { x: { reply_settings: 'following', paid_partnership: true } },
      },
      h.context(),
    );
    const id = result.ref.platformPostId;
    expect(h.bodies(CREATE_POST)[1]).toEqual({
      text: 'Links in the first comment',
      reply: { in_reply_to_tweet_id: id },
      reply_settings: 'following',
    });
    expect(result.firstCommentId).toBeDefined();
    expect(x.sim.posts.get(result.firstCommentId ?? '')).toMatchObject({
      accountId: ana.account.id,
      inReplyToId: id,
    });
  });

  it('reports the partial errors[] of a 201 as warnings and keeps the post', async () => {
    const partial = {
      title: 'Partial Error',
      detail: 'The alt text could not be attached.',
      type: 'https://api.x.com/2/problems/partial-error',
    };
    const withPartialErrors: typeof fetch = async (input, init) => {
      const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
      const url = input instanceof Request ? input.url : String(input);
      const response = await fetch(input, init);
      if (method !== 'POST' || new URL(url).pathname !== '/2/tweets' || response.status !== 201)
        return response;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      const body = record(await response.json());
      return Response.json(
        { ...body, errors: [partial, { message: 'Legacy words', code: 324 }] },
        {
          status: 201,
          headers,
        },
      );
    };
    const result = await h
      .adapter({ fetch: withPartialErrors })
      .publish({ text: 'Partly fine' }, h.context());
    expect(x.sim.posts.get(result.ref.platformPostId)?.text).toBe('Partly fine');
    expect(result.warnings).toEqual([
      { code: 'partial_error', message: partial.detail, platformCode: partial.type },
      { code: 'partial_error', message: 'Legacy words', platformCode: 324 },
    ]);
  });

  it('deletes a post with DELETE /2/tweets/:id, and a second delete is not_found', async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'Short-lived' }, h.context());
    await adapter.delete(ref, h.context());
    expect(h.requests('DELETE /2/tweets/:id').map((entry) => new URL(entry.url).pathname)).toEqual([
      `/2/tweets/${ref.platformPostId}`,
    ]);
    expect(x.sim.posts.get(ref.platformPostId)).toBeUndefined();
    const error = await failureOf(adapter.delete(ref, h.context()), x);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('not_found');
  });
});

describe('long posts (X Premium)', () => {
  // X's `text` holds only the start of a post over 280 characters; the whole text is in `note_tweet`
  // (`Post.note_post` in https://api.x.com/2/openapi.json), which the adapter asks for.
  const long =
    `Long announcement. ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}`.trim();

  it('finds a long post whose create answer was lost by its whole text', async () => {
    const adapter = premium.adapter({ maxTextLength: 25_000 });
    premium.x.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_POST });
    await failureOf(adapter.publish({ text: long }, premium.context()), premium.x);
    const found = await adapter.findRecentPosts(
      { since: new Date(START - 60_000), text: long },
      premium.context(),
    );
    expect(found.map((post) => post.text)).toEqual([long]);
  });

  it('lists a long mention with its whole text', async () => {
    const adapter = premium.adapter({ maxTextLength: 25_000 });
    const bobs = premium.context({}, premium.bob);
    await adapter.publish({ text: `${long} Thanks @ana!` }, bobs);
    const items = await allPages(adapter.listEngagements({ kinds: ['mention'] }, premium.context()));
    expect(items.flatMap((page) => page.items).map((item) => item.text)).toEqual([`${long} Thanks @ana!`]);
  });

  it("reads the whole text of another account's long posts", async () => {
    const adapter = premium.adapter({ maxTextLength: 25_000 });
    await adapter.publish({ text: long }, premium.context({}, premium.bob));
    const found = await adapter.lookupPublicAccount({ handle: 'bob' }, premium.context());
    expect(found.posts.map((post) => post.text)).toEqual([long]);
  });
});
