import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signXWebhook, xAccountActivityEvent, xCrcResponse } from '../../src/mocks/index.js';

const SECRET = 'consumer-secret';
const ana = { id: '1000000000000000001', username: 'ana' };
const bob = { id: '1000000000000000002', username: 'bob', name: 'Bob' };

describe('webhook helpers', () => {
  it('signs a body as sha256= + base64 HMAC-SHA256 with the consumer secret', async () => {
    const body = '{"for_user_id":"1"}';
    const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('base64')}`;
    expect(await signXWebhook(SECRET, body)).toBe(expected);
    expect(await xCrcResponse(SECRET, 'challenge')).toEqual({
      response_token: `sha256=${createHmac('sha256', SECRET).update('challenge').digest('base64')}`,
    });
  });

  it('builds a tweet_create_events payload with a v1.1 Tweet', () => {
    const payload = xAccountActivityEvent.tweetCreate({
      forUserId: ana.id,
      tweet: {
        id: '1000000000000000009',
        text: '@ana hello',
        author: bob,
        createdAt: Date.parse('2018-10-10T20:19:24.000Z'),
        inReplyTo: { id: '1000000000000000005', user: ana },
      },
    });
    expect(payload).toMatchObject({
      for_user_id: ana.id,
      tweet_create_events: [
        {
          created_at: 'Wed Oct 10 20:19:24 +0000 2018',
          id_str: '1000000000000000009',
          text: '@ana hello',
          in_reply_to_status_id_str: '1000000000000000005',
          in_reply_to_user_id_str: ana.id,
          in_reply_to_screen_name: 'ana',
          user: { id_str: bob.id, screen_name: 'bob', name: 'Bob' },
          entities: { user_mentions: [{ screen_name: 'ana', indices: [0, 4] }] },
        },
      ],
    });
  });

  it('cuts a post over 140 characters as compatibility mode does, its whole in extended_tweet', () => {
    const text = `@bob ${'word '.repeat(40)}and @ana at the end`;
    const [event] = xAccountActivityEvent.tweetCreate({
      forUserId: ana.id,
      tweet: { id: '1000000000000000009', text, author: bob, createdAt: 0, mentions: [ana] },
    }).tweet_create_events as Record<string, unknown>[];
    expect(event).toMatchObject({
      truncated: true,
      text: `${text.slice(0, 115)}… https://t.co/0000000009`,
      entities: {
        user_mentions: [{ screen_name: 'bob', indices: [0, 4] }],
        urls: [{ url: 'https://t.co/0000000009', indices: [117, 140] }],
      },
      extended_tweet: {
        full_text: text,
        display_text_range: [0, text.length],
        entities: {
          user_mentions: [
            { screen_name: 'bob', indices: [0, 4] },
            { screen_name: 'ana', id_str: ana.id, indices: [text.indexOf('@ana'), text.indexOf('@ana') + 4] },
          ],
        },
      },
    });
    expect(String(event?.text)).toHaveLength(140);
  });

  it('builds a direct_message_events payload with the users map', () => {
    const payload = xAccountActivityEvent.directMessage({
      forUserId: ana.id,
      message: { id: '77', text: 'hi', sender: bob, recipient: ana, createdAt: 1_700_000_000_000 },
    });
    expect(payload).toEqual({
      for_user_id: ana.id,
      direct_message_events: [
        {
          type: 'message_create',
          id: '77',
          created_timestamp: '1700000000000',
          message_create: {
            target: { recipient_id: ana.id },
            sender_id: bob.id,
            message_data: {
              text: 'hi',
              entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
            },
          },
        },
      ],
      users: {
        [bob.id]: { id: bob.id, created_timestamp: '1700000000000', name: 'Bob', screen_name: 'bob' },
        [ana.id]: { id: ana.id, created_timestamp: '1700000000000', name: 'ana', screen_name: 'ana' },
      },
    });
  });
});
