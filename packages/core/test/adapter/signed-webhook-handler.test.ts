import { describe, expect, it } from 'vitest';
import {
  createSignedWebhookHandler,
  type SignedWebhookDefinition,
} from '../../src/adapter/signed-webhook-handler.js';
import type { WebhookRequest } from '../../src/adapter/webhooks.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { hmacSha256, timingSafeEqual, toHex } from '../../src/security/signatures.js';

const SECRET = 'app-secret-4f2a';
const HEADER = 'x-example-signature';

function definition(overrides: Partial<SignedWebhookDefinition> = {}): SignedWebhookDefinition {
  return {
    platform: 'example',
    subject: 'Example webhook handler',
    secret: { name: 'appSecret', value: SECRET },
    maxBodyBytes: { name: 'maxBodyBytes', value: undefined },
    signatureHeader: HEADER,
    isSignature: async (secret, body, signature) =>
      timingSafeEqual(signature, toHex(await hmacSha256(secret, body))),
    challenge: async (secret, url) => {
      const code = url.searchParams.get('challenge');
      if (code === null) return undefined;
      return { status: 200, contentType: 'text/plain', body: toHex(await hmacSha256(secret, code)) };
    },
    payload: 'Example webhook payload',
    toEngagements: () => [],
    ...overrides,
  };
}

async function delivery(body: string, signature?: string): Promise<WebhookRequest> {
  const headers = new Headers({ [HEADER]: signature ?? toHex(await hmacSha256(SECRET, body)) });
  return { method: 'POST', url: 'https://app.example/hooks', headers, rawBody: body };
}

function validationErrorOf(run: () => unknown): ValidationError | undefined {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}

describe('createSignedWebhookHandler', () => {
  it('refuses a blank secret and a bad body limit, each under the name the adapter gave it', () => {
    const error = validationErrorOf(() =>
      createSignedWebhookHandler(
        definition({ secret: { name: 'appSecret', value: ' ' }, maxBodyBytes: { name: 'limit', value: 0 } }),
      ),
    );
    expect(error?.platform).toBe('example');
    expect(error?.problems).toMatchObject([
      { path: ['appSecret'], rule: 'settings.required' },
      { path: ['limit'], rule: 'settings.positive_integer' },
    ]);
  });

  it('answers a GET challenge with the secret and leaves other requests to the app', async () => {
    const handler = createSignedWebhookHandler(definition());
    const answer = await handler.challenge({
      method: 'get',
      url: 'https://app.example/hooks?challenge=abc',
      headers: new Headers(),
      rawBody: '',
    });
    expect(answer).toEqual({
      status: 200,
      contentType: 'text/plain',
      body: toHex(await hmacSha256(SECRET, 'abc')),
    });
    expect(
      await handler.challenge({
        method: 'POST',
        url: 'https://app.example/hooks?challenge=abc',
        headers: new Headers(),
        rawBody: '',
      }),
    ).toBeUndefined();
  });

  it('verifies a signed delivery and refuses a wrong, missing or oversized one', async () => {
    const handler = createSignedWebhookHandler(
      definition({ maxBodyBytes: { name: 'maxBodyBytes', value: 20 } }),
    );
    expect(await handler.verify(await delivery('{"ok":true}'))).toBe(true);
    expect(await handler.verify(await delivery('{"ok":true}', 'ff'.repeat(32)))).toBe(false);
    const unsigned = await delivery('{"ok":true}');
    unsigned.headers.delete(HEADER);
    expect(await handler.verify(unsigned)).toBe(false);
    expect(await handler.verify(await delivery(`{"pad":"${'x'.repeat(30)}"}`))).toBe(false);
  });

  it("parses a delivery's JSON into the platform's engagements, refusing a body that is not JSON or too large", async () => {
    const seen: unknown[] = [];
    const handler = createSignedWebhookHandler(
      definition({
        maxBodyBytes: { name: 'maxBodyBytes', value: 20 },
        toEngagements: (json) => {
          seen.push(json);
          return [];
        },
      }),
    );
    expect(handler.parse(await delivery('{"event":1}'))).toEqual([]);
    expect(seen).toEqual([{ event: 1 }]);
    expect(
      validationErrorOf(() =>
        handler.parse({ method: 'POST', url: 'https://a.example', headers: new Headers(), rawBody: 'nope' }),
      )?.problems,
    ).toMatchObject([{ rule: 'webhook.invalid_json' }]);
    const large = `{"pad":"${'x'.repeat(30)}"}`;
    expect(
      validationErrorOf(() =>
        handler.parse({ method: 'POST', url: 'https://a.example', headers: new Headers(), rawBody: large }),
      )?.problems,
    ).toMatchObject([{ rule: 'webhook.body_too_large', limit: 20 }]);
  });
});
