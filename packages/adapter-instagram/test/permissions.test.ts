import { type Engagement, type RequestContext, staticTokenProvider } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, image, itemsOf, useInstagram } from './support/harness.js';

// A doctor compares `capabilities.auth.scopes` with what a user granted in the Login dialog, and
// the scope names differ by login (Facebook Login's `instagram_basic`, …; Instagram Login's
// `instagram_business_basic`, …). So each list must be enough for its operation on Graph, and
// Graph refuses the operation without what its endpoints' references ask for.
const h = useInstagram();
// Instagram Login accounts live on graph.instagram.com (https://developers.facebook.com/docs/instagram-platform/overview).
const igLogin = h.sibling({ baseUrl: 'https://graph.instagram.com', ruploadUrl: 'https://rupload.igl.test' });

// Each login's messaging permission, which no operation here uses, is granted beside the others:
// a token granted nothing would read as one issued without scopes, which the simulator lets do
// everything.
const LOGINS = [
  { login: 'Facebook Login', world: h, host: 'facebook', unused: 'instagram_manage_messages' },
  {
    login: 'Instagram Login',
    world: igLogin,
    host: 'instagram',
    unused: 'instagram_business_manage_messages',
  },
] as const;

/** What insights need under each login (media and account insights, follower demographics). */
const INSIGHTS = {
  facebook: ['instagram_basic', 'instagram_manage_insights', 'pages_read_engagement'],
  instagram: ['instagram_business_basic', 'instagram_business_manage_insights'],
} as const;
/** What reading and answering comments need under each login. */
const COMMENTS = {
  facebook: ['instagram_basic', 'instagram_manage_comments', 'pages_read_engagement'],
  instagram: ['instagram_business_basic', 'instagram_business_manage_comments'],
} as const;

/**
 * Each operation the simulator checks, and the permissions whose absence Graph refuses for it
 * under each login (its endpoints' references), a part of what the adapter declares. Hashtag
 * search (`search`) is not checked: the simulator asks no permission there.
 */
const REFUSED_WITHOUT = {
  publish: {
    facebook: ['instagram_basic', 'instagram_content_publish', 'pages_read_engagement'],
    instagram: ['instagram_business_basic', 'instagram_business_content_publish'],
  },
  metrics: INSIGHTS,
  engagement: COMMENTS,
  reply: COMMENTS,
  research: INSIGHTS,
  findRecentPosts: { facebook: ['instagram_basic'], instagram: ['instagram_business_basic'] },
} as const;
type Operation = keyof typeof REFUSED_WITHOUT;
const operationNames = Object.keys(REFUSED_WITHOUT) as Operation[];

describe.each(LOGINS)('the permissions Instagram declares with $login', ({ world, host, unused }) => {
  const { ig } = world;
  // 500 followers: enough for follower demographics (100 at least).
  const brand = ig.addAccount('brand', { followers: 500 });
  const adapter = () => world.adapter({ host });
  const declared = adapter().capabilities.auth.scopes ?? {};
  const own = () => world.context({}, brand);
  /** A context for brand with a token granted `scopes` (and `unused`), as a Login flow would issue it. */
  const grantedOnly = (scopes: readonly string[]): RequestContext => {
    const { accessToken } = ig.sim.tokens.issue(brand.account.id, { scopes: [...scopes, unused] });
    return world.context({ tokens: staticTokenProvider(accessToken) }, brand);
  };
  /** A media of brand's with a fan's comment on it. */
  const mediaWithComment = async () => {
    const { ref } = await adapter().publish({ text: 'A photo', media: [image()] }, own());
    ig.seedComments(ref.platformPostId, 1);
    const [comment] = await itemsOf(adapter(), { post: ref, kinds: ['comment'] }, own());
    return { ref, comment: comment as Engagement };
  };
  const run: Record<Operation, (context: RequestContext) => Promise<unknown>> = {
    publish: (context) =>
      adapter().publish({ text: 'With the declared permissions', media: [image()] }, context),
    metrics: async (context) => {
      const { ref } = await mediaWithComment();
      await adapter().getPostMetrics([ref], context);
      await adapter().getAccountMetrics(context);
    },
    engagement: async (context) => {
      const { comment } = await mediaWithComment();
      const items = await itemsOf(adapter(), {}, context);
      expect(items.map((item) => item.id)).toContain(comment.id);
    },
    reply: async (context) => {
      const { comment } = await mediaWithComment();
      await adapter().reply(comment, 'Thank you!', context);
      await adapter().hide(comment, true, context);
      await adapter().deleteEngagement(comment, context);
    },
    research: (context) => adapter().getAudience(context),
    // The sibling shares the harness clock.
    findRecentPosts: async (context) => {
      await adapter().publish({ text: 'Did it post?', media: [image()] }, own());
      const found = await adapter().findRecentPosts({ since: new Date(h.clock.now() - 60_000) }, context);
      expect(found.map((post) => post.text)).toEqual(['Did it post?']);
    },
  };

  it('cover every operation the simulator checks, beside hashtag search', () => {
    expect(
      Object.keys(declared)
        .filter((name) => name !== 'search')
        .sort(),
    ).toEqual([...operationNames].sort());
  });

  it.each(operationNames)('are enough for %s', async (name) => {
    await run[name](grantedOnly(declared[name] ?? []));
  });

  it.each(operationNames)('are each needed for %s: without one Graph refuses it', async (name) => {
    const granted = declared[name] ?? [];
    const needed = REFUSED_WITHOUT[name][host];
    expect(granted).toEqual(expect.arrayContaining([...needed]));
    for (const permission of needed) {
      const error = await failureOf(
        run[name](grantedOnly(granted.filter((each) => each !== permission))),
        ig,
      );
      expect(error.code, permission).toBe('auth_missing_scope');
      expect(error.message, permission).toContain(`Requires ${permission} permission`);
    }
  });
});

describe('reading stories with Facebook Login', () => {
  it('needs pages_read_engagement beside instagram_basic, as the stories reference says', async () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories:
    // "instagram_basic, pages_read_engagement" (the media edge takes it or pages_show_list).
    const story = { media: [image('story')], options: { instagram: { format: 'story' } } };
    await h.adapter().publish(story, h.context());
    const since = new Date(h.clock.now() - 60_000);
    const withScopes = (scopes: readonly string[]) =>
      h.context({
        tokens: staticTokenProvider(
          h.ig.sim.tokens.issue(h.ana.account.id, { scopes: [...scopes, 'instagram_manage_messages'] })
            .accessToken,
        ),
      });
    const error = await failureOf(
      h.adapter().findRecentPosts({ since, text: '', post: story }, withScopes(['instagram_basic'])),
      h.ig,
    );
    expect(error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('Requires pages_read_engagement permission');
    const found = await h
      .adapter()
      .findRecentPosts(
        { since, text: '', post: story },
        withScopes(['instagram_basic', 'pages_read_engagement']),
      );
    expect(found).toHaveLength(1);
  });
});
