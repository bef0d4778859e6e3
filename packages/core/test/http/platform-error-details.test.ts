import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/errors/platform-error.js';
import { classifyByStatus } from '../../src/http/classify-by-status.js';
import { platformErrorDetails, platformFailure } from '../../src/http/platform-error-details.js';
import type { PlatformResponse } from '../../src/http/platform-response.js';

function response(overrides: Partial<PlatformResponse>): PlatformResponse {
  return {
    platform: 'example',
    operation: 'create post',
    method: 'POST',
    path: '/posts',
    status: 422,
    headers: new Headers(),
    body: undefined,
    rateLimit: undefined,
    retryAt: undefined,
    receivedAt: 0,
    createsResource: true,
    ...overrides,
  };
}

const readAcme = (record: Readonly<Record<string, unknown>>) => ({
  code: typeof record.code === 'number' ? record.code : undefined,
  message: typeof record.msg === 'string' ? record.msg : undefined,
  type: undefined,
});

describe('platformErrorDetails', () => {
  it('reads a JSON body with the platform reader, leaving out the fields it did not find', () => {
    expect(platformErrorDetails({ code: 17, msg: 'Too long' }, readAcme)).toStrictEqual({
      code: 17,
      message: 'Too long',
    });
    expect(platformErrorDetails({ msg: 'Too long' }, readAcme)).toStrictEqual({ message: 'Too long' });
  });

  it('says nothing for a body that names nothing, is empty or is not JSON or text', () => {
    expect(platformErrorDetails({ other: true }, readAcme)).toBeUndefined();
    expect(platformErrorDetails('   ', readAcme)).toBeUndefined();
    expect(platformErrorDetails(undefined, readAcme)).toBeUndefined();
    expect(platformErrorDetails(42, readAcme)).toBeUndefined();
  });

  it('keeps a text body as the message, trimmed and cut at 500 characters', () => {
    expect(platformErrorDetails('  Bad Gateway \n', readAcme)).toEqual({ message: 'Bad Gateway' });
    expect(platformErrorDetails('x'.repeat(600), readAcme)?.message).toHaveLength(500);
  });
});

describe('platformFailure', () => {
  it('names the operation, request and status, then quotes the platform, and carries the details', () => {
    const { message, options } = platformFailure(response({ status: 422 }), {
      code: 17,
      message: 'Too long',
    });
    expect(message).toBe('create post failed (POST /posts → 422): Too long');
    expect(options).toMatchObject({
      platform: 'example',
      status: 422,
      platformError: { code: 17, message: 'Too long' },
    });
  });

  it('quotes nothing when the platform said nothing', () => {
    expect(platformFailure(response({ status: 500 }), undefined).message).toBe(
      'create post failed (POST /posts → 500)',
    );
  });
});

describe('classifyByStatus with the details an adapter read', () => {
  it("uses the adapter's details instead of guessing from the body", () => {
    const error = classifyByStatus(response({ status: 404, body: { message: 'generic words' } }), {
      code: 'gone',
      message: 'The post was deleted',
    });
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('create post failed (POST /posts → 404): The post was deleted');
    expect(error.platformError).toEqual({ code: 'gone', message: 'The post was deleted' });
  });
});
