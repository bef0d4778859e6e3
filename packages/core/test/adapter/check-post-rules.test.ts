import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../src/adapter/capabilities.js';
import { type CheckPostRulesOptions, checkPostRules } from '../../src/adapter/check-post-rules.js';
import type { ValidationProblem } from '../../src/errors/validation-error.js';
import type { Media } from '../../src/models/media.js';
import type { Post } from '../../src/models/post.js';
import { fakeCapabilities, instagramLikeCapabilities, xLikeCapabilities } from '../fixtures/capabilities.js';

const MB = 1024 * 1024;

/**
 * A stand-in for twitter-text's `parseTweet(text).weightedLength`
 * (https://docs.x.com/fundamentals/counting-characters): code points up to U+10FF weigh 1, others 2, every
 * URL 23. Simplified ranges, enough here.
 */
function xWeightedLength(text: string): number {
  let length = 0;
  for (const char of text.replace(/https?:\/\/\S+/g, 'u'.repeat(23))) {
    length += (char.codePointAt(0) ?? 0) <= 4351 ? 1 : 2;
  }
  return length;
}

const X: CheckPostRulesOptions = { platformName: 'X', countText: xWeightedLength };
const IG: CheckPostRulesOptions = { platformName: 'Instagram' };

function checkX(post: Post, capabilities: Capabilities = xLikeCapabilities): ValidationProblem[] {
  return checkPostRules(post, capabilities, X);
}

function checkInstagram(post: Post, format?: 'feed' | 'story' | 'reel'): ValidationProblem[] {
  return checkPostRules(post, instagramLikeCapabilities, { ...IG, format });
}

function image(extra: Partial<Media> = {}): Media {
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { type: 'url', url: 'https://cdn.example.com/photo.jpg' },
    ...extra,
  };
}

function video(extra: Partial<Media> = {}): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'url', url: 'https://cdn.example.com/clip.mp4' },
    ...extra,
  };
}

function gif(): Media {
  return {
    kind: 'gif',
    mimeType: 'image/gif',
    source: { type: 'url', url: 'https://cdn.example.com/a.gif' },
  };
}

function images(count: number): Media[] {
  return Array.from({ length: count }, () => image());
}

/** The problems for one rule id. */
function withRule(problems: readonly ValidationProblem[], rule: string): ValidationProblem[] {
  return problems.filter((problem) => problem.rule === rule);
}

describe('checkPostRules: valid posts', () => {
  it('returns no problem for a valid X post with text, a link, four images, a thread and a first comment', () => {
    const post: Post = {
      text: 'Launch day! 🚀',
      link: 'https://example.com/launch',
      media: images(4),
      thread: [{ text: 'Part two', media: [video({ durationSec: 30, width: 1280, height: 720, fps: 30 })] }],
      firstComment: 'Questions? Reply here.',
    };
    expect(checkX(post)).toEqual([]);
  });

  it('returns no problem for a valid Instagram carousel, story and reel', () => {
    const carousel: Post = {
      text: 'Spring drop #spring @studio',
      media: [image({ width: 1080, height: 1350 }), video({ durationSec: 20 })],
    };
    expect(checkInstagram(carousel)).toEqual([]);
    expect(checkInstagram({ media: [image({ width: 1080, height: 1080 })] })).toEqual([]);
    expect(checkInstagram({ media: [video({ durationSec: 10 })] }, 'story')).toEqual([]);
    expect(checkInstagram({ media: [video({ durationSec: 10 })] }, 'reel')).toEqual([]);
  });
});

describe('checkPostRules: empty posts and required text', () => {
  it('reports a post with no text, media or poll at the root as post.empty', () => {
    expect(checkX({})).toEqual([{ path: [], rule: 'post.empty', message: 'a post needs text or media' }]);
  });

  it('treats whitespace-only text as empty', () => {
    expect(checkX({ text: '  \n\t ' }).map((p) => p.rule)).toEqual(['post.empty']);
  });

  it('does not report an empty post when it carries a poll', () => {
    expect(withRule(checkX({ poll: { options: ['Yes', 'No'], durationMinutes: 60 } }), 'post.empty')).toEqual(
      [],
    );
  });

  it('reports text.required at ["text"] for a media-only post when the platform needs text', () => {
    const capabilities: Capabilities = {
      ...fakeCapabilities,
      text: { ...fakeCapabilities.text, required: true },
    };
    const problems = checkPostRules({ media: [image()] }, capabilities, { platformName: 'Fake' });
    expect(problems).toEqual([{ path: ['text'], rule: 'text.required', message: 'Fake needs text' }]);
  });
});

describe('checkPostRules: text length', () => {
  it('counts code points on Instagram, so 2,200 emoji (4,400 UTF-16 units) fit and 2,201 do not', () => {
    expect(checkInstagram({ text: '😀'.repeat(2200), media: [image()] })).toEqual([]);
    expect(checkInstagram({ text: '😀'.repeat(2201), media: [image()] })).toEqual([
      {
        path: ['text'],
        rule: 'text.max_length',
        message: 'is 2201 characters long; Instagram allows 2200',
        limit: 2200,
        actual: 2201,
      },
    ]);
  });

  it("uses the adapter's countText for weighted counting: 140 CJK characters fit X's 280, 141 do not", () => {
    expect(checkX({ text: '漢'.repeat(140) })).toEqual([]);
    expect(checkX({ text: '漢'.repeat(141) })).toEqual([
      {
        path: ['text'],
        rule: 'text.max_length',
        message: 'is 282 characters long; X allows 280',
        limit: 280,
        actual: 282,
      },
    ]);
  });

  it('lets countText override a built-in counting', () => {
    const problems = checkPostRules({ text: 'abc' }, fakeCapabilities, {
      platformName: 'Fake',
      countText: () => 501,
    });
    expect(problems).toMatchObject([{ rule: 'text.max_length', limit: 500, actual: 501 }]);
  });

  it('counts every URL as urlLength with the built-in counters, whatever its real length', () => {
    // Mastodon-like: code points, 30 allowed, URLs count 23.
    const capabilities: Capabilities = {
      ...fakeCapabilities,
      text: { maxLength: 30, counting: 'code_points', urlLength: 23, required: false },
    };
    const url = 'https://example.com/a/very/long/path/that/goes/on/and/on';
    expect(checkPostRules({ text: `Read ${url}` }, capabilities, { platformName: 'Fake' })).toEqual([]);
    expect(checkPostRules({ text: `Read ${url} now` }, capabilities, { platformName: 'Fake' })).toMatchObject(
      [{ path: ['text'], rule: 'text.max_length', limit: 30, actual: 32 }],
    );
  });

  it('appends the link to the text where links are in_text and counts it toward the limit', () => {
    const link = 'https://example.com/launch';
    // 256 + space + 23 = 280: fits.
    expect(checkX({ text: 'a'.repeat(256), link })).toEqual([]);
    // 257 + space + 23 = 281: one over.
    expect(checkX({ text: 'a'.repeat(257), link })).toMatchObject([
      { path: ['text'], rule: 'text.max_length', limit: 280, actual: 281 },
    ]);
  });

  it('does not append a link that the text already contains', () => {
    const link = 'https://example.com/launch';
    // 256 + space + 23 = 280 only if the link is counted once.
    expect(checkX({ text: `${'a'.repeat(256)} ${link}`, link })).toEqual([]);
  });

  it('makes a link-only post non-empty where links are in_text', () => {
    expect(checkX({ link: 'https://example.com' })).toEqual([]);
  });

  it('counts the link, shown at the end of the text, where links are not clickable (Instagram)', () => {
    const link = 'https://example.com/launch';
    expect(checkInstagram({ text: 'a'.repeat(2200 - link.length - 1), link, media: [image()] })).toEqual([]);
    expect(checkInstagram({ text: 'a'.repeat(2200), link, media: [image()] })).toEqual([
      expect.objectContaining({ rule: 'text.max_length', actual: 2200 + 1 + link.length }),
    ]);
  });
});

describe('checkPostRules: hashtags and mentions', () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
  const handles = (n: number) => Array.from({ length: n }, (_, i) => `@user${i}`).join(' ');

  it("allows Instagram's 30 hashtags and reports the 31st with limit and actual", () => {
    expect(checkInstagram({ text: tags(30), media: [image()] })).toEqual([]);
    expect(checkInstagram({ text: tags(31), media: [image()] })).toEqual([
      {
        path: ['text'],
        rule: 'text.max_hashtags',
        message: 'has 31 hashtags; Instagram allows 30',
        limit: 30,
        actual: 31,
      },
    ]);
  });

  it("allows Instagram's 20 mentions and reports the 21st with limit and actual", () => {
    expect(checkInstagram({ text: handles(20), media: [image()] })).toEqual([]);
    expect(checkInstagram({ text: handles(21), media: [image()] })).toEqual([
      {
        path: ['text'],
        rule: 'text.max_mentions',
        message: 'has 21 mentions; Instagram allows 20',
        limit: 20,
        actual: 21,
      },
    ]);
  });

  it('does not limit hashtags or mentions where the platform sets no limit (X)', () => {
    const text = `${Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ')} ${Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' ')}`;
    expect(checkX({ text })).toEqual([]);
  });
});

describe('checkPostRules: media', () => {
  it('reports media.required at ["media"] for a text-only Instagram post', () => {
    expect(checkInstagram({ text: 'No picture' })).toEqual([
      { path: ['media'], rule: 'media.required', message: 'Instagram needs at least one image or video' },
    ]);
  });

  it('reports a kind the platform does not take at media[i].kind', () => {
    const document: Media = {
      kind: 'document',
      mimeType: 'application/pdf',
      source: { type: 'url', url: 'https://cdn.example.com/deck.pdf' },
    };
    expect(withRule(checkX({ text: 'Deck', media: [document] }), 'media.kind')).toEqual([
      {
        path: ['media', 0, 'kind'],
        rule: 'media.kind',
        message: 'X does not take document media',
        actual: 'document',
      },
    ]);
  });

  it('reports a MIME type the kind does not accept, and compares MIME types case-insensitively', () => {
    expect(checkInstagram({ media: [image({ mimeType: 'image/png' })] })).toEqual([
      {
        path: ['media', 0, 'mimeType'],
        rule: 'media.mime_type',
        message: 'image/png is not accepted for image; Instagram takes image/jpeg',
        actual: 'image/png',
      },
    ]);
    expect(checkInstagram({ media: [image({ mimeType: 'IMAGE/JPEG' })] })).toEqual([]);
  });

  it('measures the size of a bytes source from the Uint8Array, ignoring a declared sizeBytes', () => {
    const bytes = new Uint8Array(5 * MB + 1);
    expect(checkX({ media: [image({ source: { type: 'bytes', bytes }, sizeBytes: 10 })] })).toEqual([
      {
        path: ['media', 0, 'sizeBytes'],
        rule: 'media.max_bytes',
        message: 'is 5242881 bytes; X allows at most 5242880 bytes',
        limit: 5 * MB,
        actual: 5 * MB + 1,
      },
    ]);
    expect(checkX({ media: [image({ source: { type: 'bytes', bytes: new Uint8Array(5 * MB) } })] })).toEqual(
      [],
    );
  });

  it('measures the size of other sources from sizeBytes', () => {
    expect(checkX({ media: [image({ sizeBytes: 5 * MB })] })).toEqual([]);
    expect(checkX({ media: [image({ sizeBytes: 5 * MB + 1 })] })).toMatchObject([
      { path: ['media', 0, 'sizeBytes'], rule: 'media.max_bytes', limit: 5 * MB, actual: 5 * MB + 1 },
    ]);
    const gifOver: Media = { ...gif(), sizeBytes: 15 * MB + 1 };
    expect(checkX({ media: [gifOver] })).toMatchObject([{ rule: 'media.max_bytes', limit: 15 * MB }]);
  });

  it("reports a video shorter or longer than X's 0.5–140 s", () => {
    expect(checkX({ media: [video({ durationSec: 0.4 })] })).toEqual([
      {
        path: ['media', 0, 'durationSec'],
        rule: 'media.duration',
        message: 'is 0.4 s; X needs at least 0.5 s',
        limit: 0.5,
        actual: 0.4,
      },
    ]);
    expect(checkX({ media: [video({ durationSec: 140.5 })] })).toEqual([
      {
        path: ['media', 0, 'durationSec'],
        rule: 'media.duration',
        message: 'is 140.5 s; X allows at most 140 s',
        limit: 140,
        actual: 140.5,
      },
    ]);
    expect(checkX({ media: [video({ durationSec: 0.5 })] })).toEqual([]);
    expect(checkX({ media: [video({ durationSec: 140 })] })).toEqual([]);
  });

  it("reports width, height and frame rate over X's 1280×1024 at 60 fps, each at its own path", () => {
    const problems = checkX({ media: [video({ width: 1920, height: 1080, fps: 120 })] });
    expect(problems).toEqual([
      {
        path: ['media', 0, 'width'],
        rule: 'media.width',
        message: 'is 1920 px; X allows at most 1280 px',
        limit: 1280,
        actual: 1920,
      },
      {
        path: ['media', 0, 'height'],
        rule: 'media.height',
        message: 'is 1080 px; X allows at most 1024 px',
        limit: 1024,
        actual: 1080,
      },
      {
        path: ['media', 0, 'fps'],
        rule: 'media.fps',
        message: 'is 120 fps; X allows at most 60 fps',
        limit: 60,
        actual: 120,
      },
    ]);
    expect(checkX({ media: [video({ width: 1280, height: 1024, fps: 60 })] })).toEqual([]);
  });

  it('reports an Instagram image narrower than 320 px', () => {
    expect(checkInstagram({ media: [image({ width: 300, height: 300 })] })).toEqual([
      {
        path: ['media', 0, 'width'],
        rule: 'media.width',
        message: 'is 300 px; Instagram needs at least 320 px',
        limit: 320,
        actual: 300,
      },
    ]);
  });

  it("reports an aspect ratio outside Instagram's 4:5 to 1.91:1, rounded to three decimals", () => {
    const tall = checkInstagram({ media: [image({ width: 1080, height: 1920 })] });
    expect(tall).toMatchObject([
      {
        rule: 'media.aspect_ratio',
        limit: 0.8,
        actual: 0.563,
        message: expect.stringContaining('needs at least 0.8'),
      },
    ]);
    expect(tall[0]?.path.slice(0, 2)).toEqual(['media', 0]);
    const wide = checkInstagram({ media: [image({ width: 1440, height: 720 })] });
    expect(wide).toMatchObject([{ rule: 'media.aspect_ratio', limit: 1.91, actual: 2 }]);
    // Exactly 4:5, and 1440×754 = 1.9098, which rounds to 1.91: both fit.
    expect(checkInstagram({ media: [image({ width: 1080, height: 1350 })] })).toEqual([]);
    expect(checkInstagram({ media: [image({ width: 1440, height: 754 })] })).toEqual([]);
  });

  it('skips dimension rules when the media does not say its dimensions', () => {
    expect(checkInstagram({ media: [image()] })).toEqual([]);
  });

  it('reports alt text longer than the kind allows', () => {
    const capabilities: Capabilities = {
      ...fakeCapabilities,
      media: {
        ...fakeCapabilities.media,
        kinds: { image: { mimeTypes: ['image/jpeg'], altTextMaxLength: 5 } },
      },
    };
    expect(
      checkPostRules({ media: [image({ altText: 'héllo!' })] }, capabilities, { platformName: 'Fake' }),
    ).toEqual([
      {
        path: ['media', 0, 'altText'],
        rule: 'media.alt_text_length',
        message: 'is 6 characters; Fake allows at most 5 characters',
        limit: 5,
        actual: 6,
      },
    ]);
  });

  it('reports a source type the adapter cannot upload from, naming the ones it takes', () => {
    const fromFile = image({ source: { type: 'file', path: '/tmp/photo.jpg' } });
    expect(checkInstagram({ media: [fromFile] })).toEqual([
      {
        path: ['media', 0, 'source'],
        rule: 'media.source',
        message: 'Instagram cannot upload from a file source (it takes: url, bytes)',
        actual: 'file',
      },
    ]);
  });
});

describe('checkPostRules: media combinations', () => {
  it('reports five images on X and names every allowed combination', () => {
    expect(checkX({ media: images(5) })).toEqual([
      {
        path: ['media'],
        rule: 'media.combination',
        message: '5 image is not allowed; X takes 1–4 image, or 1 gif, or 1 video',
        actual: 5,
      },
    ]);
  });

  it('reports an image and a video together on X', () => {
    expect(checkX({ media: [image(), video()] })).toMatchObject([
      {
        path: ['media'],
        rule: 'media.combination',
        message: '1 image + 1 video is not allowed; X takes 1–4 image, or 1 gif, or 1 video',
      },
    ]);
    expect(checkX({ media: [gif(), gif()] })).toMatchObject([{ rule: 'media.combination', actual: 2 }]);
  });

  it('reports an 11-item Instagram carousel and allows 10', () => {
    const eleven = [...images(6), ...Array.from({ length: 5 }, () => video())];
    expect(checkInstagram({ media: eleven })).toEqual([
      {
        path: ['media'],
        rule: 'media.combination',
        message: '6 image + 5 video is not allowed; Instagram takes 1 image, or 1 video, or 2–10 image/video',
        actual: 11,
      },
    ]);
    expect(checkInstagram({ media: eleven.slice(1) })).toEqual([]);
  });

  it('allows a single item where a set of one fits it', () => {
    expect(checkX({ media: [gif()] })).toEqual([]);
    expect(checkX({ media: [video()] })).toEqual([]);
    expect(checkInstagram({ media: [video()] })).toEqual([]);
  });

  it("uses only the sets of the post's format, and says which format in the message", () => {
    expect(checkInstagram({ media: images(2) }, 'story')).toEqual([
      {
        path: ['media'],
        rule: 'media.combination',
        message: '2 image is not allowed; Instagram takes 1 image/video in a story',
        actual: 2,
      },
    ]);
    expect(checkInstagram({ media: [image()] }, 'reel')).toMatchObject([
      { rule: 'media.combination', message: '1 image is not allowed; Instagram takes 1 video in a reel' },
    ]);
    // The feed's carousel set does not leak into stories.
    expect(checkInstagram({ media: images(3) }, 'story').map((p) => p.rule)).toEqual(['media.combination']);
  });
});

describe('checkPostRules: formats', () => {
  it('reports a format the platform does not publish, listing those it does', () => {
    expect(checkPostRules({ text: 'Hi' }, xLikeCapabilities, { ...X, format: 'story' })).toEqual([
      {
        path: ['options'],
        rule: 'format.unsupported',
        message: 'X does not publish the "story" format (it publishes: feed)',
        actual: 'story',
      },
    ]);
  });
});

describe('checkPostRules: threads', () => {
  it('reports a thread where the platform has none, once, without checking its parts', () => {
    const post: Post = { media: [image()], thread: [{ text: '' }, { text: 'x'.repeat(3000) }] };
    expect(checkInstagram(post)).toEqual([
      { path: ['thread'], rule: 'thread.unsupported', message: 'Instagram has no threads' },
    ]);
  });

  it('counts the post itself as a part against maxParts', () => {
    const capabilities: Capabilities = { ...xLikeCapabilities, threads: { maxParts: 3 } };
    expect(checkX({ text: 'One', thread: [{ text: 'Two' }, { text: 'Three' }] }, capabilities)).toEqual([]);
    expect(
      checkX({ text: 'One', thread: [{ text: 'Two' }, { text: 'Three' }, { text: 'Four' }] }, capabilities),
    ).toEqual([
      { path: ['thread'], rule: 'thread.max_parts', message: 'has 4 parts; X allows 3', limit: 3, actual: 4 },
    ]);
  });

  it('checks each part like a post and reports at ["thread", i, …]', () => {
    const post: Post = {
      text: 'Head',
      thread: [{ text: '' }, { text: 'a'.repeat(281) }, { text: 'ok', media: images(5) }],
    };
    expect(checkX(post)).toEqual([
      { path: ['thread', 0], rule: 'post.empty', message: 'a post needs text or media' },
      {
        path: ['thread', 1, 'text'],
        rule: 'text.max_length',
        message: 'is 281 characters long; X allows 280',
        limit: 280,
        actual: 281,
      },
      {
        path: ['thread', 2, 'media'],
        rule: 'media.combination',
        message: '5 image is not allowed; X takes 1–4 image, or 1 gif, or 1 video',
        actual: 5,
      },
    ]);
  });

  it('appends the link to the first part only', () => {
    const post: Post = { text: 'Head', link: 'https://example.com', thread: [{ text: 'a'.repeat(280) }] };
    expect(checkX(post)).toEqual([]);
  });
});

describe('checkPostRules: polls', () => {
  const poll = (options: string[], durationMinutes = 60): Post => ({
    text: 'Vote',
    poll: { options, durationMinutes },
  });

  it('reports a poll where the platform has none', () => {
    const post: Post = { media: [image()], poll: { options: ['A', 'B'], durationMinutes: 60 } };
    expect(checkInstagram(post)).toEqual([
      { path: ['poll'], rule: 'poll.unsupported', message: 'Instagram has no polls' },
    ]);
  });

  it("reports an option count outside X's 2–4", () => {
    expect(checkX(poll(['A', 'B', 'C', 'D']))).toEqual([]);
    expect(checkX(poll(['A', 'B', 'C', 'D', 'E']))).toEqual([
      {
        path: ['poll', 'options'],
        rule: 'poll.options',
        message: 'has 5 options; X allows 2 to 4',
        limit: '2-4',
        actual: 5,
      },
    ]);
    const single: Post = { text: 'Vote', poll: { options: ['Only'], durationMinutes: 60 } };
    expect(checkX(single)).toMatchObject([{ rule: 'poll.options', actual: 1 }]);
  });

  it('reports each option over 25 characters at its index', () => {
    expect(checkX(poll(['a'.repeat(25), 'b'.repeat(26)]))).toEqual([
      {
        path: ['poll', 'options', 1],
        rule: 'poll.option_length',
        message: 'is 26 characters long; X allows 25',
        limit: 25,
        actual: 26,
      },
    ]);
  });

  it("reports a duration outside X's 5–10,080 minutes", () => {
    expect(checkX(poll(['A', 'B'], 5))).toEqual([]);
    expect(checkX(poll(['A', 'B'], 10_080))).toEqual([]);
    expect(checkX(poll(['A', 'B'], 4))).toEqual([
      {
        path: ['poll', 'durationMinutes'],
        rule: 'poll.duration',
        message: 'is 4 minutes; X allows 5 to 10080',
        limit: '5-10080',
        actual: 4,
      },
    ]);
    expect(checkX(poll(['A', 'B'], 10_081))).toMatchObject([{ rule: 'poll.duration', actual: 10_081 }]);
  });

  it('accepts only the fixed durations when the platform lists them (LinkedIn: 1, 3, 7 or 14 days)', () => {
    // Duration ONE_DAY | THREE_DAYS | SEVEN_DAYS | FOURTEEN_DAYS
    // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/poll-post-api).
    const linkedInLike: Capabilities = {
      ...fakeCapabilities,
      polls: {
        minOptions: 2,
        maxOptions: 4,
        maxOptionLength: 30,
        minDurationMinutes: 1440,
        maxDurationMinutes: 20_160,
        durationsMinutes: [1440, 4320, 10_080, 20_160],
      },
    };
    const check = (minutes: number) =>
      checkPostRules(poll(['A', 'B'], minutes), linkedInLike, { platformName: 'LinkedIn' });
    expect(check(4320)).toEqual([]);
    expect(check(2880)).toEqual([
      {
        path: ['poll', 'durationMinutes'],
        rule: 'poll.duration',
        message: 'is 2880 minutes; LinkedIn allows only 1440, 4320, 10080, 20160',
        limit: '1440,4320,10080,20160',
        actual: 2880,
      },
    ]);
  });
});

describe('checkPostRules: first comment', () => {
  it('reports a first comment where the platform cannot add one', () => {
    expect(
      checkPostRules({ text: 'Hi', firstComment: 'First!' }, fakeCapabilities, { platformName: 'Fake' }),
    ).toEqual([
      {
        path: ['firstComment'],
        rule: 'first_comment.unsupported',
        message: 'Fake cannot add a first comment',
      },
    ]);
  });

  it("reports a first comment longer than the platform's text limit", () => {
    expect(checkInstagram({ media: [image()], firstComment: 'a'.repeat(2200) })).toEqual([]);
    expect(checkInstagram({ media: [image()], firstComment: 'a'.repeat(2201) })).toEqual([
      {
        path: ['firstComment'],
        rule: 'text.max_length',
        message: 'is 2201 characters long; Instagram allows 2200',
        limit: 2200,
        actual: 2201,
      },
    ]);
  });
});

describe('checkPostRules: titles', () => {
  const titled: Capabilities = {
    ...fakeCapabilities,
    title: { maxLength: 10, counting: 'utf16_units', required: true },
  };

  it('reports a missing title where the platform needs one', () => {
    expect(checkPostRules({ text: 'Hi' }, titled, { platformName: 'Fake' })).toEqual([
      { path: ['title'], rule: 'title.required', message: 'Fake needs a title' },
    ]);
  });

  it("counts the title in the title's own counting", () => {
    // 5 emoji are 10 UTF-16 units: fits; 6 are 12.
    expect(checkPostRules({ text: 'Hi', title: '😀'.repeat(5) }, titled, { platformName: 'Fake' })).toEqual(
      [],
    );
    expect(checkPostRules({ text: 'Hi', title: '😀'.repeat(6) }, titled, { platformName: 'Fake' })).toEqual([
      {
        path: ['title'],
        rule: 'title.max_length',
        message: 'is 12 characters long; Fake allows 10',
        limit: 10,
        actual: 12,
      },
    ]);
  });
});

describe('checkPostRules: every problem at once', () => {
  it('returns all the problems of a post that breaks many rules, in one list', () => {
    const post: Post = {
      text: `${'a'.repeat(2200)} ${Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ')}`,
      media: [
        image({
          mimeType: 'image/png',
          source: { type: 'file', path: '/tmp/a.png' },
          width: 2000,
          height: 1000,
        }),
        ...Array.from({ length: 10 }, () => image()),
      ],
      thread: [{ text: 'more' }],
      poll: { options: ['A', 'B'], durationMinutes: 60 },
      firstComment: 'b'.repeat(2201),
    };
    const problems = checkInstagram(post);
    // The aspect-ratio problem is only pinned to its item: which field it names is not settled.
    expect(
      problems.map((p) => [p.rule, p.rule === 'media.aspect_ratio' ? p.path.slice(0, 2) : p.path]),
    ).toEqual([
      ['text.max_length', ['text']],
      ['text.max_hashtags', ['text']],
      ['media.source', ['media', 0, 'source']],
      ['media.mime_type', ['media', 0, 'mimeType']],
      ['media.width', ['media', 0, 'width']],
      ['media.aspect_ratio', ['media', 0]],
      ['media.combination', ['media']],
      ['thread.unsupported', ['thread']],
      ['poll.unsupported', ['poll']],
      ['text.max_length', ['firstComment']],
    ]);
  });
});

describe('checkPostRules: weighted counting', () => {
  it('throws a TypeError when text counting is weighted and no countText is given', () => {
    expect(() => checkPostRules({ text: 'Hi' }, xLikeCapabilities, { platformName: 'X' })).toThrow(
      new TypeError('checkPostRules: weighted text counting needs options.countText from the adapter.'),
    );
  });
});
