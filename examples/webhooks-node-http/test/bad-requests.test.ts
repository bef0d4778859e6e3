import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createXAdapter } from '@smmkit/adapter-x';
import { createWebhookRouter } from '@smmkit/core/inbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookServer } from '../src/server.js';

const server = createWebhookServer(
  createWebhookRouter({
    adapters: [createXAdapter({ webhookConsumerSecret: 'x-consumer-secret-node-2' })],
    onEngagements: () => undefined,
  }),
);
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Sends `head` as it is, over a socket: fetch would refuse to send a TRACE or a Host with a space.
 * Resolves with the whole answer once the server closes the connection.
 */
function rawRequest(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}Connection: close\r\n\r\n`));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const statusLine = (answer: string) => answer.split('\r\n')[0];

describe('requests that cannot become a fetch Request', () => {
  it('answers 400 to a Host header that makes no URL, and keeps serving', async () => {
    const answer = await rawRequest('GET /webhooks/x HTTP/1.1\r\nHost: a b\r\n');
    expect(statusLine(answer)).toBe('HTTP/1.1 400 Bad Request');
    expect(answer).not.toContain('a b');
    const crc = await rawRequest('GET /webhooks/x?crc_token=abc HTTP/1.1\r\nHost: example.test\r\n');
    expect(statusLine(crc)).toBe('HTTP/1.1 200 OK');
  });

  it('answers 405 with Allow to a TRACE, which fetch refuses to carry, and keeps serving', async () => {
    const answer = await rawRequest('TRACE /webhooks/x HTTP/1.1\r\nHost: example.test\r\n');
    expect(statusLine(answer)).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(answer.toLowerCase()).toContain('allow: get, post');
    const crc = await rawRequest('GET /webhooks/x?crc_token=abc HTTP/1.1\r\nHost: example.test\r\n');
    expect(statusLine(crc)).toBe('HTTP/1.1 200 OK');
  });
});
