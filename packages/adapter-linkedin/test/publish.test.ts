import { AmbiguousOutcomeError, MediaProcessingError, PlatformError, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { CREATE_POST, createBodies, failureOf, media, postBody, useLinkedIn } from './support/harness.js';

const h = useLinkedIn({ mediaProcessingMs: 1_500, videoProcessingMs: 4_000, videoPartBytes: 1_000 });

/** Every character the little format reserves, in plain text. */
const RESERVED_TEXT = String.raw`Q&A \ | { } @ [ ] ( ) < > # * _ ~ done: (1/2) [draft] a_b ~x~ <tag> \n {x}`;

describe('text', () => {
  it('delivers a text full of reserved characters intact, escaping each one', async () => {
    const result = await h.adapter().publish({ text: RESERVED_TEXT }, h.context());
    const stored = h.linkedin.sim.posts.get(result.ref.platformPostId);
    expect(stored?.text).toBe(RESERVED_TEXT);
    expect(stored?.extra.truncated).toBe(false);
    const [body] = createBodies(h.linkedin);
    expect(body?.commentary).toBe(
      String.raw`Q&A \\ \| \{ \} \@ \[ \] \( \) \< \> \# \* \_ \~ done: \(1/2\) \[draft\] a\_b \~x\~ \<tag\> \\n \{x\}`,
    );
  });

  it('renders hashtags and mentions in the little format', async () => {
    const result = await h.adapter().publish(
      {
        text: 'Welcome @Ana Silva to #TypeScript at @Acme!',
        options: {
          linkedin: {
            mentions: [
              { name: 'Ana Silva', urn: 'urn:li:person:8675309' },
              { name: 'Acme', urn: h.acme },
            ],
          },
        },
      },
      h.context(),
    );
    expect(createBodies(h.linkedin)[0]?.commentary).toBe(
      `Welcome @[Ana Silva](urn:li:person:8675309) to {hashtag|\\#|TypeScript} at @[Acme](${h.acme})!`,
    );
    const stored = h.linkedin.sim.posts.get(result.ref.platformPostId);
    expect(stored?.text).toBe('Welcome Ana Silva to #TypeScript at Acme!');
    expect(stored?.extra.mentions).toEqual(['urn:li:person:8675309', h.acme]);
    expect(stored?.extra.hashtags).toEqual(['TypeScript']);
  });

  it('keeps a link with a #fragment whole, in the text and appended to a media post', async () => {
    const result = await h.adapter().publish(
      {
        text: 'Setup guide: https://example.com/docs/#install #devops',
        link: 'https://example.com/app/#pricing',
        media: [media('image', 'image/png', 100)],
      },
      h.context(),
    );
    expect(createBodies(h.linkedin)[0]?.commentary).toBe(
      String.raw`Setup guide: https://example.com/docs/\#install {hashtag|\#|devops} https://example.com/app/\#pricing`,
    );
    const stored = h.linkedin.sim.posts.get(result.ref.platformPostId);
    expect(stored?.extra.hashtags).toEqual(['devops']);
  });

  it('sends the version and Rest.li headers with every API call', async () => {
    await h
      .adapter({ version: '202611' })
      .publish({ text: 'Headers', media: [media('image', 'image/png')] }, h.context());
    const calls = h.linkedin.sim.log.entries;
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const call of calls) {
      expect(call.headers['linkedin-version']).toBe('202611');
      expect(call.headers['x-restli-protocol-version']).toBe('2.0.0');
    }
  });
});

describe('publish', () => {
  it('creates a text post, reads its URN from x-restli-id and builds the post URL', async () => {
    const result = await h.adapter().publish({ text: 'Hello LinkedIn' }, h.context());
    expect(result.ref.platformPostId).toMatch(/^urn:li:share:\d+$/);
    expect(result.url).toBe(`https://www.linkedin.com/feed/update/${result.ref.platformPostId}/`);
    expect(result.ref.accountId).toBe(h.ana.account.id);
    expect(createBodies(h.linkedin)).toEqual([postBody(h.ana.account.id, 'Hello LinkedIn')]);
    expect(result.warnings).toEqual([]);
  });

  it('posts as an organization, with visibility and reshare options', async () => {
    const result = await h
      .adapter({ author: h.acme })
      .publish(
        { text: 'From the page', options: { linkedin: { visibility: 'LOGGED_IN', disableReshare: true } } },
        h.context(),
      );
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)?.accountId).toBe(h.acme);
    expect(createBodies(h.linkedin)[0]).toMatchObject({
      author: h.acme,
      visibility: 'LOGGED_IN',
      isReshareDisabledByAuthor: true,
    });
  });

  it('lets a post choose its author', async () => {
    await h.adapter().publish({ text: 'Mine', options: { linkedin: { author: h.acme } } }, h.context());
    expect(createBodies(h.linkedin)[0]?.author).toBe(h.acme);
  });

  it('shares a link as an article titled with the post title', async () => {
    await h.adapter().publish(
      {
        text: 'Read this',
        link: 'https://example.com/post',
        title: 'Our post',
        options: { linkedin: { articleDescription: 'Why it matters' } },
      },
      h.context(),
    );
    expect(createBodies(h.linkedin)[0]).toMatchObject({
      commentary: 'Read this',
      content: {
        article: { source: 'https://example.com/post', title: 'Our post', description: 'Why it matters' },
      },
    });
  });

  it('uploads one image with its alt text', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Team', media: [media('image', 'image/jpeg', 200, { altText: 'Our team' })] },
        h.context(),
      );
    const stored = h.linkedin.sim.posts.get(result.ref.platformPostId);
    expect(stored?.media.map((item) => [item.kind, item.altText])).toEqual([['image', 'Our team']]);
    const content = createBodies(h.linkedin)[0]?.content as { media: { id: string; altText: string } };
    expect(content.media).toEqual({ id: stored?.media[0]?.id, altText: 'Our team' });
    expect(content.media.id).toMatch(/^urn:li:image:/);
    // The image was processing until its time had passed on the simulator's clock.
    expect(h.sleeps.length).toBeGreaterThan(0);
  });

  it('posts 2 to 20 images as a multi-image post', async () => {
    const images = [1, 2, 3].map((n) => media('image', 'image/png', 100, { altText: `Photo ${n}` }));
    const result = await h.adapter().publish({ text: 'Gallery', media: images }, h.context());
    const content = createBodies(h.linkedin)[0]?.content as { multiImage: { images: { altText: string }[] } };
    expect(content.multiImage.images.map((image) => image.altText)).toEqual([
      'Photo 1',
      'Photo 2',
      'Photo 3',
    ]);
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)?.media).toHaveLength(3);
  });

  it('uploads a video in the parts LinkedIn hands out, keeps each ETag and finalizes', async () => {
    const progress: unknown[] = [];
    const video = media('video', 'video/mp4', 2_500, { durationSec: 12, title: 'Demo' });
    const result = await h
      .adapter()
      .publish({ text: 'Watch', media: [video] }, h.context({ onProgress: (step) => progress.push(step) }));
    // The simulator answers a part with an ETag only when it is exactly its byte range.
    expect(h.linkedin.www.log.entries.map((part) => [part.method, part.status])).toEqual([
      ['PUT', 200],
      ['PUT', 200],
      ['PUT', 200],
    ]);
    const [init, finalize] = h.linkedin.sim.log.bodies('POST /rest/videos');
    expect(init?.initializeUploadRequest).toEqual({
      owner: h.ana.account.id,
      fileSizeBytes: 2_500,
      uploadCaptions: false,
      uploadThumbnail: false,
    });
    const request = finalize?.finalizeUploadRequest as { uploadedPartIds: string[]; uploadToken: string };
    expect(request.uploadedPartIds).toHaveLength(3);
    expect(request.uploadedPartIds.every((id) => id.startsWith('/ambry-video/part-'))).toBe(true);
    expect(request.uploadToken).not.toBe('');
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)?.media.map((item) => item.kind)).toEqual([
      'video',
    ]);
    expect(createBodies(h.linkedin)[0]?.content).toMatchObject({ media: { title: 'Demo' } });
    expect(progress).toContainEqual({ stage: 'upload', mediaIndex: 0, bytesSent: 2_500, bytesTotal: 2_500 });
    expect(progress).toContainEqual({ stage: 'processing', mediaIndex: 0 });
    // Polled on the adapter's clock until the 4 s of processing had passed.
    expect(h.sleeps.reduce((total, ms) => total + ms, 0)).toBeGreaterThanOrEqual(4_000);
  });

  it('reports a video LinkedIn could not process, with its reason', async () => {
    h.linkedin.failNextVideo('Unsupported codec');
    const error = await failureOf(
      h.adapter().publish({ text: 'Broken', media: [media('video', 'video/mp4', 300)] }, h.context()),
      h.linkedin,
    );
    expect(MediaProcessingError.isInstance(error) && error.code).toBe('media_processing_failed');
    expect(error.message).toContain('Unsupported codec');
    expect(h.linkedin.sim.log.forRoute(CREATE_POST)).toHaveLength(0);
  });

  it('gives up on media still processing after the timeout', async () => {
    const error = await failureOf(
      h
        .adapter({ mediaPollTimeoutMs: 2_000 })
        .publish({ text: 'Slow', media: [media('video', 'video/mp4', 300)] }, h.context()),
      h.linkedin,
    );
    expect(MediaProcessingError.isInstance(error) && error.code).toBe('media_processing_timeout');
    expect(error.retryable).toBe(true);
  });

  it('posts a PDF as a document with its title', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Our deck', title: 'Q3 results', media: [media('document', 'application/pdf', 400)] },
        h.context(),
      );
    const content = createBodies(h.linkedin)[0]?.content as { media: { id: string; title: string } };
    expect(content.media.id).toMatch(/^urn:li:document:/);
    expect(content.media.title).toBe('Q3 results');
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)?.media.map((item) => item.kind)).toEqual([
      'document',
    ]);
  });

  it('posts a poll with its question, options and duration', async () => {
    const result = await h.adapter().publish(
      {
        text: 'Tell us',
        poll: { options: ['Tabs', 'Spaces'], durationMinutes: 4320 },
        options: { linkedin: { pollQuestion: 'Tabs or spaces?' } },
      },
      h.context(),
    );
    expect(createBodies(h.linkedin)[0]?.content).toEqual({
      poll: {
        question: 'Tabs or spaces?',
        options: [{ text: 'Tabs' }, { text: 'Spaces' }],
        settings: { duration: 'THREE_DAYS' },
      },
    });
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)?.pollOptions).toEqual(['Tabs', 'Spaces']);
  });

  it('appends the link to the text when the post has media', async () => {
    await h
      .adapter()
      .publish(
        { text: 'Photo', link: 'https://example.com/a_b', media: [media('image', 'image/png')] },
        h.context(),
      );
    expect(createBodies(h.linkedin)[0]?.commentary).toBe('Photo https://example.com/a\\_b');
  });

  it('adds the first comment under the post, as the author', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'With a comment', firstComment: 'Link: https://x.test' }, h.context());
    const comment = h.linkedin.sim.posts.get(result.firstCommentId ?? '');
    expect(comment?.inReplyToId).toBe(result.ref.platformPostId);
    expect(comment?.text).toBe('Link: https://x.test');
    expect(h.linkedin.commentOf(result.firstCommentId ?? '')?.actor).toBe(h.ana.account.id);
  });

  it('reports a failed first comment as a warning, never a failed publish', async () => {
    let published = false;
    const result = await h.adapter().publish(
      { text: 'Comment fails', firstComment: 'Hello' },
      h.context({
        onProgress: ({ stage }) => {
          if (stage === 'publish' && !published) {
            published = true;
            h.linkedin.sim.faults.inject({
              kind: 'server_error',
              route: 'POST /rest/socialActions/:target/comments',
            });
          }
        },
      }),
    );
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)).toBeDefined();
    expect(result.warnings.map((warning) => warning.code)).toEqual(['first_comment_unknown']);
  });

  it('takes a first comment answered with something that is no comment URN for an unknown one', async () => {
    // A proxy that mangles the Comments API's answer: the URN in the body and x-restli-id is not one.
    const mangling: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (!request.url.includes('/comments')) return response;
      return Response.json({ commentUrn: 'urn:li:comment:../../admin' }, { status: 201 });
    };
    const result = await h
      .adapter({ fetch: mangling })
      .publish({ text: 'Mangled comment', firstComment: 'Hello' }, h.context());
    expect(result.firstCommentId).toBeUndefined();
    expect(result.warnings.map((warning) => warning.code)).toEqual(['first_comment_unknown']);
  });

  it('takes a 201 without a post URN in x-restli-id for an ambiguous outcome', async () => {
    // The fault answers the create's status with a broken body and none of its headers.
    h.linkedin.sim.faults.inject({ kind: 'malformed_body', route: CREATE_POST });
    const error = await failureOf(h.adapter().publish({ text: 'No header' }, h.context()), h.linkedin);
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    expect(error.message).toContain('x-restli-id');
    expect(h.linkedin.sim.posts.filter((post) => post.text === 'No header')).toHaveLength(1);
  });

  it('refuses an account that is not a URN before sending anything', async () => {
    const error = await failureOf(
      h
        .adapter()
        .publish(
          { text: 'Who am I' },
          h.context({ account: { platform: 'linkedin', accountId: '8675309' } }),
        ),
      h.linkedin,
    );
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.rule)).toEqual([
      'author.required',
    ]);
    expect(h.linkedin.sim.log.entries).toHaveLength(0);
  });

  it('deletes a post by its URN', async () => {
    const adapter = h.adapter();
    const result = await adapter.publish({ text: 'Short-lived' }, h.context());
    await adapter.delete(result.ref, h.context());
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)).toBeUndefined();
    const [call] = h.linkedin.sim.log.forRoute('DELETE /rest/posts/:urn');
    expect(call?.url).toContain(`/rest/posts/${encodeURIComponent(result.ref.platformPostId)}`);
  });

  it('deletes a post again without an error, as a retry after a lost answer does (LinkedIn answers 204)', async () => {
    const adapter = h.adapter();
    const result = await adapter.publish({ text: 'Deleted twice' }, h.context());
    await adapter.delete(result.ref, h.context());
    await expect(adapter.delete(result.ref, h.context())).resolves.toBeUndefined();
    expect(h.linkedin.sim.log.forRoute('DELETE /rest/posts/:urn').map((call) => call.status)).toEqual([
      204, 204,
    ]);
  });

  it('fails with not_found for a post that never existed', async () => {
    const adapter = h.adapter();
    const ref = { ...(await adapter.publish({ text: 'Real' }, h.context())).ref };
    const missing = { ...ref, platformPostId: 'urn:li:share:999999999' };
    const error = await failureOf(adapter.delete(missing, h.context()), h.linkedin);
    expect(PlatformError.isInstance(error) && error.code).toBe('not_found');
  });
});
