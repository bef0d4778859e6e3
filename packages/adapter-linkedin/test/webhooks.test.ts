import { createHmac } from 'node:crypto';
import { type Engagement, UNKNOWN_AUTHOR_ID, ValidationError, type WebhookRequest } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { createLinkedInAdapter, createLinkedInWebhookHandler } from '../src/index.js';
import { useLinkedIn } from './support/harness.js';

const h = useLinkedIn();
const SECRET = 'li-client-secret';
const ORG = 'urn:li:organization:2414183';
const POST = 'urn:li:share:7000000000000000001';

function delivery(body: string, signature?: string): WebhookRequest {
  const headers = new Headers({ 'content-type': 'application/json' });
  const signed = signature ?? createHmac('sha256', SECRET).update(`hmacsha256=${body}`).digest('hex');
  headers.set('x-li-signature', signed);
  return { method: 'POST', url: 'https://app.example/webhooks/linkedin', headers, rawBody: body };
}

// Organization social action notifications as documented: the comment or mentioning post is the
// decorated generated activity (`entity`, `owner`, `text`), no field names who acted, and a LIKE
// has no generated activity
// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications).
const notifications = JSON.stringify({
  type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
  notifications: [
    {
      notificationId: 11,
      action: 'COMMENT',
      organizationalEntity: ORG,
      sourcePost: POST,
      generatedActivity: `urn:li:comment:(${POST},501)`,
      decoratedGeneratedActivity: {
        comment: { entity: `urn:li:comment:(${POST},501)`, owner: 'urn:li:person:ana', text: 'Great news!' },
      },
      lastModifiedAt: Date.parse('2026-11-22T12:00:00Z'),
    },
    {
      notificationId: 12,
      action: 'COMMENT',
      organizationalEntity: ORG,
      sourcePost: POST,
      generatedActivity: `urn:li:comment:(${POST},502)`,
      decoratedGeneratedActivity: {
        comment: {
          entity: `urn:li:comment:(${POST},502)`,
          owner: 'urn:li:person:bob',
          text: 'Agreed',
          parentComment: `urn:li:comment:(${POST},501)`,
        },
      },
      lastModifiedAt: Date.parse('2026-11-22T12:01:00Z'),
    },
    {
      notificationId: 13,
      action: 'SHARE_MENTION',
      organizationalEntity: ORG,
      sourcePost: POST,
      generatedActivity: 'urn:li:share:7000000000000000009',
      decoratedGeneratedActivity: {
        share: { entity: 'urn:li:share:7000000000000000009', owner: 'urn:li:person:cy', text: 'Thanks Acme' },
      },
      lastModifiedAt: 1,
    },
    { notificationId: 14, action: 'LIKE', organizationalEntity: ORG, sourcePost: POST, lastModifiedAt: 2 },
    { notificationId: 15, action: 'SHARE', organizationalEntity: ORG, sourcePost: POST, lastModifiedAt: 3 },
  ],
});

describe('webhooks', () => {
  const webhooks = createLinkedInWebhookHandler(SECRET);

  it('answers the challenge with the hex HMAC of the challenge code', async () => {
    const code = '890e4d5d-0a37-4b5d-8a1a-0f3e5c6d7e8f';
    const answer = await webhooks.challenge({
      method: 'GET',
      url: `https://app.example/webhooks/linkedin?challengeCode=${code}`,
      headers: new Headers(),
      rawBody: '',
    });
    expect(answer?.status).toBe(200);
    expect(JSON.parse(answer?.body ?? '')).toEqual({
      challengeCode: code,
      challengeResponse: createHmac('sha256', SECRET).update(code).digest('hex'),
    });
    expect(await webhooks.challenge(delivery(notifications))).toBeUndefined();
  });

  it('does not answer a challenge code that would sign a delivery, so nobody can forge one with it', async () => {
    const forged = `hmacsha256=${notifications}`;
    const url = `https://app.example/webhooks/linkedin?challengeCode=${encodeURIComponent(forged)}`;
    expect(
      await webhooks.challenge({ method: 'GET', url, headers: new Headers(), rawBody: '' }),
    ).toBeUndefined();
    // What the answer would have been is exactly the delivery's signature.
    const signature = createHmac('sha256', SECRET).update(forged).digest('hex');
    expect(await webhooks.verify(delivery(notifications, signature))).toBe(true);
  });

  it('verifies the signature of a delivery, and nothing else', async () => {
    expect(await webhooks.verify(delivery(notifications))).toBe(true);
    expect(
      await webhooks.verify({ ...delivery(notifications), rawBody: new TextEncoder().encode(notifications) }),
    ).toBe(true);
    expect(
      await webhooks.verify(
        delivery(
          `${notifications} `,
          createHmac('sha256', SECRET).update(`hmacsha256=${notifications}`).digest('hex'),
        ),
      ),
    ).toBe(false);
    expect(
      await webhooks.verify(
        delivery(notifications, createHmac('sha256', SECRET).update(notifications).digest('hex')),
      ),
    ).toBe(false);
    const unsigned = delivery(notifications);
    unsigned.headers.delete('x-li-signature');
    expect(await webhooks.verify(unsigned)).toBe(false);
    const small = createLinkedInWebhookHandler(SECRET, { webhookMaxBodyBytes: 100 });
    expect(await small.verify(delivery(notifications))).toBe(false);
  });

  it('parses comments, replies, mentions and reactions into engagements', () => {
    const engagements = webhooks.parse(delivery(notifications));
    expect(engagements.map((item) => [item.kind, item.id, item.author.id, item.text])).toEqual([
      ['comment', `urn:li:comment:(${POST},501)`, 'urn:li:person:ana', 'Great news!'],
      ['reply', `urn:li:comment:(${POST},502)`, 'urn:li:person:bob', 'Agreed'],
      ['mention', 'urn:li:share:7000000000000000009', 'urn:li:person:cy', 'Thanks Acme'],
      ['reaction', '14', UNKNOWN_AUTHOR_ID, ''],
    ]);
    expect(engagements[1]).toMatchObject({
      parentId: `urn:li:comment:(${POST},501)`,
      accountId: ORG,
      postRef: { platformPostId: POST },
    });
    expect(engagements[3]?.reaction).toBe('LIKE');
  });

  it('refuses a body that is not a notifications delivery', () => {
    expect(() => webhooks.parse(delivery('not json'))).toThrow(ValidationError);
    let caught: unknown;
    try {
      webhooks.parse(delivery('{"events":[]}'));
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught) && caught.problems[0]?.rule).toBe('webhook.payload');
  });

  it('is declared only with a client secret, and a blank one is refused', () => {
    expect(createLinkedInAdapter().capabilities.webhooks).toBe(false);
    expect(createLinkedInAdapter().webhooks).toBeUndefined();
    expect(createLinkedInAdapter({ webhookClientSecret: SECRET }).webhooks).toBeDefined();
    expect(() => createLinkedInWebhookHandler('  ')).toThrow(ValidationError);
  });
});

describe('webhook notifications as LinkedIn sends them', () => {
  const webhooks = createLinkedInWebhookHandler(SECRET);
  const activity = 'urn:li:activity:7094637247890620418';
  const share = 'urn:li:share:7094637247487995904';
  const commentUrn = `urn:li:comment:(${activity},7094977717598625792)`;
  // The shape of a COMMENT delivery as LinkedIn sends it: no `actor`, the commenter the decorated
  // comment's `owner`, `generatedActivity` spelling the activity without `urn:li:`, the post an
  // activity in `sourcePost` and its share in `decoratedSourcePost.entity`.
  const comment = {
    subscriber: 'urn:li:person:zLqTygBP8S',
    lastModifiedAt: 1691574506310,
    decoratedSourcePost: { owner: ORG, mediaCategory: 'NONE', text: 'Our post', entity: share },
    sourcePost: activity,
    decoratedGeneratedActivity: {
      comment: { owner: 'urn:li:person:fan', text: 'Nice post', entity: commentUrn, object: activity },
    },
    action: 'COMMENT',
    notificationId: 5603453321,
    organizationalEntity: ORG,
    generatedActivity: 'urn:li:comment:(activity:7094637247890620418,7094977717598625792)',
  };
  const parse = (...items: unknown[]) =>
    webhooks.parse(
      delivery(JSON.stringify({ type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS', notifications: items })),
    );

  it('reads a comment with no actor: its author is the decorated owner, its id the full comment URN', () => {
    const [engagement, ...rest] = parse(comment);
    expect(rest).toEqual([]);
    expect(engagement).toMatchObject({
      kind: 'comment',
      id: commentUrn,
      accountId: ORG,
      author: { id: 'urn:li:person:fan' },
      text: 'Nice post',
      postRef: { platformPostId: share },
    });
  });

  it('puts a short generatedActivity in full when the comment is not decorated', () => {
    const { decoratedGeneratedActivity: _, ...bare } = comment;
    expect(parse(bare).map((item) => [item.id, item.author.id])).toEqual([[commentUrn, UNKNOWN_AUTHOR_ID]]);
  });

  it('keeps a LIKE, which names no one: unknown author, its notification id', () => {
    const like = { ...comment, action: 'LIKE', notificationId: -2957327544 };
    delete (like as Partial<typeof like>).generatedActivity;
    delete (like as Partial<typeof like>).decoratedGeneratedActivity;
    expect(parse(like)).toMatchObject([
      { kind: 'reaction', id: '-2957327544', author: { id: UNKNOWN_AUTHOR_ID }, reaction: 'LIKE' },
    ]);
  });

  it('refuses a delivery with a comment it cannot name, rather than dropping it', () => {
    const nameless = { action: 'COMMENT', organizationalEntity: ORG, sourcePost: activity };
    let caught: unknown;
    try {
      parse(comment, nameless);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught) && caught.problems[0]).toMatchObject({
      rule: 'webhook.payload',
      path: ['notifications', 1, 'notificationId'],
    });
  });

  it('refuses a comment with an empty URN, which would be an inbox item of no account by no one', () => {
    const empty = {
      ...comment,
      notificationId: 5603453322,
      organizationalEntity: '',
      decoratedGeneratedActivity: { comment: { ...comment.decoratedGeneratedActivity.comment, owner: '' } },
    };
    let caught: unknown;
    try {
      parse(comment, empty);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).problems.map((problem) => [problem.path, problem.rule])).toEqual([
      [['notifications', 1, 'organizationalEntity'], 'webhook.payload'],
      [['notifications', 1, 'decoratedGeneratedActivity', 'comment', 'owner'], 'webhook.payload'],
    ]);
    expect((caught as ValidationError).message).not.toContain('Nice post');
  });

  it('still ignores a notification of another action, whatever it holds', () => {
    const share = { ...comment, action: 'SHARE', organizationalEntity: '' };
    expect(parse(share, comment).map((item) => item.id)).toEqual([commentUrn]);
  });
});

describe('the simulator’s webhook deliveries', () => {
  const webhooks = createLinkedInWebhookHandler(SECRET);
  const asAcme = () => ({ ...h.context(), account: { platform: 'linkedin', accountId: h.acme } });
  const listed = async (adapter: ReturnType<typeof h.adapter>, ref: Engagement['postRef']) => {
    const items: Engagement[] = [];
    for await (const page of adapter.listEngagements({ post: ref }, asAcme())) items.push(...page.items);
    return items;
  };
  const same = (item: Engagement | undefined) =>
    item && {
      id: item.id,
      kind: item.kind,
      accountId: item.accountId,
      post: item.postRef?.platformPostId,
      parentId: item.parentId,
      author: item.author.id,
      text: item.text,
      createdAt: item.createdAt.getTime(),
    };

  it('a comment and a reply arrive by webhook as the same inbox items polling reads, and can be answered', async () => {
    const adapter = h.adapter({ author: h.acme });
    const post = await adapter.publish({ text: 'Our news' }, asAcme());
    const [first] = h.linkedin.seedComments(post.ref.platformPostId, 1);
    const [reply] = h.linkedin.seedComments(first?.id ?? '', 1);
    const polled = await listed(adapter, post.ref);
    const pushed = [first, reply].flatMap((item) =>
      webhooks.parse(delivery(JSON.stringify(h.linkedin.webhookDelivery(item?.id ?? '')))),
    );
    expect(pushed.map(same)).toEqual(
      [first, reply].map((item) => same(polled.find((each) => each.id === item?.id))),
    );
    expect(pushed.map((item) => item.kind)).toEqual(['comment', 'reply']);

    await adapter.reply(pushed[0] as Engagement, 'Thanks!', asAcme());
    const [sent] = h.linkedin.sim.log.bodies('POST /rest/socialActions/:target/comments').slice(-1);
    expect(sent).toMatchObject({ parentComment: first?.id, object: post.ref.platformPostId });
  });

  it('sends a comment as documented: no actor, the commenter its decorated owner', async () => {
    const adapter = h.adapter({ author: h.acme });
    const post = await adapter.publish({ text: 'Our news' }, asAcme());
    const [seeded] = h.linkedin.seedComments(post.ref.platformPostId, 1);
    const [notification] = h.linkedin.webhookDelivery(seeded?.id ?? '').notifications;
    expect(notification).not.toHaveProperty('actor');
    expect(notification).toMatchObject({
      action: 'COMMENT',
      organizationalEntity: h.acme,
      decoratedSourcePost: { entity: post.ref.platformPostId, owner: h.acme },
      decoratedGeneratedActivity: {
        comment: { entity: seeded?.id, owner: h.linkedin.commentOf(seeded?.id ?? '')?.actor },
      },
    });
    expect(h.linkedin.webhookDelivery(seeded?.id ?? '').notifications[0]?.notificationId).toBe(
      notification?.notificationId,
    );
  });

  it('sends a reaction as a LIKE naming only the post', async () => {
    const adapter = h.adapter({ author: h.acme });
    const post = await adapter.publish({ text: 'Our news' }, asAcme());
    const [reaction] = h.linkedin.seedReactions(post.ref.platformPostId, 1);
    const body = h.linkedin.webhookDelivery(reaction?.id ?? '');
    expect(body.notifications[0]).not.toHaveProperty('generatedActivity');
    expect(webhooks.parse(delivery(JSON.stringify(body)))).toMatchObject([
      {
        kind: 'reaction',
        author: { id: UNKNOWN_AUTHOR_ID },
        postRef: { platformPostId: post.ref.platformPostId },
      },
    ]);
    expect(() => h.linkedin.webhookDelivery(post.ref.platformPostId)).toThrow(
      /no comment, reply or reaction/,
    );
  });
});
