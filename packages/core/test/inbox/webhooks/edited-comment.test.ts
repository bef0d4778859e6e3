import { createFacebookWebhookHandler } from '@smmkit/adapter-facebook';
import { facebookWebhook } from '@smmkit/adapter-facebook/mocks';
import { signGraphWebhook } from '@smmkit/graph-api/mocks';
import { describe, expect, it } from 'vitest';
import { seenStoreOf } from '../../../src/inbox/webhooks/seen-ids-store.js';
import { createWebhookRouter } from '../../../src/inbox/webhooks/webhook-router.js';
import { emitted, START, useInboxWorld } from '../support/world.js';

const APP_SECRET = 'meta-app-secret-edit-41c2';
const PAGE = 'page-1';
const COMMENT = { platform: 'facebook', accountId: PAGE, id: 'page-1_7_1' } as const;

const world = useInboxWorld();

/** An inbox taking Facebook Page webhooks through the router, seen ids in its store. */
function facebookInbox() {
  const inbox = world.inbox({ accounts: [] });
  const router = createWebhookRouter({
    adapters: [{ platform: 'facebook', webhooks: createFacebookWebhookHandler({ appSecret: APP_SECRET }) }],
    onEngagements: async (engagements) => {
      await inbox.ingest(engagements);
    },
    seen: seenStoreOf(world.store(), { clock: world.time }),
    clock: world.time,
  });
  return { inbox, router };
}

/** A signed `feed` comment change, as Meta sends it, sent at `time` (default half a minute before START). */
async function commentChange(
  message: string,
  verb: 'add' | 'edited',
  time: number = START - 30_000,
): Promise<Request> {
  const body = JSON.stringify(
    facebookWebhook.comment({
      pageId: PAGE,
      postId: 'page-1_7',
      commentId: COMMENT.id,
      from: { id: '9', name: 'Bo' },
      message,
      verb,
      time,
    }),
  );
  return new Request('https://app.example/webhooks/facebook', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': await signGraphWebhook(APP_SECRET, body),
    },
    body,
  });
}

describe('an edited Facebook comment through the webhook router', () => {
  it('replaces the text the inbox keeps, and keeps what the team did with it', async () => {
    const { inbox, router } = facebookInbox();
    expect((await router(await commentChange('Where is my order?', 'add'))).status).toBe(200);
    await inbox.assign(COMMENT, 'maria');
    await inbox.markSeen(COMMENT);
    world.time.advance(60_000);

    expect(
      (await router(await commentChange('Where is my order? It is a week late.', 'edited', START + 30_000)))
        .status,
    ).toBe(200);

    expect(await inbox.get(COMMENT)).toMatchObject({
      text: 'Where is my order? It is a week late.',
      editedAt: new Date(START + 30_000), // when Meta says the edit was made
      status: 'seen',
      assignee: 'maria',
      receivedAt: new Date(START),
    });
    const found = [];
    for await (const item of inbox.items({ text: 'week late' })) found.push(item.id);
    expect(found).toEqual([COMMENT.id]);
    expect(emitted(inbox, 'engagement')).toHaveLength(1);
  });

  it('drops a redelivery of the edit, and adds an edit of a comment it never kept as new', async () => {
    const { inbox, router } = facebookInbox();
    await router(await commentChange('Edited before we ever saw it', 'edited'));
    world.time.advance(60_000);
    await router(await commentChange('Edited before we ever saw it', 'edited'));
    expect(await inbox.get(COMMENT)).toMatchObject({
      text: 'Edited before we ever saw it',
      status: 'new',
      editedAt: new Date(START - 30_000),
    });
    expect(emitted(inbox, 'engagement').map(({ item }) => item.text)).toEqual([
      'Edited before we ever saw it',
    ]);
  });

  it('takes an edit back to an earlier text, which is no redelivery of it', async () => {
    const { inbox, router } = facebookInbox();
    await router(await commentChange('Price is 10', 'add', START - 60_000));
    await router(await commentChange('Price is 20', 'edited', START - 30_000));
    await router(await commentChange('Price is 10', 'edited', START));
    expect(await inbox.get(COMMENT)).toMatchObject({ text: 'Price is 10', editedAt: new Date(START) });
  });

  it('keeps the newest text when deliveries come out of order: a late edit or a late original', async () => {
    const { inbox, router } = facebookInbox();
    // The original's delivery failed and Meta retries it after the edits; the edits cross too.
    await router(await commentChange('Third text', 'edited', START));
    await router(await commentChange('Second text', 'edited', START - 30_000));
    await router(await commentChange('First text', 'add', START - 60_000));
    expect(await inbox.get(COMMENT)).toMatchObject({ text: 'Third text', editedAt: new Date(START) });
    expect(emitted(inbox, 'engagement')).toHaveLength(1);
  });

  it('keeps the text of an edit back to the kept text over an older edit retried after it', async () => {
    const { inbox, router } = facebookInbox();
    await router(await commentChange('Price is 10', 'add', START - 60_000));
    // The edit to 20 fails to reach us; the edit back to 10 arrives; then Meta retries the edit to 20.
    await router(await commentChange('Price is 10', 'edited', START));
    await router(await commentChange('Price is 20', 'edited', START - 30_000));
    expect(await inbox.get(COMMENT)).toMatchObject({ text: 'Price is 10', editedAt: new Date(START) });
  });
});
