import {
  AmbiguousOutcomeError,
  type Engagement,
  type EngagementPage,
  type EngagementQuery,
  type MetricSample,
} from '@smmkit/core';
import { textWithLink } from '@smmkit/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../src/index.js';
import { statusHtml, type TextRenderer } from '../src/mocks/status-text.js';
import { CREATE_STATUS, createBodies, failureOf, START, useMastodon } from './support/harness.js';

const NOTIFICATIONS = 'GET /api/v1/notifications';
const HOUR = 3_600_000;

const h = useMastodon();
const { mastodon } = h;
const adapter = h.adapter();

async function pagesOf(query: EngagementQuery, ctx = h.context()): Promise<EngagementPage[]> {
  const pages: EngagementPage[] = [];
  for await (const page of adapter.listEngagements(query, ctx)) pages.push(page);
  return pages;
}

/** The `max_id` each notifications request asked for (`undefined` for the first page). */
function requestedMaxIds(): (string | null)[] {
  return mastodon.sim.log
    .forRoute(NOTIFICATIONS)
    .map((entry) => new URL(entry.url).searchParams.get('max_id'));
}

describe('mentions', () => {
  it('pages mentions newest first by the Link header, and stops on a short page without another request', async () => {
    const seeded = mastodon.seedMentions(h.ana.account.id, 5);
    const pages = await pagesOf({ kinds: ['mention'], pageSize: 2 });

    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(
      seeded.map((mention) => mention.id).reverse(),
    );
    expect(pages.map((page) => page.cursor === undefined)).toEqual([false, false, true]);
    expect(mastodon.sim.log.forRoute(NOTIFICATIONS)).toHaveLength(3);
    const [first] = mastodon.sim.log.forRoute(NOTIFICATIONS);
    expect(new URL(first?.url ?? '').searchParams.getAll('types[]')).toEqual(['mention']);
    expect(requestedMaxIds()).toEqual([null, pages[0]?.cursor, pages[1]?.cursor]);
  });

  it('reads each mention as an engagement: author, plain text and time', async () => {
    const [seeded] = mastodon.seedMentions(h.ana.account.id, 1);
    const [page] = await pagesOf({ kinds: ['mention'] });
    expect(page?.items).toEqual([
      expect.objectContaining({
        platform: 'mastodon',
        accountId: h.ana.account.id,
        id: seeded?.id,
        kind: 'mention',
        author: { id: seeded?.authorId, handle: 'fan_1', name: 'fan_1' },
        text: '@ana Mention 1 from fan_1',
        createdAt: new Date(START),
      }),
    ]);
  });

  it('stops paging at the first mention older than `since`', async () => {
    // Six mentions, one a minute, the newest now.
    const seeded = mastodon.seedMentions(h.ana.account.id, 6);
    const pages = await pagesOf({ kinds: ['mention'], pageSize: 2, since: new Date(START - 150_000) });

    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(
      seeded
        .slice(3)
        .map((mention) => mention.id)
        .reverse(),
    );
    expect(pages.at(-1)?.cursor).toBeUndefined();
    expect(mastodon.sim.log.forRoute(NOTIFICATIONS)).toHaveLength(2);
  });

  it('resumes after a page from its cursor', async () => {
    const seeded = mastodon.seedMentions(h.ana.account.id, 4);
    const [first] = await pagesOf({ kinds: ['mention'], pageSize: 3 });
    mastodon.sim.log.clear();
    const rest = await pagesOf({ kinds: ['mention'], pageSize: 3, cursor: first?.cursor });
    expect(rest.flatMap((page) => page.items.map((item) => item.id))).toEqual([seeded[0]?.id]);
    expect(requestedMaxIds()).toEqual([first?.cursor]);
  });

  it('takes only max_id from the Link header, so a link to another host never receives the token', async () => {
    mastodon.seedMentions(h.ana.account.id, 3);
    const elsewhere: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const link = response.headers.get('link');
      if (link === null) return response;
      const headers = new Headers(response.headers);
      headers.set('link', link.replaceAll(mastodon.instanceUrl, 'https://evil.example'));
      return new Response(response.body, { status: response.status, headers });
    };
    const pages: EngagementPage[] = [];
    for await (const page of h.adapter({ fetch: elsewhere }).listEngagements({ pageSize: 2 }, h.context()))
      pages.push(page);
    expect(pages.flatMap((page) => page.items)).toHaveLength(3);
    expect(mastodon.sim.log.forRoute(NOTIFICATIONS).map((entry) => new URL(entry.url).host)).toEqual([
      'mastodon.example',
      'mastodon.example',
    ]);
  });

  it("ties a mention that replies to one of the account's statuses to that status", async () => {
    const { ref } = await adapter.publish({ text: 'Question?' }, h.context());
    const [reply] = mastodon.seedMentions(h.ana.account.id, 1, { postId: ref.platformPostId });
    const [page] = await pagesOf({ kinds: ['mention'] });
    expect(page?.items[0]).toMatchObject({
      id: reply?.id,
      parentId: ref.platformPostId,
      postRef: { platform: 'mastodon', accountId: h.ana.account.id, platformPostId: ref.platformPostId },
    });
  });

  it('reads nothing, and asks nothing, when only replies are wanted and no post is given', async () => {
    mastodon.seedMentions(h.ana.account.id, 2);
    expect(await pagesOf({ kinds: ['reply'] })).toEqual([]);
    expect(mastodon.sim.log.entries).toHaveLength(0);
  });
});

describe('replies to a post', () => {
  it("lists the post's replies at any depth from its context, leaving out the account's own statuses", async () => {
    const { ref, threadRefs, firstCommentId } = await adapter.publish(
      { text: 'Root', thread: [{ text: 'Part two' }], firstComment: 'First comment' },
      h.context(),
    );
    const direct = mastodon.seedReplies(ref.platformPostId, 2);
    const nested = mastodon.seedReplies(direct[0]?.id ?? '', 1);

    const pages = await pagesOf({ post: ref });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.cursor).toBeUndefined();
    const items = pages[0]?.items ?? [];
    const ids = items.map((item) => item.id);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual(expect.arrayContaining([...direct, ...nested].map((reply) => reply.id)));
    expect(ids).not.toContain(threadRefs?.[0]?.platformPostId);
    expect(ids).not.toContain(firstCommentId);
    for (const item of items) {
      expect(item).toMatchObject({ kind: 'reply', postRef: ref, conversationId: ref.platformPostId });
    }
    expect(items.find((item) => item.id === nested[0]?.id)?.parentId).toBe(direct[0]?.id);
    expect(mastodon.sim.log.forRoute('GET /api/v1/statuses/:id/context')).toHaveLength(1);
  });

  it('gives the thread root as the conversation of replies to a later thread part', async () => {
    const { ref, threadRefs } = await adapter.publish(
      { text: 'Root', thread: [{ text: 'Two' }] },
      h.context(),
    );
    const part = threadRefs?.[0];
    if (part === undefined) throw new Error('the thread part was not published');
    mastodon.seedReplies(part.platformPostId, 1);
    const [page] = await pagesOf({ post: part });
    expect(page?.items.map((item) => item.conversationId)).toEqual([ref.platformPostId]);
  });

  it('drops replies older than `since`, and reads nothing more from a cursor', async () => {
    const { ref } = await adapter.publish({ text: 'Root' }, h.context());
    const replies = mastodon.seedReplies(ref.platformPostId, 3);
    const [page] = await pagesOf({ post: ref, since: new Date(START - 90_000) });
    expect(page?.items.map((item) => item.id).sort()).toEqual(
      replies
        .slice(1)
        .map((reply) => reply.id)
        .sort(),
    );
    expect(await pagesOf({ post: ref, cursor: 'anything' })).toEqual([]);
  });
});

describe('replying', () => {
  async function firstMention(): Promise<Engagement> {
    const [page] = await pagesOf({ kinds: ['mention'], pageSize: 1 });
    const mention = page?.items[0];
    if (mention === undefined) throw new Error('no mention');
    return mention;
  }

  it('answers a mention with a status in reply to it that starts with @author', async () => {
    mastodon.seedMentions(h.ana.account.id, 1);
    const mention = await firstMention();
    const reply = await adapter.reply(mention, 'Thanks!', h.context());

    const stored = mastodon.sim.posts.get(reply.id);
    expect(stored).toMatchObject({
      accountId: h.ana.account.id,
      inReplyToId: mention.id,
      text: '@fan_1 Thanks!',
    });
    expect(reply).toMatchObject({ kind: 'reply', parentId: mention.id, text: '@fan_1 Thanks!' });
    expect(createBodies(mastodon)).toEqual([{ status: '@fan_1 Thanks!', in_reply_to_id: mention.id }]);
  });

  it('does not mention the author twice when the text already starts with the mention', async () => {
    mastodon.seedMentions(h.ana.account.id, 1);
    const mention = await firstMention();
    const reply = await adapter.reply(mention, '@fan_1 thanks', h.context());
    expect(mastodon.sim.posts.get(reply.id)?.text).toBe('@fan_1 thanks');
  });

  it('keeps a followers-only conversation followers-only', async () => {
    await adapter.publish(
      { text: '@ana just between us', options: { mastodon: { visibility: 'private' } } },
      h.context({}, h.bob),
    );
    const mention = await firstMention();
    const reply = await adapter.reply(mention, 'Sure', h.context());
    expect(mastodon.sim.posts.get(reply.id)?.extra.visibility).toBe('private');
    expect(mastodon.sim.posts.get(reply.id)?.text).toBe('@bob Sure');
  });

  it('replies to a post without adding a mention or an idempotency key', async () => {
    const { ref } = await adapter.publish({ text: 'Root' }, h.context({ idempotencyKey: 'root' }));
    const reply = await adapter.reply(ref, 'Addendum', h.context());
    expect(mastodon.sim.posts.get(reply.id)).toMatchObject({
      text: 'Addendum',
      inReplyToId: ref.platformPostId,
    });
    expect(mastodon.sim.log.forRoute(CREATE_STATUS)[1]?.headers).not.toHaveProperty('idempotency-key');
  });
});

describe('reconciliation', () => {
  it('finds the status an ambiguous create made by its text', async () => {
    const post = {
      text: 'Big news & more:\n@bob @carl@elsewhere.example #launch',
      link: 'https://example.com/a/very/long/path/to/the/announcement',
    };
    const before = new Date(START - 1_000);
    await adapter.publish({ text: 'An older status' }, h.context());
    h.clock.advance(60_000);
    mastodon.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_STATUS });
    const error = await failureOf(adapter.publish(post, h.context()), mastodon);
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);

    const found = await adapter.findRecentPosts(
      { since: before, text: textWithLink(post.text, post.link) },
      h.context(),
    );
    const made = mastodon.sim.posts.filter((stored) => stored.text.startsWith('Big news'));
    expect(made).toHaveLength(1);
    expect(found).toEqual([
      {
        ref: {
          platform: 'mastodon',
          accountId: h.ana.account.id,
          platformPostId: made[0]?.id,
          url: `${mastodon.instanceUrl}/@ana/${String(made[0]?.id)}`,
        },
        text: `Big news & more:\n@bob @carl@elsewhere.example #launch ${post.link}`,
        createdAt: new Date(START + 60_000),
      },
    ]);
  });

  it('finds only statuses created at or after `since`', async () => {
    await adapter.publish({ text: 'Same text' }, h.context());
    h.clock.advance(60_000);
    await adapter.publish({ text: 'Same text' }, h.context({ idempotencyKey: 'second' }));
    const found = await adapter.findRecentPosts({ since: new Date(START + 60_000) }, h.context());
    expect(found.map((post) => post.createdAt)).toEqual([new Date(START + 60_000)]);
  });

  it("finds nothing when no recent status has the text, and never another account's", async () => {
    await adapter.publish({ text: 'Hello' }, h.context({}, h.bob));
    await adapter.publish({ text: 'Something else' }, h.context());
    expect(await adapter.findRecentPosts({ since: new Date(START - 1), text: 'Hello' }, h.context())).toEqual(
      [],
    );
  });
});

/** metric → [rawName, value] for one post's samples. */
function byMetric(samples: readonly MetricSample[]): Record<string, [string | undefined, number]> {
  return Object.fromEntries(samples.map((sample) => [sample.metric, [sample.rawName, sample.value]]));
}

describe('post metrics', () => {
  it('reads likes, shares and comments from favourites_count, reblogs_count and replies_count', async () => {
    const ctx = h.context();
    const { ref } = await adapter.publish({ text: 'Popular' }, ctx);

    expect(byMetric(await adapter.getPostMetrics([ref], ctx))).toEqual({
      likes: ['favourites_count', 0],
      shares: ['reblogs_count', 0],
      comments: ['replies_count', 0],
    });

    h.clock.advance(6 * HOUR);
    mastodon.seedReplies(ref.platformPostId, 3);
    const later = await adapter.getPostMetrics([ref], ctx);
    const status = mastodon.statusOf(ref.platformPostId);
    expect(status?.favourites_count).toBeGreaterThan(0);
    expect(status?.reblogs_count).toBeGreaterThan(0);
    expect(byMetric(later)).toEqual({
      likes: ['favourites_count', status?.favourites_count],
      shares: ['reblogs_count', status?.reblogs_count],
      comments: ['replies_count', 3],
    });
    for (const sample of later) {
      expect(sample).toMatchObject({
        platform: 'mastodon',
        accountId: h.ana.account.id,
        scope: 'post',
        platformPostId: ref.platformPostId,
        period: 'lifetime',
        observedAt: new Date(START + 6 * HOUR),
      });
    }
  });

  it('grows with simulated time', async () => {
    const ctx = h.context();
    const { ref } = await adapter.publish({ text: 'Growing' }, ctx);
    const likes: number[] = [];
    for (const hours of [1, 4, 16]) {
      h.clock.set(START + hours * HOUR);
      const samples = await adapter.getPostMetrics([ref], ctx);
      likes.push(samples.find((sample) => sample.metric === 'likes')?.value ?? -1);
    }
    expect(likes[0]).toBeGreaterThan(0);
    expect(likes[1]).toBeGreaterThan(likes[0] ?? 0);
    expect(likes[2]).toBeGreaterThan(likes[1] ?? 0);
  });

  it('reads several posts with one request each, skipping a deleted one', async () => {
    const ctx = h.context();
    const first = await adapter.publish({ text: 'one' }, ctx);
    const gone = await adapter.publish({ text: 'two' }, ctx);
    const third = await adapter.publish({ text: 'three' }, ctx);
    await adapter.delete(gone.ref, ctx);

    const samples = await adapter.getPostMetrics([first.ref, gone.ref, third.ref], ctx);
    expect([...new Set(samples.map((sample) => sample.platformPostId))]).toEqual([
      first.ref.platformPostId,
      third.ref.platformPostId,
    ]);
    expect(samples).toHaveLength(6);
    expect(mastodon.sim.log.forRoute('GET /api/v1/statuses/:id')).toHaveLength(3);
  });
});

describe('account metrics', () => {
  it('reads followers, following and posts_count from the account', async () => {
    const ctx = h.context();
    await adapter.publish({ text: 'one' }, ctx);
    await adapter.publish({ text: 'two', thread: [{ text: 'three' }] }, ctx);

    const samples = await adapter.getAccountMetrics(ctx);
    expect(samples.map(({ metric, rawName, value }) => ({ metric, rawName, value }))).toEqual([
      { metric: 'followers', rawName: 'followers_count', value: 42 },
      { metric: 'following', rawName: 'following_count', value: 0 },
      { metric: 'posts_count', rawName: 'statuses_count', value: 3 },
    ]);
    for (const sample of samples) {
      expect(sample).toMatchObject({ scope: 'account', accountId: h.ana.account.id, period: 'lifetime' });
    }
    const [request] = mastodon.sim.log.forRoute('GET /api/v1/accounts/:id');
    expect(new URL(request?.url ?? '').pathname).toBe(`/api/v1/accounts/${h.ana.account.id}`);
  });

  it('follows changes on the server', async () => {
    const before = h.bob.account.followers;
    h.bob.account.followers = 7;
    try {
      const samples = await adapter.getAccountMetrics(h.context({}, h.bob));
      expect(samples.find((sample) => sample.metric === 'followers')?.value).toBe(7);
    } finally {
      h.bob.account.followers = before;
    }
  });
});

describe('htmlToPlainText', () => {
  it.each([
    ['an empty content', '', ''],
    ['one paragraph', '<p>Hello</p>', 'Hello'],
    ['a line break, in every spelling', '<p>a<br>b<br/>c<br />d<BR></p>', 'a\nb\nc\nd'],
    [
      'paragraphs, with attributes or whitespace between them',
      '<p>a</p>\n<p class="x">b</p> <p>c</p>',
      'a\n\nb\n\nc',
    ],
    ['surrounding whitespace', '  <p> hi </p>\n', 'hi'],
    [
      'a mention',
      '<p><span class="h-card"><a href="https://m.example/@ana" class="u-url mention">@<span>ana</span></a></span> hi</p>',
      '@ana hi',
    ],
    [
      'a hashtag',
      '<p><a href="https://m.example/tags/tea" class="mention hashtag" rel="tag">#<span>tea</span></a></p>',
      '#tea',
    ],
    [
      'a shortened link, whose hidden parts are joined back',
      '<p><a href="https://example.com/a/very/long/path/indeed"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very/long/path/i</span><span class="invisible">ndeed</span></a></p>',
      'https://example.com/a/very/long/path/indeed',
    ],
    [
      'the named references Mastodon writes',
      '<p>&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos;</p>',
      '<b> & "q" \'a\'',
    ],
    ['named references in capitals', '&AMP; &LT;', '& <'],
    ['decimal and hexadecimal references', '&#39;&#x27;&#X27;&#128512;&#x1F600;', "'''😀😀"],
    [
      'escaped text that looks like a tag, kept as text',
      '<p>&lt;br&gt; is not a break</p>',
      '<br> is not a break',
    ],
    ['a double-escaped reference, decoded once', '&amp;lt; &amp;amp;', '&lt; &amp;'],
    [
      'references that are no characters, kept as they are',
      '&#0; &#xD800; &#x110000; &#99999999;',
      '&#0; &#xD800; &#x110000; &#99999999;',
    ],
    ['an unknown named reference, kept as it is', 'a&nbsp;b &bogus;', 'a&nbsp;b &bogus;'],
    ['an ampersand that starts no reference', '<p>Tom & Jerry &; &#; &#x;</p>', 'Tom & Jerry &; &#; &#x;'],
  ])('reads %s', (_case, html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });

  it('gives back the text a status was written with, as the simulator renders it', () => {
    const renderer: TextRenderer = {
      instanceUrl: 'https://mastodon.example',
      resolveMention: (username) =>
        username === 'ana' ? { username: 'ana', url: 'https://mastodon.example/@ana' } : undefined,
    };
    const texts = [
      'Tom & Jerry <3 "quotes" and \'apostrophes\'',
      'line one\nline two\n\nnew paragraph',
      'Hi @ana, and @carl@elsewhere.example #tea',
      `Read https://example.com/${'long/'.repeat(12)}end. Then (https://example.com/x_(y)) too`,
      'Emoji 👩‍👩‍👧‍👦 and 日本語',
    ];
    for (const text of texts) expect(htmlToPlainText(statusHtml(text, renderer))).toBe(text);
  });
});
