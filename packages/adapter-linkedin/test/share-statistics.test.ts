import { AuthError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, useLinkedIn } from './support/harness.js';

const h = useLinkedIn();
const HOUR = 3_600_000;
const ROUTE = 'GET /rest/organizationalEntityShareStatistics';

describe('organization share statistics when LinkedIn refuses a post', () => {
  it('reads the other posts’ statistics, and none for a post the organization did not publish', async () => {
    const org = h.adapter({ author: h.acme });
    const first = await org.publish({ text: 'Org post 1' }, h.context());
    const members = await h.adapter().publish({ text: 'Ana’s own post' }, h.context());
    const second = await org.publish({ text: 'Org post 2' }, h.context());
    h.linkedin.seedComments(second.ref.platformPostId, 3);
    h.clock.advance(2 * HOUR);

    const samples = await org.getPostMetrics([first.ref, members.ref, second.ref], h.context());

    const posts = new Set(samples.map((sample) => sample.platformPostId));
    expect(posts).toEqual(new Set([first.ref.platformPostId, second.ref.platformPostId]));
    expect(
      samples.find((s) => s.platformPostId === second.ref.platformPostId && s.metric === 'comments')?.value,
    ).toBe(3);
    // Refused by name, then asked again without it.
    const calls = h.linkedin.sim.log.forRoute(ROUTE);
    expect(calls.map((call) => call.status)).toEqual([403, 200]);
    expect(calls[1]?.url).not.toContain(encodeURIComponent(members.ref.platformPostId));
  });

  it('answers no samples for a refused post asked alone, in one request', async () => {
    const members = await h.adapter().publish({ text: 'Ana’s own post' }, h.context());
    const samples = await h.adapter({ author: h.acme }).getPostMetrics([members.ref], h.context());
    expect(samples).toEqual([]);
    expect(h.linkedin.sim.log.forRoute(ROUTE)).toHaveLength(1);
  });

  it('still fails the call on a refusal that names no post (a token without the scope)', async () => {
    const poster = h.linkedin.addMember('poster', {
      scopes: ['w_organization_social', 'r_organization_social'],
    });
    const acme = h.linkedin.addOrganization('Acme Two', [poster.account.id]);
    const adapter = h.adapter({ author: acme });
    const post = await adapter.publish({ text: 'Org post' }, h.context({}, poster));
    const error = await failureOf(adapter.getPostMetrics([post.ref], h.context({}, poster)), h.linkedin);
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('rw_organization_admin');
  });
});
