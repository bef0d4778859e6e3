import { type Engagement, type Media, type Post, type PublishContext, SmmkitError } from '@smmkit/core';
import { allPages, failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { type FacebookAdapter, facebookPageTokens } from '../src/index.js';
import { photo, useFacebook } from './support/harness.js';

// A doctor compares `capabilities.auth.scopes` with what a user granted in Facebook Login. So
// each list must be enough for its operation on Graph, and Graph refuses the operation without
// what its endpoints' references ask for: the simulator plays that refusal for a Page token a
// user got through `/me/accounts`.
const h = useFacebook();
const acmeId = h.acme.account.id;
const declared = h.adapter().capabilities.auth.scopes ?? {};
let users = 0;

/** A context for acme with the Page token of a new user who granted exactly `granted`. */
function grantedOnly(granted: readonly string[]): PublishContext {
  users += 1;
  const { accessToken } = h.facebook.addUser(`user_${users}`, { pages: [{ pageId: acmeId }], granted });
  const tokens = facebookPageTokens({
    pageId: acmeId,
    userAccessToken: accessToken,
    baseUrl: h.facebook.baseUrl,
    requiredPermissions: [],
  });
  return h.context({ tokens });
}

/** A post of acme's with a fan's comment on it, made with acme's own token. */
async function postWithComment(adapter: FacebookAdapter) {
  const { ref } = await adapter.publish({ text: 'A post with a comment' }, h.context());
  h.facebook.seedComments(ref.platformPostId, 1);
  h.facebook.seedMentions(acmeId, 1);
  const pages = await allPages(adapter.listEngagements({ post: ref, kinds: ['comment'] }, h.context()));
  const comment = pages.flatMap((page) => page.items)[0] as Engagement;
  return { ref, comment };
}

/**
 * Each operation, run with `context`; and the permissions whose absence Graph refuses for it (its
 * endpoints' references), a part of what the adapter declares.
 */
const OPERATIONS = {
  publish: {
    refusedWithout: ['pages_manage_posts', 'pages_read_engagement'],
    run: (adapter: FacebookAdapter, context: PublishContext) =>
      adapter.publish({ text: 'Published with the declared permissions' }, context),
  },
  delete: {
    refusedWithout: ['pages_manage_posts'],
    run: async (adapter: FacebookAdapter, context: PublishContext) => {
      const { ref } = await adapter.publish({ text: 'To delete' }, h.context());
      await adapter.delete(ref, context);
    },
  },
  metrics: {
    refusedWithout: ['read_insights', 'pages_read_engagement'],
    run: async (adapter: FacebookAdapter, context: PublishContext) => {
      const { ref } = await adapter.publish({ text: 'To measure' }, h.context());
      await adapter.getPostMetrics([ref], context);
      await adapter.getAccountMetrics(context);
    },
  },
  engagement: {
    refusedWithout: ['pages_read_engagement', 'pages_read_user_content'],
    run: async (adapter: FacebookAdapter, context: PublishContext) => {
      await postWithComment(adapter);
      const items = (await allPages(adapter.listEngagements({}, context))).flatMap((page) => page.items);
      expect(items.map((item) => item.kind).sort()).toEqual(['comment', 'mention']);
    },
  },
  reply: {
    refusedWithout: ['pages_manage_engagement', 'pages_read_engagement', 'pages_read_user_content'],
    run: async (adapter: FacebookAdapter, context: PublishContext) => {
      const { comment } = await postWithComment(adapter);
      await adapter.reply(comment, 'Thank you!', context);
      await adapter.hide(comment, true, context);
      await adapter.deleteEngagement(comment, context);
    },
  },
  like: {
    refusedWithout: ['pages_manage_engagement'],
    run: async (adapter: FacebookAdapter, context: PublishContext) => {
      const { comment } = await postWithComment(adapter);
      await adapter.like(comment, true, context);
    },
  },
  findRecentPosts: {
    refusedWithout: ['pages_read_engagement', 'pages_read_user_content'],
    run: async (adapter: FacebookAdapter, context: PublishContext) => {
      await adapter.publish({ text: 'Did it post?' }, h.context());
      const found = await adapter.findRecentPosts({ since: new Date(h.clock.now() - 60_000) }, context);
      expect(found.map((post) => post.text)).toEqual(['Did it post?']);
    },
  },
} as const;
const operations = Object.entries(OPERATIONS) as [
  keyof typeof OPERATIONS,
  (typeof OPERATIONS)[keyof typeof OPERATIONS],
][];

describe('the permissions Facebook declares by operation', () => {
  it('cover every operation the adapter declares permissions for', () => {
    expect(Object.keys(declared).sort()).toEqual(operations.map(([name]) => name).sort());
  });

  it.each(operations)('are enough for %s', async (name, operation) => {
    await operation.run(h.adapter(), grantedOnly(declared[name] ?? []));
  });

  it.each(operations)('are each needed for %s: without one Graph refuses it', async (name, operation) => {
    const granted = declared[name] ?? [];
    expect(granted).toEqual(expect.arrayContaining([...operation.refusedWithout]));
    for (const permission of operation.refusedWithout) {
      const context = grantedOnly(granted.filter((each) => each !== permission));
      const error = await failureOf(operation.run(h.adapter(), context), {
        secrets: () => h.facebook.sim.tokens.allIssued(),
      });
      expect(SmmkitError.isInstance(error) && error.code, permission).toBe('auth_missing_scope');
      expect(error.message, permission).toContain(`Requires ${permission} permission`);
    }
  });
});

/** A hosted MP4 of `durationSec` seconds. */
const hostedVideo = (durationSec: number): Media => ({
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'url', url: 'https://cdn.smmkit.test/clip.mp4' },
  durationSec,
});

describe('publishing each kind of post', () => {
  const kinds: [string, Post][] = [
    ['a photo (POST /photos)', { text: 'A photo', media: [photo('shop')] }],
    ['photos (POST /photos, then /feed)', { text: 'Photos', media: [photo('a'), photo('b')] }],
    ['a video (POST /videos on the video host)', { text: 'A video', media: [hostedVideo(42)] }],
    [
      'a reel (POST /video_reels)',
      { text: 'A reel', media: [hostedVideo(30)], options: { facebook: { format: 'reel' } } },
    ],
  ];

  it.each(kinds)(
    'works for %s with the declared permissions, and is refused without pages_manage_posts',
    async (_, post) => {
      const granted = declared.publish ?? [];
      await h.adapter().publish(post, grantedOnly(granted));
      const before = h.facebook.sim.posts.size;
      const context = grantedOnly(granted.filter((each) => each !== 'pages_manage_posts'));
      const error = await failureOf(h.adapter().publish(post, context));
      expect(error).toMatchObject({ code: 'auth_missing_scope' });
      expect(error.message).toContain('Requires pages_manage_posts permission');
      expect(h.facebook.sim.posts.size).toBe(before);
    },
  );
});

describe('the tasks a person has on the Page', () => {
  /** A context for acme with the Page token of a new user who has exactly `tasks` there. */
  function withTasks(tasks: readonly string[]): PublishContext {
    users += 1;
    const { accessToken } = h.facebook.addUser(`user_${users}`, { pages: [{ pageId: acmeId, tasks }] });
    const tokens = facebookPageTokens({
      pageId: acmeId,
      userAccessToken: accessToken,
      baseUrl: h.facebook.baseUrl,
      requiredPermissions: [],
      requiredTasks: [],
    });
    return h.context({ tokens });
  }

  it('let an analyst read insights but not publish, and a writer publish but not read insights', async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'To measure' }, h.context());
    const analyst = withTasks(['ANALYZE']);
    await adapter.getPostMetrics([ref], analyst);
    const publishing = await failureOf(adapter.publish({ text: 'Not mine to post' }, analyst));
    expect(publishing).toMatchObject({ code: 'auth_missing_scope' });
    expect(publishing.message).toContain('sufficient administrative permission');

    const writer = withTasks(['CREATE_CONTENT']);
    await adapter.publish({ text: 'Mine to post' }, writer);
    const insights = await failureOf(adapter.getPostMetrics([ref], writer));
    expect(insights.message).toContain('sufficient administrative permission');
  });

  it('let a writer or a manager delete the Page’s posts, and not an analyst or a moderator', async () => {
    const adapter = h.adapter();
    for (const tasks of [['ANALYZE'], ['MODERATE'], ['ADVERTISE', 'MESSAGING']]) {
      const { ref } = await adapter.publish({ text: `Not ${tasks.join('+')}’s to delete` }, h.context());
      const refused = await failureOf(adapter.delete(ref, withTasks(tasks)));
      expect(refused, tasks.join('+')).toMatchObject({ code: 'auth_missing_scope' });
      expect(refused.message).toContain('sufficient administrative permission');
      expect(h.facebook.sim.posts.get(ref.platformPostId), tasks.join('+')).toBeDefined();
    }
    for (const tasks of [['CREATE_CONTENT'], ['MANAGE']]) {
      const { ref } = await adapter.publish({ text: `${tasks.join('+')}’s to delete` }, h.context());
      await adapter.delete(ref, withTasks(tasks));
      expect(h.facebook.sim.posts.get(ref.platformPostId), tasks.join('+')).toBeUndefined();
    }
  });

  it('let a moderator answer and hide comments, and nobody else', async () => {
    const adapter = h.adapter();
    const { comment } = await postWithComment(adapter);
    const moderator = withTasks(['MODERATE']);
    await adapter.reply(comment, 'Thanks!', moderator);
    await adapter.hide(comment, true, moderator);
    const writer = withTasks(['CREATE_CONTENT']);
    const refused = await failureOf(adapter.reply(comment, 'Thanks again!', writer));
    expect(refused.message).toContain('sufficient administrative permission');
  });
});
