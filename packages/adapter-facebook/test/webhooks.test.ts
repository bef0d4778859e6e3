import { type Engagement, ValidationError, type WebhookHandler, type WebhookRequest } from '@smmkit/core';
import { graphWebhookDelivery, graphWebhookRequest } from '@smmkit/graph-api/mocks';
import { allPages, failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { createFacebookAdapter } from '../src/index.js';
import { facebookWebhook } from '../src/mocks/index.js';
import { START, useFacebook } from './support/harness.js';

const SECRET = 'meta-app-secret-for-webhooks';
const VERIFY = 'my-verify-token';
const h = useFacebook();

/** The webhook handler of an adapter with an app secret. */
function handler(): WebhookHandler {
  const { webhooks, capabilities } = createFacebookAdapter({
    baseUrl: h.facebook.baseUrl,
    appSecret: SECRET,
    webhookVerifyToken: VERIFY,
  });
  expect(capabilities.webhooks).toBe(true);
  if (webhooks === undefined) throw new Error('expected webhooks with an app secret');
  return webhooks;
}

const challenge = (query: string): WebhookRequest => ({
  method: 'GET',
  url: `https://app.example/webhooks/facebook?${query}`,
  headers: new Headers(),
  rawBody: '',
});

/** What a webhook and a listing both say about a comment. */
const common = ({ id, kind, accountId, parentId, author, text, createdAt, postRef }: Engagement) => ({
  id,
  kind,
  accountId,
  parentId,
  author,
  text,
  createdAt,
  postRef: postRef?.platformPostId,
});

/** A post of acme's with two fan comments and a fan reply to the first. */
async function thread() {
  const { ref } = await h.adapter().publish({ text: 'Webhooks' }, h.context());
  const [first, second] = h.facebook.seedComments(ref.platformPostId, 2);
  if (first === undefined || second === undefined) throw new Error('expected two comments');
  h.clock.advance(60_000);
  const [reply] = h.facebook.seedComments(ref.platformPostId, 1, { replyTo: first.id });
  if (reply === undefined) throw new Error('expected a reply');
  return { ref, first, second, reply };
}

describe('subscription', () => {
  it('echoes hub.challenge when hub.verify_token matches, and refuses another token', async () => {
    const webhooks = handler();
    expect(
      await webhooks.challenge(
        challenge(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY}`),
      ),
    ).toEqual({ status: 200, contentType: 'text/plain', body: '1158201444' });
    expect(
      (await webhooks.challenge(challenge('hub.mode=subscribe&hub.challenge=1&hub.verify_token=x')))?.status,
    ).toBe(403);
  });

  it('is only there with an app secret, and a blank secret is refused', async () => {
    const plain = createFacebookAdapter();
    expect(plain.capabilities.webhooks).toBe(false);
    expect(plain.webhooks).toBeUndefined();
    const error = await failureOf(Promise.resolve().then(() => createFacebookAdapter({ appSecret: ' ' })));
    expect(ValidationError.isInstance(error)).toBe(true);
  });
});

describe('feed comments', () => {
  it('parse into the same engagements the comments listing gives', async () => {
    const { ref, first, reply } = await thread();
    const webhooks = handler();
    const listed = (await allPages(h.adapter().listEngagements({ post: ref }, h.context()))).flatMap(
      (page) => page.items,
    );
    for (const seeded of [first, reply]) {
      const request = await h.facebook.signedWebhook(seeded.id, SECRET);
      expect(await webhooks.verify(request)).toBe(true);
      const [parsed] = webhooks.parse(request);
      const fromListing = listed.find((item) => item.id === seeded.id);
      expect(parsed && common(parsed)).toEqual(fromListing && common(fromListing));
    }
    const [parsedReply] = webhooks.parse(await h.facebook.signedWebhook(reply.id, SECRET));
    expect(parsedReply).toMatchObject({
      kind: 'reply',
      parentId: first.id,
      createdAt: new Date(reply.createdAt),
    });
  });

  it('are refused when signed with another secret or changed on the way', async () => {
    const { first } = await thread();
    const webhooks = handler();
    expect(await webhooks.verify(await h.facebook.signedWebhook(first.id, 'another-secret'))).toBe(false);
    const signed = await h.facebook.signedWebhook(first.id, SECRET);
    const tampered = { ...signed, rawBody: String(signed.rawBody).replace('Comment 1', 'Comment 9') };
    expect(await webhooks.verify(tampered)).toBe(false);
  });

  it('keep edits with their new text and ignore removals, hides, posts and reactions', async () => {
    const webhooks = handler();
    const pageId = h.acme.account.id;
    const base = {
      pageId,
      postId: `${pageId}_77`,
      commentId: '77_88',
      from: { id: '4242', name: 'Ana Fan' },
      time: START,
    };
    const parse = async (delivery: unknown) => webhooks.parse(await graphWebhookRequest(SECRET, delivery));
    expect(
      await parse(facebookWebhook.comment({ ...base, message: 'Now edited', verb: 'edited' })),
    ).toMatchObject([
      { id: '77_88', kind: 'comment', text: 'Now edited', author: { id: '4242', name: 'Ana Fan' } },
    ]);
    for (const verb of ['remove', 'hide', 'unhide'] as const)
      expect(await parse(facebookWebhook.comment({ ...base, message: 'x', verb }))).toEqual([]);
    const reaction = graphWebhookDelivery({
      object: 'page',
      objectId: pageId,
      field: 'feed',
      value: { item: 'reaction', verb: 'add', post_id: base.postId, reaction_type: 'love', from: base.from },
    });
    const post = graphWebhookDelivery({
      object: 'page',
      objectId: pageId,
      field: 'feed',
      value: { item: 'status', verb: 'add', post_id: base.postId, message: 'Visitor post' },
    });
    expect(await parse(reaction)).toEqual([]);
    expect(await parse(post)).toEqual([]);
  });

  it('refuse a malformed comment change, naming where it is', async () => {
    const webhooks = handler();
    const delivery = graphWebhookDelivery({
      object: 'page',
      objectId: h.acme.account.id,
      field: 'feed',
      value: { item: 'comment', verb: 'add', post_id: '1_2', message: 'no id' },
    });
    const error = await failureOf(
      graphWebhookRequest(SECRET, delivery).then((request) => webhooks.parse(request)),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems[0]?.path).toEqual([
      'entry',
      0,
      'changes',
      0,
      'value',
      'comment_id',
    ]);
  });
});

describe('mentions', () => {
  it('parse a post that names the Page into a mention by its author', async () => {
    const [mention] = h.facebook.seedMentions(h.acme.account.id, 1);
    if (mention === undefined) throw new Error('expected a mention');
    const [parsed] = handler().parse(await h.facebook.signedWebhook(mention.id, SECRET));
    expect(parsed).toMatchObject({
      platform: 'facebook',
      accountId: h.acme.account.id,
      id: mention.id,
      kind: 'mention',
      author: { id: mention.authorId, name: 'fan_1' },
      postRef: { accountId: mention.authorId, platformPostId: mention.id },
      createdAt: new Date(mention.createdAt),
    });
  });

  it('take the comment’s id for a mention in a comment, and ignore removals', async () => {
    const webhooks = handler();
    const change = {
      pageId: h.acme.account.id,
      postId: '555_666',
      commentId: '666_777',
      sender: { id: '555', name: 'Other Page' },
      time: START,
    };
    const [inComment] = webhooks.parse(await graphWebhookRequest(SECRET, facebookWebhook.mention(change)));
    expect(inComment).toMatchObject({
      id: '666_777',
      kind: 'mention',
      postRef: { accountId: '555', platformPostId: '555_666' },
      createdAt: new Date(START - (START % 1000)),
    });
    const removed = facebookWebhook.mention({ ...change, verb: 'remove' });
    expect(webhooks.parse(await graphWebhookRequest(SECRET, removed))).toEqual([]);
  });
});
