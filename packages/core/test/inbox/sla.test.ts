import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { engagementSla } from '../../src/analytics/engagement-sla.js';
import { HOUR, MINUTE, START, useInboxWorld } from './support/world.js';

const world = useInboxWorld();
const { x, mastodon, xAna, mastodonAna } = world;

describe('SLA figures from an inbox session', () => {
  it('feeds analytics’ engagement SLA per platform and per assignee, from what the team did', async () => {
    // Three X mentions (11:58, 11:59, 12:00) and two Mastodon mentions (11:59, 12:00).
    const [x1, x2, x3] = x.seedMentions(xAna.accountId, 3);
    const [m1, m2] = mastodon.seedMentions(mastodonAna.accountId, 2);
    const inbox = world.inbox({ accounts: [xAna, mastodonAna] });
    await inbox.poll();
    if (!x1 || !x2 || !x3 || !m1 || !m2) throw new Error('not seeded');
    const accountOf = { x: xAna.accountId, mastodon: mastodonAna.accountId };
    const ref = (platform: 'x' | 'mastodon', id: string) => ({
      platform,
      accountId: accountOf[platform],
      id,
    });
    await inbox.assign(ref('x', x1.id), 'maria');
    await inbox.assign(ref('x', x2.id), 'li');
    await inbox.assign(ref('mastodon', m1.id), 'maria');

    world.time.set(START + 20 * MINUTE);
    await inbox.reply(ref('x', x1.id), '@fan_1 On it!'); // 22 min after 11:58
    await inbox.reply(ref('mastodon', m1.id), '@fan_1 On it!'); // 21 min after 11:59
    world.time.set(START + 2 * HOUR);
    await inbox.reply(ref('x', x2.id), '@fan_2 Sorry for the wait'); // 2 h 1 min after 11:59
    await inbox.resolve(ref('x', x1.id));
    await inbox.resolve(ref('x', x3.id)); // resolved without a reply: not answered

    const log = await inbox.slaLog();
    const sla = engagementSla(log.engagements, log.responses, { targetMs: HOUR });
    expect(sla.overall).toMatchObject({ inbound: 5, answered: 3, resolved: 1, responseRate: 3 / 5 });
    expect(sla.overall.firstResponseMedianMs).toBe(22 * MINUTE);
    expect(sla.overall.withinTargetShare).toBe(2 / 5);
    expect(sla.byPlatform.x).toMatchObject({ inbound: 3, answered: 2, resolved: 1 });
    expect(sla.byPlatform.mastodon).toMatchObject({
      inbound: 2,
      answered: 1,
      firstResponseMedianMs: 21 * MINUTE,
    });
    expect(sla.unmatchedResponses).toBe(0);

    const maria = await inbox.slaLog({ assignee: 'maria' });
    const mariaSla = engagementSla(maria.engagements, maria.responses, { targetMs: HOUR });
    expect(mariaSla.overall).toMatchObject({ inbound: 2, answered: 2, withinTargetShare: 1 });
    const li = await inbox.slaLog({ assignee: 'li' });
    expect(engagementSla(li.engagements, li.responses, { targetMs: HOUR }).overall.withinTargetShare).toBe(0);
    const mastodonOnly = await inbox.slaLog({ accounts: [mastodonAna] });
    expect(mastodonOnly.engagements.map((item) => item.id).sort()).toEqual([m1.id, m2.id].sort());

    // The same log goes into the aggregator as it is.
    const analytics = createAnalytics();
    analytics.ingestEngagements(log.engagements);
    analytics.ingestResponses(log.responses);
    expect(analytics.stats()).toMatchObject({ engagements: 5, responses: 3 });
  });
});
