import { nonexistingField } from '@smmkit/graph-api/mocks';
import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

// Graph's error response: message, type, code, error_subcode, error_user_title, error_user_msg,
// fbtrace_id (https://developers.facebook.com/docs/graph-api/guides/error-handling).
const h = useFacebook();

type Json = Record<string, unknown>;
const errorOf = async (response: Response): Promise<Json> =>
  ((await response.json()) as { error: Json }).error;

describe("the simulator's (#100) nonexisting field refusals", () => {
  it("answer a Page token's /me/accounts in the same shape as graph-api's nonexistingField, without is_transient", async () => {
    const response = await fetch(`${h.facebook.baseUrl}/v26.0/me/accounts`, {
      headers: { authorization: `Bearer ${h.acme.accessToken}` },
    });
    expect(response.status).toBe(400);
    const notOnPage = await errorOf(response);
    const refused = nonexistingField(['accounts'], new Set(['id']), 'Page');
    if (refused === undefined) throw new Error('accounts should be refused');
    const shared = await errorOf(refused);

    expect(notOnPage).toEqual({ ...shared, fbtrace_id: expect.any(String) });
    expect(Object.keys(notOnPage).sort()).toEqual(['code', 'fbtrace_id', 'message', 'type']);
  });
});
