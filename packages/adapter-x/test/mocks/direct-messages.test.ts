import { describe, expect, it } from 'vitest';
import { conversationIdOf } from '../../src/mocks/index.js';
import { useXSimulator } from './support/use-x-simulator.js';
import { call, data, read } from './support/x-client.js';

const { x, clock } = useXSimulator();

const ana = x.addAccount('ana');
const bob = x.addAccount('bob');
const cleo = x.addAccount('cleo');

const api = (path: string, options: Parameters<typeof call>[2] = {}) =>
  call(x.baseUrl, path, { token: ana.accessToken, ...options });
const toConversation = (id: string, json: unknown, token = ana.accessToken) =>
  api(`/2/dm_conversations/${id}/messages`, { method: 'POST', json, token });
const toParticipant = (id: string, json: unknown, token = ana.accessToken) =>
  api(`/2/dm_conversations/with/${id}/messages`, { method: 'POST', json, token });

describe('POST /2/dm_conversations/:dm_conversation_id/messages', () => {
  it('sends into a one-to-one conversation the caller is in and answers 201 with its ids', async () => {
    const conversation = conversationIdOf(ana.account.id, bob.account.id);
    const sent = await toConversation(conversation, { text: 'hello again' });
    expect(sent.status).toBe(201);
    const sentData = await data(sent);
    expect(sentData).toEqual({ dm_conversation_id: conversation, dm_event_id: expect.any(String) });
    const received = await read(
      await api('/2/dm_events?dm_event.fields=sender_id,dm_conversation_id', { token: bob.accessToken }),
    );
    expect(received.data).toEqual([
      {
        id: sentData.dm_event_id,
        event_type: 'MessageCreate',
        text: 'hello again',
        sender_id: ana.account.id,
        dm_conversation_id: conversation,
      },
    ]);
  });

  it('answers 404 problem JSON for a conversation the caller is not in or that does not exist', async () => {
    for (const id of [
      conversationIdOf(bob.account.id, cleo.account.id),
      '12345',
      `${ana.account.id}-999999`,
    ]) {
      const refused = await toConversation(id, { text: 'hi' });
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await read(refused)).toMatchObject({
        title: 'Not Found Error',
        type: 'https://api.x.com/2/problems/resource-not-found',
        resource_type: 'dm_conversation',
        parameter: 'dm_conversation_id',
        value: id,
      });
    }
    expect(x.sim.engagements.size).toBe(0);
  });

  it('validates the body against CreateDirectMessagesByConversationIdRequest', async () => {
    const conversation = conversationIdOf(ana.account.id, bob.account.id);
    const cases: [unknown, string][] = [
      [{}, '$: must have at least one of text, attachments'],
      [{ text: '' }, '$.text: must be at least 1 characters long'],
      [
        { text: 'hi', subject: 'x' },
        '$.subject: is not defined in the schema and the schema does not allow additional properties',
      ],
      [
        { attachments: [{ media_id: 'abc' }] },
        '$.attachments[0].media_id: does not match the regex pattern ^[0-9]{1,19}$',
      ],
    ];
    for (const [json, message] of cases) {
      const refused = await toConversation(conversation, json);
      expect(refused.status).toBe(400);
      expect(await read(refused)).toMatchObject({
        type: 'https://api.x.com/2/problems/invalid-request',
        errors: [{ message }],
      });
    }
    const unknownMedia = await toConversation(conversation, { attachments: [{ media_id: '77' }] });
    expect((await read(unknownMedia)).errors).toMatchObject([{ message: 'Your media IDs are invalid.' }]);
    expect(x.sim.engagements.size).toBe(0);
  });

  it('needs dm.write and shares the DM send limit of 15 per 15 minutes', async () => {
    const reader = x.addAccount('reader', { scopes: ['dm.read', 'tweet.read', 'users.read'] });
    const conversation = conversationIdOf(reader.account.id, bob.account.id);
    expect((await toConversation(conversation, { text: 'hi' }, reader.accessToken)).status).toBe(403);
    const ana2bob = conversationIdOf(ana.account.id, bob.account.id);
    for (let index = 0; index < 15; index += 1) {
      const send =
        index % 2 === 0
          ? toConversation(ana2bob, { text: `m${index}` })
          : toParticipant(bob.account.id, { text: `m${index}` });
      expect((await send).status).toBe(201);
    }
    const limited = await toConversation(ana2bob, { text: 'one too many' });
    expect(limited.status).toBe(429);
  });
});

describe('GET /2/dm_conversations/with/:participant_id/dm_events', () => {
  it('lists only the events exchanged with that participant, both ways, newest first and paged', async () => {
    const [fromBob] = x.seedDirectMessages(ana.account.id, 1);
    clock.advance(1_000);
    const toBob = await data(await toParticipant(bob.account.id, { text: 'to bob' }));
    await toParticipant(cleo.account.id, { text: 'to cleo' });
    const fromBobAsBob = await toParticipant(ana.account.id, { text: 'bob writes' }, bob.accessToken);
    expect(fromBobAsBob.status).toBe(201);
    const bobWrites = await data(fromBobAsBob);

    const page = await read(
      await api(
        `/2/dm_conversations/with/${bob.account.id}/dm_events?max_results=1&dm_event.fields=sender_id&expansions=sender_id&user.fields=username`,
      ),
    );
    expect(page.data).toEqual([
      {
        id: bobWrites.dm_event_id,
        event_type: 'MessageCreate',
        text: 'bob writes',
        sender_id: bob.account.id,
      },
    ]);
    expect(page.includes).toEqual({
      users: [expect.objectContaining({ id: bob.account.id, username: 'bob' })],
    });
    const meta = page.meta as { result_count: number; next_token: string };
    expect(meta).toEqual({ result_count: 1, next_token: expect.any(String) });
    const rest = await read(
      await api(`/2/dm_conversations/with/${bob.account.id}/dm_events?pagination_token=${meta.next_token}`),
    );
    expect((rest.data as { id: string }[]).map((event) => event.id)).toEqual([toBob.dm_event_id]);
    expect(rest.meta).toEqual({ result_count: 1, previous_token: expect.any(String) });
    // The seeded message came from a fan account, not from bob.
    expect(fromBob?.authorId).not.toBe(bob.account.id);
  });

  it('refuses a malformed participant_id (400), an unknown user (404) and max_results out of 1..100', async () => {
    const malformed = await api('/2/dm_conversations/with/bob/dm_events');
    expect(malformed.status).toBe(400);
    expect(await read(malformed)).toMatchObject({ type: 'https://api.x.com/2/problems/invalid-request' });
    const unknown = await api('/2/dm_conversations/with/999999/dm_events');
    expect(unknown.status).toBe(404);
    expect(await read(unknown)).toMatchObject({ resource_type: 'user', parameter: 'participant_id' });
    expect((await api(`/2/dm_conversations/with/${bob.account.id}/dm_events?max_results=101`)).status).toBe(
      400,
    );
  });

  it('needs dm.read', async () => {
    const writer = x.addAccount('writer', { scopes: ['tweet.read', 'users.read'] });
    const refused = await api(`/2/dm_conversations/with/${bob.account.id}/dm_events`, {
      token: writer.accessToken,
    });
    expect(refused.status).toBe(403);
  });
});

describe('a path X does not serve', () => {
  it('answers 404 problem JSON for any method, with or without a token, and logs it', async () => {
    const cases: [string, string, string | undefined][] = [
      ['GET', '/2/tweets/1/nothing', ana.accessToken],
      ['POST', '/2/dm_conversations', ana.accessToken],
      ['DELETE', '/3/tweets/1', undefined],
      ['PATCH', '/2/tweets', ana.accessToken],
    ];
    for (const [method, path, token] of cases) {
      const response = await call(x.baseUrl, path, { method, token });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await read(response)).toEqual({
        title: 'Not Found Error',
        detail: 'Sorry, that page does not exist.',
        type: 'https://api.x.com/2/problems/resource-not-found',
        resource_type: 'endpoint',
        resource_id: `${method} ${path}`,
        status: 404,
      });
    }
    expect(x.sim.log.entries.map((entry) => [entry.route, entry.status])).toEqual(
      cases.map(([method]) => [`${method} /*`, 404]),
    );
  });

  it('still answers the routes it serves', async () => {
    expect((await api('/2/users/me')).status).toBe(200);
  });
});
