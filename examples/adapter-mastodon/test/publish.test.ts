import {
  AbortedError,
  AmbiguousOutcomeError,
  type Media,
  MediaProcessingError,
  type Post,
  type PublishProgress,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { bytes, CREATE_STATUS, createBodies, failureOf, START, useMastodon } from './support/harness.js';

// Videos take 2 simulated seconds to process; the adapter checks every 500 simulated ms.
const h = useMastodon({ mediaProcessingMs: 2_000 });
const { mastodon } = h;

const threadPost: Post = {
  text: 'Part one',
  thread: [{ text: 'Part two' }, { text: 'Part three' }],
  firstComment: 'More in the replies',
};

type CreateFault = 'rate_limit' | 'server_error' | 'accepted_then_lost';

/** Injects a fault into the create that follows the `nth` 'publish' progress event (1-based). */
function faultOnCreate(nth: number, kind: CreateFault) {
  let creates = 0;
  return (progress: PublishProgress) => {
    if (progress.stage !== 'publish') return;
    creates += 1;
    if (creates === nth) mastodon.sim.faults.inject({ kind, route: CREATE_STATUS });
  };
}

describe('idempotency keys', () => {
  it('sends ctx.idempotencyKey as the Idempotency-Key header of the create', async () => {
    await h.adapter().publish({ text: 'Hello' }, h.context({ idempotencyKey: 'key-1' }));
    const [create] = mastodon.sim.log.forRoute(CREATE_STATUS);
    expect(create?.headers['idempotency-key']).toBe('key-1');
  });

  it('sends no Idempotency-Key header when the context has no key', async () => {
    await h.adapter().publish({ text: 'Hello' }, h.context());
    const [create] = mastodon.sim.log.forRoute(CREATE_STATUS);
    expect(create?.headers).not.toHaveProperty('idempotency-key');
  });

  it('derives a key for each thread part and for the first comment', async () => {
    await h.adapter().publish(threadPost, h.context({ idempotencyKey: 'k' }));
    const keys = mastodon.sim.log.forRoute(CREATE_STATUS).map((entry) => entry.headers['idempotency-key']);
    expect(keys).toEqual(['k', 'k:thread:0', 'k:thread:1', 'k:first-comment']);
  });

  it('publishing the same post twice with the same key leaves one status per part and the same refs', async () => {
    const adapter = h.adapter();
    const first = await adapter.publish(threadPost, h.context({ idempotencyKey: 'same' }));
    const again = await adapter.publish(threadPost, h.context({ idempotencyKey: 'same' }));

    expect(again.ref.platformPostId).toBe(first.ref.platformPostId);
    expect(again.threadRefs).toEqual(first.threadRefs);
    expect(again.firstCommentId).toBe(first.firstCommentId);
    expect(mastodon.sim.posts.size).toBe(4);
    expect(mastodon.sim.log.forRoute(CREATE_STATUS)).toHaveLength(8);
  });

  it('a different key publishes a second status', async () => {
    const adapter = h.adapter();
    const first = await adapter.publish({ text: 'Hello' }, h.context({ idempotencyKey: 'a' }));
    const second = await adapter.publish({ text: 'Hello' }, h.context({ idempotencyKey: 'b' }));
    expect(second.ref.platformPostId).not.toBe(first.ref.platformPostId);
    expect(mastodon.sim.posts.size).toBe(2);
  });

  it('a retry with the same key after a lost answer returns the status the lost attempt made', async () => {
    const adapter = h.adapter();
    mastodon.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_STATUS });
    const error = await failureOf(
      adapter.publish({ text: 'Launch day' }, h.context({ idempotencyKey: 'launch' })),
      mastodon,
    );
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    const [made] = mastodon.sim.posts.filter();

    const retried = await adapter.publish({ text: 'Launch day' }, h.context({ idempotencyKey: 'launch' }));
    expect(retried.ref.platformPostId).toBe(made?.id);
    expect(mastodon.sim.posts.size).toBe(1);
  });
});

describe('threads and first comments', () => {
  it('posts each thread part as a reply to the part before, then the first comment under the first status', async () => {
    const result = await h.adapter().publish(threadPost, h.context());
    const [two, three] = result.threadRefs ?? [];
    const root = result.ref.platformPostId;

    expect(mastodon.sim.posts.get(two?.platformPostId ?? '')).toMatchObject({
      text: 'Part two',
      inReplyToId: root,
    });
    expect(mastodon.sim.posts.get(three?.platformPostId ?? '')).toMatchObject({
      text: 'Part three',
      inReplyToId: two?.platformPostId,
    });
    expect(mastodon.sim.posts.get(result.firstCommentId ?? '')).toMatchObject({
      text: 'More in the replies',
      inReplyToId: root,
    });
    expect(createBodies(mastodon).map((body) => body.status)).toEqual([
      'Part one',
      'Part two',
      'Part three',
      'More in the replies',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('returns the first status with a thread_incomplete warning when part 2 is refused, and posts no later part', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Part one', thread: [{ text: 'Part two' }, { text: 'Part three' }] },
        h.context({ onProgress: faultOnCreate(2, 'rate_limit') }),
      );

    const [root] = mastodon.sim.posts.filter();
    expect(result.ref.platformPostId).toBe(root?.id);
    expect(result.url).toBe(`${mastodon.instanceUrl}/@ana/${String(root?.id)}`);
    expect(result.threadRefs).toEqual([]);
    expect(result.warnings).toEqual([
      {
        code: 'thread_incomplete',
        message: expect.stringMatching(
          /^Thread part 2 of 3 and any after it were not published: .*Too many requests/,
        ),
      },
    ]);
    expect(mastodon.sim.posts.size).toBe(1);
    expect(mastodon.sim.log.forRoute(CREATE_STATUS)).toHaveLength(2);
  });

  it('returns the first status, not an error, when the answer to part 2 is a 503, and warns that the part may exist', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Part one', thread: [{ text: 'Part two' }, { text: 'Part three' }] },
        h.context({ onProgress: faultOnCreate(2, 'server_error') }),
      );
    expect(result.ref.platformPostId).toBe(mastodon.sim.posts.filter()[0]?.id);
    expect(result.threadRefs).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'thread_part_unknown', message: expect.stringContaining('2 of 3') }),
    ]);
    expect(mastodon.sim.log.forRoute(CREATE_STATUS)).toHaveLength(2);
  });

  it('keeps every status made before a later thread part failed, and still tries the first comment', async () => {
    const result = await h
      .adapter()
      .publish(threadPost, h.context({ onProgress: faultOnCreate(3, 'rate_limit') }));

    // The 429 closes the account's bucket until its reset, so the first comment is refused too.
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'thread_incomplete',
      'first_comment_failed',
    ]);
    expect(result.threadRefs).toHaveLength(1);
    // Every status on the server is accounted for in the result: nothing was made and then lost.
    const reported = [
      result.ref.platformPostId,
      ...(result.threadRefs ?? []).map((ref) => ref.platformPostId),
      result.firstCommentId,
    ];
    expect(mastodon.sim.posts.filter().map((post) => post.id)).toEqual(reported.filter(Boolean));
  });

  it('returns the post with a first_comment_failed warning when the first comment is refused', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Hello', firstComment: 'A comment' },
        h.context({ onProgress: faultOnCreate(2, 'rate_limit') }),
      );
    expect(result.firstCommentId).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'first_comment_failed' })]);
    expect(mastodon.sim.posts.filter().map((post) => post.id)).toEqual([result.ref.platformPostId]);
  });

  it('returns the post with a first_comment_unknown warning when the answer to the first comment is a 503', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Hello', firstComment: 'A comment' },
        h.context({ onProgress: faultOnCreate(2, 'server_error') }),
      );
    expect(result.ref.platformPostId).toBe(mastodon.sim.posts.filter()[0]?.id);
    expect(result.firstCommentId).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'first_comment_unknown' })]);
  });

  it("quotes Mastodon's refusal of the first comment in the warning", async () => {
    // The adapter is told of a longer limit than the server has: the server refuses the comment.
    const result = await h
      .adapter({ maxCharacters: 1000 })
      .publish({ text: 'Hello', firstComment: 'c'.repeat(600) }, h.context());
    expect(result.warnings).toEqual([
      {
        code: 'first_comment_failed',
        message: expect.stringContaining('Validation failed: Text character limit of 500 exceeded'),
      },
    ]);
  });

  it('returns the first status with thread_incomplete when the signal aborts after it was posted', async () => {
    const controller = new AbortController();
    let creates = 0;
    const result = await h.adapter().publish(
      threadPost,
      h.context({
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.stage === 'publish' && ++creates === 2) controller.abort();
        },
      }),
    );
    expect(result.ref.platformPostId).toBe(mastodon.sim.posts.filter()[0]?.id);
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'thread_incomplete',
      'first_comment_failed',
    ]);
    expect(mastodon.sim.log.forRoute(CREATE_STATUS)).toHaveLength(1);
  });

  it('a retry with the same key completes an incomplete thread without duplicating what exists', async () => {
    const adapter = h.adapter();
    const failed = await adapter.publish(
      threadPost,
      h.context({ idempotencyKey: 'thread', onProgress: faultOnCreate(2, 'rate_limit') }),
    );
    expect(failed.warnings.map((warning) => warning.code)).toEqual([
      'thread_incomplete',
      'first_comment_failed',
    ]);

    h.clock.advance(60_000); // past the reset the 429 announced
    const retried = await adapter.publish(threadPost, h.context({ idempotencyKey: 'thread' }));
    expect(retried.ref.platformPostId).toBe(failed.ref.platformPostId);
    expect(mastodon.sim.posts.get(retried.firstCommentId ?? '')?.inReplyToId).toBe(
      retried.ref.platformPostId,
    );
    expect(retried.threadRefs).toHaveLength(2);
    expect(retried.warnings).toEqual([]);
    expect(mastodon.sim.posts.size).toBe(4);
  });

  it('a retry with the same key recovers a thread part whose answer was lost, without a duplicate', async () => {
    const adapter = h.adapter();
    const lost = await adapter.publish(
      threadPost,
      h.context({ idempotencyKey: 'lost', onProgress: faultOnCreate(2, 'accepted_then_lost') }),
    );
    expect(lost.warnings.map((warning) => warning.code)).toEqual(['thread_part_unknown']);
    const partTwo = mastodon.sim.posts.filter((post) => post.text === 'Part two');
    expect(partTwo).toHaveLength(1);

    const retried = await adapter.publish(threadPost, h.context({ idempotencyKey: 'lost' }));
    expect(retried.threadRefs?.[0]?.platformPostId).toBe(partTwo[0]?.id);
    expect(retried.warnings).toEqual([]);
    expect(mastodon.sim.posts.size).toBe(4);
  });
});

describe('status fields', () => {
  it('applies options.mastodon to every status of the publish', async () => {
    await h.adapter().publish(
      {
        ...threadPost,
        options: {
          mastodon: { visibility: 'unlisted', spoiler_text: 'Spoilers', sensitive: true, language: 'de' },
        },
      },
      h.context(),
    );
    const bodies = createBodies(mastodon);
    expect(bodies).toHaveLength(4);
    for (const body of bodies) {
      expect(body).toMatchObject({
        visibility: 'unlisted',
        spoiler_text: 'Spoilers',
        sensitive: true,
        language: 'de',
      });
    }
    expect(mastodon.sim.posts.filter().map((post) => post.extra.visibility)).toEqual([
      'unlisted',
      'unlisted',
      'unlisted',
      'unlisted',
    ]);
  });

  it('appends the link to the text and sends only the fields that are set', async () => {
    await h.adapter().publish({ text: 'Read this', link: 'https://example.com/post' }, h.context());
    expect(createBodies(mastodon)).toEqual([{ status: 'Read this https://example.com/post' }]);
  });

  it('sends a poll with its duration in seconds', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Tea or coffee?', poll: { options: ['Tea', 'Coffee'], durationMinutes: 60 } },
        h.context(),
      );
    expect(createBodies(mastodon)[0]).toEqual({
      status: 'Tea or coffee?',
      poll: { options: ['Tea', 'Coffee'], expires_in: 3600 },
    });
    expect(mastodon.statusOf(result.ref.platformPostId)?.poll?.expires_at).toBe(
      new Date(START + 3_600_000).toISOString(),
    );
  });

  it("returns the status's URL and its creation time from Mastodon", async () => {
    h.clock.advance(90_000);
    const result = await h.adapter().publish({ text: 'Hello' }, h.context());
    expect(result.url).toBe(`${mastodon.instanceUrl}/@ana/${result.ref.platformPostId}`);
    expect(result.ref.url).toBe(result.url);
    expect(result.publishedAt).toEqual(new Date(START + 90_000));
    expect(result.rateLimit).toMatchObject({ limit: 300, remaining: 299 });
  });
});

const UPLOAD = 'POST /api/v2/media';
const CHECK = 'GET /api/v1/media/:id';

const image = (altText?: string): Media => ({
  kind: 'image',
  mimeType: 'image/png',
  source: bytes(100),
  ...(altText === undefined ? {} : { altText }),
});
const video: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: bytes(300),
  altText: 'A cat on a piano',
};

describe('media: images', () => {
  it('uploads an image (200) and attaches it at once, without polling', async () => {
    const result = await h.adapter().publish({ text: 'Look', media: [image('A red door')] }, h.context());

    const [upload] = mastodon.sim.log.forRoute(UPLOAD);
    expect(upload?.status).toBe(200);
    expect(upload?.json).toEqual({ file: '[file image/png 100 bytes]', description: 'A red door' });
    expect(mastodon.sim.log.forRoute(CHECK)).toHaveLength(0);
    const stored = mastodon.sim.posts.get(result.ref.platformPostId);
    expect(stored?.media.map((media) => [media.kind, media.altText])).toEqual([['image', 'A red door']]);
    expect(createBodies(mastodon)[0]).toEqual({ status: 'Look', media_ids: [stored?.media[0]?.id] });
  });

  it('attaches several images in the order given, and sends no description without alt text', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'Four', media: [image('one'), image(), image('three'), image('')] }, h.context());
    const uploads = mastodon.sim.log.forRoute(UPLOAD).map((entry) => entry.json);
    expect(uploads).toEqual([
      { file: '[file image/png 100 bytes]', description: 'one' },
      { file: '[file image/png 100 bytes]' },
      { file: '[file image/png 100 bytes]', description: 'three' },
      { file: '[file image/png 100 bytes]' },
    ]);
    const stored = mastodon.sim.posts.get(result.ref.platformPostId);
    expect(stored?.media.map((media) => media.altText)).toEqual(['one', undefined, 'three', undefined]);
  });

  it("uploads a thread part's media for that part, counting its index from 0", async () => {
    const events: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'One', thread: [{ text: 'Two', media: [image('in part two')] }] },
        h.context({ onProgress: (progress) => events.push(progress) }),
      );
    expect(mastodon.sim.posts.get(result.ref.platformPostId)?.media).toEqual([]);
    const part = mastodon.sim.posts.get(result.threadRefs?.[0]?.platformPostId ?? '');
    expect(part?.media.map((media) => media.altText)).toEqual(['in part two']);
    expect(events.filter((event) => event.stage === 'upload').map((event) => event.mediaIndex)).toEqual([
      0, 0,
    ]);
  });
});

describe('media: videos', () => {
  it('polls a video (202) until it is ready, reporting upload then processing, then attaches it', async () => {
    const events: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'Watch', media: [video] },
        h.context({ onProgress: (progress) => events.push(progress) }),
      );

    expect(events).toEqual([
      { stage: 'upload', mediaIndex: 0, bytesSent: 0, bytesTotal: 300 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 300, bytesTotal: 300 },
      { stage: 'processing', mediaIndex: 0 },
      { stage: 'processing', mediaIndex: 0 },
      { stage: 'processing', mediaIndex: 0 },
      { stage: 'processing', mediaIndex: 0 },
      { stage: 'publish' },
    ]);
    expect(mastodon.sim.log.forRoute(UPLOAD).map((entry) => [entry.status, entry.json])).toEqual([
      [202, { file: '[file video/mp4 300 bytes]', description: 'A cat on a piano' }],
    ]);
    expect(mastodon.sim.log.forRoute(CHECK).map((entry) => entry.status)).toEqual([206, 206, 206, 200]);
    // The create came once processing was over: two simulated seconds after the upload.
    expect(h.clock.now()).toBe(START + 2_000);
    const stored = mastodon.sim.posts.get(result.ref.platformPostId);
    expect(stored?.media.map((media) => [media.kind, media.state, media.altText])).toEqual([
      ['video', 'ready', 'A cat on a piano'],
    ]);
  });

  it('fails with media_processing_timeout when processing outlasts the timeout, and creates nothing', async () => {
    const adapter = h.adapter({ mediaPollIntervalMs: 500, mediaPollTimeoutMs: 1_500 });
    const error = await failureOf(adapter.publish({ text: 'Watch', media: [video] }, h.context()), mastodon);

    expect(MediaProcessingError.isInstance(error)).toBe(true);
    expect(error.code).toBe('media_processing_timeout');
    expect((error as MediaProcessingError).mediaIndex).toBe(0);
    expect(mastodon.sim.log.forRoute(CHECK).map((entry) => entry.status)).toEqual([206, 206, 206]);
    expect(h.clock.now()).toBe(START + 1_500);
    expect(mastodon.sim.log.forRoute(CREATE_STATUS)).toHaveLength(0);
  });

  it('fails with media_processing_failed when Mastodon cannot process the file', async () => {
    const failProcessing = (progress: PublishProgress) => {
      if (progress.stage !== 'processing') return;
      for (const media of mastodon.sim.media.filter((item) => item.state === 'processing')) {
        media.state = 'failed';
        media.failure = 'Error processing thumbnail for uploaded media';
      }
    };
    const error = await failureOf(
      h.adapter().publish({ text: 'Watch', media: [video] }, h.context({ onProgress: failProcessing })),
      mastodon,
    );

    expect(MediaProcessingError.isInstance(error)).toBe(true);
    expect(error.code).toBe('media_processing_failed');
    expect(error.status).toBe(422);
    expect(error.platformError?.message).toBe('Error processing thumbnail for uploaded media');
    expect((error as MediaProcessingError).mediaIndex).toBe(0);
    expect(mastodon.sim.log.forRoute(CREATE_STATUS)).toHaveLength(0);
  });

  it('stops waiting when the signal aborts during processing, before anything is posted', async () => {
    const controller = new AbortController();
    const error = await failureOf(
      h.adapter().publish(
        { text: 'Watch', media: [video] },
        h.context({
          signal: controller.signal,
          onProgress: (progress) => {
            if (progress.stage === 'processing') controller.abort();
          },
        }),
      ),
      mastodon,
    );
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(mastodon.sim.log.forRoute(CHECK)).toHaveLength(0);
    expect(mastodon.sim.posts.size).toBe(0);
  });

  it('reports a file Mastodon refuses at upload (422) as media_processing_failed', async () => {
    // A corrupt file passes validation; the server finds out. Answered here as Mastodon answers it.
    const refusing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname === '/api/v2/media') {
        return Response.json(
          { error: 'Validation failed: File content type is invalid, File is invalid' },
          { status: 422 },
        );
      }
      return fetch(request);
    };
    const error = await failureOf(
      h.adapter({ fetch: refusing }).publish({ text: 'Watch', media: [video] }, h.context()),
      mastodon,
    );
    expect(error.code).toBe('media_processing_failed');
    expect(error.platformError?.message).toBe(
      'Validation failed: File content type is invalid, File is invalid',
    );
    expect(mastodon.sim.log.entries).toHaveLength(0);
  });

  it('refuses a video beside an image before uploading anything', async () => {
    const error = await failureOf(
      h.adapter().publish({ text: 'x', media: [video, image()] }, h.context()),
      mastodon,
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(mastodon.sim.log.entries).toHaveLength(0);
  });
});
