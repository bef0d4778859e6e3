import { createFacebookAdapter } from '@smmkit/adapter-facebook';
import { createFacebookSimulator } from '@smmkit/adapter-facebook/mocks';
import { createInstagramAdapter } from '@smmkit/adapter-instagram';
import { createInstagramSimulator } from '@smmkit/adapter-instagram/mocks';
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { staticTokenProvider, type Target } from '@smmkit/core';
import { engagementSla } from '@smmkit/core/analytics';
import {
  createInbox,
  createWebhookRouter,
  type InboxAlert,
  type InboxItem,
  memoryInboxStore,
} from '@smmkit/core/inbox';
import { createPublisher } from '@smmkit/core/publisher';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import { fastForwardClock, manualClock, startSimulators } from '@smmkit/testkit';

/** Options of {@link runMorningInbox}. */
export interface MorningInboxOptions {
  /** Receives each line printed (default: `console.log`). */
  readonly print?: ((line: string) => void) | undefined;
}

/** One reply the team sent from the inbox. */
export interface SentReply {
  /** The item answered, as stored after the reply (`replied`). */
  readonly item: InboxItem;
  /** The reply's id on the platform. */
  readonly replyId: string;
  /** What was sent. */
  readonly text: string;
}

/** What {@link runMorningInbox} returns, for tests. */
export interface MorningInboxReport {
  /** Every item in the inbox at the end, newest first. */
  readonly items: readonly InboxItem[];
  /** The replies sent from the inbox. */
  readonly replies: readonly SentReply[];
  /** The items liked from the inbox: brand mentions found by search, and kind words. */
  readonly liked: readonly InboxItem[];
  /** For each liked item, whether the platform recorded the account's like. */
  readonly likedOnPlatforms: readonly boolean[];
  /** The alerts the listening rules raised. */
  readonly alerts: readonly InboxAlert[];
  /** The demo accounts. */
  readonly accounts: Readonly<Record<'x' | 'mastodon' | 'instagram' | 'facebook', Target>>;
  /** Replies the platforms stored, by platform, read back from the simulators. */
  readonly repliesOnPlatforms: Readonly<Record<string, readonly string[]>>;
}

/** Monday 30 March 2026, 08:00 UTC: the team opens the inbox. */
export const MORNING = Date.parse('2026-03-30T08:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The brand's hashtag, which the inbox listens for on X. */
export const BRAND_TAG = '#LinenSpring';
/** The Meta app secret the simulated Facebook signs webhook deliveries with. */
const META_APP_SECRET = 'demo-meta-app-secret';

/** What fans wrote on X after the overnight release: the start of a crisis. */
export const CRISIS_TEXTS = [
  'The update broke checkout, this is terrible',
  'Charged twice and no refund. Awful service',
  'Worst release ever, the app is useless now',
  'Still broken. Really disappointed',
  'This is a scam, I want my money back',
  'Horrible. Cancelling my subscription',
] as const;

/**
 * A Monday morning in the engagement inbox: fans' mentions and comments on X, Mastodon and
 * Instagram polled into one inbox (on each account's rate budget through the publisher), a
 * Facebook comment pushed in by a signed webhook through `createWebhookRouter`, a spike rule
 * watching sentiment, a quiet week before it as the baseline, then a burst of angry mentions on
 * X overnight: the spike alert fires with the mentions that caused it, and the team answers from
 * the inbox on three platforms, assigns and resolves, and reads its first-response SLA.
 *
 * @param options - where to print
 * @returns the inbox's items, the replies sent and the alerts, for tests
 */
export async function runMorningInbox(options: MorningInboxOptions = {}): Promise<MorningInboxReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  // A week earlier: the baseline of an ordinary week.
  const time = manualClock(MORNING - 7 * DAY);
  const clock = fastForwardClock(time);
  // The brand's X app has Enterprise access, which liking brand mentions needs: self-serve apps
  // cannot like through X's API (the adapter's `access` setting).
  const x = createXSimulator({ clock: time, access: 'enterprise' });
  const mastodon = createMastodonSimulator({ clock: time });
  const ig = createInstagramSimulator({ clock: time });
  const facebook = createFacebookSimulator({ clock: time, baseUrl: 'https://graph.facebook-pages.test' });
  // The morning spans a week of simulated time; token refresh is shown by the cross-post.
  const xAna = x.addAccount('ana', { accessTokenTtlMs: 30 * DAY });
  const mastodonAna = mastodon.addAccount('ana');
  const igAna = ig.addAccount('ana.shop');
  const page = facebook.addPage('Ana Shop');
  const accounts = {
    x: { platform: 'x', accountId: xAna.account.id },
    mastodon: { platform: 'mastodon', accountId: mastodonAna.account.id },
    instagram: { platform: 'instagram', accountId: igAna.account.id },
    facebook: { platform: 'facebook', accountId: page.account.id },
  } satisfies Record<string, Target>;
  const tokens = new Map([
    ['x', xAna.accessToken],
    ['mastodon', mastodonAna.accessToken],
    ['instagram', igAna.accessToken],
    ['facebook', page.accessToken],
  ]);
  const running = startSimulators(x.sim, mastodon.sim, ...ig.simulators, ...facebook.simulators);
  try {
    const adapters = [
      createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch, access: 'enterprise' }),
      createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, fetch: clock.fetch }),
      createInstagramAdapter({ baseUrl: ig.baseUrl, fetch: clock.fetch }),
      createFacebookAdapter({ baseUrl: facebook.baseUrl, fetch: clock.fetch, appSecret: META_APP_SECRET }),
    ];
    const publisher = createPublisher({
      adapters,
      tokens: (target) => staticTokenProvider(tokens.get(target.platform) ?? ''),
      clock,
    });
    const inbox = createInbox({
      adapters,
      publisher,
      // Facebook is not polled here: its comments arrive by webhook (below).
      // On X the inbox also listens for the brand in posts that do not tag the account.
      accounts: [{ ...accounts.x, search: [BRAND_TAG] }, accounts.mastodon, accounts.instagram],
      store: memoryInboxStore(),
      clock,
      // A spike: at least 5 negative items in an hour and 3 times the account's usual hour.
      rules: [{ type: 'spike', name: 'crisis' }],
    });
    const alerts: InboxAlert[] = [];
    inbox.events.on('alert', (alert) => alerts.push(alert));
    const router = createWebhookRouter({
      adapters,
      onEngagements: async (engagements) => {
        await inbox.ingest(engagements);
      },
      clock,
    });

    // An ordinary week: a couple of mentions a day on X, one of them a complaint.
    for (let day = 7; day >= 1; day -= 1) {
      time.set(MORNING - day * DAY + 10 * HOUR);
      x.sim.seedMentions(xAna.account.id, 2, {
        text: (_author, index) =>
          index === 0
            ? '@ana When does the spring collection arrive?'
            : '@ana The app is slow again, annoying',
      });
    }
    time.set(MORNING - 10 * HOUR);
    await inbox.poll();

    // Overnight and this morning, on every platform.
    time.set(MORNING - 2 * HOUR);
    mastodon.seedMentions(mastodonAna.account.id, 2);
    const media = ig.seedMedia(igAna.account.id, 'Spring collection, out now');
    time.set(MORNING - HOUR);
    ig.seedComments(media.id, 2);
    const post = facebook.sim.addPost({ accountId: page.account.id, text: 'We are open on Easter Monday' });
    const [fbComment] = facebook.seedComments(post.id, 1);
    // Fans talk about the collection on X without tagging the account: found by brand search.
    x.seedBrandMentions(BRAND_TAG, 2, {
      text: (_author, index) =>
        index === 0
          ? `Just got the linen jacket ${BRAND_TAG}`
          : `Queue outside the shop already ${BRAND_TAG}`,
    });
    time.set(MORNING - 30 * 60_000);
    x.sim.seedMentions(xAna.account.id, CRISIS_TEXTS.length, {
      text: (_author, index) => `@ana ${CRISIS_TEXTS[index] ?? ''}`,
    });
    time.set(MORNING);

    // Facebook pushes its comment: a signed delivery to the router, as Meta posts it.
    if (fbComment !== undefined) {
      const delivery = await facebook.signedWebhook(fbComment.id, META_APP_SECRET);
      await router(
        new Request('https://app.example/webhooks/facebook', {
          method: 'POST',
          headers: delivery.headers,
          body: String(delivery.rawBody),
        }),
      );
    }
    await inbox.poll();

    print('');
    print('Monday 08:00 UTC — the morning inbox (new items, newest first)');
    const fresh: InboxItem[] = [];
    for await (const item of inbox.items({ statuses: ['new'], from: new Date(MORNING - DAY) }))
      fresh.push(item);
    for (const item of fresh)
      print(`  ${item.platform.padEnd(10)} ${item.kind.padEnd(8)} ${authorOf(item).padEnd(9)} ${item.text}`);
    for (const alert of alerts) {
      if (alert.type !== 'spike') continue;
      print('');
      print(
        `ALERT ${alert.rule}: ${alert.count} negative items on ${alert.account.platform} within an hour ` +
          `(usual: ${alert.baseline.toFixed(2)} an hour), first at ${alert.engagements[0]?.createdAt.toISOString().slice(11, 16)} UTC`,
      );
    }

    // The team answers from the inbox: one reply per platform where the fans wrote.
    const answers: [string, InboxItem | undefined, string][] = [
      [
        'x',
        fresh.find((item) => item.platform === 'x'),
        'So sorry — a fix for checkout is rolling out now. DM us your order number.',
      ],
      ['mastodon', fresh.find((item) => item.platform === 'mastodon'), 'Thanks for the kind words!'],
      [
        'instagram',
        fresh.find((item) => item.platform === 'instagram'),
        'Glad you like it! In stores Thursday.',
      ],
    ];
    const replies: SentReply[] = [];
    print('');
    print('Replies and likes sent from the inbox');
    for (const [, item, text] of answers) {
      if (item === undefined) continue;
      await inbox.assign(item, 'maria');
      const { reply, item: answered } = await inbox.reply(item, text);
      replies.push({ item: answered, replyId: reply.id, text });
      print(`  ${item.platform.padEnd(10)} to ${authorOf(item)}: ${text}`);
    }
    // Brand mentions and kind words get a like: no reply needed.
    const liked: InboxItem[] = [];
    for (const item of fresh.filter(
      (item) => item.text.includes(BRAND_TAG) || item.platform === 'mastodon',
    )) {
      liked.push(await inbox.like(item));
      print(`  ${item.platform.padEnd(10)} liked ${authorOf(item)}: ${item.text}`);
    }
    const crisis = alerts.find((alert) => alert.type === 'spike');
    for (const item of crisis?.engagements ?? []) await inbox.tag(item, ['checkout-outage']);
    const first = replies[0];
    if (first !== undefined) await inbox.resolve(first.item);

    const log = await inbox.slaLog({ from: new Date(MORNING - DAY) });
    const sla = engagementSla(log.engagements, log.responses, { targetMs: HOUR });
    const items: InboxItem[] = [];
    for await (const item of inbox.items()) items.push(item);
    print(
      `SLA since yesterday 08:00: ${log.engagements.length} items, ${log.responses.length} answered, ` +
        `median first response ${Math.round((sla.overall.firstResponseMedianMs ?? 0) / 60_000)} min`,
    );
    await publisher.shutdown();

    const repliesOnPlatforms: Record<string, string[]> = {};
    for (const [platform, sim, accountId] of [
      ['x', x.sim, xAna.account.id],
      ['mastodon', mastodon.sim, mastodonAna.account.id],
      ['instagram', ig.sim, igAna.account.id],
    ] as const) {
      repliesOnPlatforms[platform] = sim.posts
        .filter((stored) => stored.accountId === accountId && stored.inReplyToId !== undefined)
        .map((stored) => stored.text);
    }
    const likedOnPlatforms = liked.map((item) =>
      item.platform === 'x'
        ? x.likersOf(item.id).includes(xAna.account.id)
        : mastodon.favouritedBy(item.id).includes(mastodonAna.account.id),
    );
    return { items, replies, liked, likedOnPlatforms, alerts, accounts, repliesOnPlatforms };
  } finally {
    running.close();
  }
}

/** `@handle`, else the name (Facebook gives a commenter's name, no handle), else the id. */
function authorOf(item: {
  readonly author: {
    readonly id: string;
    readonly handle?: string | undefined;
    readonly name?: string | undefined;
  };
}): string {
  const { handle, name, id } = item.author;
  return handle === undefined ? (name ?? id) : `@${handle}`;
}
