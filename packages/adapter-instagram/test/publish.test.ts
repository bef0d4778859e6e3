import {
  AbortedError,
  AmbiguousOutcomeError,
  type Media,
  MediaProcessingError,
  PlatformError,
  type Post,
  type PublishProgress,
  TransientError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  failureOf,
  HOUR,
  image,
  ROUTES,
  RUPLOAD_ROUTE,
  recordingFetch,
  START,
  useInstagram,
  video,
  videoBytes,
} from './support/harness.js';

// Videos take 30 simulated seconds to process (the simulator's default); the adapter checks every 5 s.
const h = useInstagram();
const { ig, ana } = h;
// A second Graph simulator (a proxy's, say) serving resumable uploads on an origin of its own.
const proxied = h.sibling({ baseUrl: 'https://graph.proxy.test', ruploadUrl: 'https://rupload.proxy.test' });

describe('single image', () => {
  it('sends caption, alt text, user tags, location and collaborators, and publishes what it made', async () => {
    const tags = [{ username: 'bob', x: 0.25, y: 0.75 }];
    const result = await h.adapter().publish(
      {
        text: 'Morning light #sun',
        media: [image('sunrise', { altText: 'A sunrise over the harbour' })],
        options: {
          instagram: { user_tags: tags, location_id: '110000000000001', collaborators: ['bob', 'cleo'] },
        },
      },
      h.context(),
    );

    // https://developers.facebook.com/docs/instagram-platform/content-publishing: image_url, caption, alt_text, user_tags, location_id.
    expect(h.bodies(ROUTES.container)).toEqual([
      {
        image_url: 'https://cdn.smmkit.test/sunrise.jpg',
        caption: 'Morning light #sun',
        alt_text: 'A sunrise over the harbour',
        user_tags: tags,
        location_id: '110000000000001',
        collaborators: ['bob', 'cleo'],
      },
    ]);
    const [container] = ig.sim.posts.filter().map((post) => post.extra.containerId);
    const mediaId = result.ref.platformPostId;
    // Quota first, then the container, its status, media_publish, and the permalink.
    expect(h.calls()).toEqual([
      `GET /${ana.account.id}/content_publishing_limit?fields=quota_usage,config`,
      `POST /${ana.account.id}/media`,
      `GET /${container}?fields=status_code,status`,
      `POST /${ana.account.id}/media_publish?creation_id=${container}`,
      `GET /${mediaId}?fields=permalink,shortcode,timestamp`,
    ]);
    const stored = ig.sim.posts.get(mediaId);
    expect(stored).toMatchObject({
      accountId: ana.account.id,
      text: 'Morning light #sun',
      media: [{ kind: 'image', altText: 'A sunrise over the harbour' }],
      extra: { kind: 'media', mediaType: 'IMAGE', productType: 'FEED' },
    });
    // Images are FINISHED at once: nothing was waited for.
    expect(h.sleeps).toEqual([]);
    expect(result.ref.accountId).toBe(ana.account.id);
    expect(result.publishedAt).toEqual(new Date(START));
    expect(result.warnings).toEqual([]);
  });

  it('uses the permalink Instagram returns as the post URL', async () => {
    const result = await h.adapter().publish({ text: 'Link me', media: [image()] }, h.context());
    const permalink = ig.sim.posts.get(result.ref.platformPostId)?.extra.permalink;
    expect(permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\/\w+\/$/);
    expect(result.url).toBe(permalink);
    expect(result.ref.url).toBe(permalink);
  });

  it('builds the URL from the shortcode when Instagram leaves the permalink out', async () => {
    const { fetch } = recordingFetch({
      after: async (request, response) => {
        if (!request.url.includes('fields=permalink')) return response;
        const { permalink: _dropped, ...rest } = (await response.json()) as Record<string, unknown>;
        return Response.json(rest, { status: response.status, headers: response.headers });
      },
    });
    const result = await h.adapter({ fetch }).publish({ text: 'Short', media: [video()] }, h.context());
    const shortcode = ig.sim.posts.get(result.ref.platformPostId)?.extra.shortcode;
    expect(result.url).toBe(`https://www.instagram.com/reel/${String(shortcode)}/`);
  });

  it('still reports a published post, with a warning and no URL, when the permalink cannot be read', async () => {
    // The first GET /{id} is the status check; the second reads the permalink.
    ig.sim.faults.inject({ kind: 'server_error', route: ROUTES.node, skip: 1 });
    const result = await h.adapter().publish({ text: 'No link', media: [image()] }, h.context());
    expect(ig.sim.posts.get(result.ref.platformPostId)?.text).toBe('No link');
    expect(result.url).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'permalink_unavailable', platformCode: 2 }),
    ]);
  });

  it("shows the post's link at the end of the caption, since Instagram has no link field", async () => {
    await h
      .adapter()
      .publish(
        { text: 'Spring is here', link: 'https://shop.example/spring', media: [image()] },
        h.context(),
      );
    expect(h.bodies(ROUTES.container)).toEqual([
      expect.objectContaining({ caption: 'Spring is here https://shop.example/spring' }),
    ]);
  });

  it('leaves out a blank caption rather than sending an empty one', async () => {
    await h.adapter().publish({ text: '   ', media: [image()] }, h.context());
    expect(h.bodies(ROUTES.container)).toEqual([{ image_url: 'https://cdn.smmkit.test/photo.jpg' }]);
  });
});

describe('carousel', () => {
  it('creates each child with is_carousel_item and no caption, then the parent with the caption and the children in order', async () => {
    const tags = [{ username: 'bob', x: 0.5, y: 0.5 }];
    const result = await h.adapter().publish(
      {
        text: 'Three in a row',
        media: [image('one', { altText: 'First' }), video('two'), image('three', { altText: 'Third' })],
        options: { instagram: { user_tags: tags, collaborators: ['cleo'], location_id: '110000000000002' } },
      },
      h.context(),
    );

    const bodies = h.bodies(ROUTES.container);
    expect(bodies.slice(0, 3)).toEqual([
      {
        is_carousel_item: true,
        image_url: 'https://cdn.smmkit.test/one.jpg',
        alt_text: 'First',
        user_tags: tags,
      },
      // https://developers.facebook.com/docs/instagram-platform/content-publishing: carousel videos are VIDEO items, never reels.
      { is_carousel_item: true, media_type: 'VIDEO', video_url: 'https://cdn.smmkit.test/two.mp4' },
      {
        is_carousel_item: true,
        image_url: 'https://cdn.smmkit.test/three.jpg',
        alt_text: 'Third',
        user_tags: tags,
      },
    ]);
    for (const child of bodies.slice(0, 3)) expect(child).not.toHaveProperty('caption');
    const children = ig.sim.posts.filter()[0]?.media ?? [];
    expect(children).toHaveLength(3);
    const containerIds = h
      .calls()
      .filter((call) => call.endsWith('?fields=status_code,status'))
      .map((call) => call.split(/[/?]/)[1]);
    const childIds = [...new Set(containerIds)].slice(0, 3);
    expect(bodies[3]).toEqual({
      media_type: 'CAROUSEL',
      children: childIds.join(','),
      caption: 'Three in a row',
      location_id: '110000000000002',
      collaborators: ['cleo'],
    });
    expect(ig.sim.posts.get(result.ref.platformPostId)).toMatchObject({
      text: 'Three in a row',
      media: [{ kind: 'image', altText: 'First' }, { kind: 'video' }, { kind: 'image', altText: 'Third' }],
      extra: { mediaType: 'CAROUSEL_ALBUM', productType: 'FEED' },
    });
    expect(h.requests(ROUTES.publish)).toHaveLength(1);
  });

  it('lets Instagram process the video children side by side, and makes the parent once all are FINISHED', async () => {
    await h.adapter().publish({ text: 'Two clips', media: [video('a'), video('b')] }, h.context());
    // Each video child is IN_PROGRESS for 30 s after its creation. Both are created first, so
    // the carousel is ready after 30 s, not 60 s.
    expect(h.clock.now()).toBe(START + 30_000);
    expect(h.sleeps).toEqual([5_000, 5_000, 5_000, 5_000, 5_000, 5_000]);
    const calls = h.calls();
    const creates = calls.flatMap((call, index) => (call.endsWith('/media') ? [index] : []));
    const checks = calls.flatMap((call, index) =>
      call.endsWith('?fields=status_code,status') ? [index] : [],
    );
    expect(creates).toHaveLength(3);
    // Both children before the first check; the parent after the children's last check.
    expect(creates[1]).toBeLessThan(checks[0] ?? -1);
    expect(creates[2]).toBeGreaterThan(checks[checks.length - 2] ?? Number.POSITIVE_INFINITY);
    expect(h.bodies(ROUTES.container)[2]).toMatchObject({ media_type: 'CAROUSEL', caption: 'Two clips' });
  });
});

describe('reel', () => {
  it('publishes a single video in the feed as a reel with share_to_feed, cover, thumb offset and collaborators', async () => {
    const progress: PublishProgress[] = [];
    const result = await h.adapter().publish(
      {
        text: 'Behind the scenes',
        media: [video('bts')],
        options: {
          instagram: {
            share_to_feed: true,
            cover_url: 'https://cdn.smmkit.test/cover.jpg',
            thumb_offset: 1_500,
            collaborators: ['bob'],
            user_tags: [{ username: 'bob' }],
          },
        },
      },
      h.context({ onProgress: (event) => progress.push(event) }),
    );

    // Every single video is a reel since July 2023: media_type=REELS (https://developers.facebook.com/docs/instagram-platform/content-publishing).
    expect(h.bodies(ROUTES.container)).toEqual([
      {
        media_type: 'REELS',
        video_url: 'https://cdn.smmkit.test/bts.mp4',
        caption: 'Behind the scenes',
        share_to_feed: true,
        cover_url: 'https://cdn.smmkit.test/cover.jpg',
        thumb_offset: 1_500,
        collaborators: ['bob'],
        user_tags: [{ username: 'bob' }],
      },
    ]);
    // IN_PROGRESS at 0, 5, … 25 s; FINISHED at 30 s; published right after.
    expect(h.sleeps).toEqual([5_000, 5_000, 5_000, 5_000, 5_000, 5_000]);
    expect(progress).toEqual([
      { stage: 'upload', mediaIndex: 0 },
      ...Array.from({ length: 6 }, () => ({ stage: 'processing', mediaIndex: 0 })),
      { stage: 'publish' },
    ]);
    const stored = ig.sim.posts.get(result.ref.platformPostId);
    expect(stored).toMatchObject({ media: [{ kind: 'video' }], extra: { productType: 'REELS' } });
    expect(result.url).toMatch(/^https:\/\/www\.instagram\.com\/reel\/\w+\/$/);
    expect(result.publishedAt).toEqual(new Date(START + 30_000));
  });

  it('publishes format "reel" as a reel too', async () => {
    await h
      .adapter()
      .publish({ text: 'Reel', media: [video()], options: { instagram: { format: 'reel' } } }, h.context());
    expect(h.bodies(ROUTES.container)[0]).toMatchObject({ media_type: 'REELS' });
  });

  it('never asks Instagram for a container status more often than the interval', async () => {
    await h.adapter({ containerPollIntervalMs: 10_000 }).publish({ media: [video()] }, h.context());
    expect(h.sleeps).toEqual([10_000, 10_000, 10_000]);
    expect(h.requests(ROUTES.node).filter((entry) => entry.url.includes('status_code'))).toHaveLength(4);
  });
});

describe('story', () => {
  it('publishes an image story with media_type=STORIES and the image only', async () => {
    const result = await h.adapter().publish(
      {
        media: [image('story', { width: 1080, height: 1920 })],
        options: { instagram: { format: 'story' } },
      },
      h.context(),
    );
    expect(h.bodies(ROUTES.container)).toEqual([
      { media_type: 'STORIES', image_url: 'https://cdn.smmkit.test/story.jpg' },
    ]);
    expect(ig.sim.posts.get(result.ref.platformPostId)).toMatchObject({
      media: [{ kind: 'image' }],
      extra: { productType: 'STORY' },
    });
  });

  it('tags users in a story with user_tags, with and without a position', async () => {
    // "we added support for the existing user_tags field for image and video stories" (July 9, 2025;
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
    const tags = [{ username: 'bob', x: 0.5, y: 0.25 }, { username: 'cleo' }];
    await h
      .adapter()
      .publish(
        { media: [video('story')], options: { instagram: { format: 'story', user_tags: tags } } },
        h.context(),
      );
    expect(h.bodies(ROUTES.container)).toEqual([
      { media_type: 'STORIES', user_tags: tags, video_url: 'https://cdn.smmkit.test/story.mp4' },
    ]);
  });

  it('publishes a video story with media_type=STORIES and the video only', async () => {
    const result = await h
      .adapter()
      .publish({ media: [video('story')], options: { instagram: { format: 'story' } } }, h.context());
    expect(h.bodies(ROUTES.container)).toEqual([
      { media_type: 'STORIES', video_url: 'https://cdn.smmkit.test/story.mp4' },
    ]);
    expect(ig.sim.posts.get(result.ref.platformPostId)).toMatchObject({
      media: [{ kind: 'video' }],
      extra: { productType: 'STORY' },
    });
  });
});

describe('container status', () => {
  it('stops with a MediaProcessingError carrying the subcode when a container ends in ERROR, and publishes nothing', async () => {
    ig.failNextContainer(2_207_026);
    const error = await failureOf(
      h.adapter().publish({ text: 'Bad codec', media: [video()] }, h.context()),
      ig,
    );
    if (!MediaProcessingError.isInstance(error))
      throw new Error(`expected a MediaProcessingError, got ${error.code}`);
    expect(error.code).toBe('media_processing_failed');
    expect(error.retryable).toBe(false);
    expect(error.mediaIndex).toBe(0);
    // ERROR, with the subcode in `status` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).
    expect(error.platformError).toMatchObject({ code: 'ERROR', subcode: 2_207_026 });
    expect(error.message).toContain('2207026');
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
    expect(ig.sim.posts.size).toBe(0);
  });

  it.each([2_207_001, 2_207_032, 2_207_003, 2_207_053])(
    'reports a container ERROR Meta says to try again (%i) as transient, with nothing published',
    async (subcode) => {
      ig.failNextContainer(subcode);
      const error = await failureOf(
        h.adapter().publish({ text: 'Try again', media: [video()] }, h.context()),
        ig,
      );
      expect(TransientError.isInstance(error)).toBe(true);
      expect(error.retryable).toBe(true);
      expect(error.platformError).toMatchObject({ code: 'ERROR', subcode });
      expect(ig.sim.posts.size).toBe(0);
    },
  );

  it("stops with a PlatformError that says how to fix thumb_offset when Instagram finds it past the video's end (1/2207057), and publishes nothing", async () => {
    // The adapter cannot know the length of a video it was not told (no durationSec), so the
    // offset reaches Instagram, which refuses it once it has the video.
    ig.setVideoDuration('https://cdn.smmkit.test/short.mp4', 10);
    const short: Media = {
      kind: 'video',
      mimeType: 'video/mp4',
      source: { type: 'url', url: 'https://cdn.smmkit.test/short.mp4' },
    };
    const post = (thumb_offset: number): Post => ({
      text: 'Cover at the end',
      media: [short],
      options: { instagram: { thumb_offset } },
    });
    const error = await failureOf(h.adapter().publish(post(10_000), h.context()), ig);
    if (!PlatformError.isInstance(error)) throw new Error(`expected a PlatformError, got ${error.code}`);
    expect(error.code).toBe('platform_refused');
    expect(error.retryable).toBe(false);
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes:
    // 1/2207057 "Thumbnail offset must be greater than or equal to 0 and less than video duration".
    expect(error.platformError).toMatchObject({ code: 'ERROR', subcode: 2_207_057 });
    expect(error.hint).toContain('options.instagram.thumb_offset');
    expect(error.message).toContain('thumb_offset');
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
    expect(ig.sim.posts.size).toBe(0);

    const result = await h.adapter().publish(post(9_999), h.context());
    expect(ig.sim.posts.get(result.ref.platformPostId)).toMatchObject({ extra: { productType: 'REELS' } });
  });

  it('names the failing carousel item', async () => {
    const error = await failureOf(
      h.adapter().publish(
        {
          text: 'One broken',
          media: [
            image('fine'),
            image('x', { source: { type: 'url', url: 'https://unreachable.test/x.jpg' } }),
          ],
        },
        h.context(),
      ),
      ig,
    );
    if (!MediaProcessingError.isInstance(error))
      throw new Error(`expected a MediaProcessingError, got ${error.code}`);
    expect(error.mediaIndex).toBe(1);
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes: 9004/2207052 media URL could not be fetched.
    expect(error.platformError?.subcode).toBe(2_207_052);
    expect(h.bodies(ROUTES.container).some((body) => body.media_type === 'CAROUSEL')).toBe(false);
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
  });

  it('reports an EXPIRED container (not published within 24 h) with subcode 2207020', async () => {
    // The machine slept for a day between two status checks.
    const drowsy = {
      now: () => h.clock.now(),
      sleep: async () => h.clock.advance(DAY + HOUR),
    };
    const error = await failureOf(
      h
        .adapter({ containerPollTimeoutMs: 2 * DAY })
        .publish({ text: 'Too late', media: [video()] }, h.context({ clock: drowsy })),
      ig,
    );
    // Meta: "Generate a new container ID and use it to try again": what a retry of the publish does.
    expect(TransientError.isInstance(error) && error.retryable).toBe(true);
    expect(error.platformError).toMatchObject({ code: 'EXPIRED', subcode: 2_207_020 });
    expect(error.message).toMatch(/expired/i);
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
  });
});

describe('what Instagram fetches', () => {
  it('publishes media from URLs without a file extension (signed CDN links)', async () => {
    const photo = image('x', { source: { type: 'url', url: 'https://img.smmkit.test/render/8842?sig=abc' } });
    const clip = video('x', { source: { type: 'url', url: 'https://img.smmkit.test/stream/8843' } });
    const album = await h.adapter().publish({ text: 'Signed', media: [photo, clip] }, h.context());
    expect(ig.sim.posts.get(album.ref.platformPostId)?.media.map((item) => item.kind)).toEqual([
      'image',
      'video',
    ]);
  });

  it("passes on Instagram's refusal of an image that is not a JPEG, with its code and subcode, and publishes nothing", async () => {
    // Declared as a JPEG (so validation passes), but the file Instagram fetches is a PNG.
    const png = image('x', { source: { type: 'url', url: 'https://cdn.smmkit.test/really.png' } });
    const error = await failureOf(h.adapter().publish({ text: 'PNG', media: [png] }, h.context()), ig);
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes: 36001/2207005 image format.
    expect(error.platformError).toMatchObject({ code: 36_001, subcode: 2_207_005 });
    expect(error.code).toBe('media_processing_failed');
    expect(error.retryable).toBe(false);
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
  });

  it('reports a video Instagram cannot decode as an ERROR container with subcode 2207026', async () => {
    const webm = video('x', { source: { type: 'url', url: 'https://cdn.smmkit.test/really.webm' } });
    const error = await failureOf(h.adapter().publish({ media: [webm] }, h.context()), ig);
    expect(error.code).toBe('media_processing_failed');
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes: 352/2207026 video format.
    expect(error.platformError).toMatchObject({ code: 'ERROR', subcode: 2_207_026 });
  });
});

describe('cancelling', () => {
  it('stops with an AbortedError while Instagram processes, and publishes nothing', async () => {
    const controller = new AbortController();
    const error = await failureOf(
      h.adapter().publish(
        { text: 'Never mind', media: [video()] },
        h.context({
          signal: controller.signal,
          onProgress: (event) => {
            if (event.stage === 'processing') controller.abort();
          },
        }),
      ),
      ig,
    );
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(error.code).toBe('aborted');
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
    expect(ig.sim.posts.size).toBe(0);
  });
});

describe('media_publish', () => {
  it('reports a lost media_publish answer as ambiguous: the post may exist', async () => {
    ig.sim.faults.inject({ kind: 'accepted_then_lost', route: ROUTES.publish });
    const error = await failureOf(
      h.adapter().publish({ text: 'Did it?', media: [image()] }, h.context()),
      ig,
    );
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    // It did: Instagram published before the answer was lost.
    expect(ig.sim.posts.filter().map((post) => post.text)).toEqual(['Did it?']);
  });

  /** A `fetch` through which the requests `matches` picks are answered with Graph error `error` (400), once the simulator has acted on them. */
  const failingWith = (matches: (request: Request) => boolean, error: Record<string, unknown>) =>
    recordingFetch({
      after: (request, response) =>
        matches(request)
          ? Response.json(
              { error: { type: 'OAuthException', fbtrace_id: 'Atrace', ...error } },
              { status: 400 },
            )
          : response,
    }).fetch;
  const isPublish = (request: Request) => new URL(request.url).pathname.endsWith('/media_publish');
  const isContainer = (request: Request) =>
    request.method === 'POST' && new URL(request.url).pathname.endsWith('/media');

  // Codes 1 and 2 "Wait and retry" (https://developers.facebook.com/docs/graph-api/guides/error-handling);
  // -1 is Instagram's server error, 2207001 "Instagram server error. Try again."
  // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
  it.each([
    { name: '-1', error: { code: -1, message: 'An unknown error occurred' } },
    { name: '-1/2207001', error: { code: -1, error_subcode: 2207001, message: 'Instagram server error.' } },
    {
      name: '2',
      error: { code: 2, message: 'An unexpected error has occurred. Please retry your request later.' },
    },
  ])(
    'reports server error $name on media_publish as ambiguous, sent once: the post may exist',
    async ({ error }) => {
      const fetch = failingWith(isPublish, error);
      const failure = await failureOf(
        h.adapter({ fetch }).publish({ text: 'Made anyway?', media: [image()] }, h.context()),
        ig,
      );
      if (!AmbiguousOutcomeError.isInstance(failure))
        throw new Error(`expected an AmbiguousOutcomeError, got ${failure.code}`);
      expect(failure.retryable).toBe(false);
      expect(failure.platformError).toMatchObject({ code: error.code });
      expect(h.requests(ROUTES.publish)).toHaveLength(1);
      // It was made: Instagram failed only in answering.
      expect(ig.sim.posts.filter().map((post) => post.text)).toEqual(['Made anyway?']);
    },
  );

  it('reports a server error while creating the container as retryable: a container is not a post', async () => {
    const fetch = failingWith(isContainer, { code: -1, message: 'An unknown error occurred' });
    const failure = await failureOf(
      h.adapter({ fetch }).publish({ text: 'Try again', media: [image()] }, h.context()),
      ig,
    );
    expect(TransientError.isInstance(failure) && failure.retryable).toBe(true);
    expect(failure.platformError).toMatchObject({ code: -1 });
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
  });

  it('finds a story whose media_publish answer was lost among the account’s stories, which media leaves out', async () => {
    await h.adapter().publish({ text: 'A feed post', media: [image()] }, h.context());
    h.clock.advance(60_000);
    ig.sim.faults.inject({ kind: 'accepted_then_lost', route: ROUTES.publish });
    const story = { media: [image('story')], options: { instagram: { format: 'story' } } };
    await failureOf(h.adapter().publish(story, h.context()), ig);
    const since = new Date(h.clock.now() - 30_000);
    const look = (post: Post) => h.adapter().findRecentPosts({ since, text: '', post }, h.context());
    const [found, ...others] = await look(story);
    expect(others).toEqual([]);
    expect(ig.sim.posts.get(found?.ref.platformPostId ?? '')?.extra).toMatchObject({ productType: 'STORY' });
    // A feed post without a caption, looked for at the same time, is never taken for that story.
    expect(await look({ media: [image('feed')] })).toEqual([]);
  });
});

describe('first comment', () => {
  it('posts the first comment on the new media right after media_publish', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'With a comment', media: [image()], firstComment: '#tags #here' }, h.context());
    const mediaId = result.ref.platformPostId;
    expect(h.bodies(ROUTES.comment)).toEqual([{ message: '#tags #here' }]);
    const calls = h.calls();
    expect(calls.indexOf(`POST /${mediaId}/comments`)).toBeGreaterThan(
      calls.findIndex((call) => call.includes('/media_publish?')),
    );
    expect(result.firstCommentId).toBeDefined();
    expect(ig.sim.posts.get(result.firstCommentId ?? '')).toMatchObject({
      text: '#tags #here',
      inReplyToId: mediaId,
      extra: { kind: 'comment' },
    });
    expect(result.warnings).toEqual([]);
  });

  it('keeps the publish a success and warns when the first comment is refused', async () => {
    ig.sim.faults.inject({ kind: 'rate_limit', route: ROUTES.comment });
    const result = await h
      .adapter()
      .publish({ text: 'Comment refused', media: [image()], firstComment: 'hello' }, h.context());
    expect(ig.sim.posts.get(result.ref.platformPostId)?.text).toBe('Comment refused');
    expect(result.firstCommentId).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'first_comment_failed', platformCode: 4 }),
    ]);
    expect(h.requests(ROUTES.publish)).toHaveLength(1);
  });

  it('warns that the first comment may exist when its answer is a 5xx, and does not post it again', async () => {
    ig.sim.faults.inject({ kind: 'server_error', route: ROUTES.comment });
    const result = await h
      .adapter()
      .publish({ text: 'Comment unknown', media: [image()], firstComment: 'hello' }, h.context());
    expect(result.firstCommentId).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'first_comment_unknown' })]);
    expect(h.requests(ROUTES.comment)).toHaveLength(1);
  });
});

describe('media as bytes (resumable upload)', () => {
  it('uploads a reel from bytes to the uri Instagram hands out, from offset 0, then publishes it', async () => {
    const progress: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'From my disk', media: [videoBytes(4_096)] },
        h.context({ onProgress: (event) => progress.push(event) }),
      );

    // https://developers.facebook.com/docs/instagram-platform/content-publishing: upload_type=resumable → {id, uri}.
    expect(h.bodies(ROUTES.container)).toEqual([
      { media_type: 'REELS', caption: 'From my disk', upload_type: 'resumable' },
    ]);
    const uploads = ig.rupload.log.forRoute(RUPLOAD_ROUTE);
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    const containerId = ig.sim.posts.get(result.ref.platformPostId)?.extra.containerId;
    expect(upload?.url).toBe(`https://rupload.facebook.com/ig-api-upload/v26.0/${String(containerId)}`);
    expect(upload?.headers).toMatchObject({ offset: '0', file_size: '4096' });
    expect(upload?.status).toBe(200);
    expect(ig.sim.posts.get(result.ref.platformPostId)).toMatchObject({
      text: 'From my disk',
      media: [{ kind: 'video', sizeBytes: 4_096 }],
      extra: { productType: 'REELS' },
    });
    // Processing starts once every byte has arrived: 30 s later the reel is FINISHED.
    expect(h.sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(30_000);
    expect(progress.filter((event) => event.stage === 'upload')).toEqual([
      { stage: 'upload', mediaIndex: 0 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 0, bytesTotal: 4_096 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 4_096, bytesTotal: 4_096 },
    ]);
  });

  /** A `fetch` through which rupload answers 200 with `body` (the simulator still gets the bytes). */
  const ruploadAnswers = (body: Record<string, unknown>) =>
    recordingFetch({
      after: (request, response) =>
        request.url.startsWith('https://rupload.facebook.com/') ? Response.json(body) : response,
    }).fetch;

  it('stops when rupload answers 200 with success false: retryable, nothing published', async () => {
    const fetch = ruploadAnswers({ success: false, message: 'Upload failed. Please retry.' });
    const error = await failureOf(
      h.adapter({ fetch }).publish({ text: 'Lost bytes', media: [videoBytes()] }, h.context()),
      ig,
    );
    if (!TransientError.isInstance(error)) throw new Error(`expected a TransientError, got ${error.code}`);
    expect(error.retryable).toBe(true);
    expect(error.platformError).toEqual({ message: 'Upload failed. Please retry.' });
    expect(error.message).toContain('the video was not received and nothing was published');
    expect(error.hint).toContain('Publish again');
    // The container is never polled nor published: it has no video.
    expect(h.requests(ROUTES.node)).toHaveLength(0);
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
    expect(ig.sim.posts.size).toBe(0);
  });

  it('reports a 200 debug_info refusal rupload will not retry as a failed video, nothing published', async () => {
    const fetch = ruploadAnswers({
      debug_info: { retriable: false, type: 'ProcessingFailedError', message: 'Request processing failed' },
    });
    const error = await failureOf(
      h.adapter({ fetch }).publish({ text: 'Album', media: [image(), videoBytes()] }, h.context()),
      ig,
    );
    if (!MediaProcessingError.isInstance(error))
      throw new Error(`expected a MediaProcessingError, got ${error.code}`);
    expect(error.code).toBe('media_processing_failed');
    expect(error.retryable).toBe(false);
    expect(error.mediaIndex).toBe(1);
    expect(error.platformError).toEqual({
      type: 'ProcessingFailedError',
      message: 'Request processing failed',
    });
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
    expect(ig.sim.posts.size).toBe(0);
  });

  it('never sends the token to an upload uri off rupload.facebook.com: refused before the upload, nothing published', async () => {
    // A tampered container answer names another host: the Page/IG token must not go there.
    const recorder = recordingFetch({
      after: async (request, response) => {
        if (!request.url.endsWith('/media') || request.method !== 'POST') return response;
        const body = (await response.json()) as { id: string; uri?: string };
        return Response.json({ ...body, uri: `https://attacker.example/ig-api-upload/v26.0/${body.id}` });
      },
    });
    const error = await failureOf(
      h.adapter({ fetch: recorder.fetch }).publish({ text: 'Stolen?', media: [videoBytes()] }, h.context()),
      ig,
    );
    if (!TransientError.isInstance(error)) throw new Error(`expected a TransientError, got ${error.code}`);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('upload video was not sent');
    expect(error.message).toContain('rupload.facebook.com');
    expect(JSON.stringify(error)).not.toContain(ana.accessToken);
    expect(recorder.requests.filter((request) => new URL(request.url).host !== 'graph.facebook.com')).toEqual(
      [],
    );
    expect(ig.rupload.log.forRoute(RUPLOAD_ROUTE)).toHaveLength(0);
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
    expect(ig.sim.posts.size).toBe(0);
  });

  it('uploads to a simulator serving rupload on its own origin when ruploadUrl names it, and not otherwise', async () => {
    const adapter = (settings = {}) => proxied.adapter(settings);
    const refused = await failureOf(
      adapter().publish({ text: 'Not trusted', media: [videoBytes()] }, proxied.context()),
      proxied.ig,
    );
    expect(TransientError.isInstance(refused) && refused.code).toBe('invalid_response');
    expect(proxied.ig.rupload.log.forRoute(RUPLOAD_ROUTE)).toHaveLength(0);

    const result = await adapter({ ruploadUrl: 'https://rupload.proxy.test' }).publish(
      { text: 'Trusted', media: [videoBytes(2_048)] },
      proxied.context(),
    );
    const [upload] = proxied.ig.rupload.log.forRoute(RUPLOAD_ROUTE);
    expect(upload?.url).toMatch(/^https:\/\/rupload\.proxy\.test\/ig-api-upload\//);
    expect(upload?.status).toBe(200);
    expect(proxied.ig.sim.posts.get(result.ref.platformPostId)?.media).toEqual([
      expect.objectContaining({ sizeBytes: 2_048 }),
    ]);
  });

  it('uploads a story video and a carousel video from bytes with their media types', async () => {
    await h
      .adapter()
      .publish({ media: [videoBytes(1_000)], options: { instagram: { format: 'story' } } }, h.context());
    await h.adapter().publish({ text: 'Album', media: [image(), videoBytes(2_000)] }, h.context());

    expect(h.bodies(ROUTES.container)).toEqual([
      { media_type: 'STORIES', upload_type: 'resumable' },
      { is_carousel_item: true, image_url: 'https://cdn.smmkit.test/photo.jpg' },
      { is_carousel_item: true, media_type: 'VIDEO', upload_type: 'resumable' },
      expect.objectContaining({ media_type: 'CAROUSEL', caption: 'Album' }),
    ]);
    expect(ig.rupload.log.forRoute(RUPLOAD_ROUTE).map((entry) => entry.headers.file_size)).toEqual([
      '1000',
      '2000',
    ]);
    const kinds = ig.sim.posts
      .filter()
      .map((post) => [post.extra.productType, post.media.map((m) => m.sizeBytes)]);
    expect(kinds).toEqual([
      ['STORY', [1_000]],
      ['FEED', [0, 2_000]],
    ]);
  });
});
