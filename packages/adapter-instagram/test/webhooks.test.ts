import {
  type Engagement,
  PlatformError,
  UnsupportedCapabilityError,
  ValidationError,
  type WebhookHandler,
  type WebhookRequest,
} from '@smmkit/core';
import { graphWebhookRequest, signGraphWebhook } from '@smmkit/graph-api/mocks';
import { describe, expect, it } from 'vitest';
import { createInstagramAdapter } from '../src/index.js';
import { instagramWebhook } from '../src/mocks/index.js';
import { failureOf, START, useInstagram } from './support/harness.js';

const SECRET = 'meta-app-secret-for-webhooks';
const VERIFY = 'my-verify-token';
const URL_BASE = 'https://app.example/webhooks/instagram';
const IG_USER = '17841400000000001';
const FAN = { id: '17841400000000099', username: 'fan_1' };

const h = useInstagram();
const { ig, ana, bob } = h;

/** The adapter's webhook handler; `null`: no verify token configured. */
function handler(verifyToken: string | null = VERIFY): WebhookHandler {
  const { webhooks, capabilities } = createInstagramAdapter({
    appSecret: SECRET,
    webhookVerifyToken: verifyToken ?? undefined,
  });
  expect(capabilities.webhooks).toBe(true);
  if (webhooks === undefined) throw new Error('expected webhooks with an app secret');
  return webhooks;
}

/** A delivery as Meta posts it (non-ASCII escaped), signed with `secret` unless a signature is given. */
async function delivery(
  payload: unknown,
  options: { readonly secret?: string; readonly signature?: string | null; readonly rawBody?: string } = {},
): Promise<WebhookRequest> {
  const rawBody = options.rawBody ?? (await graphWebhookRequest(SECRET, payload)).rawBody;
  const signature =
    options.signature === undefined
      ? await signGraphWebhook(options.secret ?? SECRET, rawBody)
      : options.signature;
  const headers = new Headers({ 'content-type': 'application/json' });
  if (signature !== null) headers.set('x-hub-signature-256', signature);
  return { method: 'POST', url: URL_BASE, headers, rawBody };
}

const challenge = (query: string, method = 'GET'): WebhookRequest => ({
  method,
  url: `${URL_BASE}?${query}`,
  headers: new Headers(),
  rawBody: '',
});

const commentPayload = () =>
  instagramWebhook.comment({
    igUserId: IG_USER,
    commentId: '17865799348089039',
    mediaId: '17887498072083520',
    text: 'Love this!',
    from: FAN,
    time: START,
  });

describe('subscription challenge', () => {
  it('echoes hub.challenge as text when hub.verify_token matches', async () => {
    const answer = await handler().challenge(
      challenge(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY}`),
    );
    expect(answer).toEqual({ status: 200, contentType: 'text/plain', body: '1158201444' });
  });
});

describe('X-Hub-Signature-256', () => {
  it('checks the raw bytes as received: Meta\u2019s escaped unicode verifies, a re-serialised body does not', async () => {
    const rawBody =
      '{"object":"instagram","entry":[{"id":"17841400000000001","time":1795348800,"changes":[{"field":"comments","value":{"id":"1","text":"Caf\\u00e9 \\ud83d\\ude00","from":{"id":"2","username":"fan_1"},"media":{"id":"3"}}}]}]}';
    const signed = await delivery(undefined, { rawBody });
    expect(await handler().verify(signed)).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(rawBody));
    expect(reserialised).not.toBe(rawBody);
    expect(await handler().verify({ ...signed, rawBody: reserialised })).toBe(false);
    expect(handler().parse(signed)[0]?.text).toBe('Café 😀');
  });
});

describe('the simulator\u2019s deliveries', () => {
  it('posts a non-ASCII comment as Meta does: escaped \\uXXXX body, signature over it, text parsed back', async () => {
    const ref = h.media('Our new caf\u00e9');
    const text = 'Caf\u00e9 \u00e4\u00f6\u00e5 \u{1F600}';
    const written = await fetch(`${ig.baseUrl}/v24.0/${ref.platformPostId}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: text }),
    });
    const { id } = (await written.json()) as { id: string };

    const request = await ig.signedWebhook(id, SECRET);
    const body = String(request.rawBody);
    expect(body).toContain('"text":"Caf\\u00e9 \\u00e4\\u00f6\\u00e5 \\ud83d\\ude00"');
    expect(body).not.toMatch(/[^\x20-\x7e]/);
    const webhooks = handler();
    expect(await webhooks.verify(request)).toBe(true);
    expect(await webhooks.verify({ ...request, rawBody: JSON.stringify(JSON.parse(body)) })).toBe(false);
    expect(webhooks.parse(request)).toEqual([
      expect.objectContaining({
        kind: 'comment',
        id,
        accountId: ana.account.id,
        author: { id: bob.account.id, handle: 'bob' },
        text,
        postRef: { platform: 'instagram', accountId: ana.account.id, platformPostId: ref.platformPostId },
        createdAt: new Date(START),
      }),
    ]);
  });

  it('delivers a reply with its parent and a tagged-media mention as the change Meta sends', async () => {
    const ref = h.media('Tag us');
    const [comment] = ig.seedComments(ref.platformPostId, 1);
    if (comment === undefined) throw new Error('no comment seeded');
    const written = await fetch(`${ig.baseUrl}/v24.0/${comment.id}/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Me too' }),
    });
    const { id } = (await written.json()) as { id: string };
    const webhooks = handler();
    expect(webhooks.parse(await ig.signedWebhook(id, SECRET))).toEqual([
      expect.objectContaining({ kind: 'reply', id, parentId: comment.id, text: 'Me too' }),
    ]);

    const [tagged] = ig.seedMentions(ana.account.id, 1);
    if (tagged === undefined) throw new Error('no mention seeded');
    expect(ig.webhookDelivery(tagged.id).entry[0]?.changes).toEqual([
      { field: 'mentions', value: { media_id: tagged.postId } },
    ]);
    expect(() => ig.webhookDelivery('404')).toThrow('no comment or mention 404');
  });
});

describe('parse', () => {
  it('turns a comments change into a comment, and one with parent_id into a reply', async () => {
    const reply = instagramWebhook.comment({
      igUserId: IG_USER,
      commentId: '17865799348089040',
      mediaId: '17887498072083520',
      parentId: '17865799348089039',
      text: 'Me too',
      from: { id: '17841400000000098', username: 'fan_2' },
      time: START + 60_000,
    });
    const webhooks = handler();
    expect(webhooks.parse(await delivery(commentPayload()))).toEqual([
      {
        platform: 'instagram',
        accountId: IG_USER,
        id: '17865799348089039',
        kind: 'comment',
        postRef: { platform: 'instagram', accountId: IG_USER, platformPostId: '17887498072083520' },
        author: { id: FAN.id, handle: 'fan_1' },
        text: 'Love this!',
        createdAt: new Date(START),
        raw: expect.objectContaining({ id: '17865799348089039' }),
      },
    ]);
    expect(webhooks.parse(await delivery(reply))).toEqual([
      expect.objectContaining({
        kind: 'reply',
        parentId: '17865799348089039',
        createdAt: new Date(START + 60_000),
      }),
    ]);
  });

  it('turns a mentions change into a mention named by its comment, or by its media for a caption', async () => {
    const webhooks = handler();
    const inComment = instagramWebhook.mention({
      igUserId: IG_USER,
      mediaId: '1790',
      commentId: '1791',
      time: START,
    });
    const inCaption = instagramWebhook.mention({ igUserId: IG_USER, mediaId: '1792', time: START });
    expect(webhooks.parse(await delivery(inComment))).toEqual([
      expect.objectContaining({
        kind: 'mention',
        id: '1791',
        postRef: expect.objectContaining({ platformPostId: '1790' }),
      }),
    ]);
    expect(webhooks.parse(await delivery(inCaption))).toEqual([
      expect.objectContaining({
        kind: 'mention',
        id: '1792',
        postRef: expect.objectContaining({ platformPostId: '1792' }),
      }),
    ]);
  });

  it('ignores other fields and rejects a malformed comments value, naming where', async () => {
    const webhooks = handler();
    const other = {
      object: 'instagram',
      entry: [{ id: IG_USER, time: 1, changes: [{ field: 'story_insights', value: { reach: 3 } }] }],
    };
    expect(webhooks.parse(await delivery(other))).toEqual([]);
    const broken = {
      object: 'instagram',
      entry: [{ id: IG_USER, time: 1, changes: [{ field: 'comments', value: { text: 'no id' } }] }],
    };
    let caught: unknown;
    try {
      webhooks.parse(await delivery(broken));
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.problems[0]?.path.slice(0, 5)).toEqual(['entry', 0, 'changes', 0, 'value']);
    expect(() =>
      webhooks.parse({ ...broken, method: 'POST', url: URL_BASE, headers: new Headers(), rawBody: '{' }),
    ).toThrow(ValidationError);
  });
});

/** A `mentions` delivery naming ana, at START, as the webhook handler parses it. */
async function parsedMention(mediaId: string, commentId?: string): Promise<Engagement> {
  const payload = instagramWebhook.mention({
    igUserId: ana.account.id,
    mediaId,
    commentId,
    time: START,
  });
  const [mention] = handler().parse(await delivery(payload));
  if (mention === undefined) throw new Error('no mention parsed');
  return mention;
}

describe('resolving a mention from a webhook', () => {
  it('reads a mention in a comment with mentioned_comment and fills in author, text and time', async () => {
    const [comment] = ig.seedCommentMentions(ana.account.id, 1);
    if (comment?.postId === undefined) throw new Error('no comment seeded');
    const mention = await parsedMention(comment.postId, comment.id);
    expect(mention.author.id).toBe('unknown');

    const resolved = await h.adapter().resolveMention(mention, h.context());
    expect(h.queries('GET /:version/:id')[0]?.get('fields')).toBe(
      `mentioned_comment.comment_id(${comment.id}){id,text,timestamp,username,from,media{id,permalink}}`,
    );
    expect(resolved).toMatchObject({
      kind: 'mention',
      id: comment.id,
      author: { id: comment.authorId, handle: 'fan_1' },
      text: comment.text,
      createdAt: new Date(comment.createdAt),
      postRef: { platformPostId: comment.postId },
    });
    expect(resolved.text).toContain('@ana');
  });

  it('reads a caption mention with mentioned_media', async () => {
    const [tagged] = ig.seedMentions(ana.account.id, 1);
    if (tagged === undefined) throw new Error('no mention seeded');
    const mention = await parsedMention(tagged.id);
    const resolved = await h.adapter().resolveMention(mention, h.context());
    expect(h.queries('GET /:version/:id')[0]?.get('fields')).toBe(
      `mentioned_media.media_id(${tagged.id}){id,caption,timestamp,username,permalink}`,
    );
    expect(resolved).toMatchObject({
      id: tagged.id,
      author: { handle: 'fan_1' },
      text: 'Look at this @ana (1)',
      postRef: {
        platformPostId: tagged.id,
        url: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\//),
      },
    });
  });

  it('fails with Meta\u2019s message for a comment that does not mention the account, and refuses non-mentions', async () => {
    const ref = h.media('Mine');
    const [plain] = ig.seedComments(ref.platformPostId, 1);
    if (plain === undefined) throw new Error('no comment seeded');
    const mention = await parsedMention(ref.platformPostId, plain.id);
    const error = await failureOf(h.adapter().resolveMention(mention, h.context()), ig);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.platformError?.message).toContain('does not mention this user');

    const [comment] = handler().parse(await delivery(commentPayload()));
    if (comment === undefined) throw new Error('no comment parsed');
    const refused = await failureOf(h.adapter().resolveMention(comment, h.context()), ig);
    expect(UnsupportedCapabilityError.isInstance(refused)).toBe(true);
  });
});

describe('replying to a mention from a webhook', () => {
  const MENTIONS_ROUTE = 'POST /:version/:igUserId/mentions';

  it('answers a comment mention with POST /{ig-user-id}/mentions, in the mentioning comment’s thread', async () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions
    const [comment] = ig.seedCommentMentions(ana.account.id, 1);
    if (comment?.postId === undefined) throw new Error('no comment seeded');
    const mention = await parsedMention(comment.postId, comment.id);

    const reply = await h.adapter().reply(mention, 'Thanks for the shout-out!', h.context());
    expect(h.bodies(MENTIONS_ROUTE)).toEqual([
      { media_id: comment.postId, comment_id: comment.id, message: 'Thanks for the shout-out!' },
    ]);
    expect(reply).toMatchObject({ kind: 'reply', parentId: comment.id, text: 'Thanks for the shout-out!' });
    // The answer is on fan_1's media, under the comment that mentioned ana.
    const stored = ig.sim.engagements.get(reply.id);
    expect(stored).toMatchObject({ postId: comment.postId, authorId: ana.account.id });
    expect(ig.sim.posts.get(reply.id)?.inReplyToId).toBe(comment.id);
  });

  it('fails with Meta\u2019s refusal for a comment that does not mention the account, having written nothing', async () => {
    const ref = h.media('Mine');
    const [plain] = ig.seedComments(ref.platformPostId, 1);
    if (plain === undefined) throw new Error('no comment seeded');
    const mention = await parsedMention(ref.platformPostId, plain.id);
    const error = await failureOf(h.adapter().reply(mention, 'Hi', h.context()), ig);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.platformError?.code).toBe(100);
    expect(ig.sim.posts.filter((post) => post.extra.kind === 'comment')).toEqual([]);
  });

  it('answers a caption mention with a comment on the media', async () => {
    const [tagged] = ig.seedMentions(ana.account.id, 1);
    if (tagged === undefined) throw new Error('no mention seeded');
    const mention = await parsedMention(tagged.id);

    const reply = await h.adapter().reply(mention, 'Glad you like it', h.context());
    expect(h.bodies(MENTIONS_ROUTE)).toEqual([{ media_id: tagged.id, message: 'Glad you like it' }]);
    expect(reply).toMatchObject({ kind: 'comment', postRef: { platformPostId: tagged.id } });
    expect(ig.sim.engagements.get(reply.id)).toMatchObject({ postId: tagged.id, authorId: ana.account.id });
  });
});
