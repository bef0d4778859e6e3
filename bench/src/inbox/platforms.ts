/**
 * The simulated platforms of `pnpm bench:inbox`: every adapter that reads engagement (X, the
 * Mastodon example, Instagram, Facebook Pages, LinkedIn), accounts on each with fans' mentions
 * and comments seeded by the simulators' own helpers, and for each seeded engagement either a
 * poll (its account is one the inbox polls) or a webhook delivery built with the platform's
 * signing helper. Mastodon has no webhooks: all of its accounts are polled.
 *
 * Requests reach the simulators' MSW handlers through msw's `getResponse` (as in
 * bench:scheduler): MSW's interception of sockets costs more per request than the work measured.
 */
import { createFacebookAdapter } from '@smmkit/adapter-facebook';
import { createFacebookSimulator } from '@smmkit/adapter-facebook/mocks';
import { createInstagramAdapter } from '@smmkit/adapter-instagram';
import { createInstagramSimulator, instagramWebhook } from '@smmkit/adapter-instagram/mocks';
import { createLinkedInAdapter, linkedInSignature } from '@smmkit/adapter-linkedin';
import { createLinkedInSimulator } from '@smmkit/adapter-linkedin/mocks';
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator, signXWebhook, xAccountActivityEvent } from '@smmkit/adapter-x/mocks';
import { type Adapter, staticTokenProvider, type Target, type TokenProvider } from '@smmkit/core';
import type { InboxAccount } from '@smmkit/core/inbox';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import { graphWebhookRequest, signGraphWebhook } from '@smmkit/graph-api/mocks';
import type { FastForwardClock, ManualClock, PlatformSimulator, SimulatedEngagement } from '@smmkit/testkit';
import { getResponse } from 'msw';

const DAY = 86_400_000;
/** The secrets the simulated platforms sign webhook deliveries with (the adapters verify them). */
export const SECRETS = { x: 'x-consumer-secret', meta: 'meta-app-secret', linkedin: 'li-client-secret' };
/** Where the router is mounted in the bench (any origin: the router reads the path only). */
const HOOKS = 'https://app.example/webhooks';

/** A webhook delivery as the platform would post it: its body and headers. */
export interface Delivery {
  /** The route it goes to (`/webhooks/<route>`). */
  readonly route: string;
  /** The raw body. */
  readonly body: string;
  /** Headers, the signature among them. */
  readonly headers: Readonly<Record<string, string>>;
}

/** One seeded engagement and how it reaches the inbox. */
export interface SeededEngagement {
  readonly platform: string;
  readonly accountId: string;
  readonly id: string;
  /** Its webhook delivery, when its platform has webhooks (built on demand: signing costs). */
  readonly delivery?: (() => Promise<Delivery>) | undefined;
  /** Whether its account is polled (else only a webhook brings it). */
  readonly polled: boolean;
}

/** What {@link createInboxPlatforms} builds. */
export interface InboxPlatforms {
  /** The adapters, webhook secrets set. */
  readonly adapters: readonly Adapter[];
  /** The accounts the inbox polls. */
  readonly polled: readonly InboxAccount[];
  /** Every engagement seeded, in the order seeded. */
  readonly seeded: readonly SeededEngagement[];
  /** Seeded engagements per platform. */
  readonly perPlatform: ReadonlyMap<string, number>;
  /** The token of an account. */
  tokens(target: Target): TokenProvider;
}

/** A fetch `Request` for a delivery (a fresh one each time: a body is read once). */
export function deliveryRequest(delivery: Delivery, tamper = false): Request {
  // A forged delivery: the body changed after signing (an attacker's text, a real signature).
  const body = tamper ? delivery.body.replace(/"(text|message)":"/, '"$1":"FORGED ') : delivery.body;
  return new Request(`${HOOKS}/${delivery.route}`, { method: 'POST', headers: delivery.headers, body });
}

/**
 * Makes the simulators and adapters, seeds `total` engagements split evenly over the five
 * platforms (`accountsPerPlatform` accounts each, every other one polled where the platform has
 * webhooks), and points the process's `fetch` at the simulators.
 *
 * @param total - engagements to seed
 * @param accountsPerPlatform - accounts on each platform
 * @param time - the simulators' clock
 * @param clock - the fast-forward clock (its counted fetch goes to the adapters)
 */
export function createInboxPlatforms(
  total: number,
  accountsPerPlatform: number,
  time: ManualClock,
  clock: FastForwardClock,
): InboxPlatforms {
  const perPlatformCount = Math.floor(total / 5);
  const perAccount = Math.floor(perPlatformCount / accountsPerPlatform);
  const postsPerAccount = 10;
  const perPost = Math.floor(perAccount / postsPerAccount);
  const providers = new Map<string, TokenProvider>();
  const polled: InboxAccount[] = [];
  const seeded: SeededEngagement[] = [];
  const perPlatform = new Map<string, number>();
  const addAccount = (
    platform: string,
    accountId: string,
    token: string,
    poll: boolean,
    kinds?: InboxAccount['kinds'],
  ) => {
    providers.set(`${platform} ${accountId}`, staticTokenProvider(token));
    if (poll) polled.push({ platform, accountId, ...(kinds === undefined ? {} : { kinds }) });
  };
  const record = (
    platform: string,
    items: readonly SimulatedEngagement[],
    poll: boolean,
    delivery?: (item: SimulatedEngagement) => () => Promise<Delivery>,
  ) => {
    perPlatform.set(platform, (perPlatform.get(platform) ?? 0) + items.length);
    for (const item of items)
      seeded.push({
        platform,
        accountId: item.accountId,
        id: item.id,
        polled: poll,
        delivery: delivery?.(item),
      });
  };

  // X: fans mention the account (Account Activity `tweet_create_events` for webhooks, signed
  // `x-twitter-webhooks-signature`: https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks).
  // Twice the accounts, half the mentions each: X's mentions timeline serves only the 800 most
  // recent (https://docs.x.com/x-api/posts/mentions/introduction), so an account with more
  // between two polls would lose the rest to polling (a first run with 1,000 each lost 1,804).
  const x = createXSimulator({ clock: time });
  for (let n = 0; n < 2 * accountsPerPlatform; n += 1) {
    const made = x.addAccount(`xfan${n}`, { accessTokenTtlMs: 365 * DAY });
    const poll = n % 2 === 0;
    addAccount('x', made.account.id, made.accessToken, poll);
    const owner = { id: made.account.id, username: made.account.handle };
    record('x', x.seedMentions(made.account.id, Math.floor(perAccount / 2)), poll, (item) => async () => {
      const body = JSON.stringify(
        xAccountActivityEvent.tweetCreate({
          forUserId: owner.id,
          tweet: {
            id: item.id,
            text: item.text,
            author: { id: item.authorId, username: item.authorHandle },
            createdAt: item.createdAt,
            mentions: [owner],
          },
        }),
      );
      return {
        route: 'x',
        body,
        headers: {
          'content-type': 'application/json',
          'x-twitter-webhooks-signature': await signXWebhook(SECRETS.x, body),
        },
      };
    });
  }

  // Mastodon: mentions, read from notifications; no webhooks in the adapter, so all polled.
  const mastodon = createMastodonSimulator({ clock: time });
  for (let n = 0; n < accountsPerPlatform; n += 1) {
    const made = mastodon.addAccount(`mfan${n}`);
    addAccount('mastodon', made.account.id, made.accessToken, true);
    record('mastodon', mastodon.seedMentions(made.account.id, perAccount), true);
  }

  // Instagram: comments on the account's media (`comments` webhook field, signed
  // `X-Hub-Signature-256`: https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
  // Polled for comments and mentions only: replies cost one `GET /{comment}/replies` per comment
  // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies),
  // and the fans here write no replies.
  const ig = createInstagramSimulator({
    clock: time,
    baseUrl: 'https://graph.instagram.bench',
    ruploadUrl: 'https://rupload.instagram.bench',
  });
  for (let n = 0; n < accountsPerPlatform; n += 1) {
    const made = ig.addAccount(`igfan${n}`);
    const poll = n % 2 === 0;
    addAccount('instagram', made.account.id, made.accessToken, poll, ['comment', 'mention']);
    for (let p = 0; p < postsPerAccount; p += 1) {
      const media = ig.seedMedia(made.account.id, `Shop window ${p}`, { createdAt: time.now() - DAY + p });
      record('instagram', ig.seedComments(media.id, perPost), poll, (item) => async () => {
        const body = JSON.stringify(
          instagramWebhook.comment({
            igUserId: made.account.id,
            commentId: item.id,
            mediaId: media.id,
            text: item.text,
            from: { id: item.authorId, username: item.authorHandle },
            time: item.createdAt,
          }),
        );
        return {
          route: 'instagram',
          body,
          headers: {
            'content-type': 'application/json',
            'x-hub-signature-256': await signGraphWebhook(SECRETS.meta, body),
          },
        };
      });
    }
  }

  // Facebook Pages: comments on the Page's posts (`feed` webhook field, the simulator's own
  // `webhookDelivery` for the comment, signed as Meta signs).
  const facebook = createFacebookSimulator({ clock: time });
  for (let n = 0; n < accountsPerPlatform; n += 1) {
    const made = facebook.addPage(`Page ${n}`);
    const pageId = made.account.id;
    const poll = n % 2 === 0;
    addAccount('facebook', pageId, made.accessToken, poll);
    for (let p = 0; p < postsPerAccount; p += 1) {
      const post = facebook.sim.addPost({
        id: `${pageId}_${facebook.sim.nextId()}`,
        accountId: pageId,
        text: `Page post ${p}`,
        createdAt: time.now() - DAY + p,
      });
      record('facebook', facebook.seedComments(post.id, perPost), poll, (item) => async () => {
        const request = await graphWebhookRequest(SECRETS.meta, facebook.webhookDelivery(item.id));
        return {
          route: 'facebook',
          body: String(request.rawBody),
          headers: Object.fromEntries(request.headers),
        };
      });
    }
  }

  // LinkedIn: comments on the member's posts (organization social action notifications, signed
  // `X-LI-Signature`: https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation).
  // The simulator has no webhook builder, so the notification is written here from the comment.
  const linkedin = createLinkedInSimulator({ clock: time });
  for (let n = 0; n < accountsPerPlatform; n += 1) {
    const made = linkedin.addMember(`lifan${n}`);
    const poll = n % 2 === 0;
    addAccount('linkedin', made.account.id, made.accessToken, poll);
    for (let p = 0; p < postsPerAccount; p += 1) {
      const postUrn = linkedin.addPost(made.account.id, `Member post ${p}`);
      record('linkedin', linkedin.seedComments(postUrn, perPost), poll, (item) => async () => {
        const body = JSON.stringify({
          type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
          notifications: [
            {
              notificationId: item.id,
              action: 'COMMENT',
              organizationalEntity: made.account.id,
              sourcePost: postUrn,
              generatedActivity: item.id,
              decoratedGeneratedActivity: { comment: { text: item.text } },
              actor: item.authorId.startsWith('urn:li:') ? item.authorId : `urn:li:person:${item.authorId}`,
              lastModifiedAt: item.createdAt,
            },
          ],
        });
        return {
          route: 'linkedin',
          body,
          headers: {
            'content-type': 'application/json',
            'x-li-signature': await linkedInSignature(SECRETS.linkedin, body),
          },
        };
      });
    }
  }

  const simulators: readonly PlatformSimulator[] = [
    x.sim,
    mastodon.sim,
    ...ig.simulators,
    ...facebook.simulators,
    ...linkedin.simulators,
  ];
  const byOrigin = new Map(simulators.map((sim) => [new URL(sim.baseUrl).origin, sim]));
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const sim = byOrigin.get(new URL(request.url).origin);
    if (sim === undefined) throw new TypeError(`no simulator for ${request.url}`);
    const response = await getResponse([...sim.handlers], request);
    if (response === undefined)
      throw new TypeError(`no simulated route for ${request.method} ${request.url}`);
    if (response.type === 'error') throw new TypeError('fetch failed (simulated network error)');
    return response;
  };

  const fetch = clock.fetch;
  return {
    adapters: [
      createXAdapter({ baseUrl: x.baseUrl, fetch, webhookConsumerSecret: SECRETS.x }),
      createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, fetch }),
      createInstagramAdapter({ baseUrl: ig.baseUrl, fetch, appSecret: SECRETS.meta }),
      createFacebookAdapter({ baseUrl: facebook.baseUrl, fetch, appSecret: SECRETS.meta }),
      createLinkedInAdapter({ baseUrl: linkedin.apiUrl, fetch, webhookClientSecret: SECRETS.linkedin }),
    ],
    polled,
    seeded,
    perPlatform,
    tokens: (target) =>
      providers.get(`${target.platform} ${target.accountId}`) ?? staticTokenProvider('none'),
  };
}
