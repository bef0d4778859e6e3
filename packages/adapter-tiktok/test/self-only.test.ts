import { describe, expect, it } from 'vitest';
import { ROUTES, START, useTikTok, video } from './support/harness.js';

// An app TikTok has not audited: its posts are SELF_ONLY, on private accounts
// (https://developers.tiktok.com/doc/content-sharing-guidelines).
const h = useTikTok({ processingMs: 2000, unaudited: true });
const { tiktok, acme } = h;
Object.assign(tiktok.creator(acme.account.id), {
  privateAccount: true,
  privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
});
const selfOnly = { tiktok: { privacyLevel: 'SELF_ONLY' } };

describe('a SELF_ONLY post', () => {
  it('comes back published under its publish id, with a warning that only the creator can make it public', async () => {
    const result = await h
      .adapter({ unaudited: true })
      .publish({ text: 'Just for me', media: [video()], options: selfOnly }, h.context());
    const [status] = tiktok.sim.log.bodies(ROUTES.status);
    expect(result.ref).toEqual({
      platform: 'tiktok',
      accountId: acme.account.id,
      platformPostId: status?.publish_id,
    });
    expect(result.ref.platformPostId).toMatch(/^v_pub_file~/);
    expect(result.url).toBeUndefined();
    expect(result.publishedAt).toEqual(new Date(START + 2000));
    expect(result.warnings).toHaveLength(1);
    const [warning] = result.warnings;
    expect(warning?.code).toBe('public_id_pending');
    // Waiting for moderation would never give it a public id: the creator has to make it public.
    expect(warning?.message).toMatch(/SELF_ONLY.*only the creator sees it/);
    expect(warning?.message).toMatch(/makes the post public in the TikTok app/);
    expect(warning?.message).not.toMatch(/moderat/);
  });

  it("still has no public id hours later (longer than TikTok's moderation): getPublishStatus gives no ref, and metrics no samples and no error", async () => {
    const adapter = h.adapter({ unaudited: true });
    const result = await adapter.publish(
      { text: 'Still mine', media: [video()], options: selfOnly },
      h.context(),
    );
    h.clock.advance(12 * 3_600_000);
    const later = await adapter.getPublishStatus(result.ref, h.context());
    expect(later).toMatchObject({ status: 'PUBLISH_COMPLETE', publicPostIds: [] });
    expect(later.ref).toBeUndefined();
    expect(await adapter.getPostMetrics([result.ref], h.context())).toEqual([]);
  });
});
