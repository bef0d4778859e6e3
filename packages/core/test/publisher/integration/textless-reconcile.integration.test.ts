import { describe, expect, it } from 'vitest';
import type { Media } from '../../../src/models/media.js';
import { START, useSimulators } from './world.js';

// A post without text cannot be matched by its text, and X refuses only a repeated text: the
// publisher must neither take another post for it nor resend it behind X's duplicate check.
const sims = useSimulators();
const CREATE_TWEET = 'POST /2/tweets';
const image: Media = {
  kind: 'image',
  mimeType: 'image/png',
  source: { type: 'bytes', bytes: new Uint8Array(64) },
};
const xPosts = () => sims.x.sim.posts.filter((post) => post.accountId === sims.xTarget.accountId);
const unrelated = () =>
  sims.x.sim.addPost({
    accountId: sims.xTarget.accountId,
    text: 'An earlier post',
    createdAt: START - 30_000,
  });

describe('X: a post without text whose create answer was lost', () => {
  it('is found among the account’s posts when an earlier text post is in the window too, and not sent again', async () => {
    unrelated();
    sims.x.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_TWEET });
    const [outcome] = await sims.publisher().publish({ media: [image] }, [sims.xTarget]);
    expect(sims.x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(1);
    const ours = xPosts().find((post) => post.text !== 'An earlier post');
    expect(outcome?.status).toBe('published');
    expect(outcome?.status === 'published' && outcome.result.ref.platformPostId).toBe(ours?.id);
  });

  it('is never reported as the earlier text post when the create made nothing, nor resent blindly', async () => {
    const earlier = unrelated();
    sims.x.sim.faults.inject({ kind: 'server_error', route: CREATE_TWEET });
    const [outcome] = await sims
      .publisher({ retry: { maxAttempts: 1 } })
      .publish({ media: [image] }, [sims.xTarget]);
    expect(outcome?.status === 'published' && outcome.result.ref.platformPostId).not.toBe(earlier.id);
    expect(outcome?.status).toBe('unknown');
    expect(sims.x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(1);
    expect(xPosts()).toEqual([earlier]);
  });
});
