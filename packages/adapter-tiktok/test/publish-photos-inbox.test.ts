import { RateLimitError, staticTokenProvider } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { TIKTOK_CREATOR_SCOPES } from '../src/mocks/index.js';
import { failureOf, photo, publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

const h = useTikTok();
const { tiktok, acme } = h;

describe('a photo post', () => {
  it("shows the post's link at the end of the description, since TikTok has no link field", async () => {
    await h.adapter().publish(
      {
        text: 'Menu of the week',
        link: 'https://cafe.example/menu',
        media: [photo('a')],
        options: publicOptions(),
      },
      h.context(),
    );
    const [body] = tiktok.sim.log.bodies(ROUTES.contentInit) as { post_info: { description: string } }[];
    expect(body?.post_info.description).toBe('Menu of the week https://cafe.example/menu');
  });

  it('pulls 1–35 photos by URL with a title, description and cover, and links the public photo post', async () => {
    const result = await h.adapter().publish(
      {
        title: 'Lisbon, day one',
        text: 'Tiles everywhere #travel',
        media: [photo('a'), photo('b'), photo('c')],
        options: publicOptions({ photoCoverIndex: 1, autoAddMusic: true, brandOrganic: true }),
      },
      h.context(),
    );
    expect(tiktok.sim.log.entries.map((entry) => entry.route)[0]).toBe(ROUTES.creatorInfo);
    expect(tiktok.sim.log.bodies(ROUTES.contentInit)).toEqual([
      {
        media_type: 'PHOTO',
        post_mode: 'DIRECT_POST',
        post_info: {
          title: 'Lisbon, day one',
          description: 'Tiles everywhere #travel',
          privacy_level: 'PUBLIC_TO_EVERYONE',
          disable_comment: true,
          auto_add_music: true,
          brand_content_toggle: false,
          brand_organic_toggle: true,
        },
        source_info: {
          source: 'PULL_FROM_URL',
          photo_images: [
            'https://media.acme.test/a.jpg',
            'https://media.acme.test/b.jpg',
            'https://media.acme.test/c.jpg',
          ],
          photo_cover_index: 1,
        },
      },
    ]);
    const id = result.ref.platformPostId;
    expect(result.url).toBe(`https://www.tiktok.com/@acme/photo/${id}`);
    expect(tiktok.sim.posts.get(id)?.media.map((item) => item.kind)).toEqual(['image', 'image', 'image']);
    expect(result.warnings).toEqual([]);
  });
});

describe('an inbox draft (video.upload)', () => {
  it('sends a video to the creator’s inbox without creator info or post_info, ending at SEND_TO_USER_INBOX', async () => {
    const result = await h
      .adapter()
      .publish(
        { text: 'Finish me in the app', media: [video()], options: { tiktok: { mode: 'inbox' } } },
        h.context(),
      );
    expect(tiktok.sim.log.forRoute(ROUTES.creatorInfo)).toHaveLength(0);
    expect(tiktok.sim.log.bodies(ROUTES.inboxInit)).toEqual([
      { source_info: { source: 'FILE_UPLOAD', video_size: 2048, chunk_size: 2048, total_chunk_count: 1 } },
    ]);
    const publishId = tiktok.sim.log.bodies(ROUTES.status)[0]?.publish_id;
    expect(publishId).toMatch(/^v_inbox_file~/);
    expect(result.ref).toEqual({ platform: 'tiktok', accountId: acme.account.id, platformPostId: publishId });
    expect(result.url).toBeUndefined();
    expect(result.publishedAt).toBeUndefined();
    expect(result.warnings.map((warning) => warning.code)).toEqual(['caption_not_sent', 'sent_to_inbox']);
    // A draft is not a post until the creator finishes it.
    expect(tiktok.sim.posts.size).toBe(0);
  });

  it('sends photos as MEDIA_UPLOAD, without a privacy level', async () => {
    const result = await h.adapter().publish(
      {
        title: 'Draft',
        text: 'Photos to finish',
        media: [photo('a')],
        options: { tiktok: { mode: 'inbox' } },
      },
      h.context(),
    );
    const [body] = tiktok.sim.log.bodies(ROUTES.contentInit);
    expect(body).toMatchObject({ media_type: 'PHOTO', post_mode: 'MEDIA_UPLOAD' });
    expect(body?.post_info).not.toHaveProperty('privacy_level');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['sent_to_inbox']);
  });

  it('names video.upload when a photo draft is refused for a token without it', async () => {
    const publishOnly = tiktok.addCreator('publish_only', { scopes: ['user.info.basic', 'video.publish'] });
    const draft = { media: [photo('a')], options: { tiktok: { mode: 'inbox' } } };
    const error = await failureOf(h.adapter().publish(draft, h.context({}, publishOnly)), tiktok);
    expect(error.code).toBe('auth_missing_scope');
    expect(error.hint).toMatch(/video\.upload for a draft/);
  });

  it('reports a sixth draft in 24 hours as a daily quota that resets, not a refusal for good', async () => {
    const adapter = h.adapter();
    const draft = { media: [video()], options: { tiktok: { mode: 'inbox' } } };
    for (let n = 0; n < 5; n += 1) await adapter.publish(draft, h.context());
    const error = await failureOf(adapter.publish(draft, h.context()), tiktok);
    // A scheduler sends a quota_exceeded post again at resetAt; a platform_refused one never.
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('quota_exceeded');
    expect(error.platformError?.code).toBe('spam_risk_too_many_pending_share');
    expect(error.hint).toMatch(/5 drafts/);
    // At resetAt (with a token issued then: the first one lives 24 hours) the window has room again.
    const resetAt = (error as RateLimitError).resetAt?.getTime() ?? 0;
    expect(resetAt).toBeGreaterThanOrEqual(START + 86_400_000);
    h.clock.set(resetAt);
    const { accessToken } = tiktok.sim.tokens.issue(acme.account.id, { scopes: [...TIKTOK_CREATOR_SCOPES] });
    await expect(
      adapter.publish(draft, h.context({ tokens: staticTokenProvider(accessToken) })),
    ).resolves.toBeDefined();
  });
});
