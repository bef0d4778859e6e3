import { describe, expect, it } from 'vitest';
import { invalidParameter, unsupportedRequest } from '../../src/mocks/index.js';

type Json = Record<string, unknown>;

const errorOf = async (response: Response): Promise<Json> =>
  ((await response.json()) as { error: Json }).error;

describe('invalidParameter', () => {
  it("answers a plain (#100) in the error-handling guide's shape, without is_transient", async () => {
    // https://developers.facebook.com/docs/graph-api/guides/error-handling
    const error = await errorOf(invalidParameter('The parameter message is required'));
    expect(error).toEqual({
      message: '(#100) The parameter message is required',
      type: 'OAuthException',
      code: 100,
      fbtrace_id: expect.any(String),
    });
  });

  it('says is_transient: false beside a subcode, its user title and message, as Meta’s error-code sample does', async () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
    const error = await errorOf(invalidParameter('The media type GIF is not supported.', 2207023));
    expect(error).toEqual({
      message: 'Invalid parameter',
      type: 'OAuthException',
      code: 100,
      error_subcode: 2207023,
      is_transient: false,
      error_user_title: 'Invalid parameter',
      error_user_msg: 'The media type GIF is not supported.',
      fbtrace_id: expect.any(String),
    });
  });
});

describe('unsupportedRequest', () => {
  it('answers an unknown id as Graph does: 100/33, type GraphMethodException, the verb in the message', async () => {
    // https://developers.facebook.com/docs/graph-api/guides/error-handling (code 100)
    const error = await errorOf(unsupportedRequest('DELETE', '104_9'));
    expect(error).toEqual({
      message: expect.stringMatching(/^Unsupported delete request\. Object with ID '104_9' does not exist/),
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
      fbtrace_id: expect.any(String),
    });
  });
});
