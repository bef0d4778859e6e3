import type { RequestContext } from '@smmkit/core';
import type { HttpClient, HttpRequest } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/** A context for the account `acct-1` whose token is `tok-1`. */
export const CONTEXT: RequestContext = {
  account: { platform: 'facebook', accountId: 'acct-1', handle: 'ana' },
  tokens: { getAccessToken: async () => 'tok-1' },
};

/**
 * An HttpClient that records every request and answers it with `answer(request)`, parsed through
 * the request's schema as the real client does (so a schema that refuses the body fails here too).
 */
export function recordingHttp(answer: (request: HttpRequest<unknown>) => unknown): {
  readonly http: HttpClient;
  readonly requests: HttpRequest<unknown>[];
} {
  const requests: HttpRequest<unknown>[] = [];
  const http: HttpClient = {
    async request<T>(request: HttpRequest<T>) {
      requests.push(request as HttpRequest<unknown>);
      const body = answer(request as HttpRequest<unknown>);
      const data = (request.schema === undefined ? undefined : z.parse(request.schema, body)) as T;
      return { data, status: 200, headers: new Headers(), rateLimit: undefined };
    },
    accessToken: (context) => context.tokens.getAccessToken({ signal: context.signal }),
  };
  return { http, requests };
}
