import type { PlatformSimulator } from '@smmkit/testkit';
import { getResponse } from 'msw';

/**
 * A `fetch` that the given simulators answer, with nothing intercepted globally: the test's own
 * `fetch` still reaches the callback server on 127.0.0.1. A request no simulator takes fails.
 * `rewrite` sends a host to another one first (the Instagram simulator serves Instagram Login's
 * code exchange, `api.instagram.com`, on its own host).
 */
export function simulatorsFetch(
  simulators: readonly PlatformSimulator[],
  rewrite: Readonly<Record<string, string>> = {},
): typeof globalThis.fetch {
  const handlers = simulators.flatMap((simulator) => [...simulator.handlers]);
  return async (input, init) => {
    const original = new Request(input, init);
    const url = new URL(original.url);
    const host = rewrite[url.host];
    if (host !== undefined) url.host = host;
    const request = host === undefined ? original : new Request(url, original);
    const response = await getResponse(handlers, request);
    if (response === undefined)
      throw new TypeError(`No simulator answers ${request.method} ${url.origin}${url.pathname}`);
    return response;
  };
}
