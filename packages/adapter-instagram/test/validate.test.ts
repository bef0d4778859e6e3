import { type Media, type Post, ValidationError, type ValidationProblem } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { instagramCapabilities, validateInstagramPost } from '../src/index.js';
import { failureOf, image, ROUTES, useInstagram, video, videoBytes } from './support/harness.js';

// Videos are ready at once here: these tests are about what may be sent, not about waiting.
const h = useInstagram({ containerProcessingMs: 0 });
const { ig } = h;

const MIB = 1024 * 1024;

/** A stream source that fails the test if anything reads it: validation never needs the bytes. */
const unread = {
  type: 'stream',
  stream: () => {
    throw new Error('validation must not read the media');
  },
} as const;

type Expected = Pick<ValidationProblem, 'rule' | 'path'> &
  Partial<Pick<ValidationProblem, 'limit' | 'actual'>>;

/** `post` is refused with `problem` by validate and by publish, and no request reaches Instagram. */
async function expectRefused(post: Post, problem: Expected): Promise<void> {
  const adapter = h.adapter();
  expect(adapter.validate(post)).toContainEqual(expect.objectContaining(problem));
  const error = await failureOf(adapter.publish(post, h.context()), ig);
  if (!ValidationError.isInstance(error)) throw new Error(`expected a ValidationError, got ${error.code}`);
  expect(error.problems).toContainEqual(expect.objectContaining(problem));
  expect(ig.sim.log.entries).toEqual([]);
  expect(ig.rupload.log.entries).toEqual([]);
}

/** `post` passes validation and Instagram (the simulator) publishes it. */
async function expectPublished(post: Post): Promise<void> {
  const adapter = h.adapter();
  expect(adapter.validate(post)).toEqual([]);
  const result = await adapter.publish(post, h.context());
  expect(ig.sim.posts.get(result.ref.platformPostId)).toBeDefined();
}

const story = (media: Media): Post => ({ media: [media], options: { instagram: { format: 'story' } } });

describe('media is required', () => {
  it('refuses a text-only post', async () => {
    await expectRefused({ text: 'Just words' }, { path: ['media'], rule: 'media.required' });
  });

  it('refuses a reel without a video before any request, even when the capabilities passed in do not require media', async () => {
    const reel: Post = { text: 'Watch this', options: { instagram: { format: 'reel' } } };
    await expectRefused(reel, { path: ['media'], rule: 'media.required' });
    // validateInstagramPost takes the capabilities as an argument (a wrapper may relax them):
    // every Instagram container still needs an image_url, a video_url, an upload or children.
    const capabilities = instagramCapabilities({ webhooks: false });
    const relaxed = { ...capabilities, media: { ...capabilities.media, required: false } };
    expect(validateInstagramPost(reel, { format: 'reel' }, relaxed)).toContainEqual(
      expect.objectContaining({ path: ['media'], rule: 'media.required' }),
    );
    expect(validateInstagramPost({ text: 'Hi' }, {}, relaxed)).toContainEqual(
      expect.objectContaining({ path: ['media'], rule: 'media.required' }),
    );
  });
});

describe('images', () => {
  it('takes JPEG only', async () => {
    await expectRefused(
      { text: 'PNG', media: [image('p', { mimeType: 'image/png' })] },
      { path: ['media', 0, 'mimeType'], rule: 'media.mime_type', actual: 'image/png' },
    );
  });

  it('takes up to 8 MB', async () => {
    await expectPublished({ media: [image('max', { sizeBytes: 8 * MIB })] });
    ig.sim.log.clear();
    await expectRefused(
      { media: [image('big', { sizeBytes: 8 * MIB + 1 })] },
      { path: ['media', 0, 'sizeBytes'], rule: 'media.max_bytes', limit: 8 * MIB, actual: 8 * MIB + 1 },
    );
  });

  it('takes aspect ratios from 4:5 to 1.91:1 in the feed', async () => {
    await expectPublished({ media: [image('portrait', { width: 1080, height: 1350 })] });
    await expectPublished({ media: [image('landscape', { width: 1080, height: 566 })] });
    ig.sim.log.clear();
    await expectRefused(
      { media: [image('tall', { width: 1080, height: 1351 })] },
      { path: ['media', 0, 'width'], rule: 'media.aspect_ratio', limit: 0.8, actual: 0.799 },
    );
    await expectRefused(
      { media: [image('wide', { width: 1080, height: 560 })] },
      { path: ['media', 0, 'width'], rule: 'media.aspect_ratio', limit: 1.91, actual: 1.929 },
    );
  });

  it('compares a feed image with 4:5 and 1.91:1 exactly, not rounded: a ratio that reads as a bound but is outside it is refused', async () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media:
    // "Aspect ratio: Must be within a 4:5 to 1.91:1 range".
    await expectPublished({ media: [image('four-five', { width: 1080, height: 1350 })] });
    await expectPublished({ media: [image('one-91', { width: 1337, height: 700 })] });
    ig.sim.log.clear();
    // 1079 / 1349 = 0.79985 (0.800 to 3 decimals) and 1024 / 536 = 1.91045 (1.910).
    await expectRefused(
      { media: [image('tall', { width: 1079, height: 1349 })] },
      { path: ['media', 0, 'width'], rule: 'media.aspect_ratio', limit: 0.8, actual: 0.7999 },
    );
    await expectRefused(
      { media: [image('wide', { width: 1024, height: 536 })] },
      { path: ['media', 0, 'width'], rule: 'media.aspect_ratio', limit: 1.91, actual: 1.9104 },
    );
  });

  it('holds every carousel image to the exact feed bounds', async () => {
    await expectPublished({ media: [image('a'), image('four-five', { width: 1080, height: 1350 })] });
    ig.sim.log.clear();
    await expectRefused(
      { media: [image('a'), image('tall', { width: 1079, height: 1349 })] },
      { path: ['media', 1, 'width'], rule: 'media.aspect_ratio', limit: 0.8 },
    );
  });

  it('holds every carousel image to the feed bounds', async () => {
    await expectRefused(
      { media: [image('a'), image('tall', { width: 1080, height: 1920 })] },
      { path: ['media', 1, 'width'], rule: 'media.aspect_ratio' },
    );
  });

  it('takes a full-screen 9:16 image as a story', async () => {
    await expectPublished(story(image('story', { width: 1080, height: 1920 })));
  });

  it('publishes images of any width, on either side of 320 and 1440 px: Instagram scales them', async () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media:
    // "Minimum width: 320 (will be scaled up to the minimum if necessary)", "Maximum width: 1440
    // (will be scaled down to the maximum if necessary)".
    for (const width of [319, 320, 1440, 1441]) {
      await expectPublished({ media: [image(`w${width}`, { width, height: width })] });
    }
    await expectPublished({
      media: [image('a', { width: 319, height: 319 }), image('b', { width: 1441, height: 1441 })],
    });
    await expectPublished(story(image('tiny', { width: 319, height: 568 })));
  });

  it('needs a public URL: only videos can be uploaded as bytes', async () => {
    await expectRefused(
      {
        media: [
          { kind: 'image', mimeType: 'image/jpeg', source: { type: 'bytes', bytes: new Uint8Array(8) } },
        ],
      },
      { path: ['media', 0, 'source'], rule: 'media.source', actual: 'bytes' },
    );
  });
});

describe('caption', () => {
  it('takes 2,200 characters, counting an emoji as one, and refuses 2,201', async () => {
    // 2,200 emoji are 4,400 UTF-16 units: Instagram counts characters.
    await expectPublished({ text: '🌊'.repeat(2_200), media: [image()] });
    expect(ig.sim.posts.filter()[0]?.text).toBe('🌊'.repeat(2_200));
    ig.sim.log.clear();
    await expectRefused(
      { text: 'a'.repeat(2_201), media: [image()] },
      { path: ['text'], rule: 'text.max_length', limit: 2_200, actual: 2_201 },
    );
  });

  it('takes 30 hashtags and refuses 31', async () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
    await expectPublished({ text: tags(30), media: [image()] });
    ig.sim.log.clear();
    await expectRefused(
      { text: tags(31), media: [image()] },
      { path: ['text'], rule: 'text.max_hashtags', limit: 30, actual: 31 },
    );
  });

  it('takes 20 mentions and refuses 21', async () => {
    const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@friend${i}`).join(' ');
    await expectPublished({ text: mentions(20), media: [image()] });
    ig.sim.log.clear();
    await expectRefused(
      { text: mentions(21), media: [image()] },
      { path: ['text'], rule: 'text.max_mentions', limit: 20, actual: 21 },
    );
  });

  it('refuses a caption on a story, and a first comment', async () => {
    const post = { ...story(image('s', { width: 1080, height: 1920 })), text: 'Hi', firstComment: 'First!' };
    await expectRefused(post, { path: ['text'], rule: 'text.unsupported' });
    await expectRefused(post, { path: ['firstComment'], rule: 'first_comment.unsupported' });
  });

  it('holds the first comment to the caption length', async () => {
    await expectRefused(
      { media: [image()], firstComment: 'a'.repeat(2_201) },
      { path: ['firstComment'], rule: 'text.max_length', limit: 2_200, actual: 2_201 },
    );
  });
});

describe('carousel size', () => {
  it('publishes 10 items and refuses 11', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => image(`item${i}`));
    await expectPublished({ text: 'Ten', media: items(10) });
    expect(ig.sim.posts.filter()[0]?.media).toHaveLength(10);
    ig.sim.log.clear();
    await expectRefused(
      { text: 'Eleven', media: items(11) },
      { path: ['media'], rule: 'media.combination', actual: 11 },
    );
  });

  it('refuses more than one item in a story or a reel', async () => {
    await expectRefused(
      { media: [image('a'), image('b')], options: { instagram: { format: 'story' } } },
      { path: ['media'], rule: 'media.combination', actual: 2 },
    );
    await expectRefused(
      { media: [video('a'), video('b')], options: { instagram: { format: 'reel' } } },
      { path: ['media'], rule: 'media.combination', actual: 2 },
    );
  });

  it('refuses an image as a reel', async () => {
    await expectRefused(
      { media: [image()], options: { instagram: { format: 'reel' } } },
      { path: ['media'], rule: 'media.combination' },
    );
  });
});

describe('video', () => {
  it('takes reels of MP4 or MOV from 3 s to 15 min', async () => {
    await expectPublished({ media: [video('mov', { mimeType: 'video/quicktime', durationSec: 900 })] });
    ig.sim.log.clear();
    await expectRefused(
      { media: [video('short', { durationSec: 2.5 })] },
      { path: ['media', 0, 'durationSec'], rule: 'media.duration', limit: 3, actual: 2.5 },
    );
    await expectRefused(
      { media: [video('long', { durationSec: 901 })] },
      { path: ['media', 0, 'durationSec'], rule: 'media.duration', limit: 900, actual: 901 },
    );
    await expectRefused(
      { media: [video('webm', { mimeType: 'video/webm' })] },
      { path: ['media', 0, 'mimeType'], rule: 'media.mime_type' },
    );
  });

  it('takes reels up to 300 MB and 1920 px wide', async () => {
    // Same page, Reel Specifications: "Maximum columns (horizontal pixels): 1920", with no scaling.
    await expectPublished({ media: [video('widest', { width: 1920, height: 1080 })] });
    ig.sim.log.clear();
    await expectRefused(
      { media: [video('wider', { width: 1921, height: 1080 })] },
      { path: ['media', 0, 'width'], rule: 'media.width', limit: 1920, actual: 1921 },
    );
    await expectRefused(
      { media: [video('big', { source: unread, sizeBytes: 300 * MIB + 1 })] },
      { path: ['media', 0, 'sizeBytes'], rule: 'media.max_bytes', limit: 300 * MIB },
    );
    await expectRefused(
      { media: [video('wide', { width: 2560, height: 1440 })] },
      { path: ['media', 0, 'width'], rule: 'media.width', limit: 1920, actual: 2560 },
    );
  });

  it('takes reels from 0.01:1 to 10:1, bounds included, and refuses a video just outside', async () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media:
    // "Required aspect ratio is between 0.01:1 and 10:1 but we recommend 9:16".
    await expectPublished({ media: [video('wide', { width: 1920, height: 192 })] });
    await expectPublished({ media: [video('tall', { width: 20, height: 2000 })] });
    ig.sim.log.clear();
    await expectRefused(
      { media: [video('wider', { width: 1920, height: 191 })] },
      { path: ['media', 0, 'width'], rule: 'media.aspect_ratio', limit: 10, actual: 10.052 },
    );
    await expectRefused(
      { media: [video('taller', { width: 19, height: 2000 })], options: { instagram: { format: 'reel' } } },
      { path: ['media', 0, 'width'], rule: 'media.aspect_ratio', limit: 0.01, actual: 0.0095 },
    );
    await expectRefused(
      { media: [image('a'), video('wider', { width: 1920, height: 191 })] },
      { path: ['media', 1, 'width'], rule: 'media.aspect_ratio', limit: 10 },
    );
  });

  it('takes story videos from 0.1:1 to 10:1, bounds included, and refuses a video just outside; story images have no bound', async () => {
    // Same page, Story Video Specifications: "Required aspect ratio is between 0.1:1 and 10:1";
    // Story Image Specifications only recommend 9:16.
    await expectPublished(story(video('tall', { width: 192, height: 1920 })));
    await expectPublished(story(video('wide', { width: 1920, height: 192 })));
    await expectPublished(story(image('strip', { width: 320, height: 3200 })));
    await expectPublished(story(image('banner', { width: 1440, height: 320 })));
    ig.sim.log.clear();
    await expectRefused(story(video('taller', { width: 191, height: 1920 })), {
      path: ['media', 0, 'width'],
      rule: 'media.aspect_ratio',
      limit: 0.1,
      actual: 0.0995,
    });
    await expectRefused(story(video('wider', { width: 1920, height: 191 })), {
      path: ['media', 0, 'width'],
      rule: 'media.aspect_ratio',
      limit: 10,
    });
  });

  it('takes story videos of 3–60 s, up to 100 MB and 1920 px wide', async () => {
    await expectPublished(story(video('sixty', { durationSec: 60 })));
    // Story Video Specifications: "Maximum columns (horizontal pixels): 1920", with no scaling.
    await expectPublished(story(video('widest', { width: 1920, height: 1080 })));
    ig.sim.log.clear();
    await expectRefused(story(video('wider', { width: 1921, height: 1080 })), {
      path: ['media', 0, 'width'],
      rule: 'media.width',
      limit: 1920,
      actual: 1921,
    });
    await expectRefused(story(video('long', { durationSec: 61 })), {
      path: ['media', 0, 'durationSec'],
      rule: 'media.duration',
      limit: 60,
      actual: 61,
    });
    await expectRefused(story(videoBytes(16, { source: unread, sizeBytes: 100 * MIB + 1 })), {
      path: ['media', 0, 'sizeBytes'],
      rule: 'media.max_bytes',
      limit: 100 * MIB,
    });
  });
});

describe('Instagram options', () => {
  it('refuses share_to_feed, cover_url and thumb_offset outside reels', async () => {
    await expectRefused(
      { media: [image()], options: { instagram: { share_to_feed: true } } },
      { path: ['options', 'instagram', 'share_to_feed'], rule: 'options.reels_only' },
    );
  });

  it("refuses a reel's thumb_offset at or past the video's end, which Instagram refuses with 1/2207057", async () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes:
    // "Thumbnail offset must be greater than or equal to 0 and less than video duration".
    await expectRefused(
      { media: [video('x', { durationSec: 30 })], options: { instagram: { thumb_offset: 30_000 } } },
      {
        path: ['options', 'instagram', 'thumb_offset'],
        rule: 'options.thumb_offset',
        limit: 30_000,
        actual: 30_000,
      },
    );
    await expectPublished({
      media: [video('x', { durationSec: 30 })],
      options: { instagram: { thumb_offset: 29_999 } },
    });
  });

  it('refuses collaborators and a location on a story, which a STORIES container does not take', async () => {
    const options = {
      format: 'story',
      user_tags: [{ username: 'bob' }],
      collaborators: ['bob'],
      location_id: '1',
    };
    const post = { media: [video()], options: { instagram: options } };
    for (const name of ['collaborators', 'location_id'])
      await expectRefused(post, {
        path: ['options', 'instagram', name],
        rule: 'options.unsupported_in_story',
      });
  });

  it('takes user tags on a story (STORIES containers take user_tags since July 9, 2025)', () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
    const options = { format: 'story', user_tags: [{ username: 'bob', x: 0.5, y: 0.5 }] };
    expect(h.adapter().validate({ media: [video()], options: { instagram: options } })).toEqual([]);
  });

  it('refuses more than 3 collaborators and a misspelt option', async () => {
    const post = {
      media: [video()],
      options: { instagram: { collaborators: ['a', 'b', 'c', 'd'], share_to_fed: true } },
    };
    const problems = h.adapter().validate(post);
    expect(problems.map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining(['options.instagram.collaborators', 'options.instagram']),
    );
    await expectRefused(post, { path: ['options', 'instagram', 'collaborators'], rule: expect.any(String) });
  });
});

describe('every problem at once', () => {
  it('lists every problem of a post in one ValidationError, without reading media or sending anything', async () => {
    const post: Post = {
      text: `${'#x '.repeat(31)}${'a'.repeat(2_200)}`,
      media: [
        image('png', { mimeType: 'image/png', width: 200, height: 400 }),
        video('v', { source: unread, sizeBytes: 301 * MIB, durationSec: 1, width: 2000, height: 3000 }),
      ],
    };
    const rules = h
      .adapter()
      .validate(post)
      .map((problem) => `${problem.path.join('.')} ${problem.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'text text.max_length',
        'text text.max_hashtags',
        'media.0.mimeType media.mime_type',
        'media.0.width media.aspect_ratio',
        'media.1.width media.width',
        'media.1.sizeBytes media.max_bytes',
        'media.1.durationSec media.duration',
      ]),
    );
    await expectRefused(post, { path: ['text'], rule: 'text.max_length' });
    expect(h.requests(ROUTES.quota)).toHaveLength(0);
  });
});
