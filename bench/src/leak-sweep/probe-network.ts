/**
 * The network between an adapter and its simulator during one probe: an MSW handler, placed
 * before the simulators' own, that answers the probed requests with an echo, and a `fetch` (the
 * adapter's `fetch` option) that makes them reject with a network error instead.
 *
 * The `fetch` also stands the sweep's secrets in for the simulator's tokens: an adapter sends the
 * sweep's access token (which holds `/`, `+`, `=`), and the simulator, which only accepts tokens it
 * issued, receives its own. So every step of a flow before the probed one succeeds, and the
 * echo is of what the adapter sent.
 */
import { type HttpHandler, http } from 'msw';
import type { EchoMode } from './echo-modes.ts';
import type { NetworkErrorMode } from './network-errors.ts';
import type { Reflection } from './reflection.ts';

/** What goes wrong during a probe. */
export interface ProbeFault {
  /** The requests it hits. */
  readonly matches: (request: Request) => boolean;
  /** What of the secrets a request carried the answer echoes. */
  readonly reflect: (request: Request) => Promise<Reflection>;
  /** Answer with this echo… */
  readonly echo?: EchoMode | undefined;
  /** …or make `fetch` reject like this… */
  readonly network?: NetworkErrorMode | undefined;
  /** …or let the simulator answer and rewrite its JSON body (`undefined`: leave that answer be). */
  readonly rewrite?: ((body: string, reflection: Reflection) => string | undefined) | undefined;
}

/** One probe's network. */
export interface ProbeNetwork {
  /** The MSW handler to put before the simulators' handlers. */
  readonly handler: HttpHandler;
  /** The `fetch` to give adapters and auth helpers. */
  readonly fetch: typeof globalThis.fetch;
  /** Sends `real` (a simulator's token) wherever a request carries `shown` (the sweep's). */
  alias(shown: string, real: string): void;
  /** Starts the fault; until then every request reaches the simulators. */
  arm(fault: ProbeFault): void;
  /** How many requests the fault hit. */
  readonly hits: () => number;
}

/**
 * A network for one probe.
 *
 * @param base - the `fetch` under it (the fast-forward clock's, which MSW intercepts)
 */
export function createProbeNetwork(base: typeof globalThis.fetch): ProbeNetwork {
  const aliases = new Map<string, string>();
  let fault: ProbeFault | undefined;
  let hits = 0;

  const handler = http.all('*', async ({ request }) => {
    const echo = fault?.echo;
    if (fault === undefined || echo === undefined || !fault.matches(request)) return undefined;
    const response = echo.respond(await fault.reflect(request));
    if (response !== undefined) hits += 1;
    return response;
  });

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (fault?.network !== undefined && fault.matches(request)) {
      hits += 1;
      throw fault.network.reject(request, await fault.reflect(request));
    }
    const rewrite = fault?.rewrite !== undefined && fault.matches(request) ? fault : undefined;
    const response = await base(aliases.size === 0 ? request : await aliased(request, aliases));
    if (rewrite?.rewrite === undefined) return response;
    const body = rewrite.rewrite(await response.clone().text(), await rewrite.reflect(request));
    if (body === undefined) return response;
    hits += 1;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };

  return {
    handler,
    fetch,
    alias: (shown, real) => {
      aliases.set(shown, real);
      aliases.set(encodeURIComponent(shown), encodeURIComponent(real));
    },
    arm: (next) => {
      fault = next;
    },
    hits: () => hits,
  };
}

/** Text bodies are rewritten; binary ones (multipart uploads) pass as they are. */
const TEXT_BODY = /^(?:application\/(?:json|x-www-form-urlencoded|[\w.+-]*\+json)|text\/)/;

async function aliased(request: Request, aliases: ReadonlyMap<string, string>): Promise<Request> {
  const swap = (text: string): string => {
    let out = text;
    for (const [shown, real] of aliases) out = out.replaceAll(shown, real);
    return out;
  };
  const headers = new Headers();
  for (const [name, value] of request.headers) headers.set(name, swap(value));
  const init: RequestInit = {
    method: request.method,
    headers,
    signal: request.signal,
    redirect: request.redirect,
  };
  if (request.body !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    init.body = TEXT_BODY.test(request.headers.get('content-type') ?? '')
      ? swap(new TextDecoder().decode(bytes))
      : bytes;
    headers.delete('content-length');
  }
  return new Request(swap(request.url), init);
}
